import { catalog } from '../../../shared/catalog/catalog';
import { clientCodeKey } from '../../../shared/logs/client-code';
import { noteQueryMaxChars, searchableText } from '../../../shared/logs/log-note-search';
import { outcomes, type LogSummary, type Outcome } from '../../../shared/logs/readiness-log';

/** The Past logs filters, as the form holds them; empty strings mean "any". */
export interface LogsFilter {
  /** Exact client code (case, spaces and hidden characters ignored). */
  readonly client: string;
  /** "YYYY-MM-DD" from a date input, local time. */
  readonly from: string;
  readonly to: string;
  readonly outcome: Outcome | '';
  /** A catalog id: the log had this check or question not passing. */
  readonly check: string;
  /** Words to find in the notes (searched in main: summaries carry no notes). */
  readonly notes: string;
}

export const emptyFilter: LogsFilter = { client: '', from: '', to: '', outcome: '', check: '', notes: '' };

export function isFilterActive(filter: LogsFilter): boolean {
  return Object.values(filter).some((value) => value.trim() !== '');
}

/** A date input's "YYYY-MM-DD" as the instant of that local midnight (or the last moment of that day, for "to"). */
export function dayBoundary(day: string, end: boolean): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [year, month, date0] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const date = new Date(year, month, date0);
  // "2026-02-30" is no day at all, not 2 March.
  if (date.getFullYear() !== year || date.getMonth() !== month || date.getDate() !== date0) return undefined;
  if (end) date.setDate(date.getDate() + 1);
  if (end) date.setMilliseconds(-1);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The catalog's checks and questions by their plain title, for "had this not passing". */
export const checkChoices: readonly { readonly id: string; readonly title: string }[] = [...catalog]
  .map((entry) => ({ id: entry.id, title: entry.title }))
  .sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
const knownCheckIds: ReadonlySet<string> = new Set(checkChoices.map((c) => c.id));

/** Whether the log had this item not passing: seen as warn, fail or unknown, or left unconfirmed. */
function hadNotPassing(log: Pick<LogSummary, 'problems' | 'attention'>, id: string): boolean {
  return log.problems.includes(id) || log.attention.some((a) => a.id === id);
}

/**
 * The logs that pass every filter, in the order given. `noteMatches` holds the ids main found
 * for `filter.notes` (null when no note search is in force).
 */
export function filterLogs(
  logs: readonly LogSummary[],
  filter: LogsFilter,
  noteMatches: ReadonlySet<string> | null,
): readonly LogSummary[] {
  const client = filter.client.trim() ? clientCodeKey(filter.client) : null;
  const since = dayBoundary(filter.from, false);
  const until = dayBoundary(filter.to, true);
  const sinceMs = since ? Date.parse(since) : null;
  const untilMs = until ? Date.parse(until) : null;
  const outcome = filter.outcome || null;
  const check = filter.check || null;
  if (!client && sinceMs === null && untilMs === null && !outcome && !check && !noteMatches) return logs;
  return logs.filter((log) => {
    if (outcome && log.outcome !== outcome) return false;
    if (noteMatches && !noteMatches.has(log.id)) return false;
    if (check && !hadNotPassing(log, check)) return false;
    if (sinceMs !== null || untilMs !== null) {
      const created = Date.parse(log.createdAt);
      if (sinceMs !== null && created < sinceMs) return false;
      if (untilMs !== null && created > untilMs) return false;
    }
    return !client || clientCodeKey(log.clientCode) === client;
  });
}

/** The words of a note search as main compares them; empty for none. */
export function noteQuery(filter: LogsFilter): string {
  return searchableText(filter.notes.slice(0, noteQueryMaxChars));
}

const hashPrefix = '#logs';
const keys = ['client', 'from', 'to', 'outcome', 'check', 'notes'] as const;

/** The filter as the address's fragment ("#logs?outcome=not-ready"), so back and forward bring it back. */
export function filterToHash(filter: LogsFilter): string {
  const params = new URLSearchParams();
  for (const key of keys) if (filter[key].trim()) params.set(key, filter[key]);
  const query = params.toString();
  return query ? `${hashPrefix}?${query}` : hashPrefix;
}

/** A fragment written by filterToHash back as a filter; null for any other fragment. Unknown values are dropped. */
export function filterFromHash(hash: string): LogsFilter | null {
  if (hash !== hashPrefix && !hash.startsWith(`${hashPrefix}?`)) return null;
  const params = new URLSearchParams(hash.slice(hashPrefix.length + 1));
  const text = (key: string, max: number) => (params.get(key) ?? '').slice(0, max);
  const day = (key: string) => (dayBoundary(text(key, 10), false) ? text(key, 10) : '');
  const outcome = params.get('outcome') ?? '';
  const check = params.get('check') ?? '';
  return {
    client: text('client', 40),
    from: day('from'),
    to: day('to'),
    outcome: (outcomes as readonly string[]).includes(outcome) ? (outcome as Outcome) : '',
    check: knownCheckIds.has(check) ? check : '',
    notes: text('notes', noteQueryMaxChars),
  };
}
