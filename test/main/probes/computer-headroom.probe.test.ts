import { describe, expect, it } from 'vitest';

import { createComputerHeadroomProbe } from '../../../main/probes/computer-headroom.probe';
import { known } from '../../../main/probes/platform/platform-types';
import { defaultSettings } from '../../../shared/settings/settings';
import { fakeFacts, probeContext } from './helpers/probe-test-kit';

const GB = 1024 ** 3;
const run = (cpu: number, availableGb: number, totalGb = 16) =>
  createComputerHeadroomProbe(10).run(
    probeContext({
      facts: fakeFacts({
        headroom: async () =>
          known({ cpuBusyPercent: cpu, cores: 4, memTotalBytes: totalGb * GB, memAvailableBytes: availableGb * GB }),
      }),
    }),
  );

describe('computer.headroom', () => {
  it('passes with spare processor time and memory', async () => {
    expect(await run(20, 6)).toMatchObject({ status: 'pass', evidence: { cpuBusyPercent: 20, memAvailableGb: 6 } });
  });

  it('warns when the processor is busy', async () => {
    expect((await run(92, 6)).summary).toMatch(/busy/);
  });

  it('warns when memory is low in absolute or relative terms', async () => {
    expect((await run(10, 0.5)).status).toBe('warn');
    expect((await run(10, 2, 64)).status).toBe('warn');
  });
});

describe('computer.headroom with the limits from Settings', () => {
  it('warns at the therapist own limits and records them in the evidence', async () => {
    const settings = {
      ...defaultSettings,
      thresholds: {
        ...defaultSettings.thresholds,
        headroom: { cpuBusyWarnPercent: 50, memoryWarnBelowGb: 4, memoryWarnBelowPercent: 10 },
      },
    };
    const probe = createComputerHeadroomProbe(10);
    const measure = (cpu: number, availableGb: number) =>
      probe.run(
        probeContext({
          settings,
          facts: fakeFacts({
            headroom: async () =>
              known({ cpuBusyPercent: cpu, cores: 4, memTotalBytes: 16 * GB, memAvailableBytes: availableGb * GB }),
          }),
        }),
      );
    expect((await measure(60, 8)).summary).toMatch(/busy/);
    expect((await measure(20, 3)).summary).toMatch(/low on memory/);
    const fine = await measure(20, 8);
    expect(fine.status).toBe('pass');
    expect(fine.evidence.limits).toEqual({
      cpuBusyWarnPercent: 50,
      memoryWarnBelowGb: 4,
      memoryWarnBelowPercent: 10,
      changedInSettings: true,
    });
  });
});
