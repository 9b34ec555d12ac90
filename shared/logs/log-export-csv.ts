import { catalog } from '../catalog/catalog';
import type { ClientCodeChoice } from '../text/client-code-redaction';
import { logWithoutClientCodes } from './log-export-redaction';
import type { ReadinessLog } from './readiness-log';

/** Characters that make a spreadsheet read a cell as a formula (or a command, in older ones). */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * A cell a spreadsheet shows as text, never runs: one starting with =, +, -, @, tab or CR gets a
 * leading apostrophe (OWASP's advice for CSV injection), so `=HYPERLINK(...)` in a note stays a note.
 */
export function spreadsheetSafe(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

/** RFC 4180: a field holding a comma, quote, CR or LF is quoted, with quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One record: every field made safe and quoted as needed, ended with CRLF as RFC 4180 asks. */
export function csvRecord(values: readonly string[]): string {
  return `${values.map((v) => csvField(spreadsheetSafe(v))).join(',')}\r\n`;
}

/** Client codes are left out unless the user asks for them, and then blanked from the notes too. */
export type CsvOptions = ClientCodeChoice;

/** One column per check in the catalog, in its order (automatic, media, then the questions). */
const checkColumns = catalog.map((entry) => ({ id: entry.id, manual: entry.kind === 'manual' }));
const catalogIds = new Set(checkColumns.map((c) => c.id));

/** Excel opens a file as UTF-8 only with this mark in front; other readers skip it. */
export const csvByteOrderMark = '\uFEFF';

export function csvHeader(options: Pick<CsvOptions, 'includeClientCodes'>): string {
  return csvRecord([
    'log id',
    'checked at',
    'session at',
    ...(options.includeClientCodes ? ['client code'] : []),
    'platform',
    'modality',
    'client country',
    'outcome',
    ...checkColumns.map((c) => c.id),
    'other checks',
    'programs closed',
    'note',
    'additions',
  ]);
}

function judgementText(log: ReadinessLog, id: string): string {
  const judgement = log.judgements?.find((j) => j.id === id);
  if (!judgement) return '';
  const said = judgement.kind === 'confirmed' ? 'checked by you' : `not applicable (${judgement.reason})`;
  // The note is the therapist's reason: for a blocker or "another reason" it is the only one given.
  const note = judgement.note?.trim();
  return note ? `${said}: ${note}` : said;
}

function withJudgement(seen: string, judged: string): string {
  return judged ? (seen ? `${seen}; ${judged}` : judged) : seen;
}

/**
 * One row per log. A check column holds its status as ReadyRoom saw it (pass, warn, fail,
 * unknown, skipped), with the therapist's judgement after it; a question holds "confirmed" or
 * "not confirmed"; a check this log did not have is empty. Checks the catalog no longer lists
 * go in "other checks", so nothing in a log is left out.
 */
export function csvRow(stored: ReadinessLog, options: CsvOptions): string {
  // Blanked before the cells are made safe, so the apostrophe still guards whatever the cell now starts with.
  const log = options.includeClientCodes ? stored : logWithoutClientCodes(stored, options.knownCodes);
  const statuses = new Map(log.checks.map((c) => [c.id, c.status as string]));
  const confirmed = new Map(log.confirmations.map((c) => [c.id, c.confirmed ? 'confirmed' : 'not confirmed']));
  const cells = checkColumns.map(({ id, manual }) =>
    withJudgement((manual ? confirmed.get(id) : statuses.get(id)) ?? '', judgementText(log, id)),
  );
  const others = [
    ...log.checks.filter((c) => !catalogIds.has(c.id)).map((c) => `${c.id}: ${c.status}`),
    ...log.confirmations
      .filter((c) => !catalogIds.has(c.id))
      .map((c) => `${c.id}: ${c.confirmed ? 'confirmed' : 'not confirmed'}`),
  ];
  const additions = log.addenda.map((a) =>
    [a.at, a.kind, a.endedAt ?? '', a.text ?? '', (a.programs ?? []).map((p) => p.name).join(' ')]
      .filter(Boolean)
      .join(' '),
  );
  return csvRecord([
    log.id,
    log.createdAt,
    log.sessionAt,
    ...(options.includeClientCodes ? [log.clientCode] : []),
    log.platformHost ? `${log.platform} (${log.platformHost})` : log.platform,
    log.modality,
    log.clientCountry ?? '',
    log.outcome,
    ...cells,
    others.join('; '),
    log.programsClosed.map((p) => p.name).join('; '),
    log.note,
    additions.join('\n'),
  ]);
}
