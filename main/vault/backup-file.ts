import { randomBytes } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, constants as zlib } from 'node:zlib';

import { z } from 'zod';

import { passphraseSlotSchema, recoverySlotSchema, type KeySlots } from './key-slots';
import { isPeriod } from './log-ids';
import { DecryptError, open, seal } from './vault-crypto';
import { isCanonicalBase64 } from './vault-envelope';
import { parseMonth, serializeMonth, type MonthRecords } from './vault-records';

/**
 * A backup is one text file: a JSON header line naming the months and the documents it holds and
 * carrying the passphrase and recovery-key slots (so it opens with either, on any computer), one
 * encrypted line per month, one per document (vault-documents.ts), and an encrypted end line.
 * Each line's associated data is the header plus its month (or `document:<name>`), so lines
 * cannot be swapped, dropped or borrowed from another backup unnoticed, and the end line
 * authenticates the header even when there are no months.
 *
 * Version 1 had no documents (no `documents` in its header, no document lines); such files are
 * still read, as having none.
 */
export const backupFormat = 'readyroom.backup/2';
const backupFormatV1 = 'readyroom.backup/1';
const endMarker = 'end';

const headerFields = {
  backup: z.string().regex(/^[0-9a-f]{32}$/),
  vault: z.string().regex(/^[0-9a-f]{32}$/),
  createdAt: z.iso.datetime({ offset: true }),
  appVersion: z.string().max(40),
  periods: z.array(z.string().refine(isPeriod)).max(12 * 200),
  slots: z.strictObject({ passphrase: passphraseSlotSchema, recovery: recoverySlotSchema }),
};

/** A document's name as a header lists it: the names of vault-documents.ts, or a later version's. */
const documentNameSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/);

const backupHeaderSchema = z.union([
  z.strictObject({
    format: z.literal(backupFormat),
    ...headerFields,
    documents: z
      .array(documentNameSchema)
      .max(32)
      .refine((names) => new Set(names).size === names.length, 'a document is listed twice'),
  }),
  z.strictObject({ format: z.literal(backupFormatV1), ...headerFields }),
]);
type ParsedHeader = z.output<typeof backupHeaderSchema>;
/** The header as read: a version 1 header reads as listing no documents. */
export type BackupHeader = Omit<ParsedHeader, 'format'> & {
  readonly format: ParsedHeader['format'];
  readonly documents: readonly string[];
};
const readableFormats: readonly unknown[] = [backupFormat, backupFormatV1];

/** One document as a backup carries it: its name and its JSON value. */
export interface BackupDocument {
  readonly name: string;
  readonly value: unknown;
}

/** Why a file is not a readable backup, so the user can be told exactly. */
export type BackupProblem = 'not-a-backup' | 'truncated' | 'missing-parts' | 'damaged';

export class BackupFormatError extends Error {
  readonly problem: BackupProblem;
  constructor(problem: BackupProblem, detail: string) {
    super(`not a readable ReadyRoom backup: ${detail}`);
    this.name = 'BackupFormatError';
    this.problem = problem;
  }
}

export interface BackupMeta {
  readonly createdAt: Date;
  readonly appVersion: string;
}

/**
 * Writes a backup piece by piece: the header, then each month as it is read (so only one month
 * is in memory at a time), then each document, then the end line. `monthOf` is asked for the
 * periods in order.
 */
