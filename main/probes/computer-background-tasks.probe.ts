import { describeDue, dueInWindow, sessionWindow } from './session-window';
import { listNames, outcome, sentence, unresolved } from './probe-kit';
import type { Probe } from './probe-types';

/**
 * Backups, virus scans and system jobs due during the session take the processor, the disk or the
 * connection the call needs (the ACTO guidance asks for a free connection). Advice only: they are good
 * habits, best moved or run before the session.
 */
export function createComputerBackgroundTasksProbe(now: () => Date = () => new Date()): Probe {
  return {
    id: 'computer.background-tasks',
    async run({ facts, settings }) {
      const fact = await facts.backgroundTasks();
      if (fact.state !== 'known') return unresolved(fact, 'Could not check for backups and scans');
      const { tasks, unread } = fact.value;
      const window = sessionWindow(settings, now());
      const due = tasks.filter((t) => dueInWindow(t, window));
      const evidence = {
        ...fact.evidence,
        windowMinutes: window.minutes,
        due: due.map((t) => ({ name: t.name, kind: t.kind, when: describeDue(t, window) })),
        unread: [...unread],
      };
      if (due.length > 0) {
        const list = due.map((t) => `${t.name} ${describeDue(t, window)}`);
        return outcome(
          'warn',
          sentence(
            `Work that can slow the call may run during your session: ${listNames(list, 4)}. Let ${due.length === 1 ? 'it' : 'them'} finish before the session, or move ${due.length === 1 ? 'it' : 'them'}`,
          ),
          evidence,
        );
      }
      if (unread.length > 0) {
        return outcome(
          'unknown',
          sentence(`Could not fully check for backups and scans: ReadyRoom could not read ${listNames(unread, 3)}`),
          evidence,
        );
      }
      return outcome('pass', `No backup, scan or system job is due in the next ${window.minutes} minutes.`, evidence);
    },
  };
}
