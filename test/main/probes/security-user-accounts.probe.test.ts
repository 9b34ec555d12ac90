import { describe, expect, it } from 'vitest';

import { known } from '../../../main/probes/platform/platform-types';
import { securityUserAccountsProbe } from '../../../main/probes/security-user-accounts.probe';
import { fakeFacts, probeContext } from './helpers/probe-test-kit';

const run = (humanAccounts: number, guestEnabled: boolean | null) =>
  securityUserAccountsProbe.run(
    probeContext({ facts: fakeFacts({ userAccounts: async () => known({ humanAccounts, guestEnabled }) }) }),
  );

describe('security.user-accounts', () => {
  it('passes with one account, warns with several or a guest account', async () => {
    expect((await run(1, false)).status).toBe('pass');
    expect((await run(3, null)).summary).toMatch(/^3 people/);
    expect((await run(1, true)).status).toBe('warn');
  });

  it('is unknown, not a pass, when one account was found but the guest account could not be read', async () => {
    const r = await run(1, null);
    expect(r.status).toBe('unknown');
    expect(r.summary).toMatch(/guest account/);
  });
});