export function writeBackup(
  write: (text: string) => void,
  dek: Buffer,
  slots: KeySlots,
  periods: readonly string[],
  monthOf: (period: string) => MonthRecords,
  meta: BackupMeta,
  documents: readonly BackupDocument[] = [],
): void {
  const header = {
    format: backupFormat,
    backup: randomBytes(16).toString('hex'),
    vault: slots.vaultId,
    createdAt: meta.createdAt.toISOString(),
    appVersion: meta.appVersion,
    periods: [...periods],
    documents: documents.map((d) => d.name),
    slots: { passphrase: slots.slots.passphrase, recovery: slots.slots.recovery },
  };
  if (!backupHeaderSchema.safeParse(header).success) throw new Error('backup header not valid');
  const headerText = JSON.stringify(header);
  write(`${headerText}\n`);
  const writeLine = (plain: Buffer, aad: Buffer) => {
    const compressed = brotliCompressSync(plain, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 1, [zlib.BROTLI_PARAM_SIZE_HINT]: plain.length },
    });
    const { iv, sealed } = seal(dek, compressed, aad);
    write(`${iv.toString('base64')}.${sealed.toString('base64')}\n`);
  };
  for (const period of periods) {
    const month = monthOf(period);
    if (month.period !== period) throw new Error('backup months out of order');
    writeLine(Buffer.from(serializeMonth(month), 'utf8'), chunkAad(headerText, period));
  }
  for (const document of documents)
    writeLine(Buffer.from(JSON.stringify(document.value), 'utf8'), documentAad(headerText, document.name));
  const end = seal(dek, Buffer.from(endMarker, 'utf8'), chunkAad(headerText, endMarker));
  write(`${end.iv.toString('base64')}.${end.sealed.toString('base64')}\n`);
}

/** A whole backup as one text (tests, the benchmark); the vault itself writes with writeBackup. */
export function writeBackupText(
  dek: Buffer,
  slots: KeySlots,
  months: readonly MonthRecords[],
  meta: BackupMeta,
  documents: readonly BackupDocument[] = [],
): string {
  const parts: string[] = [];
  const byPeriod = new Map(months.map((m) => [m.period, m]));
  writeBackup(
    (text) => parts.push(text),
    dek,
    slots,
    months.map((m) => m.period),
    (period) => byPeriod.get(period) as MonthRecords,
    meta,
    documents,
  );
  return parts.join('');
}

export interface OpenedBackup {
  readonly header: BackupHeader;
  readonly headerText: string;
  /** The encrypted line of each period, in header order: a fresh pass over the file each time. */
  chunks(): Iterable<string>;
  /** The encrypted line of each document, in header order (none in a version 1 backup). */
  documentChunks(): Iterable<string>;
  readonly end: string;
}

/**
 * Undoes what mail programs and Windows tools do to a text file: CRLF line endings and a byte
 * order mark. Neither character can occur in a backup as written (JSON header, base64 lines), so
 * removing them gives back exactly the bytes that were authenticated.
 */
function asWritten(line: string, first: boolean): string {
  const noBom = first && line.startsWith('\uFEFF') ? line.slice(1) : line;
  return noBom.endsWith('\r') ? noBom.slice(0, -1) : noBom;
}

const wellFormed = (line: string) => {
  const parts = line.split('.');
  return parts.length === 2 && parts.every((part) => isCanonicalBase64(part));
};

/**
 * Checks a backup's shape in one pass over its lines (as text.split('\n') gives them, so the last
 * is what follows the final line break) without keeping them: the months are read later, one at
 * a time, by `openBackupMonths`.
 */
export function readBackupLines(source: () => Iterable<string>): OpenedBackup {
  const lines = source()[Symbol.iterator]();
  const first = lines.next();
  const headerText = asWritten(first.done === true ? '' : first.value, true);
  let next = lines.next();
  let raw: unknown;
  try {
    raw = JSON.parse(headerText);
  } catch {
    // Cut off inside its first line: a backup that was not copied completely.
    if (next.done === true && headerText.startsWith('{"format":"readyroom.backup/'))
      throw new BackupFormatError('truncated', 'header cut short');
    throw new BackupFormatError('not-a-backup', 'header is not JSON');
  }
  if (typeof raw !== 'object' || raw === null || !readableFormats.includes((raw as { format?: unknown }).format)) {
    throw new BackupFormatError('not-a-backup', 'header names another format');
  }
  const parsed = backupHeaderSchema.safeParse(raw);
  if (!parsed.success) throw new BackupFormatError('damaged', 'header');
  const header: BackupHeader = { documents: [], ...parsed.data };
  if (next.done === true) throw new BackupFormatError('truncated', 'no final line break');
  // The lines after the header, each checked as it goes; the one before the final piece is the end line.
  let count = 0;
  let previous: string | null = null;
  let malformed = false;
  for (;;) {
    const after = lines.next();
    if (after.done === true) break;
    const line = asWritten(next.value, false);
    if (!wellFormed(line)) malformed = true;
    previous = line;
    count += 1;
    next = after;
  }
  if (asWritten(next.value, false) !== '') throw new BackupFormatError('truncated', 'no final line break');
  const body = count - 1;
  const periodCount = header.periods.length;
  const expected = periodCount + header.documents.length;
  if (previous === null || body < expected) throw new BackupFormatError('missing-parts', 'fewer lines than listed');
  if (body !== expected) throw new BackupFormatError('damaged', 'extra lines');
  if (malformed) throw new BackupFormatError('damaged', 'body');
  /** The body lines from..to (0 is the first line after the header), a fresh pass each time. */
  function* linesBetween(from: number, to: number): Generator<string> {
    let index = -1;
    for (const line of source()) {
      if (index >= to) return;
      if (index >= from) yield asWritten(line, false);
      index += 1;
    }
  }
  return {
    header,
    headerText,
    end: previous,
    chunks: () => linesBetween(0, periodCount),
    documentChunks: () => linesBetween(periodCount, expected),
  };
}

