import { limitsEvidence } from '../../shared/settings/thresholds';
import { outcome, unresolved } from './probe-kit';
import type { Probe } from './probe-types';

/**
 * A laptop should be plugged in, or at least well charged, for a 50-minute session (NHS
 * video-consultation advice); below the limit in Settings (30 % by default) on battery is a problem.
 */
export const computerPowerProbe: Probe = {
  id: 'computer.power',
  async run({ facts, settings }) {
    const fact = await facts.power();
    if (fact.state !== 'known') return unresolved(fact, 'Could not read the power state');
    const { battery } = fact.value;
    if (!battery) return outcome('pass', 'Runs on mains power (no battery).', { ...fact.evidence, hasBattery: false });
    const limit = settings.thresholds.battery.failBelowPercent;
    const evidence = {
      ...fact.evidence,
      hasBattery: true,
      onBattery: battery.onBattery,
      percent: battery.percent,
      limits: limitsEvidence('battery', settings.thresholds),
    };
    const charge = battery.percent === null ? 'unknown charge' : `${battery.percent} % charged`;
    if (!battery.onBattery) return outcome('pass', `Plugged in (${charge}).`, evidence);
    if (battery.percent === null)
      return outcome('warn', 'Running on battery. Plug in the charger before the session.', evidence);
    if (battery.percent < limit)
      return outcome(
        'fail',
        `Running on battery with only ${battery.percent} % left. Plug in the charger now.`,
        evidence,
      );
    return outcome('warn', `Running on battery (${charge}). Plug in the charger before the session.`, evidence);
  },
};
