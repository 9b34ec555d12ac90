import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

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

let dir: string;
let cleanup: () => void;
let clock: TestClock;
const open: VaultService[] = [];

beforeEach(() => {
  ({ dir, cleanup } = tempDataDir());
  clock = fakeClock();
});

afterEach(() => {
  for (const v of open.splice(0)) v.close();
  cleanup();
});

function vault(dataDir: string, fs?: VaultFs): VaultService {
  const v = makeVault(dataDir, { clock, ...(fs ? { fs } : {}) });
  open.push(v);
  return v;
}

/** A vault with three logs in two months, locked. */
async function seed(dataDir: string): Promise<string[]> {
  const v = vault(dataDir);
  await v.setup(passphrase);
  const ids: string[] = [];
  for (const at of ['2026-02-10T10:00:00Z', '2026-03-01T10:00:00Z', '2026-03-14T10:00:00Z']) {
    clock.set(at);
    ids.push(v.save(sampleLog(ids.length)).id);
  }
  v.lock();
  return ids;
}

function errnoError(code: string): Error {
  return Object.assign(new Error(`${code}: refused`), { code });
}

/** Every operation that would change the data folder fails with this code, as on a read-only mount. */
function refusingWrites(code: string, dataDir: string): VaultFs {
  const guard =
    <A extends unknown[], R>(operation: (path: string, ...rest: A) => R) =>
    (path: string, ...rest: A): R => {
      if (path.startsWith(dataDir)) throw errnoError(code);
      return operation(path, ...rest);
    };
  return {
    ...nodeVaultFs,
    writeAtomic: guard(nodeVaultFs.writeAtomic),
    createExclusive: guard(nodeVaultFs.createExclusive),
    move: guard(nodeVaultFs.move),
    replace: guard(nodeVaultFs.replace),
    remove: guard(nodeVaultFs.remove),
    link: guard(nodeVaultFs.link),
  };
}

/** What a read-only session must allow, and refuse, with nothing on disk changed. */
async function expectReadOnlySession(dataDir: string, ids: readonly string[], fs?: VaultFs) {
  const before = snapshotFiles(dataDir);
  const v = vault(dataDir, fs);
  const status = await v.unlock({ method: 'passphrase', passphrase });
  expect(status.state).toBe('unlocked');
  expect(status.readOnly).toMatch(/read-only/);
  expect(
    v
      .list()
      .logs.map((l) => l.id)
      .sort(),
  ).toEqual([...ids].sort());
  for (const id of ids) expect(v.get(id).id).toBe(id);
  const outside = mkdtempSync(join(tmpdir(), 'readyroom-ro-backup-'));
  try {
    expect(v.backup(join(outside, 'b.rrbackup'))).toMatchObject({ saved: true, count: ids.length });
  } finally {
    rmSync(outside, { recursive: true, force: true });
  }
  const refusal = (() => {
    try {
      v.save(sampleLog(9));
    } catch (error) {
      return error as { code?: string; message?: string };
    }
    return null;
  })();
  expect(refusal?.code).toMatch(/^(UNAVAILABLE|DISK_FULL)$/);
  expect(refusal?.message).toMatch(/read-only/);
  expect(refusal?.message).toMatch(/Everything saved before is safe/);
  v.lock();
  expect(snapshotFiles(dataDir)).toEqual(before);
}

describe('vault-service: a data folder that cannot be written', () => {
  it.each(['EROFS', 'EACCES'])('opens read-only when writes fail with %s: list, show and backup work', async (code) => {
    const ids = await seed(dir);
    await expectReadOnlySession(dir, ids, refusingWrites(code, dir));
  });

  it('opens read-only on a full disk, where the lock file cannot be written, and leaves no empty lock behind', async () => {
    const ids = await seed(dir);
    // The lock file is created, but its content cannot be written.
    const full = createNodeVaultFs({ writeSync: () => 0 });
    const status = await vault(dir, full).unlock({ method: 'passphrase', passphrase });
    expect(status.readOnly).toMatch(/disk is full/);
    expect(existsSync(join(dir, 'vault', 'vault.lock'))).toBe(false);
    open.splice(0).forEach((v) => v.close());
    // The next command is not kept out for the empty lock's grace period.
    const next = vault(dir);
    expect((await next.unlock({ method: 'passphrase', passphrase })).readOnly).toBeUndefined();
    expect(next.list().logs).toHaveLength(ids.length);
  });

  it('opens read-only when asked, without the lock, even while another process holds it', async () => {
    const ids = await seed(dir);
    const writer = vault(dir);
    await writer.unlock({ method: 'passphrase', passphrase });
    const reader = vault(dir);
    const status = await reader.unlock({ method: 'passphrase', passphrase }, { readOnly: true });
    expect(status.readOnly).toBeDefined();
    expect(reader.list().logs).toHaveLength(ids.length);
    expect(() => reader.delete(ids[0] ?? '')).toThrow(/read-only/);
    reader.lock();
    // The writer's lock is untouched.
    expect(writer.save(sampleLog(5)).id).toMatch(/^2026/);
  });

  it('tells setup on a read-only folder so in plain words', async () => {
    const v = vault(dir, refusingWrites('EROFS', dir));
    await expect(v.setup(passphrase)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});

// Real file systems, where this machine allows: a read-only bind mount, and a full tmpfs (root on Linux).
const canMount = canMountTmpfs();

describe.skipIf(!canMount)('vault-service: a real read-only folder and a real full disk', () => {
  let mountPoint: string;
  beforeEach(() => {
    mountPoint = join(dir, 'mounted');
    mkdirSync(mountPoint);
  });
  afterEach(() => {
    for (const v of open.splice(0)) v.close();
    execFileSync('umount', [mountPoint]);
  });

  it('reads from a read-only bind mount of the data folder (EROFS from the kernel)', async () => {
    const source = join(dir, 'source');
    const ids = await seed(source);
    execFileSync('mount', ['--bind', source, mountPoint]);
    execFileSync('mount', ['-o', 'remount,bind,ro', mountPoint]);
    expect(() => writeFileSync(join(mountPoint, 'probe'), 'x')).toThrow(/EROFS/);
    await expectReadOnlySession(mountPoint, ids);
  });

  it('reads from a full tmpfs, and says the disk is full when asked to save', async () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mountPoint]);
    const ids = await seed(mountPoint);
    // Fill every last block.
    for (let i = 0; ; i += 1) {
      try {
        writeFileSync(join(mountPoint, `filler-${i}`), randomBytes(8192));
      } catch {
        break;
      }
    }
    for (let i = 0; ; i += 1) {
      try {
        writeFileSync(join(mountPoint, `small-${i}`), randomBytes(64));
      } catch {
        break;
      }
    }
    const v = vault(mountPoint);
    const status = await v.unlock({ method: 'passphrase', passphrase });
    expect(status.readOnly).toMatch(/disk is full/);
    expect(
      v
        .list()
        .logs.map((l) => l.id)
        .sort(),
    ).toEqual([...ids].sort());
    expect(() => v.save(sampleLog(7))).toThrow(expect.objectContaining({ code: 'DISK_FULL' }));
    v.lock();
    expect(readdirSync(join(mountPoint, 'vault'))).not.toContain('vault.lock');
  });
});
