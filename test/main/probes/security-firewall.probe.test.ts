import { describe, expect, it } from 'vitest';

import { known, type FirewallFacts } from '../../../main/probes/platform/platform-types';
import { securityFirewallProbe } from '../../../main/probes/security-firewall.probe';
import { fakeFacts, probeContext } from './helpers/probe-test-kit';

const run = (fw: FirewallFacts) =>
  securityFirewallProbe.run(probeContext({ facts: fakeFacts({ firewall: async () => known(fw) }) }));

describe('security.firewall', () => {
  it('passes when on, warns when another profile is off, fails when off', async () => {
    expect((await run({ state: 'on', provider: 'ufw', offProfiles: [] })).status).toBe('pass');
    const partly = await run({ state: 'partly', provider: 'Windows Firewall', offProfiles: ['Public'] });
    expect(partly.status).toBe('warn');
    expect(partly.summary).toContain('public networks');
    expect((await run({ state: 'off', provider: 'Windows Firewall', offProfiles: ['Private'] })).status).toBe('fail');
  });

  it('is unknown, never pass, when unreadable', async () => {
    expect((await securityFirewallProbe.run(probeContext())).status).toBe('unknown');
  });
});