export function readBackup(text: string): OpenedBackup {
  return readBackupLines(() => text.split('\n'));
}

/** Decrypts the months one at a time, in header order; throws DecryptError with the wrong key or a changed line. */
export function* openBackupMonths(dek: Buffer, backup: OpenedBackup): Generator<MonthRecords> {
  let position = 0;
  for (const chunk of backup.chunks()) {
    const period = backup.header.periods[position];
    if (period === undefined) throw new BackupFormatError('damaged', 'extra lines');
    yield parseMonth(openText(dek, chunk, chunkAad(backup.headerText, period)), period);
    position += 1;
  }
  if (position !== backup.header.periods.length) throw new BackupFormatError('missing-parts', 'fewer lines');
}

/**
 * Decrypts the documents, in header order; throws DecryptError with the wrong key or a changed,
 * swapped or borrowed line, BackupFormatError for a line that opens but holds no JSON.
 */
export function* openBackupDocuments(dek: Buffer, backup: OpenedBackup): Generator<BackupDocument> {
  let position = 0;
  for (const chunk of backup.documentChunks()) {
    const name = backup.header.documents[position];
    if (name === undefined) throw new BackupFormatError('damaged', 'extra lines');
    const text = openText(dek, chunk, documentAad(backup.headerText, name));
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new BackupFormatError('damaged', 'document');
    }
    yield { name, value };
    position += 1;
  }
  if (position !== backup.header.documents.length) throw new BackupFormatError('missing-parts', 'fewer lines');
}

/** Whether this key opens the backup, and its header is as written (checks the end line). */
export function backupOpensWith(dek: Buffer, backup: OpenedBackup): boolean {
  try {
    return openLine(dek, backup.end, chunkAad(backup.headerText, endMarker)).toString('utf8') === endMarker;
  } catch (error) {
    if (error instanceof DecryptError) return false;
    throw error;
  }
}

/** The slots as a KeySlots value, so the usual unwrap functions open a backup too. */
export function backupKeySlots(backup: OpenedBackup): KeySlots {
  return {
    format: 'readyroom.keyslots/1',
    vaultId: backup.header.vault,
    revision: 1,
    createdAt: backup.header.createdAt,
    slots: backup.header.slots,
  };
}

function openLine(dek: Buffer, line: string, aad: Buffer): Buffer {
  const [ivText = '', sealedText = ''] = line.split('.');
  return open(dek, Buffer.from(ivText, 'base64'), Buffer.from(sealedText, 'base64'), aad);
}

/** A line's plain text: decrypted (DecryptError when it does not open), then decompressed. */
function openText(dek: Buffer, line: string, aad: Buffer): string {
  const compressed = openLine(dek, line, aad);
  try {
    return brotliDecompressSync(compressed, { maxOutputLength: 512 * 1024 * 1024 }).toString('utf8');
  } catch {
    throw new BackupFormatError('damaged', 'body');
  }
}

/** A document's line is bound to its name; "document:" cannot be a period, so no month line fits there. */
function documentAad(headerText: string, name: string): Buffer {
  return Buffer.from(`${headerText}\ndocument:${name}`, 'utf8');
}

function chunkAad(headerText: string, period: string): Buffer {
  return Buffer.from(`${headerText}\n${period}`, 'utf8');
}
