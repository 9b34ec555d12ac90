import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { AppError } from '../../../shared/errors';
import type { VaultService } from '../../../main/vault/vault-service';
import { sampleLog } from '../../fixtures/vault/sample-logs';
import {
  fakeClock,
  makeVault,
  passphrase,
  settings,
  snapshotFiles,
  tempDataDir,
  type TestClock,
} from './vault-test-kit';

const backupCrashFixture = fileURLToPath(new URL('../../fixtures/vault/backup-crash.ts', import.meta.url));

let dirs: { dir: string; cleanup: () => void }[] = [];
let clock: TestClock;
const open: VaultService[] = [];

function newDir(): string {
  const d = tempDataDir();
  dirs.push(d);
  return d.dir;
}

function vault(dataDir: string, extra: Parameters<typeof makeVault>[1] = {}): VaultService {
  const v = makeVault(dataDir, { clock, ...extra });
  open.push(v);
  return v;
}

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
}

beforeEach(() => {
  clock = fakeClock();
});

afterEach(() => {
  for (const v of open.splice(0)) v.close();
  for (const d of dirs) d.cleanup();
  dirs = [];
});

describe('vault-service: backup and restore', () => {
  it('backs up to one encrypted file and restores into the same vault, merging by id', async () => {
    const dataDir = newDir();
    const backupFile = join(newDir(), 'readyroom-backup.rrbackup');
    const v = vault(dataDir);
    await v.setup(passphrase);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      clock.set(new Date(Date.UTC(2026, i, 2)));
      ids.push(v.save(sampleLog(i)).id);
    }
    const first = ids[0] ?? '';
    v.addAddendum(first, { kind: 'note', text: 'before the backup' });
    expect(v.backup(backupFile)).toEqual({ saved: true, count: 5, unreadablePeriods: [] });

    // After the backup: one log gains an addendum, one is deleted, one is new.
    v.addAddendum(ids[1] ?? '', { kind: 'note', text: 'after the backup' });
    v.delete(ids[2] ?? '');
    const newer = v.save(sampleLog(9)).id;

    const result = await v.restore(backupFile);
    expect(result).toMatchObject({ status: 'restored', added: 0, updated: 0, unchanged: 4, skippedDeleted: 1 });
    expect(
      v
        .list()
        .logs.map((l) => l.id)
        .sort(),
    ).toEqual([...ids.filter((id) => id !== ids[2]), newer].sort());
    expect(v.get(ids[1] ?? '').addenda).toHaveLength(1);
  });

  it('brings back lost logs and addenda without duplicating what is there', async () => {
    const dataDir = newDir();
    const backupFile = join(newDir(), 'b.rrbackup');
    const v = vault(dataDir);
    await v.setup(passphrase);
    const a = v.save(sampleLog(1)).id;
    const b = v.save(sampleLog(2)).id;
    v.addAddendum(a, { kind: 'note', text: 'one' });
    v.backup(backupFile);
    // A new computer: a fresh vault with its own keys, so the backup asks for the old passphrase.
    const other = vault(newDir());
    await other.setup('another long passphrase');
    const needs = await other.restore(backupFile);
    expect(needs).toEqual({ status: 'needs-secret' });
    const restored = await other.restore(backupFile, { method: 'passphrase', passphrase });
    expect(restored).toMatchObject({ status: 'restored', added: 2, updated: 0, unchanged: 0 });
    expect(other.get(a).addenda).toHaveLength(1);
    expect(other.get(b).note).toBe(sampleLog(2).note);
    const again = await other.restore(backupFile, { method: 'passphrase', passphrase });
    expect(again).toMatchObject({ status: 'restored', added: 0, unchanged: 2 });
    // Addenda in the backup that the target lacks are merged in, in time order.
    other.addAddendum(b, { kind: 'note', text: 'only here' });
    v.addAddendum(b, { kind: 'note', text: 'only in the backup' });
    v.backup(backupFile);
    const merged = await other.restore(backupFile, { method: 'passphrase', passphrase });
    expect(merged).toMatchObject({ status: 'restored', updated: 1 });
    expect(
      other
        .get(b)
        .addenda.map((x) => x.text)
        .sort(),
    ).toEqual(['only here', 'only in the backup']);
  });

  it('opens a backup from another vault with the recovery key of that time, and refuses wrong secrets', async () => {
    const backupFile = join(newDir(), 'b.rrbackup');
    const v = vault(newDir());
    const { recoveryKey } = await v.setup(passphrase);
    v.save(sampleLog(1));
    v.backup(backupFile);
    const other = vault(newDir());
    await other.setup('another long passphrase');
    const before = snapshotFiles(dirs[2]?.dir ?? '');
    expect(
      await codeOf(other.restore(backupFile, { method: 'passphrase', passphrase: 'another long passphrase' })),
    ).toBe('WRONG_PASSPHRASE');
    expect(
      await codeOf(
        other.restore(backupFile, { method: 'recovery-key', recoveryKey: '0000-0000-0000-0000-0000-0000-0000-0000' }),
      ),
    ).toBe('WRONG_RECOVERY_KEY');
    expect(snapshotFiles(dirs[2]?.dir ?? '')).toEqual(before);
    expect(await other.restore(backupFile, { method: 'recovery-key', recoveryKey })).toMatchObject({
      status: 'restored',
      added: 1,
    });
  });

  it('does not bring back logs that were erased, nor logs past the retention period', async () => {
    const backupFile = join(newDir(), 'b.rrbackup');
    const retention = settings({ retentionYears: 7 });
    const dataDir = newDir();
    const v = vault(dataDir, { getSettings: retention.get });
    await v.setup(passphrase);
    clock.set('2020-01-10T10:00:00Z');
    const old = v.save(sampleLog(1, { clientCode: 'OLD-1' })).id;
    clock.set('2026-03-10T10:00:00Z');
    v.save(sampleLog(2, { clientCode: 'ER-1' }));
    v.save(sampleLog(3, { clientCode: 'ER-1' }));
    const kept = v.save(sampleLog(4, { clientCode: 'KEEP' })).id;
    v.backup(backupFile);
    expect(v.eraseClient('ER-1', 2)).toEqual({ erased: 2, incompletePeriods: [] });
    retention.value.retentionYears = 3;
    const result = await v.restore(backupFile);
    expect(result).toMatchObject({ status: 'restored', added: 0, skippedDeleted: 2, skippedOld: 1, unchanged: 1 });
    // The old log is still here until the next unlock purges it; the backup did not add a copy.
    expect(v.list().logs.map((l) => l.id)).toEqual([kept, old]);
    v.lock();
    await v.unlock({ method: 'passphrase', passphrase });
    expect(v.list().logs.map((l) => l.id)).toEqual([kept]);

    // The erasure travels with later backups, so an older backup cannot undo it elsewhere either.
    const laterBackup = join(newDir(), 'later.rrbackup');
    v.backup(laterBackup);
    const other = vault(newDir());
    await other.setup('another long passphrase');
    await other.restore(laterBackup, { method: 'passphrase', passphrase });
    expect(await other.restore(backupFile, { method: 'passphrase', passphrase })).toMatchObject({ skippedDeleted: 2 });
    expect(other.countClient('ER-1')).toBe(0);
  });

  it('refuses a damaged backup and changes nothing', async () => {
    const backupFile = join(newDir(), 'b.rrbackup');
    const dataDir = newDir();
    const v = vault(dataDir);
    await v.setup(passphrase);
    clock.set('2026-01-05T10:00:00Z');
    v.save(sampleLog(1));
    clock.set('2026-03-05T10:00:00Z');
    v.save(sampleLog(2));
    v.backup(backupFile);
    const good = readFileSync(backupFile, 'utf8');
    const lines = good.split('\n');
    // Drop the second month: the header still names it.
    writeFileSync(backupFile, [lines[0], lines[1], lines[3], ''].join('\n'));
    v.delete(v.list().logs[0]?.id ?? '');
    const before = snapshotFiles(dataDir);
    expect(await codeOf(v.restore(backupFile))).toBe('CORRUPT');
    // Swap two months' lines.
    writeFileSync(backupFile, [lines[0], lines[2], lines[1], lines[3], ''].join('\n'));
    expect(await codeOf(v.restore(backupFile))).toBe('CORRUPT');
    writeFileSync(backupFile, 'hello, this is not a backup\n');
    expect(await codeOf(v.restore(backupFile))).toBe('CORRUPT');
    expect(snapshotFiles(dataDir)).toEqual(before);
    writeFileSync(backupFile, good);
    expect(await v.restore(backupFile)).toMatchObject({ status: 'restored', added: 0, skippedDeleted: 1 });
  });

  it('restores a backup whose line endings became CRLF on the way (e-mail, a Windows tool)', async () => {
    const backupFile = join(newDir(), 'b.rrbackup');
    const v = vault(newDir());
    await v.setup(passphrase);
    const { id } = v.save(sampleLog(1));
    v.backup(backupFile);
    writeFileSync(backupFile, readFileSync(backupFile, 'utf8').replace(/\n/g, '\r\n'));
    v.delete(id);
    const other = vault(newDir());
    await other.setup(passphrase);
    expect(await other.restore(backupFile, { method: 'passphrase', passphrase })).toMatchObject({
      status: 'restored',
      added: 1,
    });
    expect(other.get(id).id).toBe(id);
  });

  it('says why a backup cannot be used: not a backup, or copied incompletely', async () => {
    const backupFile = join(newDir(), 'b.rrbackup');
    const v = vault(newDir());
    await v.setup(passphrase);
    v.save(sampleLog(1));
    v.backup(backupFile);
    const good = readFileSync(backupFile, 'utf8');
    writeFileSync(backupFile, good.slice(0, Math.floor(good.length / 2)));
    await expect(v.restore(backupFile)).rejects.toMatchObject({
      code: 'CORRUPT',
      message: expect.stringMatching(/incomplete/),
    });
    writeFileSync(backupFile, 'Dear colleague, please find attached\n');
    await expect(v.restore(backupFile)).rejects.toMatchObject({
      code: 'CORRUPT',
      message: expect.stringMatching(/not a ReadyRoom backup/),
    });
  });

  it('removes the hidden half-written copy a backup killed mid-write left beside the chosen file', async () => {
    const dataDir = newDir();
    const v = vault(dataDir);
    await v.setup(passphrase);
    for (let i = 0; i < 20; i += 1) v.save(sampleLog(i));
    v.lock();
    const folder = newDir();
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', backupCrashFixture, dataDir, join(folder, 'ReadyRoom backup 2026-03-15.rrbackup')],
      { env: { ...process.env, READYROOM_TEST_PASSPHRASE: passphrase }, encoding: 'utf8', timeout: 60_000 },
    );
    expect(child.signal).toBe('SIGKILL');
    const leftovers = readdirSync(folder);
    expect(leftovers).toHaveLength(1);
    expect(leftovers[0]).toMatch(/^\..*\.tmp$/);
    // One being written right now by a process that still runs (pid 1 always does) is left alone.
    const live = '.readyroom-backup-1-0123456789ab.tmp';
    writeFileSync(join(folder, live), 'in progress');
    // The next backup, under another name, into the same folder.
    await v.unlock({ method: 'passphrase', passphrase });
    v.backup(join(folder, 'ReadyRoom backup 2026-03-16.rrbackup'));
    expect(readdirSync(folder).sort()).toEqual([live, 'ReadyRoom backup 2026-03-16.rrbackup']);
  });

  it('reports a missing backup file', async () => {
    const v = vault(newDir());
    await v.setup(passphrase);
    expect(await codeOf(v.restore(join(newDir(), 'nope.rrbackup')))).toBe('NOT_FOUND');
  });
});

