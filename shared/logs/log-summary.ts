import { z } from 'zod';

import { knownPlatformIds, modalities } from '../session/platforms';
import { clientCodeMaxLength } from './client-code';
import { outcomes, type LogSummary, type ReadinessLog } from './readiness-log';

/** The statuses that count as a problem in a summary: unknown is not a pass. */
const problemStatuses: ReadonlySet<string> = new Set(['warn', 'fail', 'unknown']);

/** The one-line view of a log used for listing; also what the encrypted index stores. */
export function summarizeLog(log: ReadinessLog): LogSummary {
  return {
    id: log.id,
    createdAt: log.createdAt,
    sessionAt: log.sessionAt,
    clientCode: log.clientCode,
    platform: log.platform,
    modality: log.modality,
    outcome: log.outcome,
    problems: log.checks.filter((c) => problemStatuses.has(c.status)).map((c) => c.id),
    addendaCount: log.addenda.length,
  };
}

const isoDate = z.iso.datetime({ offset: true });

export const logSummarySchema = z.strictObject({
  id: z.string().min(8).max(64),
  createdAt: isoDate,
  sessionAt: isoDate,
  clientCode: z.string().min(1).max(clientCodeMaxLength),
  platform: z.enum(knownPlatformIds),
  modality: z.enum(modalities),
  outcome: z.enum(outcomes),
  problems: z.array(z.string().min(1).max(80)).max(100),
  addendaCount: z.number().int().min(0).max(500),
}) satisfies z.ZodType<LogSummary>;
