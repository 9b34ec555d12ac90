import { randomBytes } from 'node:crypto';

import { AppError } from '../../shared/errors';
import { incidentReportSection } from '../../shared/incidents/incident-report';
import type { ExportFormat, LogsExportRequest } from '../../shared/ipc/vault.contract';
import { csvByteOrderMark, csvHeader, csvRow } from '../../shared/logs/log-export-csv';
import {
  jsonExportHead,
  jsonExportLog,
  jsonExportTail,
  logsExportFormat,
  logsExportVersion,
} from '../../shared/logs/log-export-json';
import { buildReport } from '../../shared/logs/log-report';
import { localTimeZone } from '../../shared/logs/log-trends';
import type { OsName } from '../../shared/platform';
import type { Settings } from '../../shared/settings/settings';
import { createClientCodeRedactor, type ClientCodeChoice } from '../../shared/text/client-code-redaction';
import type { ClientProfileService } from '../clients/client-profile-service';
import type { IncidentService } from '../incidents/incident-service';
import { createLogger } from '../logging/logger';
import type { ScheduleService } from '../schedule/schedule-service';
import type { VaultService } from '../vault/vault-service';
import { isCode, isDiskFull, nodeVaultFs, type VaultFs } from '../vault/vault-fs';
import { renderReportPdf } from './pdf-report';

const log = createLogger('export');

export interface LogExportDeps {
  readonly vault: Pick<VaultService, 'list' | 'eachLog'>;
  readonly getSettings: () => Pick<Settings, 'practiceName'>;
  readonly appVersion: string;
  readonly os: OsName | null;
  readonly now?: () => Date;
  /** The weeks and dates of a report are counted in this zone; default: the computer's. */
  readonly timeZone?: string;
  /** The disk; a test passes one whose writes come out short, as on a full disk. */
  readonly fs?: Pick<VaultFs, 'writeAtomicStream'>;
  /**
   * The incident log, for the PDF report's "Incidents" part (absent: the report has none), and,
   * like the client set-ups and the schedule, for the client codes an export without codes blanks.
   */
  readonly incidents?: Pick<IncidentService, 'discoveredBetween' | 'list'>;
  readonly clients?: Pick<ClientProfileService, 'knownClientCodes'>;
  readonly schedule?: Pick<ScheduleService, 'knownClientCodes'>;
}

export interface ExportWritten {
  readonly count: number;
  readonly bytes: number;
  /** Months that could not be read, so their logs are not in the file. */
  readonly unreadablePeriods: readonly string[];
}

export interface LogExport {
  /** "ReadyRoom report 2026-03-01 to 2026-03-31.pdf" */
  suggestedName(request: LogsExportRequest): string;
  /**
   * Writes the export to `path`: a temp file beside it (0600) renamed into place once complete
   * and checked, so a full disk or a crash never leaves half a file under the chosen name.
   */
  write(request: LogsExportRequest, path: string): Promise<ExportWritten>;
}

export const exportExtensions: Record<ExportFormat, string> = { pdf: 'pdf', csv: 'csv', json: 'json' };

/** Local midnight at the start of a "YYYY-MM-DD" day, or the last millisecond of it. */
function localDayBoundary(day: string, end: boolean): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const start = new Date(y, m - 1, d + (end ? 1 : 0));
  return new Date(start.getTime() - (end ? 1 : 0)).toISOString();
}

