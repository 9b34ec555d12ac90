import { outcome, unresolved } from './probe-kit';
import type { Probe } from './probe-types';

/** A computer left unattended should lock itself with a password (NCSC; ACTO guidance, 2020 on shared computers). */
export const screenLockLimits = { passMinutes: 10, warnMinutes: 20 };

const minutes = (m: number) =>
  m < 1 ? `${Math.round(m * 60)} seconds` : `${Math.round(m * 10) / 10} minute${m === 1 ? '' : 's'}`;

export const securityScreenLockProbe: Probe = {
  id: 'security.screen-lock',
  async run({ facts }) {
    const fact = await facts.screenLock();
    if (fact.state !== 'known') return unresolved(fact, 'Could not read the screen-lock settings');
    const s = fact.value;
    const evidence = {
      ...fact.evidence,
      lockAfterMinutes: s.lockAfterMinutes,
      displayOffMinutes: s.displayOffMinutes,
      autoLogin: s.autoLogin,
      lockDisabled: s.lockDisabled,
      mechanism: s.mechanism,
    };
    if (s.autoLogin) return outcome('fail', 'This computer signs in by itself without a password.', evidence);
    if (s.lockDisabled) return outcome('fail', 'Locking the computer has been switched off.', evidence);
    if (s.lockAfterMinutes === null) {
      if (s.displayOffMinutes !== null) {
        return outcome(
          'warn',
          `The screen turns off after ${minutes(s.displayOffMinutes)}, but ReadyRoom could not confirm a password is then needed.`,
          evidence,
        );
      }
      return outcome('fail', 'The screen never locks by itself.', evidence);
    }
    const after = minutes(s.lockAfterMinutes);
    if (s.lockAfterMinutes <= screenLockLimits.passMinutes)
      return outcome('pass', `The screen locks after ${after} without use.`, evidence);
    if (s.lockAfterMinutes <= screenLockLimits.warnMinutes) {
      return outcome('warn', `The screen locks only after ${after}. Ten minutes or less is safer.`, evidence);
    }
    return outcome('fail', `The screen locks only after ${after}. Set it to ten minutes or less.`, evidence);
  },
};
