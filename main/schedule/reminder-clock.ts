import { DateTime } from 'luxon';

import { nodeIdleTimers } from '../vault/vault-context';
import type { ReminderClock } from './reminder-engine';

/** Real time; timers do not keep Node alive on their own (the app's tray does). */
export const nodeReminderClock: ReminderClock = {
  now: () => Date.now(),
  setTimer: (callback, ms) => nodeIdleTimers.set(callback, ms),
  clearTimer: (handle) => nodeIdleTimers.clear(handle),
};

/** The computer's own time zone, looked up each time (it changes when a laptop travels). */
export function systemZone(): string {
  return DateTime.local().zoneName ?? 'UTC';
}
