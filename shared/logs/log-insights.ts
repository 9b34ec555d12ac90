import { fixFor, getCatalogEntry } from '../catalog/catalog';
import type { OsName } from '../platform';
import { outcomes, type LogSummary, type Outcome } from './readiness-log';

/** One item that keeps coming up, with how often and what to do about it. */
export interface InsightItem {
  readonly checkId: string;
  /** The catalog title, e.g. "Firewall is on"; the id when the catalog no longer has it. */
  readonly title: string;
  /** In how many of the logs it came up. */
  readonly count: number;
  /** count / all logs in the period, 0–1. */
  readonly share: number;
  /** The catalog's plain advice: its first fix step for this OS, or why it matters. */
  readonly advice: string;
  /** Where the advice comes from, e.g. "ACTO guidance, 2020". */
  readonly source: string;
}

export interface ProblemInsight extends InsightItem {
  /** Of `count`: how often ReadyRoom found a problem, found it needed attention, or you had not confirmed it. */
  readonly failed: number;
  readonly warned: number;
  readonly unconfirmed: number;
}

export interface UncheckedInsight extends InsightItem {
  /** Of `count`: how often you then checked it yourself. */
  readonly checkedByYou: number;
}

export interface LogInsights {
  readonly count: number;
  readonly byOutcome: Readonly<Record<Outcome, number>>;
  /** Real problems (a fail, a warning, a question not confirmed), most frequent first. */
  readonly problems: readonly ProblemInsight[];
  /** "ReadyRoom could not check this here": its own blind spots, not the therapist's problems. */
  readonly couldNotCheck: readonly UncheckedInsight[];
  /** "You marked this not applicable". */
  readonly notApplicable: readonly InsightItem[];
  readonly firstAt: string | null;
  readonly lastAt: string | null;
}

/** Seen in at least this many logs to count as "keeps coming up". */
export const recurringMin = 2;

type Tally = Map<string, Map<string, number>>;

function bump(tally: Tally, id: string, what: string): void {
  const counts = tally.get(id) ?? new Map<string, number>();
  counts.set(what, (counts.get(what) ?? 0) + 1);
  counts.set('any', (counts.get('any') ?? 0) + 1);
  tally.set(id, counts);
}

function item(checkId: string, count: number, total: number, os: OsName | null): InsightItem {
  const entry = getCatalogEntry(checkId);
  const advice = (entry && fixFor(entry, os)?.steps[0]) ?? entry?.why ?? '';
  return { checkId, title: entry?.title ?? checkId, count, share: count / total, advice, source: entry?.source ?? '' };
}

function recurring<T>(tally: Tally, total: number, os: OsName | null, extra: (c: Map<string, number>) => T) {
  return [...tally.entries()]
    .filter(([, counts]) => (counts.get('any') ?? 0) >= recurringMin)
    .map(([id, counts]) => ({ ...item(id, counts.get('any') ?? 0, total, os), ...extra(counts) }))
    .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title));
}

/**
 * What keeps coming up across a set of logs, in three groups that are never mixed: the
 * therapist's real problems, what ReadyRoom could not check on this computer, and what the
 * therapist marked not applicable. Each item at most once per log.
 */
export function summariseLogs(logs: readonly LogSummary[], os: OsName | null = null): LogInsights {
  const byOutcome = Object.fromEntries(outcomes.map((o) => [o, 0])) as Record<Outcome, number>;
  const problems: Tally = new Map();
  const unchecked: Tally = new Map();
  const notApplicable: Tally = new Map();
  let firstAt: string | null = null;
  let lastAt: string | null = null;
  for (const log of logs) {
    byOutcome[log.outcome] += 1;
    const counted = new Set<string>();
    for (const { id, state } of log.attention) {
      if (counted.has(id)) continue;
      counted.add(id);
      if (state === 'unknown') bump(unchecked, id, 'open');
      else bump(problems, id, state);
    }
    for (const { id, kind, seen } of log.judged) {
      if (counted.has(id)) continue;
      counted.add(id);
      if (kind === 'not-applicable') bump(notApplicable, id, 'not-applicable');
      else if (seen === 'unknown') bump(unchecked, id, 'checked-by-you');
      // A warning the therapist checked and found fine is neither a problem nor a blind spot.
    }
    if (firstAt === null || log.createdAt < firstAt) firstAt = log.createdAt;
    if (lastAt === null || log.createdAt > lastAt) lastAt = log.createdAt;
  }
  const total = logs.length;
  return {
    count: total,
    byOutcome,
    problems: recurring(problems, total, os, (c) => ({
      failed: c.get('fail') ?? 0,
      warned: c.get('warn') ?? 0,
      unconfirmed: c.get('unconfirmed') ?? 0,
    })),
    couldNotCheck: recurring(unchecked, total, os, (c) => ({ checkedByYou: c.get('checked-by-you') ?? 0 })),
    notApplicable: recurring(notApplicable, total, os, () => ({})),
    firstAt,
    lastAt,
  };
}

/** "2 of 5 logs" */
export function howOften(count: number, total: number): string {
  return `${count} of ${total} log${total === 1 ? '' : 's'}`;
}
