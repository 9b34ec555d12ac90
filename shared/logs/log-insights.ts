import { getCatalogEntry } from '../catalog/catalog';
import { outcomes, type LogSummary, type Outcome } from './readiness-log';

export interface RecurringProblem {
  readonly checkId: string;
  /** The catalog title, e.g. "Firewall is on"; the id when the catalog no longer has it. */
  readonly title: string;
  /** In how many logs it was not a pass (warn, fail or could not check). */
  readonly count: number;
  /** count / all logs in the period, 0–1. */
  readonly share: number;
}

export interface LogInsights {
  readonly count: number;
  readonly byOutcome: Readonly<Record<Outcome, number>>;
  /** Problems seen in at least two logs, most frequent first. */
  readonly recurring: readonly RecurringProblem[];
  readonly firstAt: string | null;
  readonly lastAt: string | null;
}

/**
 * What keeps going wrong across a set of logs: the checks that were not a pass (including
 * "could not check", which is never a pass) in two or more of them.
 */
export function summariseLogs(logs: readonly LogSummary[]): LogInsights {
  const byOutcome = Object.fromEntries(outcomes.map((o) => [o, 0])) as Record<Outcome, number>;
  const counts = new Map<string, number>();
  let firstAt: string | null = null;
  let lastAt: string | null = null;
  for (const log of logs) {
    byOutcome[log.outcome] += 1;
    for (const id of new Set(log.problems)) counts.set(id, (counts.get(id) ?? 0) + 1);
    if (firstAt === null || log.createdAt < firstAt) firstAt = log.createdAt;
    if (lastAt === null || log.createdAt > lastAt) lastAt = log.createdAt;
  }
  const recurring = [...counts.entries()]
    .filter(([, count]) => count >= 2)
    .map(([checkId, count]) => ({
      checkId,
      title: getCatalogEntry(checkId)?.title ?? checkId,
      count,
      share: count / logs.length,
    }))
    .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title));
  return { count: logs.length, byOutcome, recurring, firstAt, lastAt };
}
