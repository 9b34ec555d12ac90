import { describeDue, dueInWindow, sessionWindow } from './session-window';
import { listNames, outcome, sentence, unresolved, upperFirst } from './probe-kit';
import type { Probe } from './probe-types';

/**
 * A restart or an update installation during the session cuts or slows the call. A restart the OS has planned
 * inside the session fails (the session is a blocker's business); a restart waiting for the person, or an
 * installation due, only needs attention: restart now or postpone. The window is the session length from
 * Settings plus a short lead time.
 */
export function createComputerUpdatesProbe(now: () => Date = () => new Date()): Probe {
  return {
    id: 'computer.updates',
    async run({ facts, settings }) {
      const fact = await facts.updates();
      if (fact.state !== 'known') return unresolved(fact, 'Could not check for pending updates');
      const { pending, restartNeeded, scheduled, notes, unread } = fact.value;
      const window = sessionWindow(settings, now());
      const due = scheduled.filter((t) => dueInWindow(t, window));
      const restarts = due.filter((t) => t.kind === 'restart');
      const others = due.filter((t) => t.kind !== 'restart');
      const evidence = {
        ...fact.evidence,
        windowMinutes: window.minutes,
        pending: [...pending],
        due: due.map((t) => ({ name: t.name, kind: t.kind, when: describeDue(t, window) })),
        unread: [...unread],
      };
      const extra = notes.length > 0 ? ` ${notes.join(' ')}` : '';
      if (restarts.length > 0) {
        const what = restarts.map((t) => `${t.name} ${describeDue(t, window)}`).join('; ');
        return outcome(
          'fail',
          sentence(
            `The computer may restart during your session: ${what}. Restart now if there is time, or postpone it until after the session`,
          ),
          evidence,
        );
      }
      const parts: string[] = [];
      if (pending.length > 0) {
        const waiting = pending.length === 1 ? `${pending[0]} is waiting` : `${listNames(pending, 3)} are waiting`;
        parts.push(
          `${waiting}. ${restartNeeded ? 'Install and restart now if there is time, or after the session' : 'Install after the session'}`,
        );
      }
      for (const t of others)
        parts.push(`${t.name} ${describeDue(t, window)}, within the next ${window.minutes} minutes`);
      if (parts.length > 0) {
        const text = parts.map(upperFirst).map(sentence).join(' ');
        return outcome('warn', `${text}${extra}`, evidence);
      }
      if (unread.length > 0) {
        return outcome(
          'unknown',
          sentence(`Could not fully check for updates: ReadyRoom could not read ${listNames(unread, 3)}`),
          evidence,
        );
      }
      return outcome(
        'pass',
        `No restart or update is waiting or due in the next ${window.minutes} minutes.${extra}`,
        evidence,
      );
    },
  };
}
