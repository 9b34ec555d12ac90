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

export function writeBackupText(
  dek: Buffer,
  slots: KeySlots,
  months: readonly MonthRecords[],
  meta: { readonly createdAt: Date; readonly appVersion: string },
): string {
  const header: BackupHeader = {
    format: backupFormat,
    backup: randomBytes(16).toString('hex'),
    vault: slots.vaultId,
    createdAt: meta.createdAt.toISOString(),
    appVersion: meta.appVersion,
    periods: months.map((m) => m.period),
    slots: { passphrase: slots.slots.passphrase, recovery: slots.slots.recovery },
  };
  const headerText = JSON.stringify(header);
  const lines = [headerText];
  for (const month of months) {
    const plain = Buffer.from(serializeMonth(month), 'utf8');
    const compressed = brotliCompressSync(plain, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 1, [zlib.BROTLI_PARAM_SIZE_HINT]: plain.length },
    });
    const { iv, sealed } = seal(dek, compressed, chunkAad(headerText, month.period));
    lines.push(`${iv.toString('base64')}.${sealed.toString('base64')}`);
  }
  const end = seal(dek, Buffer.from(endMarker, 'utf8'), chunkAad(headerText, endMarker));
  lines.push(`${end.iv.toString('base64')}.${end.sealed.toString('base64')}`);
  return `${lines.join('\n')}\n`;
}

export interface OpenedBackup {
  readonly header: BackupHeader;
  readonly headerText: string;
  /** The encrypted line of each period, in header order. */
  readonly chunks: readonly string[];
  readonly end: string;
}

/**
 * Undoes what mail programs and Windows tools do to a text file: CRLF line endings and a byte
 * order mark. Neither character can occur in a backup as written (JSON header, base64 lines), so
 * removing them gives back exactly the bytes that were authenticated.
 */
function asWritten(text: string): string {
  const noBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return noBom.includes('\r') ? noBom.replace(/\r\n/g, '\n') : noBom;
}

export function readBackup(input: string): OpenedBackup {
  const text = asWritten(input);
  const lines = text.split('\n');
  const headerText = lines[0] ?? '';
  let raw: unknown;
  try {
    raw = JSON.parse(headerText);
  } catch {
    // Cut off inside its first line: a backup that was not copied completely.
    if (lines.length === 1 && text.startsWith(`{"format":"${backupFormat}"`))
      throw new BackupFormatError('truncated', 'header cut short');
    throw new BackupFormatError('not-a-backup', 'header is not JSON');
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== backupFormat) {
    throw new BackupFormatError('not-a-backup', 'header names another format');
  }
  const parsed = backupHeaderSchema.safeParse(raw);
  if (!parsed.success) throw new BackupFormatError('damaged', 'header');
  if (!text.endsWith('\n')) throw new BackupFormatError('truncated', 'no final line break');
  lines.pop();
  const chunks = lines.slice(1, -1);
  const end = lines.length >= 2 ? lines[lines.length - 1] : undefined;
  if (end === undefined || chunks.length < parsed.data.periods.length)
    throw new BackupFormatError('missing-months', 'fewer lines than months');
  if (chunks.length !== parsed.data.periods.length) throw new BackupFormatError('damaged', 'extra lines');
  const wellFormed = (chunk: string) => {
    const parts = chunk.split('.');
    return parts.length === 2 && parts.every((part) => isCanonicalBase64(part));
  };
  if (!chunks.every(wellFormed) || !wellFormed(end)) throw new BackupFormatError('damaged', 'body');
  return { header: parsed.data, headerText, chunks, end };
}

/** Decrypts one month; throws DecryptError with the wrong key or a changed line. */
export function openBackupChunk(dek: Buffer, backup: OpenedBackup, position: number): MonthRecords {
  const period = backup.header.periods[position];
  const chunk = backup.chunks[position];
  if (period === undefined || chunk === undefined) throw new BackupFormatError('missing-months', 'no such month');
  const compressed = openLine(dek, chunk, chunkAad(backup.headerText, period));
  let json: string;
  try {
    json = brotliDecompressSync(compressed, { maxOutputLength: 512 * 1024 * 1024 }).toString('utf8');
  } catch {
    throw new BackupFormatError('damaged', 'body');
  }
  return parseMonth(json, period);
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
