import type { LastCheck } from '../../shared/tray/tray-state';

/**
 * The last readiness check's outcome and time, for the tray: each saved log and each tray quick
 * check. At start it is seeded from last-check.json (a saved log's time and outcome, nothing else).
 */
export interface LastCheckTracker {
  get(): LastCheck | null;
  set(last: LastCheck): void;
  /** Returns the unsubscribe function. */
  subscribe(listener: (last: LastCheck) => void): () => void;
}

export function createLastCheckTracker(): LastCheckTracker {
  let last: LastCheck | null = null;
  const listeners = new Set<(last: LastCheck) => void>();
  return {
    get: () => last,
    set(next) {
      // A late report never replaces a newer one.
      if (last && Date.parse(next.checkedAt) < Date.parse(last.checkedAt)) return;
      last = next;
      for (const listener of listeners) listener(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
