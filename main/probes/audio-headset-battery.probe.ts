import { listNames, outcome, unresolved } from './probe-kit';
import type { Probe } from './probe-types';

/**
 * Charge a wireless headset needs for one session: about a quarter of a charge per hour of calls (Apple
 * rates AirPods Pro at about 4½ hours of talk time; most over-ear headsets last longer) plus a tenth in
 * reserve. Below a tenth it is likely to die during the session whatever its type.
 */
export function neededPercent(sessionMinutes: number): number {
  return Math.min(90, Math.round((sessionMinutes / 60) * 25 + 10));
}
export const flatPercent = 10;

/** A wireless headset that runs flat mid-session leaves the client talking to silence. */
export const audioHeadsetBatteryProbe: Probe = {
  id: 'audio.headset-battery',
  async run({ facts, settings }) {
    const fact = await facts.headsets();
    if (fact.state !== 'known') return unresolved(fact, 'Could not read the headset charge');
    const { headsets } = fact.value;
    const need = neededPercent(settings.sessionMinutes);
    const evidence = { ...fact.evidence, neededPercent: need, sessionMinutes: settings.sessionMinutes };
    if (headsets.length === 0) {
      return outcome(
        'skipped',
        'No Bluetooth headset is connected. If yours connects another way, check its charge yourself.',
        evidence,
      );
    }
    const silent = headsets.filter((h) => h.percent === null).map((h) => h.name);
    const reported = headsets.filter((h): h is { name: string; percent: number } => h.percent !== null);
    const lowest = [...reported].sort((a, b) => a.percent - b.percent)[0];
    if (lowest && lowest.percent <= flatPercent) {
      return outcome(
        'fail',
        `${lowest.name} has only ${lowest.percent} % charge left. Charge it or use a wired headset.`,
        evidence,
      );
    }
    if (lowest && lowest.percent < need) {
      return outcome(
        'warn',
        `${lowest.name} is at ${lowest.percent} %, which may not last a ${settings.sessionMinutes}-minute session. Charge it or keep a wired headset at hand.`,
        evidence,
      );
    }
    if (silent.length > 0) {
      return outcome(
        'unknown',
        `${listNames(silent)} ${silent.length === 1 ? 'does' : 'do'} not tell the computer how charged ${silent.length === 1 ? 'it is' : 'they are'}. Check the charge on the headset or its app.`,
        evidence,
      );
    }
    const names = reported.map((h) => `${h.name} (${h.percent} %)`);
    return outcome(
      'pass',
      `${listNames(names)} ${reported.length === 1 ? 'has' : 'have'} enough charge for a ${settings.sessionMinutes}-minute session.`,
      evidence,
    );
  },
};
