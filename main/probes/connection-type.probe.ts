import type { LinkInfo } from './platform/platform-types';
import { outcome, unresolved } from './probe-kit';
import type { Probe } from './probe-types';

const kindWords: Record<LinkInfo['kind'], string> = {
  wired: 'a network cable',
  wifi: 'Wi-Fi',
  cellular: 'mobile data',
  vpn: 'a VPN',
  other: 'an unrecognised kind of network link',
};

/** Wired beats Wi-Fi for a steady call (ACTO guidance, 2020); a VPN is graded by the link beneath it. */
export const connectionTypeProbe: Probe = {
  id: 'connection.type',
  async run({ facts }) {
    const fact = await facts.route();
    if (fact.state !== 'known') return unresolved(fact, 'Could not tell how this computer is connected');
    const { primary, physical } = fact.value;
    if (!primary)
      return outcome('fail', 'This computer is not connected to a network.', { ...fact.evidence, kind: null });
    const vpn = primary.kind === 'vpn';
    const evidence = {
      ...fact.evidence,
      interface: primary.name,
      kind: primary.kind,
      physicalKind: physical?.kind ?? null,
      vpn,
    };
    const through = vpn ? ' through a VPN' : '';
    if (!physical || physical.kind === 'other' || physical.kind === 'vpn') {
      return outcome(
        'unknown',
        vpn
          ? 'Connected through a VPN; could not tell whether the link underneath is a cable or Wi-Fi.'
          : `Connected by ${kindWords[primary.kind]}; could not tell whether it is a cable or Wi-Fi.`,
        evidence,
      );
    }
    switch (physical.kind) {
      case 'wired':
        return outcome('pass', `Connected by a network cable${through}.`, evidence);
      case 'wifi':
        return outcome('warn', `Connected by Wi-Fi${through}. A network cable gives a steadier call.`, evidence);
      case 'cellular':
        return outcome(
          'warn',
          `Connected by mobile data${through}. A cable or a good Wi-Fi network is steadier.`,
          evidence,
        );
    }
  },
};
