import { limitsEvidence } from '../../shared/settings/thresholds';
import { outcome, unresolved } from './probe-kit';
import type { Probe } from './probe-types';

/*
 * A computer left unattended should lock itself with a password (NCSC; ACTO guidance, 2020 on
 * shared computers); how soon is a limit in Settings (10 and 20 minutes by default).
 */

const minutes = (m: number) =>
  m < 1 ? `${Math.round(m * 60)} seconds` : `${Math.round(m * 10) / 10} minute${m === 1 ? '' : 's'}`;

export const securityScreenLockProbe: Probe = {
  id: 'security.screen-lock',
  async run({ facts, settings }) {
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
      limits: limitsEvidence('screenLock', settings.thresholds),
    };
    const limits = settings.thresholds.screenLock;
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
    const wanted = minutes(limits.warnAfterMinutes);
    if (s.lockAfterMinutes <= limits.warnAfterMinutes)
      return outcome('pass', `The screen locks after ${after} without use.`, evidence);
    if (s.lockAfterMinutes <= limits.failAfterMinutes) {
      return outcome('warn', `The screen locks only after ${after}. ${capitalise(wanted)} or less is safer.`, evidence);
    }
    return outcome('fail', `The screen locks only after ${after}. Set it to ${wanted} or less.`, evidence);
  },
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
