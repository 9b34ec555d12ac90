import { listNames, outcome, unresolved } from './probe-kit';
import type { Probe } from './probe-types';

/** A firewall is part of the basic protection the guidance expects on a clinical computer (ACTO guidance, 2020). */
export const securityFirewallProbe: Probe = {
  id: 'security.firewall',
  async run({ facts }) {
    const fact = await facts.firewall();
    if (fact.state !== 'known') return unresolved(fact, 'Could not read the firewall state');
    const { state, provider, offProfiles } = fact.value;
    const evidence = { ...fact.evidence, state, provider, offProfiles: [...offProfiles] };
    if (state === 'on') return outcome('pass', `The firewall is on (${provider}).`, evidence);
    if (state === 'partly') {
      return outcome(
        'warn',
        `The firewall is on for this network but off for ${listNames(offProfiles.map((p) => `${p.toLowerCase()} networks`))}.`,
        evidence,
      );
    }
    return outcome('fail', `The firewall is off (${provider}). Turn it on before the session.`, evidence);
  },
};
