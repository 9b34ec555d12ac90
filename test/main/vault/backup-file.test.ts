import { describe, expect, it } from 'vitest';

import { BackupFormatError, readBackup, writeBackupText } from '../../../main/vault/backup-file';
import { createPassphraseSlot, createRecoverySlot, type KeySlots } from '../../../main/vault/key-slots';
import { generateRecoveryKey } from '../../../main/vault/recovery-key';
import { randomKey } from '../../../main/vault/vault-crypto';
import { emptyMonth } from '../../../main/vault/vault-records';
import { testKdf } from './vault-test-kit';

const vaultId = '0123456789abcdef0123456789abcdef';

async function backupText(): Promise<string> {
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
  return writeBackupText(dek, slots, [emptyMonth('2026-03')], {
    createdAt: new Date('2026-03-15T10:00:00Z'),
    appVersion: '0.1.0-test',
  });
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
    expect(problem([lines[0], lines[2], ''].join('\n'))).toBe('missing-months');
    expect(problem(text.replace(/\n(.)/, '\n#$1'))).toBe('damaged');
  });
});
