import {
  clockTime,
  dayAndTime,
  occurrencesBetween,
  type Occurrence,
  type ScheduleEntry,
} from '../../shared/schedule/schedule';
import { createLogger } from '../logging/logger';

const log = createLogger('reminders');

/** Time and timers, so tests can move the clock (and jump it, as a sleeping computer does). */
export interface ReminderClock {
  now(): number;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** Shows a native notification (Electron's Notification at the edge); onClick when it is clicked. */
export interface Notifier {
  show(text: string, onClick: () => void): void;
}

export interface ReminderEngineDeps {
  readonly clock: ReminderClock;
  readonly notifier: Notifier;
  /** The stored times (never client codes). */
  readonly entries: () => readonly ScheduleEntry[];
  /** The session's client code, or null while the vault is locked. */
  readonly clientCode: (entryId: string) => string | null;
  /**
   * Whether a notification may name the client (the therapist's choice). The OS keeps notification
   * text in its own unencrypted history; the tray menu, which it does not keep, always may.
   */
  readonly namesClientInNotifications: () => boolean;
  readonly leadMinutes: () => number;
  /** The zone the therapist reads times in (the computer's). */
  readonly displayZone: () => string;
  /** What a click on a reminder does (open the readiness check). */
  readonly onOpen: (occurrence: Occurrence) => void;
}

export interface ReminderEngine {
  start(): void;
  stop(): void;
  /** The schedule or the lead time changed: plan the next reminder again (nothing already past is shown). */
  refresh(): void;
  /** The computer woke up (powerMonitor "resume"): see what was missed now, not when a late timer fires. */
  wake(): void;
  /** For the tray menu: the next session that has not started, without the client code while the vault is locked. */
  nextSession(): { readonly label: string } | null;
}

/** A timer may fire a little late on a busy machine; later than this, the reminder was missed (sleep). */
const lateToleranceMs = 90_000;
/** Plans are looked at again at least this often, so a long timer never drifts far. */
const maxTimerMs = 60 * 60_000;
const dayMs = 24 * 3600_000;

/**
 * Session reminders: a notification `leadMinutes` before each session. Plain TypeScript over a
 * clock and a notifier. A reminder whose moment passed while the computer slept is not shown late;
 * instead, if a session it was for has not started yet, one "you missed a reminder" is shown.
 */
export function createReminderEngine(deps: ReminderEngineDeps): ReminderEngine {
  let handle: unknown = null;
  let running = false;
  /** Reminders due at or before this moment have been dealt with. */
  let seenUpTo = 0;

  const leadMs = () => Math.max(0, deps.leadMinutes()) * 60_000;

  /** Reminders (start − lead) in (from, to], soonest first. */
  function remindersIn(fromMs: number, toMs: number): { at: number; occurrence: Occurrence }[] {
    const lead = leadMs();
    return deps
      .entries()
      .flatMap((entry) => occurrencesBetween(entry, fromMs + lead + 1, toMs + lead + 1))
      .map((occurrence) => ({ at: Date.parse(occurrence.startUtc) - lead, occurrence }))
      .sort((a, b) => a.at - b.at);
  }

  function text(occurrence: Occurrence, missed: boolean): string {
    const time = clockTime(occurrence.startUtc, deps.displayZone());
    const code = deps.namesClientInNotifications() ? deps.clientCode(occurrence.entryId) : null;
    const session = code === null ? `Session at ${time}` : `Session with ${code} at ${time}`;
    return missed
      ? `You missed a reminder: ${session.charAt(0).toLowerCase()}${session.slice(1)} has not started yet. Check now`
      : `${session}: check now`;
  }

  function check(): void {
    const now = deps.clock.now();
    const due = remindersIn(seenUpTo, now);
    seenUpTo = now;
    const onTime = due.filter((r) => now - r.at <= lateToleranceMs);
    const missed = due.filter((r) => now - r.at > lateToleranceMs && Date.parse(r.occurrence.startUtc) > now);
    for (const reminder of onTime) show(text(reminder.occurrence, false), reminder.occurrence);
    const firstMissed = missed.find((r) => !onTime.some((o) => o.occurrence.startUtc === r.occurrence.startUtc));
    // One notice however many were missed: the soonest session still to come.
    if (firstMissed) show(text(firstMissed.occurrence, true), firstMissed.occurrence);
    if (due.length > onTime.length)
      log.info('reminders missed while the computer was asleep', { missed: due.length - onTime.length });
  }

  function show(message: string, occurrence: Occurrence): void {
    try {
      deps.notifier.show(message, () => deps.onOpen(occurrence));
    } catch (error) {
      log.warn('a reminder could not be shown', { error: String(error) });
    }
  }

  function plan(): void {
    if (handle !== null) deps.clock.clearTimer(handle);
    handle = null;
    if (!running) return;
    const now = deps.clock.now();
    const next = remindersIn(now, now + dayMs)[0];
    const wait = next ? Math.min(Math.max(0, next.at - now), maxTimerMs) : maxTimerMs;
    handle = deps.clock.setTimer(() => {
      handle = null;
      check();
      plan();
    }, wait);
  }

  return {
    start() {
      if (running) return;
      running = true;
      seenUpTo = deps.clock.now();
      plan();
    },
    stop() {
      running = false;
      plan();
    },
    refresh() {
      if (!running) return;
      // Due moments before now have been handled by their timers; one that a change brings into the
      // past (a session added ten minutes ahead, a longer lead time) is not worth a late notice.
      seenUpTo = deps.clock.now();
      plan();
    },
    wake() {
      if (!running) return;
      check();
      plan();
    },
    nextSession() {
      const now = deps.clock.now();
      const next = deps
        .entries()
        .flatMap((entry) => occurrencesBetween(entry, now, now + 400 * dayMs).slice(0, 1))
        .sort((a, b) => Date.parse(a.startUtc) - Date.parse(b.startUtc))[0];
      if (!next) return null;
      const when = dayAndTime(next.startUtc, deps.displayZone());
      const code = deps.clientCode(next.entryId);
      return { label: code === null ? `Next session: ${when}` : `Next session: ${code}, ${when}` };
    },
  };
}
