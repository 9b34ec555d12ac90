import { defaultThresholds, limitsEvidence, type Thresholds } from '../../shared/settings/thresholds';
import { outcome, unresolved } from './probe-kit';
import type { Probe } from './probe-types';

/** dBm from a 0–100 % quality figure, as Windows and NetworkManager convert it. */
export function percentToDbm(percent: number): number {
  return Math.round(percent / 2 - 100);
}

/** By default pass at −60 dBm or better, warn down to −70, fail below; the limits can be changed in Settings. */
export function gradeSignal(
  dbm: number,
  limits: Thresholds['wifi'] = defaultThresholds.wifi,
): 'pass' | 'warn' | 'fail' {
  if (dbm >= limits.warnBelowDbm) return 'pass';
  if (dbm >= limits.failBelowDbm) return 'warn';
  return 'fail';
}

export const connectionWifiSignalProbe: Probe = {
  id: 'connection.wifi-signal',
  async run({ facts, settings }) {
    const route = await facts.route();
    if (route.state !== 'known') return unresolved(route, 'Could not tell whether this computer uses Wi-Fi');
    const link = route.value.physical;
    if (!route.value.primary) return outcome('skipped', 'Not connected to any network.', route.evidence);
    if (!link) return outcome('unknown', 'Could not tell whether this computer uses Wi-Fi.', route.evidence);
    // Only a link known to be a cable or mobile data rules Wi-Fi out; an unrecognised one could still be Wi-Fi.
    if (link.kind === 'other' || link.kind === 'vpn') {
      return outcome('unknown', 'Could not tell whether this computer uses Wi-Fi.', {
        ...route.evidence,
        kind: link.kind,
      });
    }
    if (link.kind !== 'wifi') {
      return outcome('skipped', 'Not on Wi-Fi, so the signal does not matter.', { kind: link.kind });
    }
    const wifi = await facts.wifi(link);
    if (wifi.state !== 'known') return unresolved(wifi, 'Could not read the Wi-Fi signal');
    const { dbm, percent, open } = wifi.value;
    const level = dbm ?? (percent !== null ? percentToDbm(percent) : null);
    if (level === null) return outcome('unknown', 'Could not read the Wi-Fi signal.', wifi.evidence);
    const evidence = {
      ...wifi.evidence,
      dbm: level,
      estimatedFromPercent: dbm === null,
      open,
      limits: limitsEvidence('wifi', settings.thresholds),
    };
    const grade = gradeSignal(level, settings.thresholds.wifi);
    const words = grade === 'pass' ? 'strong' : grade === 'warn' ? 'fair' : 'weak';
    const openNote = open ? ' This Wi-Fi network has no password, so others nearby can join it.' : '';
    const summary = `The Wi-Fi signal is ${words} (${level} dBm).${grade === 'pass' ? '' : ' Move closer to the router or use a cable.'}${openNote}`;
    return outcome(grade === 'pass' && open ? 'warn' : grade, summary, evidence);
  },
};
