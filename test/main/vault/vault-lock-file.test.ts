import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { nodeVaultFs, type VaultFs } from '../../../main/vault/vault-fs';
import { acquireVaultLock, currentProcess, type ProcessInfo } from '../../../main/vault/vault-lock-file';
import type { VaultService } from '../../../main/vault/vault-service';
import { makeVault, passphrase, tempDataDir } from './vault-test-kit';

let dir: string;
let cleanup: () => void;
let lockFile: string;
const open: VaultService[] = [];

beforeEach(() => {
  ({ dir, cleanup } = tempDataDir());
  lockFile = join(dir, 'vault.lock');
});

afterEach(() => {
  for (const v of open.splice(0)) v.close();
  cleanup();
});

/** When this computer started, as the lock file records it. */
const bootAt = () => Date.now() - uptime() * 1000;
const dayMs = 24 * 3_600_000;

function writeLock(fields: Record<string, unknown>): void {
  writeFileSync(lockFile, JSON.stringify({ host: hostname(), token: 'a'.repeat(24), ...fields }), { mode: 0o600 });
}

function holderToken(): string {
  return (JSON.parse(readFileSync(lockFile, 'utf8')) as { token: string }).token;
}

describe('vault lock file: after a reboot', () => {
  // pid 1 always runs (init, launchd); after a reboot a leftover lock's pid may well belong to it.
  it('takes over a lock made before this boot although its pid belongs to a live process', () => {
    expect(currentProcess.isAlive(1)).toBe(true);
    writeLock({ pid: 1, since: new Date(bootAt() - dayMs).toISOString() });
    const outcome = acquireVaultLock(nodeVaultFs, lockFile, currentProcess, new Date());
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(holderToken()).toBe(outcome.token);
  });

  it.runIf(Boolean(currentProcess.boot?.().id))(
    'takes over a lock from another boot id, even one with a recent time',
    () => {
      writeLock({
        pid: 1,
        since: new Date().toISOString(),
        boot: new Date(bootAt()).toISOString(),
        bootId: randomUUID(),
      });
      expect(acquireVaultLock(nodeVaultFs, lockFile, currentProcess, new Date()).ok).toBe(true);
    },
  );

  it('keeps out a lock made in this boot by a process that still runs', () => {
    writeLock({ pid: 1, since: new Date().toISOString() });
    expect(acquireVaultLock(nodeVaultFs, lockFile, currentProcess, new Date())).toEqual({ ok: false, reason: 'held' });
    expect(holderToken()).toBe('a'.repeat(24));
  });

  it('records the boot and this process in the lock it makes, so the next process can judge it', () => {
    const outcome = acquireVaultLock(nodeVaultFs, lockFile, currentProcess, new Date());
    expect(outcome.ok).toBe(true);
    const written = JSON.parse(readFileSync(lockFile, 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({ pid: process.pid, host: hostname() });
    expect(Math.abs(Date.parse(String(written.boot)) - bootAt())).toBeLessThan(60_000);
    // A second vault in this same process is kept out too.
    expect(acquireVaultLock(nodeVaultFs, lockFile, currentProcess, new Date()).ok).toBe(false);
  });

  it.runIf(process.platform === 'linux')('takes over a lock whose pid now belongs to a later process', () => {
    const boot = currentProcess.boot?.();
    writeLock({ pid: 1, since: new Date().toISOString(), bootId: boot?.id, start: 'linux:999999999999' });
    expect(acquireVaultLock(nodeVaultFs, lockFile, currentProcess, new Date()).ok).toBe(true);
  });

  it('unlocks a vault whose lock was left by a crash before a reboot', async () => {
    const v = makeVault(dir);
    open.push(v);
    await v.setup(passphrase);
    v.lock();
    writeFileSync(
      join(dir, 'vault', 'vault.lock'),
      JSON.stringify({
        pid: 1,
        host: hostname(),
        token: 'b'.repeat(24),
        since: new Date(bootAt() - dayMs).toISOString(),
      }),
    );
    const next = makeVault(dir);
    open.push(next);
    expect((await next.unlock({ method: 'passphrase', passphrase })).state).toBe('unlocked');
  });
});

describe('vault lock file: a computer whose name changed', () => {
  const bootId = '6f1c2d9e-0b7a-4c55-9d1e-2a3b4c5d6e7f';
  const crashedPid = 4_000_002;
  const renamed: ProcessInfo = {
    pid: 303,
    host: 'Therapists-MacBook.home',
    isAlive: (pid) => pid !== crashedPid,
    boot: () => ({ id: bootId, at: Date.now() - 3_600_000 }),
  };

  it("takes over a dead process's lock made in this same boot under the computer's old name", () => {
    writeLock({ pid: crashedPid, host: 'Therapists-MacBook.local', since: new Date().toISOString(), bootId });
    const outcome = acquireVaultLock(nodeVaultFs, lockFile, renamed, new Date());
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(holderToken()).toBe(outcome.token);
  });

  it('still keeps out a live process of this boot under the old name', () => {
    writeLock({ pid: 1, host: 'Therapists-MacBook.local', since: new Date().toISOString(), bootId });
    expect(acquireVaultLock(nodeVaultFs, lockFile, { ...renamed, isAlive: () => true }, new Date())).toEqual({
      ok: false,
      reason: 'held',
    });
  });

  it('treats another name with another boot id (or none) as another computer', () => {
    writeLock({ pid: crashedPid, host: 'Other-PC', since: new Date().toISOString(), bootId: randomUUID() });
    expect(acquireVaultLock(nodeVaultFs, lockFile, renamed, new Date())).toEqual({
      ok: false,
      reason: 'other-computer',
    });
    writeLock({ pid: crashedPid, host: 'Other-PC', since: new Date().toISOString() });
    expect(acquireVaultLock(nodeVaultFs, lockFile, renamed, new Date())).toEqual({
      ok: false,
      reason: 'other-computer',
    });
  });

  it('tells the user which file to delete when the lock names another computer', async () => {
    const v = makeVault(dir);
    open.push(v);
    await v.setup(passphrase);
    v.lock();
    const lock = join(dir, 'vault', 'vault.lock');
    writeFileSync(
      lock,
      JSON.stringify({ pid: 5, host: 'Other-PC', token: 'c'.repeat(24), since: new Date().toISOString() }),
    );
    const next = makeVault(dir);
    open.push(next);
    const error = await next.unlock({ method: 'passphrase', passphrase }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BUSY' });
    expect((error as Error).message).toContain('another computer');
    expect((error as Error).message).toContain(lock);
  });
});

describe('vault lock file: two processes taking over one stale lock', () => {
  const host = 'this-host';
  const crashedPid = 4_000_001;
  const alive = (pid: number) => pid !== crashedPid;
  const processA: ProcessInfo = { pid: 101, host, isAlive: alive };
  const processB: ProcessInfo = { pid: 202, host, isAlive: alive };

  /** A's file operations, with B's whole attempt run at one chosen moment inside A's. */
  function interleaved(moment: 'after A reads the stale lock' | 'after A sets the stale lock aside') {
    const outcomes: { b?: ReturnType<typeof acquireVaultLock> } = {};
    let fired = false;
    const runB = () => {
      if (fired) return;
      fired = true;
      outcomes.b = acquireVaultLock(nodeVaultFs, lockFile, processB, new Date());
    };
    const fs: VaultFs = {
      ...nodeVaultFs,
      read(path) {
        const bytes = nodeVaultFs.read(path);
        if (moment === 'after A reads the stale lock' && path === lockFile && bytes !== null) runB();
        return bytes;
      },
      move(from, to) {
        nodeVaultFs.move(from, to);
        if (moment === 'after A sets the stale lock aside' && from === lockFile) runB();
      },
    };
    return { fs, outcomes };
  }

  it.each(['after A reads the stale lock', 'after A sets the stale lock aside'] as const)(
    'lets exactly one of them in when B acts %s',
    (moment) => {
      writeLock({ pid: crashedPid, host, since: new Date().toISOString() });
      const { fs, outcomes } = interleaved(moment);
      const a = acquireVaultLock(fs, lockFile, processA, new Date());
      const b = outcomes.b;
      expect(b).toBeDefined();
      const winners = [a, b].filter((o) => o?.ok === true);
      expect(winners).toHaveLength(1);
      const winner = winners[0];
      if (winner?.ok) expect(holderToken()).toBe(winner.token);
      // Nothing is left lying around: only the winner's lock.
      expect(readdirSync(dir)).toEqual(['vault.lock']);
    },
  );
});
