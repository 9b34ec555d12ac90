import { limitsEvidence } from '../../shared/settings/thresholds';
import { outcome, round, unresolved } from './probe-kit';
import type { Probe } from './probe-types';

/** Video needs spare processor time and memory; the limits in Settings flag a machine too busy to encode smoothly. */

export function createComputerHeadroomProbe(windowMs = 400): Probe {
  return {
    id: 'computer.headroom',
    async run({ facts, settings }) {
      const fact = await facts.headroom(windowMs);
      if (fact.state !== 'known') return unresolved(fact, 'Could not read the processor and memory use');
      const h = fact.value;
      const availableGb = round(h.memAvailableBytes / 1024 ** 3, 1);
      const evidence = {
        ...fact.evidence,
        cpuBusyPercent: round(h.cpuBusyPercent),
        cores: h.cores,
        memTotalGb: round(h.memTotalBytes / 1024 ** 3, 1),
        memAvailableGb: availableGb,
        limits: limitsEvidence('headroom', settings.thresholds),
      };
      const limits = settings.thresholds.headroom;
      const cpuBusy = h.cpuBusyPercent >= limits.cpuBusyWarnPercent;
      const memLow =
        h.memAvailableBytes < limits.memoryWarnBelowGb * 1024 ** 3 ||
        h.memAvailableBytes < (limits.memoryWarnBelowPercent / 100) * h.memTotalBytes;
      const figures = `processor ${round(h.cpuBusyPercent)} % busy, ${availableGb} GB memory free`;
      if (cpuBusy || memLow) {
        const what = cpuBusy && memLow ? 'busy and low on memory' : cpuBusy ? 'busy' : 'low on memory';
        return outcome('warn', `The computer is ${what} (${figures}). Close programs you do not need.`, evidence);
      }
      return outcome('pass', `Enough room for video (${figures}).`, evidence);
    },
  };
}
