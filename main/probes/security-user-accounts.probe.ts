import { outcome, unresolved } from './probe-kit';
import type { Probe } from './probe-types';

/** A shared computer needs a separate, password-protected account for each person (ACTO guidance, 2020). */
export const securityUserAccountsProbe: Probe = {
  id: 'security.user-accounts',
  async run({ facts }) {
    const fact = await facts.userAccounts();
    if (fact.state !== 'known') return unresolved(fact, 'Could not count the accounts on this computer');
    const { humanAccounts, guestEnabled } = fact.value;
    const evidence = { ...fact.evidence, humanAccounts, guestEnabled };
    if (guestEnabled)
      return outcome('warn', 'The guest account is on: anyone can use this computer without a password.', evidence);
    if (humanAccounts > 1) {
      return outcome(
        'warn',
        `${humanAccounts} people's accounts are on this computer. Make sure each person has their own account with a private password.`,
        evidence,
      );
    }
    if (guestEnabled === null) {
      return outcome(
        'unknown',
        'Only one person’s account was found, but ReadyRoom could not tell whether the guest account is on.',
        evidence,
      );
    }
    return outcome('pass', 'Only one person’s account is on this computer.', evidence);
  },
};
