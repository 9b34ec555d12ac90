import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import {
  backupFormat,
  backupKeySlots,
  backupOpensWith,
  BackupFormatError,
  openBackupDocuments,
  openBackupMonths,
  readBackup,
  writeBackupText,
  type BackupDocument,
} from '../../../main/vault/backup-file';
import {
  createPassphraseSlot,
  createRecoverySlot,
  unwrapWithPassphrase,
  type KeySlots,
} from '../../../main/vault/key-slots';
import { generateRecoveryKey } from '../../../main/vault/recovery-key';
import { DecryptError, randomKey } from '../../../main/vault/vault-crypto';
import { emptyMonth } from '../../../main/vault/vault-records';
import { passphrase, testKdf } from './vault-test-kit';

const vaultId = '0123456789abcdef0123456789abcdef';

async function backupText(documents: readonly BackupDocument[] = []): Promise<string> {
  return (await keyedBackup(documents)).text;
}

async function keyedBackup(documents: readonly BackupDocument[] = []): Promise<{ dek: Buffer; text: string }> {
  const dek = randomKey();
  const slots: KeySlots = {
    format: 'readyroom.keyslots/1',
    vaultId,
    revision: 1,
    createdAt: '2026-03-01T10:00:00.000Z',
    slots: {
      passphrase: await createPassphraseSlot(dek, vaultId, 'a long passphrase', testKdf),
      recovery: createRecoverySlot(dek, vaultId, generateRecoveryKey().bytes),
    },
  };
  const text = writeBackupText(
    dek,
    slots,
    [emptyMonth('2026-03')],
    { createdAt: new Date('2026-03-15T10:00:00Z'), appVersion: '0.1.0-test' },
    documents,
  );
  return { dek, text };
}

/** The backup with its header's scrypt parameters replaced (the header is read before anything authenticates it). */
function withHeaderKdf(text: string, N: number, r: number, p: number): string {
  const [header = '', ...rest] = text.split('\n');
  const parsed = JSON.parse(header) as { slots: { passphrase: { kdf: Record<string, unknown> } } };
  parsed.slots.passphrase.kdf = { ...parsed.slots.passphrase.kdf, N, r, p };
  return [JSON.stringify(parsed), ...rest].join('\n');
}

describe('backup-file', () => {
  it('refuses a backup whose header asks for more scrypt work than ReadyRoom writes', async () => {
    const text = await backupText();
    expect(readBackup(text).header.periods).toEqual(['2026-03']);
    expect(() => readBackup(withHeaderKdf(text, 2 ** 22, 32, 16))).toThrow(BackupFormatError);
    expect(() => readBackup(withHeaderKdf(text, 2 ** 20, 8, 1))).toThrow(BackupFormatError);
  });
});

describe('backup-file: copies that went through other tools', () => {
  it('reads a backup whose line endings became CRLF, or that gained a byte order mark', async () => {
    const text = await backupText();
    const crlf = text.replace(/\n/g, '\r\n');
    const shape = (input: string) => {
      const backup = readBackup(input);
      return { header: backup.header, headerText: backup.headerText, end: backup.end, chunks: [...backup.chunks()] };
    };
    expect(shape(crlf)).toEqual(shape(text));
    expect(shape(`\uFEFF${crlf}`)).toEqual(shape(text));
  });

  it('says exactly why a file cannot be read', async () => {
    const text = await backupText();
    const problem = (input: string) => {
      try {
        readBackup(input);
      } catch (error) {
        if (error instanceof BackupFormatError) return error.problem;
        throw error;
      }
      return 'read';
    };
    expect(problem('hello, this is not a backup\n')).toBe('not-a-backup');
    expect(problem('{"format":"something else"}\n')).toBe('not-a-backup');
    expect(problem(text.slice(0, 40))).toBe('truncated');
    expect(problem(text.slice(0, -5))).toBe('truncated');
    const lines = text.split('\n');
    expect(problem([lines[0], lines[2], ''].join('\n'))).toBe('missing-parts');
    expect(problem(text.replace(/\n(.)/, '\n#$1'))).toBe('damaged');
  });
});

/** Made by ReadyRoom before backups carried documents (format 1): two months, one log in each; opens with `passphrase`. */
const v1Fixture = fileURLToPath(new URL('../../fixtures/vault/backup-v1.rrbackup', import.meta.url));

describe('backup-file: format 1 backups (no documents) still open', () => {
  it('reads the months of a version 1 backup, as holding no documents', async () => {
    const text = readFileSync(v1Fixture, 'utf8');
    const backup = readBackup(text);
    expect(backup.header.format).toBe('readyroom.backup/1');
    expect(backup.header.periods).toEqual(['2026-02', '2026-03']);
    expect(backup.header.documents).toEqual([]);
    const dek = await unwrapWithPassphrase(backupKeySlots(backup), passphrase);
    if (!dek) throw new Error('the fixture did not open');
    expect(backupOpensWith(dek, backup)).toBe(true);
    expect([...openBackupMonths(dek, backup)].map((m) => Object.keys(m.logs).length)).toEqual([1, 1]);
    expect([...openBackupDocuments(dek, backup)]).toEqual([]);
    // The same protections as before: CRLF reads alike, a dropped month line is named.
    expect(readBackup(text.replace(/\n/g, '\r\n')).header).toEqual(backup.header);
    const lines = text.split('\n');
    expect(() => readBackup([lines[0], lines[1], lines[3], ''].join('\n'))).toThrow(
      expect.objectContaining({ problem: 'missing-parts' }),
    );
  });
});

