import type { Settings } from '../../shared/settings/settings';
import type { ScheduledTask } from './platform/platform-types';
import { plural } from './probe-kit';

/** A scan usually runs shortly before the session: this much lead time is added to the session's length. */
export const sessionLeadMinutes = 15;

/** Tasks planned this long ago that have not run are left-overs, not plans. */
const staleAfterMinutes = 12 * 60;

export interface SessionWindow {
  readonly startMs: number;
  readonly endMs: number;
  /** The window's length: the lead time and the session (from Settings). */
  readonly minutes: number;
  readonly sessionMinutes: number;
}

/** From now to the end of a session that starts within the lead time. */
export function sessionWindow(settings: Pick<Settings, 'sessionMinutes'>, now: Date): SessionWindow {
  const minutes = settings.sessionMinutes + sessionLeadMinutes;
  const startMs = now.getTime();
  return { startMs, endMs: startMs + minutes * 60_000, minutes, sessionMinutes: settings.sessionMinutes };
}

/** Whether a task runs now, is due before the window ends, or repeats often enough to fall inside it. */
export function dueInWindow(task: ScheduledTask, window: SessionWindow): boolean {
  if (task.running) return true;
  if (task.everyMinutes !== null && task.everyMinutes > 0 && task.everyMinutes <= window.minutes) return true;
  if (task.dueAt === null) return false;
  return task.dueAt <= window.endMs && task.dueAt >= window.startMs - staleAfterMinutes * 60_000;
}

/** "is running now", "is due in 25 minutes", "runs every hour", without clock times (no time zone needed). */
export function describeDue(task: ScheduledTask, window: SessionWindow): string {
  if (task.running) return 'is running now';
  if (task.everyMinutes !== null && task.everyMinutes <= window.minutes) {
    return task.everyMinutes === 60
      ? 'runs every hour'
      : `runs every ${plural(Math.round(task.everyMinutes), 'minute')}`;
  }
  if (task.dueAt === null) return 'is due';
  const inMinutes = Math.round((task.dueAt - window.startMs) / 60_000);
  if (inMinutes <= 1) return 'is due now';
  return `is due in ${plural(inMinutes, 'minute')}`;
}
