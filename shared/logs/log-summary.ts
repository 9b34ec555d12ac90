import { z } from 'zod';

import { judgementKinds } from '../checks/judgement';
import { seenState } from '../checks/outcome';
import { knownPlatformIds, modalities } from '../session/platforms';
import { clientCodeMaxLength } from './client-code';
import { logOutcome, seenInLog } from './log-outcome';
import { outcomes, type AttentionItem, type JudgedItem, type LogSummary, type ReadinessLog } from './readiness-log';

/** The statuses that count as a problem in a summary: unknown is not a pass. */
const problemStatuses: ReadonlySet<string> = new Set(['warn', 'fail', 'unknown']);

/**
 * The one-line view of a log used for listing; also what the encrypted index stores. What needed
 * attention comes from the same rules that gave the outcome, so the two never disagree.
 */
export function summarizeLog(log: ReadinessLog): LogSummary {
  const report = logOutcome(log);
  const { results, confirmations } = seenInLog(log);
  const attention: AttentionItem[] = [];
  for (const item of report.left) {
    const state = item.state;
    if (state === 'fail' || state === 'warn' || state === 'unknown' || state === 'unconfirmed') {
      attention.push({ id: item.entry.id, state });
    }
  }
  const judged: JudgedItem[] = [];
  for (const item of report.judged) {
    const seen = seenState(item.entry, log.modality, results, confirmations);
    if (item.state !== 'confirmed' && item.state !== 'not-applicable') continue;
    if (seen === 'pass' || seen === 'skipped') continue;
    judged.push({ id: item.entry.id, kind: item.state, seen });
  }
  return {
    id: log.id,
    createdAt: log.createdAt,
    sessionAt: log.sessionAt,
    clientCode: log.clientCode,
    platform: log.platform,
    modality: log.modality,
    outcome: log.outcome,
    problems: log.checks.filter((c) => problemStatuses.has(c.status)).map((c) => c.id),
    attention,
    judged,
    addendaCount: log.addenda.length,
  };
}

const isoDate = z.iso.datetime({ offset: true });
const itemId = z.string().min(1).max(80);

/**
 * Bumped when summaries gain a field every reader relies on; an index written with an older
 * version is rebuilt from its logs file (the logs are the source of truth).
 */
export const logSummaryVersion = 2;

/** Summaries as version 1 wrote them (no attention or judgements): still read, then rebuilt. */
export const legacyLogSummarySchema = z.strictObject({
  id: z.string().min(8).max(64),
  createdAt: isoDate,
  sessionAt: isoDate,
  clientCode: z.string().min(1).max(clientCodeMaxLength),
  platform: z.enum(knownPlatformIds),
  modality: z.enum(modalities),
  outcome: z.enum(outcomes),
  problems: z.array(itemId).max(100),
  addendaCount: z.number().int().min(0).max(500),
});

export const logSummarySchema = legacyLogSummarySchema.extend({
  attention: z
    .array(z.strictObject({ id: itemId, state: z.enum(['fail', 'warn', 'unknown', 'unconfirmed']) }))
    .max(100),
  judged: z
    .array(
      z.strictObject({
        id: itemId,
        kind: z.enum(judgementKinds),
        seen: z.enum(['warn', 'fail', 'unknown', 'unconfirmed']),
      }),
    )
    .max(100),
}) satisfies z.ZodType<LogSummary>;
