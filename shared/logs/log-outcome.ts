import { catalog } from '../catalog/catalog';
import type { CatalogEntry } from '../catalog/catalog-types';
import type { CheckStatus } from '../checks/check-result';
import { judgementProblem, type Judgement, type JudgementKind } from '../checks/judgement';
import { computeOutcome, seenState, type OutcomeReport } from '../checks/outcome';
import type { NewReadinessLog } from './readiness-log';

type LogContent = Pick<NewReadinessLog, 'modality' | 'checks' | 'confirmations' | 'judgements'>;

/** How bad a status is, for a check listed more than once: the worst listing counts. */
const statusRank: Record<CheckStatus, number> = { pass: 0, skipped: 1, warn: 2, unknown: 3, fail: 4 };

/** What ReadyRoom saw in a log: each check's worst status, and which questions were answered yes (every time). */
export function seenInLog(log: LogContent): {
  readonly results: Readonly<Record<string, CheckStatus>>;
  readonly confirmations: Readonly<Record<string, boolean>>;
} {
  const results: Record<string, CheckStatus> = {};
  for (const check of log.checks) {
    const seen = results[check.id];
    if (seen === undefined || statusRank[check.status] > statusRank[seen]) results[check.id] = check.status;
  }
  const confirmations: Record<string, boolean> = {};
  for (const c of log.confirmations) confirmations[c.id] = (confirmations[c.id] ?? true) && c.confirmed;
  return { results, confirmations };
}

/**
 * The judgements of a log that fit what was seen and carry the note they need; any other (a
 * crafted or out-of-date one) counts for nothing. One per item: the first.
 */
export function effectiveJudgements(log: LogContent, entries: readonly CatalogEntry[] = catalog): Judgement[] {
  const { results, confirmations } = seenInLog(log);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const out: Judgement[] = [];
  const taken = new Set<string>();
  for (const judgement of log.judgements ?? []) {
    const entry = byId.get(judgement.id);
    if (!entry || taken.has(judgement.id)) continue;
    const seen = seenState(entry, log.modality, results, confirmations);
    if (judgementProblem(entry, seen, judgement) !== null) continue;
    taken.add(judgement.id);
    out.push(judgement);
  }
  return out;
}

/**
 * The outcome a log's own checks, confirmations and judgements give, by the rules the summary
 * screen uses: the vault stores this, never the outcome a caller sends.
 */
export function logOutcome(log: LogContent, entries: readonly CatalogEntry[] = catalog): OutcomeReport {
  const { results, confirmations } = seenInLog(log);
  const judgements: Record<string, JudgementKind> = {};
  for (const j of effectiveJudgements(log, entries)) judgements[j.id] = j.kind;
  return computeOutcome({ entries, modality: log.modality, results, confirmations, judgements });
}
