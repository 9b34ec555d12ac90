import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { AppError } from '../../../shared/errors';
import { confStoreFactory, type StoreFactory } from '../../../main/store/store-factory';
import { createNodeVaultFs, nodeVaultFs, type VaultFs } from '../../../main/vault/vault-fs';
import type { VaultService } from '../../../main/vault/vault-service';
import { sampleLog } from '../../fixtures/vault/sample-logs';
import {
  canMountTmpfs,
  fakeClock,
  makeVault,
  passphrase,
  snapshotFiles,
  tempDataDir,
  type TestClock,
} from './vault-test-kit';

function enospc(): Error {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), {
    code: 'ENOSPC',
    errno: -28,
    syscall: 'write',
  });
}

/** Every vault file is written by `VaultFs.writeAtomic`; this fails those writes on demand, as a full disk does. */
function fullDiskWrites(shouldFail: (path: string) => boolean): VaultFs {
  return fullDiskFs((operation, path) => operation === 'writeAtomic' && shouldFail(path));
}

function fullDiskFs(shouldFail: (operation: keyof VaultFs, path: string) => boolean): VaultFs {
  return {
    ...nodeVaultFs,
    createExclusive(path, data) {
      if (shouldFail('createExclusive', path)) throw enospc();
      nodeVaultFs.createExclusive(path, data);
    },
    writeAtomic(path, data) {
      if (shouldFail('writeAtomic', path)) throw enospc();
      nodeVaultFs.writeAtomic(path, data);
    },
    writeAtomicStream(path, produce, tempName) {
      if (shouldFail('writeAtomic', path)) throw enospc();
      nodeVaultFs.writeAtomicStream(path, produce, tempName);
    },
  };
}

let dir: string;
let cleanup: () => void;
let clock: TestClock;
const open: VaultService[] = [];

beforeEach(() => {
  ({ dir, cleanup } = tempDataDir());
  clock = fakeClock();
});

afterEach(() => {
  vi.unstubAllEnvs();
  for (const v of open.splice(0)) v.close();
  cleanup();
});

function codeOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
}

/** Like atomically 2.1.1 on a full disk: conf's write "succeeds" but the file is cut short. */
function shortWriteStores(shouldCut: (path: string) => boolean): StoreFactory {
  return ((options: Parameters<StoreFactory>[0]) => {
    const inner = confStoreFactory(options) as unknown as { store: Record<string, unknown>; path: string };
    return {
      get path() {
        return inner.path;
      },
      get store() {
        return inner.store;
      },
      set store(value: Record<string, unknown>) {
        inner.store = value;
        if (shouldCut(inner.path)) truncateSync(inner.path, 4096);
      },
    };
  }) as unknown as StoreFactory;
}

/** A disk that reports every write as complete but keeps only the first 4 KiB of each file. */
function shortWriteFs(shouldCut: () => boolean): VaultFs {
  const kept = new Map<number, number>();
  return createNodeVaultFs({
    writeSync(fd, buffer, offset, length) {
      if (!shouldCut()) return writeSync(fd, buffer, offset, length);
      const room = Math.max(0, 4096 - (kept.get(fd) ?? 0));
      const written = room > 0 ? writeSync(fd, buffer, offset, Math.min(room, length)) : 0;
      kept.set(fd, (kept.get(fd) ?? 0) + written);
      return length;
    },
  });
}

