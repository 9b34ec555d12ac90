import { outcome, unresolved } from './probe-kit';
import type { Probe } from './probe-types';

/** A laptop should be plugged in, or at least well charged, for a 50-minute session (NHS video-consultation advice). */
export const computerPowerProbe: Probe = {
  id: 'computer.power',
  async run({ facts }) {
    const fact = await facts.power();
    if (fact.state !== 'known') return unresolved(fact, 'Could not read the power state');
    const { battery } = fact.value;
    if (!battery) return outcome('pass', 'Runs on mains power (no battery).', { ...fact.evidence, hasBattery: false });
    const evidence = { ...fact.evidence, hasBattery: true, onBattery: battery.onBattery, percent: battery.percent };
    const charge = battery.percent === null ? 'unknown charge' : `${battery.percent} % charged`;
    if (!battery.onBattery) return outcome('pass', `Plugged in (${charge}).`, evidence);
    if (battery.percent === null)
      return outcome('warn', 'Running on battery. Plug in the charger before the session.', evidence);
    if (battery.percent < 30)
      return outcome(
        'fail',
        `Running on battery with only ${battery.percent} % left. Plug in the charger now.`,
        evidence,
      );
    return outcome('warn', `Running on battery (${charge}). Plug in the charger before the session.`, evidence);
  },
};
