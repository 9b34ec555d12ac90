import { z } from 'zod';

import type { ClientCodeChoice } from '../text/client-code-redaction';
import { logWithoutClientCodes } from './log-export-redaction';
import { readinessLogSchema, type ReadinessLog } from './readiness-log';

export const logsExportFormat = 'readyroom-logs';
export const logsExportVersion = 1;

/** A log as exported: the stored log schema, without the client code unless the user asked for it. */
export const exportedLogSchema = readinessLogSchema.extend({
  clientCode: readinessLogSchema.shape.clientCode.optional(),
});
export type ExportedLog = z.output<typeof exportedLogSchema>;

/** A real calendar day, YYYY-MM-DD (2026-02-30 is refused). */
const day = z.iso.date();

/**
 * The JSON export, versioned so a reader can tell what it holds. Version 1: `logs` in the stored
 * log schema (readiness-log.ts), oldest first; `clientCode` present only when `includesClientCodes`.
 */
export const logsExportSchema = z.strictObject({
  format: z.literal(logsExportFormat),
  version: z.literal(logsExportVersion),
  exportedAt: z.iso.datetime({ offset: true }),
  appVersion: z.string().max(40),
  period: z.strictObject({ from: day.nullable(), to: day.nullable() }),
  /** True when one client's logs were exported (the code itself is in the logs only if included). */
  oneClient: z.boolean(),
  includesClientCodes: z.boolean(),
  logs: z.array(exportedLogSchema),
});
export type LogsExport = z.output<typeof logsExportSchema>;

export type LogsExportHead = Omit<LogsExport, 'logs'>;

/** Everything before the logs, as text, so a large export can be written a log at a time. */
export function jsonExportHead(head: LogsExportHead): string {
  const text = JSON.stringify({ ...head, logs: [] }, null, 2);
  // Drop the closing "[]\n}" of the empty list: the logs and the end follow.
  return `${text.slice(0, text.lastIndexOf('[]'))}[\n`;
}

/**
 * One log as an element of `logs`; `first` says whether a comma goes before it. Without client
 * codes, the code is left out and every known code is blanked from the log's free text.
 */
export function jsonExportLog(log: ReadinessLog, codes: ClientCodeChoice, first: boolean): string {
  let exported: ExportedLog;
  if (codes.includeClientCodes) exported = log;
  else {
    const { clientCode: _left, ...rest } = logWithoutClientCodes(log, codes.knownCodes);
    exported = rest;
  }
  return `${first ? '' : ',\n'}    ${JSON.stringify(exported)}`;
}

export function jsonExportTail(): string {
  return '\n  ]\n}\n';
}

/** Reads an export back; null (with the reason) when it is not one this version understands. */
export function parseLogsExport(text: string): { ok: true; value: LogsExport } | { ok: false; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = logsExportSchema.safeParse(data);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? 'not a ReadyRoom export' };
  return { ok: true, value: parsed.data };
}
