import { useLogsStore } from '../../stores/logs-store';
import { filterFromHash, filterToHash, type LogsFilter } from './log-filters-model';

/** Edits to one field closer together than this share one history entry (typing a code is one step back). */
const sameStepMs = 1500;
let lastField: keyof LogsFilter | null = null;
let lastAt = 0;

/**
 * Puts the filter in the address's fragment: a new history entry when the user turns to another
 * field or pauses, otherwise the current one is updated, so back and forward step through filters.
 */
export function recordFilter(filter: LogsFilter, field: keyof LogsFilter | null, now = Date.now()): void {
  const hash = filterToHash(filter);
  if (window.location.hash === hash) return;
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  const sameStep = field !== null && field === lastField && now - lastAt < sameStepMs;
  if (sameStep || !window.location.hash.startsWith('#logs')) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  lastField = field;
  lastAt = now;
}

/**
 * Applies the filter in the address now (a reload) and whenever back or forward bring another
 * one. Returns the cleanup.
 */
export function followFilterHistory(): () => void {
  const apply = () => {
    const filter = filterFromHash(window.location.hash);
    if (filter) useLogsStore.getState().setFilter(filter);
    lastField = null;
  };
  const current = filterFromHash(window.location.hash);
  if (current) apply();
  else recordFilter(useLogsStore.getState().filter, null);
  window.addEventListener('popstate', apply);
  return () => window.removeEventListener('popstate', apply);
}