describe('backup-file: documents', () => {
  const documents: BackupDocument[] = [
    { name: 'incidents', value: { incidents: [{ id: 'inc-0000000a' }] } },
    { name: 'client-profiles', value: { version: 1, profiles: [] } },
  ];
  const problem = (input: string) => {
    try {
      readBackup(input);
    } catch (error) {
      if (error instanceof BackupFormatError) return error.problem;
      throw error;
    }
    return 'read';
  };
  /** Every document of a backup that reads, or the error that stops it. */
  const opened = (dek: Buffer, input: string) => {
    try {
      return [...openBackupDocuments(dek, readBackup(input))];
    } catch (error) {
      return error instanceof DecryptError ? 'does not open' : error;
    }
  };

  it('lists the documents in its header and gives each back after the months', async () => {
    const { dek, text } = await keyedBackup(documents);
    const backup = readBackup(text);
    expect(backup.header.format).toBe(backupFormat);
    expect(backup.header.documents).toEqual(['incidents', 'client-profiles']);
    expect(text.split('\n')).toHaveLength(1 + 1 + 2 + 1 + 1); // header, month, documents, end, ''
    expect([...openBackupMonths(dek, backup)].map((m) => m.period)).toEqual(['2026-03']);
    expect(opened(dek, text)).toEqual(documents);
    expect(backupOpensWith(dek, backup)).toBe(true);
  });

  it('reads alike after CRLF line endings and a byte order mark', async () => {
    const { dek, text } = await keyedBackup(documents);
    expect(opened(dek, `\uFEFF${text.replace(/\n/g, '\r\n')}`)).toEqual(documents);
  });

  it('names a dropped or cut-off document line, and an extra line, before anything is decrypted', async () => {
    const text = await backupText(documents);
    const lines = text.split('\n'); // 0 header, 1 month, 2-3 documents, 4 end, 5 ''
    expect(problem([lines[0], lines[1], lines[3], lines[4], ''].join('\n'))).toBe('missing-parts');
    expect(problem([lines[0], lines[1], lines[2], lines[4], ''].join('\n'))).toBe('missing-parts');
    expect(problem(text.slice(0, text.indexOf(lines[3] ?? '') + 20))).toBe('truncated');
    expect(problem([lines[0], lines[1], lines[2], lines[3], lines[3], lines[4], ''].join('\n'))).toBe('damaged');
    expect(problem([lines[0], lines[1], `${lines[2]}x`, lines[3], lines[4], ''].join('\n'))).toBe('damaged');
  });

  it('does not open a swapped, altered or borrowed document line, nor a month line in a document’s place', async () => {
    const { dek, text } = await keyedBackup(documents);
    const lines = text.split('\n');
    const swapped = [lines[0], lines[1], lines[3], lines[2], lines[4], ''].join('\n');
    expect(opened(dek, swapped)).toBe('does not open');
    // One character of the sealed part changed (still well-formed base64).
    const line = lines[2] ?? '';
    const at = line.length - 8;
    const altered = `${line.slice(0, at)}${line[at] === 'A' ? 'B' : 'A'}${line.slice(at + 1)}`;
    expect(opened(dek, [lines[0], lines[1], altered, lines[3], lines[4], ''].join('\n'))).toBe('does not open');
    expect(opened(dek, [lines[0], lines[1], lines[1], lines[3], lines[4], ''].join('\n'))).toBe('does not open');
    // The same documents in another backup under the same key: its lines belong to its own header.
    const other = writeBackupText(
      dek,
      backupKeySlots(readBackup(text)),
      [emptyMonth('2026-03')],
      { createdAt: new Date('2026-03-15T10:00:00Z'), appVersion: '0.1.0-test' },
      documents,
    ).split('\n');
    expect(opened(dek, [lines[0], lines[1], other[2], lines[3], lines[4], ''].join('\n'))).toBe('does not open');
    expect(opened(dek, [lines[0], lines[1], lines[2], lines[3], lines[4], ''].join('\n'))).toEqual(documents);
  });

  it('binds the document names in the header through the end line', async () => {
    const { dek, text } = await keyedBackup(documents);
    const lines = text.split('\n');
    const header = JSON.parse(lines[0] ?? '') as { documents: string[] };
    // Claim one document fewer and drop its line: every count agrees, but the header is not the one written.
    const fewer = [JSON.stringify({ ...header, documents: ['incidents'] }), lines[1], lines[2], lines[4], ''].join(
      '\n',
    );
    expect(backupOpensWith(dek, readBackup(fewer))).toBe(false);
    expect(opened(dek, fewer)).toBe('does not open');
  });

  it('refuses a header that lists a document twice or names a file path', async () => {
    const text = await backupText(documents);
    const [headerLine = '', ...rest] = text.split('\n');
    const header = JSON.parse(headerLine) as Record<string, unknown>;
    const withDocs = (names: string[]) => [JSON.stringify({ ...header, documents: names }), ...rest].join('\n');
    expect(problem(withDocs(['incidents', 'incidents']))).toBe('damaged');
    expect(problem(withDocs(['../keys', 'incidents']))).toBe('damaged');
    // A version 1 header with documents is not a version 1 header.
    expect(problem(withDocs(['incidents', 'client-profiles']).replace(backupFormat, 'readyroom.backup/1'))).toBe(
      'damaged',
    );
  });
});