/** Changes one byte near the end of a file, so it no longer authenticates. */
function damage(path: string): void {
  const bytes = readFileSync(path);
  bytes[bytes.length - 10] = bytes[bytes.length - 10] === 0x41 ? 0x42 : 0x41;
  writeFileSync(path, bytes);
}

describe('vault-service: erasure and months that cannot be read', () => {
  async function seed(dataDir: string) {
    const v = vault(dataDir);
    await v.setup(passphrase);
    clock.set('2026-02-10T10:00:00Z');
    const febErased = v.save(sampleLog(1, { clientCode: 'ER-1' })).id;
    const febKept = v.save(sampleLog(2, { clientCode: 'KEEP' })).id;
    clock.set('2026-03-10T10:00:00Z');
    const marErased = v.save(sampleLog(3, { clientCode: 'er-1 ' })).id;
    const marKept = v.save(sampleLog(4, { clientCode: 'KEEP' })).id;
    return { v, febErased, febKept, marErased, marKept };
  }

  it('reports the months it could not check, and a restore does not bring that client back from them', async () => {
    const dataDir = newDir();
    const backupFile = join(newDir(), 'b.rrbackup');
    const { v, febKept, marKept } = await seed(dataDir);
    v.backup(backupFile);
    damage(join(dataDir, 'vault', 'logs', '2026-02.json'));
    v.lock();
    expect((await v.unlock({ method: 'passphrase', passphrase })).unreadablePeriods).toEqual(['2026-02']);
    clock.set('2026-03-20T10:00:00Z');
    expect(v.countClient('ER-1')).toBe(1);
    expect(v.eraseClient('ER-1', 1)).toEqual({ erased: 1, incompletePeriods: ['2026-02'] });

    const result = await v.restore(backupFile);
    expect(result).toMatchObject({ status: 'restored', added: 1, unchanged: 1, skippedDeleted: 2 });
    expect(v.countClient('ER-1')).toBe(0);
    expect(
      v
        .list()
        .logs.map((l) => l.id)
        .sort(),
    ).toEqual([febKept, marKept].sort());
    v.lock();
    await v.unlock({ method: 'passphrase', passphrase });
    expect(await v.restore(backupFile)).toMatchObject({ added: 0, skippedDeleted: 2 });
    expect(v.countClient('ER-1')).toBe(0);
  });

  it('keeps an erased client out of a restore even after the month it was erased from is damaged', async () => {
    const dataDir = newDir();
    const backupFile = join(newDir(), 'b.rrbackup');
    const { v, febKept, marKept } = await seed(dataDir);
    v.backup(backupFile);
    clock.set('2026-03-20T10:00:00Z');
    expect(v.eraseClient('ER-1', 2)).toEqual({ erased: 2, incompletePeriods: [] });
    v.lock();
    // Both files of February are damaged: the deletion records kept there are gone with them.
    damage(join(dataDir, 'vault', 'logs', '2026-02.json'));
    damage(join(dataDir, 'vault', 'index', '2026-02.json'));
    expect((await v.unlock({ method: 'passphrase', passphrase })).unreadablePeriods).toEqual(['2026-02']);

    expect(await v.restore(backupFile)).toMatchObject({ status: 'restored', added: 1, skippedDeleted: 2 });
    expect(v.countClient('ER-1')).toBe(0);
    expect(
      v
        .list()
        .logs.map((l) => l.id)
        .sort(),
    ).toEqual([febKept, marKept].sort());
  });

  it('still restores logs saved for that client code after the erasure', async () => {
    const dataDir = newDir();
    const { v } = await seed(dataDir);
    clock.set('2026-03-20T10:00:00Z');
    v.eraseClient('ER-1', 2);
    clock.set('2026-03-25T10:00:00Z');
    const later = v.save(sampleLog(5, { clientCode: 'ER-1' })).id;
    const backupFile = join(newDir(), 'later.rrbackup');
    v.backup(backupFile);
    v.lock();
    damage(join(dataDir, 'vault', 'logs', '2026-03.json'));
    damage(join(dataDir, 'vault', 'index', '2026-03.json'));
    await v.unlock({ method: 'passphrase', passphrase });
    expect(v.countClient('ER-1')).toBe(0);
    expect(await v.restore(backupFile)).toMatchObject({ status: 'restored', skippedDeleted: 0 });
    expect(v.list({ client: 'ER-1' }).logs.map((l) => l.id)).toEqual([later]);
  });
});
