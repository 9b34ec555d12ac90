import { randomBytes } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, constants as zlib } from 'node:zlib';

import { z } from 'zod';

import { passphraseSlotSchema, recoverySlotSchema, type KeySlots } from './key-slots';
import { isPeriod } from './log-ids';
import { DecryptError, open, seal } from './vault-crypto';
import { isCanonicalBase64 } from './vault-envelope';
import { parseMonth, serializeMonth, type MonthRecords } from './vault-records';

/**
 * A backup is one text file: a JSON header line naming the months it holds and carrying the
 * passphrase and recovery-key slots (so it opens with either, on any computer), one
 * encrypted line per month, and an encrypted end line. Each line's associated data is the
 * header plus its month, so lines cannot be swapped, dropped or borrowed from another backup
 * unnoticed, and the end line authenticates the header even when there are no months.
 */
export const backupFormat = 'readyroom.backup/1';
const endMarker = 'end';

const backupHeaderSchema = z.strictObject({
  format: z.literal(backupFormat),
  backup: z.string().regex(/^[0-9a-f]{32}$/),
  vault: z.string().regex(/^[0-9a-f]{32}$/),
  createdAt: z.iso.datetime({ offset: true }),
  appVersion: z.string().max(40),
  periods: z.array(z.string().refine(isPeriod)).max(12 * 200),
  slots: z.strictObject({ passphrase: passphraseSlotSchema, recovery: recoverySlotSchema }),
});
export type BackupHeader = z.output<typeof backupHeaderSchema>;

/** Why a file is not a readable backup, so the user can be told exactly. */
export type BackupProblem = 'not-a-backup' | 'truncated' | 'missing-months' | 'damaged';

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
 * is in memory at a time), then the end line. `monthOf` is asked for the periods in order.
 */
export function writeBackup(
  write: (text: string) => void,
  dek: Buffer,
  slots: KeySlots,
  periods: readonly string[],
  monthOf: (period: string) => MonthRecords,
  meta: BackupMeta,
): void {
  const header: BackupHeader = {
    format: backupFormat,
    backup: randomBytes(16).toString('hex'),
    vault: slots.vaultId,
    createdAt: meta.createdAt.toISOString(),
    appVersion: meta.appVersion,
    periods: [...periods],
    slots: { passphrase: slots.slots.passphrase, recovery: slots.slots.recovery },
  };
  const headerText = JSON.stringify(header);
  write(`${headerText}\n`);
  for (const period of periods) {
    const month = monthOf(period);
    if (month.period !== period) throw new Error('backup months out of order');
    const plain = Buffer.from(serializeMonth(month), 'utf8');
    const compressed = brotliCompressSync(plain, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 1, [zlib.BROTLI_PARAM_SIZE_HINT]: plain.length },
    });
    const { iv, sealed } = seal(dek, compressed, chunkAad(headerText, period));
    write(`${iv.toString('base64')}.${sealed.toString('base64')}\n`);
  }
  const end = seal(dek, Buffer.from(endMarker, 'utf8'), chunkAad(headerText, endMarker));
  write(`${end.iv.toString('base64')}.${end.sealed.toString('base64')}\n`);
}

/** A whole backup as one text (tests, the benchmark); the vault itself writes with writeBackup. */
export function writeBackupText(
  dek: Buffer,
  slots: KeySlots,
  months: readonly MonthRecords[],
  meta: BackupMeta,
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
  );
  return parts.join('');
}

export interface OpenedBackup {
  readonly header: BackupHeader;
  readonly headerText: string;
  /** The encrypted line of each period, in header order: a fresh pass over the file each time. */
  chunks(): Iterable<string>;
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
    if (next.done === true && headerText.startsWith(`{"format":"${backupFormat}"`))
      throw new BackupFormatError('truncated', 'header cut short');
    throw new BackupFormatError('not-a-backup', 'header is not JSON');
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== backupFormat) {
    throw new BackupFormatError('not-a-backup', 'header names another format');
  }
  const parsed = backupHeaderSchema.safeParse(raw);
  if (!parsed.success) throw new BackupFormatError('damaged', 'header');
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
  const months = count - 1;
  if (previous === null || months < parsed.data.periods.length)
    throw new BackupFormatError('missing-months', 'fewer lines than months');
  if (months !== parsed.data.periods.length) throw new BackupFormatError('damaged', 'extra lines');
  if (malformed) throw new BackupFormatError('damaged', 'body');
  const periodCount = months;
  return {
    header: parsed.data,
    headerText,
    end: previous,
    *chunks() {
      let index = -1;
      for (const line of source()) {
        if (index >= periodCount) return;
        if (index >= 0) yield asWritten(line, false);
        index += 1;
      }
    },
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
    const compressed = openLine(dek, chunk, chunkAad(backup.headerText, period));
    let json: string;
    try {
      json = brotliDecompressSync(compressed, { maxOutputLength: 512 * 1024 * 1024 }).toString('utf8');
    } catch {
      throw new BackupFormatError('damaged', 'body');
    }
    yield parseMonth(json, period);
    position += 1;
  }
  if (position !== backup.header.periods.length) throw new BackupFormatError('missing-months', 'fewer lines');
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

function chunkAad(headerText: string, period: string): Buffer {
  return Buffer.from(`${headerText}\n${period}`, 'utf8');
}
