import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { DocumentMergers } from '../../../main/vault/vault-documents';
import type { VaultService } from '../../../main/vault/vault-service';
import { AppError } from '../../../shared/errors';
import type { DocumentMerger } from '../../../shared/vault/document-merge';
import { sampleLog } from '../../fixtures/vault/sample-logs';
import { fakeClock, makeVault, passphrase, snapshotFiles, tempDataDir, type TestClock } from './vault-test-kit';

const v1Fixture = fileURLToPath(new URL('../../fixtures/vault/backup-v1.rrbackup', import.meta.url));

let dirs: { dir: string; cleanup: () => void }[] = [];
let clock: TestClock;
const open: VaultService[] = [];

function newDir(): string {
  const d = tempDataDir();
  dirs.push(d);
  return d.dir;
}

/**
 * Merges that record what they were given and add the backup's `items` not here: enough to see
 * what the vault hands a domain and what it does with the answer (the real ones are tested with their domains).
 */
function recordingMergers() {
  const calls: { name: string; ours: unknown; theirs: unknown; erasedAt: string | undefined }[] = [];
  const merger =
    (name: string): DocumentMerger =>
    (ours, theirs, context) => {
      calls.push({ name, ours, theirs, erasedAt: context.erasedAt('AB-001') });
      const have = (ours as { items?: string[] } | null)?.items ?? [];
      const extra = ((theirs as { items: string[] }).items ?? []).filter((i) => !have.includes(i));
      return extra.length === 0
        ? { value: null, added: 0, skipped: 0, invalid: 0 }
        : { value: { items: [...have, ...extra] }, added: extra.length, skipped: 0, invalid: 0 };
    };
  const mergers: DocumentMergers = {
    incidents: merger('incidents'),
    'client-profiles': merger('client-profiles'),
    'practice-review': merger('practice-review'),
  };
  return { calls, mergers };
}

function vault(dataDir: string, mergers?: DocumentMergers): VaultService {
  const v = makeVault(dataDir, { clock, ...(mergers ? { documentMergers: mergers } : {}) });
  open.push(v);
  return v;
}

beforeEach(() => {
  clock = fakeClock();
});

afterEach(() => {
  for (const v of open.splice(0)) v.close();
  for (const d of dirs) d.cleanup();
  dirs = [];
});