/** A hidden temp file naming its writer, in the chosen folder, so the rename stays on one disk. */
function exportTempName(): string {
  return `.readyroom-export-${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
}

/** A write failure in the user's words (full disk, no permission, folder gone); shared by every export. */
export function writeError(error: unknown): unknown {
  if (isDiskFull(error))
    return new AppError(
      'DISK_FULL',
      'The export could not be saved because the disk is full. No file was left behind.',
    );
  if (isCode(error, 'EACCES') || isCode(error, 'EPERM') || isCode(error, 'EROFS'))
    return new AppError(
      'UNAVAILABLE',
      'ReadyRoom is not allowed to save in that folder. Choose another one, such as your Documents folder.',
    );
  if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR'))
    return new AppError('NOT_FOUND', 'That folder no longer exists. Choose another one.');
  return error;
}

/** PDF report, CSV and JSON exports of the logs, for the app's `logs:export` and the CLI's `logs export`. */
export function createLogExport(deps: LogExportDeps): LogExport {
  const fs = deps.fs ?? nodeVaultFs;
  const now = deps.now ?? (() => new Date());
  const timeZone = deps.timeZone ?? localTimeZone();

  const query = (request: LogsExportRequest) => ({
    ...(request.client ? { client: request.client } : {}),
    ...(request.from ? { since: localDayBoundary(request.from, false) } : {}),
    ...(request.to ? { until: localDayBoundary(request.to, true) } : {}),
  });

  /**
   * Whether the export shows client codes; if not, every code ReadyRoom knows now, to blank from
   * free text: those of all logs (not only the period's), of the incident log, the client set-ups
   * and the schedule. A code erased earlier is in none of them (the vault keeps only an HMAC of
   * it), and a month that cannot be read hides its codes, so such a code written in a note or an
   * incident is not found. A source that cannot be read stops the export rather than leave its
   * codes in the file.
   */
  function codeChoice(request: LogsExportRequest): ClientCodeChoice {
    if (request.includeClientCodes) return { includeClientCodes: true };
    const codes = new Set<string>();
    for (const summary of deps.vault.list().logs) codes.add(summary.clientCode);
    for (const incident of deps.incidents?.list() ?? []) for (const code of incident.clientCodes) codes.add(code);
    // Deleted set-ups' codes too, and the schedule's codes even without a session: each may be in a note.
    for (const code of deps.clients?.knownClientCodes() ?? []) codes.add(code);
    for (const code of deps.schedule?.knownClientCodes() ?? []) codes.add(code);
    return { includeClientCodes: false, knownCodes: createClientCodeRedactor(codes) };
  }

  async function pdf(request: LogsExportRequest): Promise<{ data: Buffer; count: number; unreadable: string[] }> {
    const listed = deps.vault.list(query(request));
    const model = buildReport(listed.logs, {
      ...(request.from ? { from: request.from } : {}),
      ...(request.to ? { to: request.to } : {}),
      // The code as stored, not as typed in the filter ("qx-417" finds "QX-417").
      ...(request.client ? { client: listed.logs[0]?.clientCode ?? request.client } : {}),
      includeClientCodes: request.includeClientCodes,
      practiceName: deps.getSettings().practiceName,
      generatedAt: now(),
      timeZone,
      os: deps.os,
      unreadablePeriods: listed.unreadablePeriods,
    });
    const incidents = deps.incidents
      ? incidentReportSection(
          deps.incidents.discoveredBetween(
            request.from ? localDayBoundary(request.from, false) : new Date(0).toISOString(),
            // discoveredBetween's end is exclusive; the day boundary is the period's last millisecond.
            request.to
              ? new Date(Date.parse(localDayBoundary(request.to, true)) + 1).toISOString()
              : new Date(now().getTime() + 86_400_000).toISOString(),
          ),
          {
            ...codeChoice(request),
            ...(request.client ? { client: request.client } : {}),
            timeZone,
          },
        )
      : undefined;
    return {
      data: await renderReportPdf(model, incidents),
      count: listed.logs.length,
      unreadable: [...listed.unreadablePeriods],
    };
  }

  return {
    suggestedName(request) {
      const what = request.format === 'pdf' ? 'ReadyRoom report' : 'ReadyRoom logs';
      const period =
        request.from && request.to
          ? ` ${request.from} to ${request.to}`
          : request.from
            ? ` from ${request.from}`
            : request.to
              ? ` to ${request.to}`
              : ` ${now().toISOString().slice(0, 10)}`;
      return `${what}${period}.${exportExtensions[request.format]}`;
    },

    async write(request, path) {
      let count = 0;
      let bytes = 0;
      let unreadable: readonly string[] = [];
      try {
        if (request.format === 'pdf') {
          const made = await pdf(request);
          count = made.count;
          unreadable = made.unreadable;
          bytes = made.data.length;
          fs.writeAtomicStream(path, (write) => write(made.data), exportTempName());
        } else {
          fs.writeAtomicStream(
            path,
            (write) => {
              const put = (text: string) => {
                const chunk = Buffer.from(text, 'utf8');
                bytes += chunk.length;
                write(chunk);
              };
              const codes = codeChoice(request);
              if (request.format === 'csv') put(csvByteOrderMark + csvHeader(codes));
              else
                put(
                  jsonExportHead({
                    format: logsExportFormat,
                    version: logsExportVersion,
                    exportedAt: now().toISOString(),
                    appVersion: deps.appVersion,
                    period: { from: request.from ?? null, to: request.to ?? null },
                    oneClient: Boolean(request.client),
                    includesClientCodes: codes.includeClientCodes,
                  }),
                );
              // Rows are gathered a month at a time, so a large export is written in pieces.
              let pending: string[] = [];
              const result = deps.vault.eachLog(query(request), (entry) => {
                pending.push(
                  request.format === 'csv' ? csvRow(entry, codes) : jsonExportLog(entry, codes, count === 0),
                );
                count += 1;
                if (pending.length >= 500) {
                  put(pending.join(''));
                  pending = [];
                }
              });
              if (pending.length > 0) put(pending.join(''));
              if (request.format === 'json') put(jsonExportTail());
              unreadable = result.unreadablePeriods;
            },
            exportTempName(),
          );
        }
      } catch (error) {
        log.warn('an export could not be written', { format: request.format, code: (error as { code?: string }).code });
        throw writeError(error);
      }
      log.info('export written', { format: request.format, count });
      return { count, bytes, unreadablePeriods: unreadable };
    },
  };
}