describe('vault-service: full disk', () => {
  it('keeps the previous file when a write silently comes out short', async () => {
    let cut = false;
    const v = makeVault(dir, { clock, fs: shortWriteFs(() => cut) });
    open.push(v);
    await v.setup(passphrase);
    const saved = Array.from({ length: 4 }, (_, i) => v.save(sampleLog(i)).id);
    const before = snapshotFiles(dir);
    cut = true;
    expect(codeOf(() => v.save(sampleLog(9)))).toBe('DISK_FULL');
    expect(snapshotFiles(dir)).toEqual(before);
    cut = false;
    v.lock();
    await v.unlock({ method: 'passphrase', passphrase });
    expect(
      v
        .list()
        .logs.map((l) => l.id)
        .sort(),
    ).toEqual([...saved].sort());
  });

  it('keeps the previous file on a short write even where conf writes in place (SNAP set)', async () => {
    vi.stubEnv('SNAP', '1');
    let cut = false;
    const logsDir = join('vault', 'logs');
    const v = makeVault(dir, {
      clock,
      // Whichever writer the vault uses, the write comes out short: conf's in place, or ours.
      storeFactory: shortWriteStores((path) => cut && path.includes(logsDir)),
      fs: shortWriteFs(() => cut),
    });
    open.push(v);
    await v.setup(passphrase);
    const saved = Array.from({ length: 4 }, (_, i) => v.save(sampleLog(i)).id);
    const before = snapshotFiles(dir);
    cut = true;
    expect(codeOf(() => v.save(sampleLog(9)))).toBe('DISK_FULL');
    expect(snapshotFiles(dir)).toEqual(before);
    cut = false;
    v.lock();
    await v.unlock({ method: 'passphrase', passphrase });
    expect(v.status().unreadablePeriods).toEqual([]);
    expect(
      v
        .list()
        .logs.map((l) => l.id)
        .sort(),
    ).toEqual([...saved].sort());
  });

  it('checks the free space before writing', async () => {
    let free: number | null = null;
    const v = makeVault(dir, { clock, fs: { ...nodeVaultFs, freeBytes: () => free } });
    open.push(v);
    await v.setup(passphrase);
    const id = v.save(sampleLog(1)).id;
    const before = snapshotFiles(dir);
    free = 10_000;
    expect(codeOf(() => v.save(sampleLog(2)))).toBe('DISK_FULL');
    expect(snapshotFiles(dir)).toEqual(before);
    free = null;
    expect(v.list().logs.map((l) => l.id)).toEqual([id]);
  });

  it('after a crash between a short write and its check, the previous version is put back at unlock', async () => {
    const v = makeVault(dir, { clock });
    open.push(v);
    await v.setup(passphrase);
    const saved = Array.from({ length: 3 }, (_, i) => v.save(sampleLog(i)).id);
    v.lock();
    const file = join(dir, 'vault', 'logs', '2026-03.json');
    const good = readFileSync(file);
    copyFileSync(file, `${file}.prev`);
    truncateSync(file, 4096);
    await v.unlock({ method: 'passphrase', passphrase });
    expect(v.status().unreadablePeriods).toEqual([]);
    expect(readFileSync(file).equals(good)).toBe(true);
    expect(readdirSync(join(dir, 'vault', 'logs'))).toEqual(['2026-03.json']);
    for (const id of saved) expect(v.get(id).id).toBe(id);
  });

  it('reports a full disk on save and keeps every earlier log, byte for byte', async () => {
    let full = false;
    const v = makeVault(dir, { clock, fs: fullDiskWrites(() => full) });
    open.push(v);
    await v.setup(passphrase);
    const saved = [v.save(sampleLog(1)).id, v.save(sampleLog(2)).id];
    const before = snapshotFiles(dir);
    full = true;
    expect(codeOf(() => v.save(sampleLog(3)))).toBe('DISK_FULL');
    expect(codeOf(() => v.addAddendum(saved[0] ?? '', { kind: 'note', text: 'x' }))).toBe('DISK_FULL');
    expect(codeOf(() => v.delete(saved[1] ?? ''))).toBe('DISK_FULL');
    expect(snapshotFiles(dir)).toEqual(before);
    expect(
      v
        .list()
        .logs.map((l) => l.id)
        .sort(),
    ).toEqual([...saved].sort());
    full = false;
    v.lock();
    await v.unlock({ method: 'passphrase', passphrase });
    expect(
      v
        .list()
        .logs.map((l) => l.id)
        .sort(),
    ).toEqual([...saved].sort());
    for (const id of saved) expect(v.get(id).addenda).toEqual([]);
  });

  it('reports a full disk before changing anything when even the marker cannot be written', async () => {
    let full = false;
    const v = makeVault(dir, { clock, fs: fullDiskFs((op) => full && op === 'createExclusive') });
    open.push(v);
    await v.setup(passphrase);
    const id = v.save(sampleLog(1)).id;
    const before = snapshotFiles(dir);
    full = true;
    expect(codeOf(() => v.save(sampleLog(2)))).toBe('DISK_FULL');
    expect(snapshotFiles(dir)).toEqual(before);
    expect(v.list().logs.map((l) => l.id)).toEqual([id]);
  });

  it('keeps a save whose index could not be written, and rebuilds the index later', async () => {
    let full = false;
    const v = makeVault(dir, {
      clock,
      fs: fullDiskWrites((path) => full && path.includes(join('vault', 'index'))),
    });
    open.push(v);
    await v.setup(passphrase);
    full = true;
    const { id } = v.save(sampleLog(1));
    expect(v.list().logs.map((l) => l.id)).toEqual([id]);
    expect(readdirSync(join(dir, 'vault', 'pending'))).toEqual(['2026-03']);
    full = false;
    v.lock();
    await v.unlock({ method: 'passphrase', passphrase });
    expect(v.list().logs.map((l) => l.id)).toEqual([id]);
    expect(readdirSync(join(dir, 'vault', 'pending'))).toEqual([]);
  });

  it('keeps the old passphrase when the key file cannot be written', async () => {
    let full = false;
    const v = makeVault(dir, { clock, fs: fullDiskWrites((path) => full && path.endsWith('keyslots.json')) });
    open.push(v);
    await v.setup(passphrase);
    full = true;
    await expect(v.changePassphrase(passphrase, 'a brand new passphrase')).rejects.toMatchObject({ code: 'DISK_FULL' });
    full = false;
    v.lock();
    await v.unlock({ method: 'passphrase', passphrase });
    expect(v.status().state).toBe('unlocked');
  });

  it('stops accepting the old passphrase after a change even when the second key-file copy cannot be written', async () => {
    let full = false;
    const v = makeVault(dir, {
      clock,
      fs: fullDiskWrites((path) => full && path.endsWith('keyslots.backup.json')),
    });
    open.push(v);
    const { recoveryKey } = await v.setup(passphrase);
    const { id } = v.save(sampleLog(1));
    full = true;
    await v.changePassphrase(passphrase, 'a brand new passphrase');
    v.lock();
    // The second copy still holds the old passphrase slot, at the older revision.
    const fresh = makeVault(dir, { clock });
    open.push(fresh);
    expect(await fresh.verify({ method: 'passphrase', passphrase })).toBe(false);
    await expect(fresh.unlock({ method: 'passphrase', passphrase })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    await fresh.unlock({ method: 'passphrase', passphrase: 'a brand new passphrase' });
    expect(fresh.get(id).id).toBe(id);
    fresh.lock();
    await fresh.unlock({ method: 'recovery-key', recoveryKey });
    expect(fresh.get(id).id).toBe(id);
  });

  it('reports a full disk when writing a backup, leaving no partial file', async () => {
    const v = makeVault(dir, { clock, fs: fullDiskWrites((path) => path.endsWith('.rrbackup')) });
    open.push(v);
    await v.setup(passphrase);
    v.save(sampleLog(1));
    const target = join(dir, 'backup.rrbackup');
    expect(codeOf(() => v.backup(target))).toBe('DISK_FULL');
    expect(readdirSync(dir)).toEqual(['vault']);
  });

  it('leaves a setup that ran out of space undone, so it can be tried again', async () => {
    let full = true;
    const v = makeVault(dir, {
      clock,
      fs: fullDiskWrites((path) => full && path.endsWith('keyslots.backup.json')),
    });
    open.push(v);
    await expect(v.setup(passphrase)).rejects.toMatchObject({ code: 'DISK_FULL' });
    expect(v.status().state).toBe('absent');
    full = false;
    await v.setup(passphrase);
    expect(v.status().state).toBe('unlocked');
  });
});

// A real full disk: a tiny tmpfs. Needs root on Linux; skipped elsewhere.
const canMount = canMountTmpfs();

describe.skipIf(!canMount)('vault-service: a real full disk (tmpfs)', () => {
  let mountPoint: string;
  beforeEach(() => {
    mountPoint = join(dir, 'small-disk');
    mkdirSync(mountPoint);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=160k', 'tmpfs', mountPoint]);
  });
  afterEach(() => {
    for (const v of open.splice(0)) v.close();
    execFileSync('umount', [mountPoint]);
  });

  it('fills the disk with saves, reports it, and every acknowledged log survives', async () => {
    const v = makeVault(mountPoint, { clock });
    open.push(v);
    await v.setup(passphrase);
    const acknowledged: string[] = [];
    let failure: unknown = null;
    for (let i = 0; i < 300 && failure === null; i += 1) {
      clock.advance(60_000);
      try {
        // Random notes do not compress, so the disk fills after a few dozen saves.
        acknowledged.push(v.save(sampleLog(i, { note: randomBytes(1500).toString('base64') })).id);
      } catch (error) {
        failure = error;
      }
    }
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('DISK_FULL');
    expect(acknowledged.length).toBeGreaterThan(3);
    v.lock();
    const again = makeVault(mountPoint, { clock });
    open.push(again);
    await again.unlock({ method: 'passphrase', passphrase });
    const listed = new Set(again.list().logs.map((l) => l.id));
    for (const id of acknowledged) {
      expect(listed.has(id)).toBe(true);
      expect(again.get(id).id).toBe(id);
    }
  });
});