describe('vault-service: backups carry the incident log, client set-ups and practice review', () => {
  it('carries those three documents (not the schedule’s client codes) to a new computer, merged by their own rules', async () => {
    const backupFile = join(newDir(), 'b.rrbackup');
    const v = vault(newDir());
    await v.setup(passphrase);
    v.save(sampleLog(1));
    v.writeDocument('incidents', { items: ['i1', 'i2'] });
    v.writeDocument('client-profiles', { items: ['p1'] });
    v.writeDocument('practice-review', { items: ['r1'] });
    v.writeDocument('schedule-clients', { items: ['s1'] });
    v.backup(backupFile);
    const header = JSON.parse(readFileSync(backupFile, 'utf8').split('\n')[0] ?? '') as { documents: string[] };
    expect(header.documents).toEqual(['practice-review', 'incidents', 'client-profiles']);

    const { calls, mergers } = recordingMergers();
    const other = vault(newDir(), mergers);
    await other.setup('another long passphrase');
    other.writeDocument('incidents', { items: ['i2', 'i9'] });
    expect(await other.restore(backupFile)).toEqual({ status: 'needs-secret' });
    const result = await other.restore(backupFile, { method: 'passphrase', passphrase });
    expect(result).toMatchObject({
      status: 'restored',
      added: 1,
      documents: {
        incidents: { added: 1, skipped: 0, invalid: 0 },
        'client-profiles': { added: 1, skipped: 0, invalid: 0 },
        'practice-review': { added: 1, skipped: 0, invalid: 0 },
      },
    });
    expect(calls.map((c) => [c.name, c.ours])).toEqual([
      ['practice-review', null],
      ['incidents', { items: ['i2', 'i9'] }],
      ['client-profiles', null],
    ]);
    expect(other.readDocument('incidents')).toEqual({ items: ['i2', 'i9', 'i1'] });
    expect(other.readDocument('client-profiles')).toEqual({ items: ['p1'] });
    expect(other.readDocument('schedule-clients')).toBeNull();
  });

  it('tells each merge when a client was erased here, also by an erasure record only this vault’s backup holds', async () => {
    const backupFile = join(newDir(), 'b.rrbackup');
    const dataDir = newDir();
    const { calls, mergers } = recordingMergers();
    const v = vault(dataDir, mergers);
    await v.setup(passphrase);
    v.save(sampleLog(1, { clientCode: 'AB-001' }));
    v.writeDocument('incidents', { items: ['i1'] });
    expect(v.eraseClient('AB-001', 1).erased).toBe(1);
    const erasedAt = clock.now().toISOString();
    v.backup(backupFile);
    await v.restore(backupFile);
    expect(calls.at(-1)?.erasedAt).toBe(erasedAt);
  });

  it('leaves every document as it is when the backup is damaged in a document line, and says so', async () => {
    const backupFile = join(newDir(), 'b.rrbackup');
    const dataDir = newDir();
    const { mergers } = recordingMergers();
    const v = vault(dataDir, mergers);
    await v.setup(passphrase);
    clock.set(new Date('2026-02-01T10:00:00Z'));
    v.save(sampleLog(1));
    v.writeDocument('incidents', { items: ['i1'] });
    v.writeDocument('client-profiles', { items: ['p1'] });
    v.backup(backupFile);
    const lines = readFileSync(backupFile, 'utf8').split('\n'); // header, 1 month, 2 documents, end, ''
    expect(lines).toHaveLength(6);
    const freshDir = newDir();
    const fresh = vault(freshDir, mergers);
    await fresh.setup('another long passphrase');
    fresh.writeDocument('incidents', { items: ['i9'] });
    const before = snapshotFiles(join(freshDir, 'vault'));
    // The two document lines swapped: each still well formed, neither opens in the other's place.
    writeFileSync(backupFile, [lines[0], lines[1], lines[3], lines[2], lines[4], ''].join('\n'));
    const error = await fresh.restore(backupFile, { method: 'passphrase', passphrase }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CORRUPT');
    // A document line dropped: the file is named incomplete.
    writeFileSync(backupFile, [lines[0], lines[1], lines[2], lines[4], ''].join('\n'));
    const dropped = await fresh.restore(backupFile, { method: 'passphrase', passphrase }).catch((e: unknown) => e);
    expect((dropped as AppError).message).toMatch(
      /incomplete: some of its parts \(months of logs or other records\) are missing/,
    );
    expect(fresh.list().logs).toHaveLength(0);
    expect(snapshotFiles(join(freshDir, 'vault'))).toEqual(before);
    expect(fresh.readDocument('incidents')).toEqual({ items: ['i9'] });
  });

  it('without merges given, restores the logs and leaves the documents, counted as not read', async () => {
    const backupFile = join(newDir(), 'b.rrbackup');
    const v = vault(newDir());
    await v.setup(passphrase);
    v.save(sampleLog(1));
    v.writeDocument('incidents', { items: ['i1'] });
    v.backup(backupFile);
    const other = vault(newDir());
    await other.setup('another long passphrase');
    const result = await other.restore(backupFile, { method: 'passphrase', passphrase });
    expect(result).toMatchObject({ added: 1, documents: { incidents: { added: 0, skipped: 0, invalid: 1 } } });
    expect(other.readDocument('incidents')).toBeNull();
  });

  it('still restores a backup made before backups carried documents (format 1)', async () => {
    const file = join(newDir(), 'old.rrbackup');
    copyFileSync(v1Fixture, file);
    const { calls, mergers } = recordingMergers();
    const v = vault(newDir(), mergers);
    await v.setup('another long passphrase');
    v.writeDocument('incidents', { items: ['i1'] });
    const result = await v.restore(file, { method: 'passphrase', passphrase });
    expect(result).toMatchObject({ status: 'restored', added: 2, invalid: 0 });
    expect(result).not.toHaveProperty('documents');
    expect(calls).toEqual([]);
    expect(v.readDocument('incidents')).toEqual({ items: ['i1'] });
  });
});

describe('vault-service: a restore whose records cannot be saved', () => {
  it('keeps the restored logs and says they are in, and that restoring again is safe', async () => {
    const backupFile = join(newDir(), 'b.rrbackup');
    const v = vault(newDir());
    await v.setup(passphrase);
    v.save(sampleLog(1));
    v.writeDocument('incidents', { items: ['i1'] });
    v.backup(backupFile);

    const full: DocumentMerger = () => {
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    };
    const other = vault(newDir(), { ...recordingMergers().mergers, incidents: full });
    await other.setup(passphrase);
    const failure = await other.restore(backupFile, { method: 'passphrase', passphrase }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('DISK_FULL');
    expect((failure as AppError).message).toMatch(/^The logs from the backup were restored \(1 added\)/);
    expect((failure as AppError).message).toMatch(/Restoring the same backup again is safe/);
    expect(other.list().logs).toHaveLength(1);
  });
});
