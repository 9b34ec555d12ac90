import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { catalog } from '../../../shared/catalog/catalog';
import { appliesTo } from '../../../shared/checks/outcome';
import { AppError } from '../../../shared/errors';
import type { LogCheck } from '../../../shared/logs/readiness-log';
import { createMemorySink, setLogSink } from '../../../main/logging/logger';
import { createVaultService, type VaultService } from '../../../main/vault/vault-service';
import { confStoreFactory } from '../../../main/store/store-factory';
import { sampleLog } from '../../fixtures/vault/sample-logs';
import {
  fakeClock,
  fakeKeychain,
  makeVault,
  manualTimers,
  passphrase,
  recordingEvents,
  settings,
  snapshotFiles,
  tempDataDir,
  testKdf,
  type TestClock,
} from './vault-test-kit';

async function codeOf(promise: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    if (typeof promise === 'function') promise();
    else await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
}

let dir: string;
let cleanup: () => void;
let clock: TestClock;
const open: VaultService[] = [];

function vault(extra: Parameters<typeof makeVault>[1] = {}): VaultService {
  const v = makeVault(dir, { clock, ...extra });
  open.push(v);
  return v;
}

beforeEach(() => {
  ({ dir, cleanup } = tempDataDir());
  clock = fakeClock();
});

afterEach(() => {
  for (const v of open.splice(0)) v.close();
  cleanup();
});

describe('vault-service: setup and unlock', () => {
  it('reports absent, then creates an unlocked vault and returns a recovery key once', async () => {
    const v = vault();
    expect(v.status().state).toBe('absent');
    const { recoveryKey, status } = await v.setup(passphrase);
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(status.state).toBe('unlocked');
    expect(status.recoveryKeyUnconfirmed).toBe(true);
    expect(v.confirmRecoveryKey().recoveryKeyUnconfirmed).toBeUndefined();
    v.lock();
    expect(v.status().state).toBe('locked');
  });

  it('refuses a short passphrase and a second setup', async () => {
    const v = vault();
    expect(await codeOf(v.setup('short'))).toBe('BAD_REQUEST');
    expect(v.status().state).toBe('absent');
    await v.setup(passphrase);
    v.confirmRecoveryKey();
    v.lock();
    expect(await codeOf(vault().setup('another long passphrase'))).toBe('VAULT_EXISTS');
  });

  it('round-trips a log through lock and unlock', async () => {
    const v = vault();
    await v.setup(passphrase);
    const input = sampleLog(3);
    const { id } = v.save(input);
    v.lock();
    expect(await codeOf(() => v.get(id))).toBe('LOCKED');
    await v.unlock({ method: 'passphrase', passphrase });
    const stored = v.get(id);
    expect(stored).toMatchObject({
      ...input,
      // Computed by the vault from the checks and confirmations (the sample confirms no catalog item).
      outcome: 'not-ready',
      id,
      appVersion: '0.1.0-test',
      createdAt: clock.now().toISOString(),
      addenda: [],
    });
  });

  it('says "wrong passphrase" and changes nothing on disk', async () => {
    const v = vault();
    await v.setup(passphrase);
    v.save(sampleLog(1));
    v.lock();
    const before = snapshotFiles(dir);
    const fresh = vault();
    expect(await codeOf(fresh.unlock({ method: 'passphrase', passphrase: `${passphrase}!` }))).toBe('WRONG_PASSPHRASE');
    expect(
      await codeOf(fresh.unlock({ method: 'recovery-key', recoveryKey: '0000-0000-0000-0000-0000-0000-0000-0000' })),
    ).toBe('WRONG_RECOVERY_KEY');
    expect(await codeOf(fresh.unlock({ method: 'recovery-key', recoveryKey: 'not a key at all' }))).toBe(
      'WRONG_RECOVERY_KEY',
    );
    expect(snapshotFiles(dir)).toEqual(before);
    expect(fresh.status().state).toBe('locked');
  });

  it('unlocks with the recovery key typed loosely', async () => {
    const v = vault();
    const { recoveryKey } = await v.setup(passphrase);
    const { id } = v.save(sampleLog(2));
    v.lock();
    await v.unlock({ method: 'recovery-key', recoveryKey: recoveryKey.toLowerCase().replace(/-/g, ' ') });
    expect(v.get(id).id).toBe(id);
  });

  it('verifies a passphrase without unlocking or writing anything', async () => {
    const v = vault();
    await v.setup(passphrase);
    v.confirmRecoveryKey();
    v.lock();
    const before = snapshotFiles(dir);
    const checker = vault();
    expect(await checker.verify({ method: 'passphrase', passphrase })).toBe(true);
    expect(await checker.verify({ method: 'passphrase', passphrase: 'nope nope nope' })).toBe(false);
    expect(checker.status().state).toBe('locked');
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it('uses the scrypt cost it is given and stores it with the wrap', async () => {
    const v = vault();
    await v.setup(passphrase);
    const slots = readFileSync(join(dir, 'vault', 'keyslots.json'), 'utf8');
    expect(slots).toContain(`"N": ${testKdf.N}`);
    expect(slots).not.toContain(passphrase);
  });

  it('keeps every file readable by the user only', async () => {
    const v = vault();
    await v.setup(passphrase);
    v.save(sampleLog(1));
    const root = join(dir, 'vault');
    for (const name of readdirSync(root, { recursive: true }) as string[]) {
      const stat = statSync(join(root, name));
      expect((stat.mode & 0o077).toString(8), name).toBe('0');
    }
  });
});

describe('vault-service: passphrase change', () => {
  it('re-wraps the key without re-encrypting any log', async () => {
    const v = vault();
    const { recoveryKey } = await v.setup(passphrase);
    const { id } = v.save(sampleLog(5));
    const logsFile = join(dir, 'vault', 'logs', '2026-03.json');
    const before = readFileSync(logsFile);
    expect(await codeOf(v.changePassphrase('wrong current one', 'a brand new passphrase'))).toBe('WRONG_PASSPHRASE');
    expect(await codeOf(v.changePassphrase(passphrase, 'short'))).toBe('BAD_REQUEST');
    await v.changePassphrase(passphrase, 'a brand new passphrase');
    expect(readFileSync(logsFile).equals(before)).toBe(true);
    v.lock();
    expect(await codeOf(v.unlock({ method: 'passphrase', passphrase }))).toBe('WRONG_PASSPHRASE');
    await v.unlock({ method: 'passphrase', passphrase: 'a brand new passphrase' });
    expect(v.get(id).id).toBe(id);
    v.lock();
    await v.unlock({ method: 'recovery-key', recoveryKey });
    expect(v.get(id).id).toBe(id);
  });

  it('requires the vault to be unlocked', async () => {
    const v = vault();
    await v.setup(passphrase);
    v.lock();
    expect(await codeOf(v.changePassphrase(passphrase, 'a brand new passphrase'))).toBe('LOCKED');
  });
});

describe('vault-service: keychain', () => {
  it('unlocks without typing once turned on, and stops when turned off', async () => {
    const { port } = fakeKeychain();
    const v = vault({ keychain: port });
    await v.setup(passphrase);
    const { id } = v.save(sampleLog(1));
    expect(v.status().keychain).toEqual({ available: true, enabled: false, reason: null });
    expect((await v.setKeychain({ enabled: true, passphrase })).keychain.enabled).toBe(true);
    v.lock();
    expect(v.status().keychain.enabled).toBe(true);
    await v.unlock({ method: 'keychain' });
    expect(v.get(id).id).toBe(id);
    await v.setKeychain({ enabled: false });
    v.lock();
    expect(await codeOf(v.unlock({ method: 'keychain' }))).toBe('UNAVAILABLE');
  });

  it('turns one-click unlock on only with the current passphrase (someone at an unlocked screen cannot)', async () => {
    const { port } = fakeKeychain();
    const v = vault({ keychain: port });
    await v.setup(passphrase);
    expect(await codeOf(v.setKeychain({ enabled: true, passphrase: 'someone guessing here' }))).toBe(
      'WRONG_PASSPHRASE',
    );
    expect(v.status().keychain.enabled).toBe(false);
    expect(readFileSync(join(dir, 'vault', 'keyslots.json'), 'utf8')).not.toContain('os-keychain');
    expect((await v.setKeychain({ enabled: true, passphrase })).keychain.enabled).toBe(true);
    // Turning it off needs nothing: it only takes a way in away.
    expect((await v.setKeychain({ enabled: false })).keychain.enabled).toBe(false);
  });

  it('refuses the Linux basic_text backend and explains why', async () => {
    const { port } = fakeKeychain({ backend: 'basic_text' });
    const v = vault({ keychain: port });
    await v.setup(passphrase);
    const status = v.status();
    expect(status.keychain.available).toBe(false);
    expect(status.keychain.reason).toMatch(/plain-text/);
    expect(await codeOf(v.setKeychain({ enabled: true, passphrase }))).toBe('UNAVAILABLE');
    expect(readFileSync(join(dir, 'vault', 'keyslots.json'), 'utf8')).not.toContain('os-keychain');
  });

  it('refuses when the keychain is unavailable, and without the app', async () => {
    const { port } = fakeKeychain({ available: false });
    const v = vault({ keychain: port });
    await v.setup(passphrase);
    expect(await codeOf(v.setKeychain({ enabled: true, passphrase }))).toBe('UNAVAILABLE');
    v.lock();
    const cli = vault();
    expect(cli.status().keychain.available).toBe(false);
    expect(cli.status().keychain.reason).toBeTruthy();
  });

  it('keeps the keychain slot when the keychain stops giving the key back, and the passphrase still works', async () => {
    const { port, state } = fakeKeychain();
    const v = vault({ keychain: port });
    await v.setup(passphrase);
    await v.setKeychain({ enabled: true, passphrase });
    v.lock();
    state.broken = true;
    expect(await codeOf(v.unlock({ method: 'keychain' }))).toBe('UNAVAILABLE');
    expect(v.status().keychain.enabled).toBe(true);
    await v.unlock({ method: 'passphrase', passphrase });
    expect(v.status().state).toBe('unlocked');
  });
});

describe('vault-service: a new recovery key', () => {
  it('needs the current passphrase, and the old recovery key stops opening the vault', async () => {
    const v = vault();
    const { recoveryKey: old } = await v.setup(passphrase);
    v.confirmRecoveryKey();
    const { id } = v.save(sampleLog(1));
    expect(await codeOf(v.newRecoveryKey('not the passphrase at all'))).toBe('WRONG_PASSPHRASE');
    const { recoveryKey: fresh, status } = await v.newRecoveryKey(passphrase);
    expect(fresh).not.toBe(old);
    expect(status.recoveryKeyUnconfirmed).toBe(true);
    expect(v.confirmRecoveryKey().recoveryKeyUnconfirmed).toBeUndefined();
    v.lock();
    expect(await codeOf(vault().unlock({ method: 'recovery-key', recoveryKey: old }))).toBe('WRONG_RECOVERY_KEY');
    const again = vault();
    await again.unlock({ method: 'recovery-key', recoveryKey: fresh });
    expect(again.get(id).id).toBe(id);
  });

  it('reports a setup cut short before its key was confirmed as absent, and sets up afresh over it', async () => {
    const v = vault();
    await v.setup(passphrase);
    v.lock();
    expect(v.status().state).toBe('absent');
    const second = vault();
    const { recoveryKey } = await second.setup('another long passphrase');
    second.confirmRecoveryKey();
    second.lock();
    expect(await codeOf(vault().unlock({ method: 'passphrase', passphrase }))).toBe('WRONG_PASSPHRASE');
    expect((await vault().unlock({ method: 'recovery-key', recoveryKey })).state).toBe('unlocked');
  });
});

describe('vault-service: locking', () => {
  it('locks after the idle time from settings, and activity restarts the countdown', async () => {
    const timers = manualTimers();
    const events = recordingEvents();
    const v = vault({ timers, events, getSettings: settings({ idleLockMinutes: 5 }).get });
    await v.setup(passphrase);
    v.confirmRecoveryKey();
    expect(timers.pending).toHaveLength(1);
    expect(timers.pending[0]?.ms).toBe(5 * 60_000);
    const firstId = timers.pending[0]?.id;
    v.touch();
    expect(timers.pending).toHaveLength(1);
    expect(timers.pending[0]?.id).not.toBe(firstId);
    timers.fireAll();
    expect(v.status().state).toBe('locked');
    expect(events.emitted).toContainEqual({ event: 'vault:locked', payload: { reason: 'idle' } });
  });

  it('locks on demand with a reason, drops the key and the lock file, and says so once', async () => {
    const events = recordingEvents();
    const v = vault({ events });
    await v.setup(passphrase);
    expect(statSync(join(dir, 'vault', 'vault.lock')).isFile()).toBe(true);
    v.lock('screen-lock');
    v.lock('manual');
    expect(events.emitted.filter((e) => e.event === 'vault:locked')).toEqual([
      { event: 'vault:locked', payload: { reason: 'screen-lock' } },
    ]);
    expect(() => statSync(join(dir, 'vault', 'vault.lock'))).toThrow();
    expect(await codeOf(() => v.list())).toBe('LOCKED');
  });

  it('keeps a second writer out while unlocked', async () => {
    const first = vault();
    await first.setup(passphrase);
    const second = vault();
    expect(await codeOf(second.unlock({ method: 'passphrase', passphrase }))).toBe('BUSY');
    first.lock();
    await second.unlock({ method: 'passphrase', passphrase });
    expect(second.status().state).toBe('unlocked');
  });

  it('takes over the lock of a process that no longer runs', async () => {
    const crashed = vault({ processInfo: { pid: 999_999, host: 'this-host', isAlive: () => false } });
    await crashed.setup(passphrase);
    // No lock() call: the process "died" holding the lock.
    const next = vault({ processInfo: { pid: 1234, host: 'this-host', isAlive: (pid) => pid !== 999_999 } });
    await next.unlock({ method: 'passphrase', passphrase });
    expect(next.status().state).toBe('unlocked');
  });

  it('stops writing once the lock file names another process, and changes nothing', async () => {
    const v = vault();
    await v.setup(passphrase);
    const { id } = v.save(sampleLog(1));
    const lockFile = join(dir, 'vault', 'vault.lock');
    const theirs = JSON.stringify({ pid: 4242, host: 'this-host', token: 'c'.repeat(24), since: clock.now() });
    writeFileSync(lockFile, theirs);
    const before = snapshotFiles(dir);
    expect(await codeOf(() => v.save(sampleLog(2)))).toBe('BUSY');
    expect(await codeOf(() => v.delete(id))).toBe('BUSY');
    expect(await codeOf(v.changePassphrase(passphrase, 'a brand new passphrase'))).toBe('BUSY');
    expect(snapshotFiles(dir)).toEqual(before);
    // Locking leaves the other process's lock alone.
    v.lock();
    expect(readFileSync(lockFile, 'utf8')).toBe(theirs);
  });

  it('refuses a lock held from another computer', async () => {
    const elsewhere = vault({ processInfo: { pid: 1, host: 'other-host', isAlive: () => true } });
    await elsewhere.setup(passphrase);
    const here = vault({ processInfo: { pid: 2, host: 'this-host', isAlive: () => false } });
    expect(await codeOf(here.unlock({ method: 'passphrase', passphrase }))).toBe('BUSY');
  });
});

describe('vault-service: logs', () => {
  let v: VaultService;
  beforeEach(async () => {
    v = vault({ events: recordingEvents() });
    await v.setup(passphrase);
  });

  it('lists newest first, filters by client code (any case) and dates, and limits', () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      clock.set(new Date(Date.UTC(2026, i, 10, 9)));
      ids.push(v.save(sampleLog(i, { clientCode: i % 2 === 0 ? 'AB-017' : 'CD-002' })).id);
    }
    const all = v.list().logs;
    expect(all.map((l) => l.id)).toEqual([...ids].reverse());
    expect(v.list({ client: ' ab-017 ' }).logs.map((l) => l.id)).toEqual([ids[4], ids[2], ids[0]]);
    expect(v.list({ since: '2026-03-01T00:00:00Z', until: '2026-05-01T00:00:00Z' }).logs.map((l) => l.id)).toEqual([
      ids[3],
      ids[2],
    ]);
    expect(v.list({ limit: 2 }).logs.map((l) => l.id)).toEqual([ids[5], ids[4]]);
    expect(v.list({ client: 'CD-002', limit: 1 }).logs.map((l) => l.id)).toEqual([ids[5]]);
    // The sample's confirmations are not the catalog's manual items, so the vault stores "Not ready".
    expect(all[0]).toMatchObject({ clientCode: 'CD-002', outcome: 'not-ready', addendaCount: 0 });
    expect(all[0]?.problems.length).toBeGreaterThan(0);
  });

  it('stores the outcome its checks and confirmations give, whatever outcome the caller sends', () => {
    const checks: LogCheck[] = catalog
      .filter((e) => e.kind !== 'manual')
      .map((e) => ({ id: e.id, status: 'pass', summary: 'Fine.', evidence: {}, durationMs: 1 }));
    const confirmations = catalog.filter((e) => e.kind === 'manual').map((e) => ({ id: e.id, confirmed: true }));
    const blocker = catalog.find((e) => e.kind !== 'manual' && e.severity === 'blocker' && appliesTo(e, 'video'));
    expect(blocker).toBeDefined();
    const failed = checks.map((c) => (c.id === blocker?.id ? { ...c, status: 'fail' as const } : c));

    const allGood = v.save(sampleLog(1, { modality: 'video', checks, confirmations, outcome: 'not-ready' }));
    const claimedReady = v.save(sampleLog(2, { modality: 'video', checks: failed, confirmations, outcome: 'ready' }));
    const unconfirmed = v.save(
      sampleLog(3, {
        modality: 'video',
        checks,
        confirmations: confirmations.map((c) => ({ ...c, confirmed: false })),
        outcome: 'ready',
      }),
    );
    // A blocker listed twice, failed and then passed, still counts as failed.
    const listedTwice = v.save(
      sampleLog(4, {
        modality: 'video',
        checks: [...failed, ...checks.filter((c) => c.id === blocker?.id)],
        confirmations,
        outcome: 'ready',
      }),
    );

    expect(v.get(claimedReady.id).outcome).toBe('not-ready');
    expect(v.get(allGood.id).outcome).toBe('ready');
    expect(v.get(unconfirmed.id).outcome).toBe('not-ready');
    expect(v.get(listedTwice.id).outcome).toBe('not-ready');
    const listed = new Map(v.list().logs.map((l) => [l.id, l.outcome]));
    expect(listed.get(claimedReady.id)).toBe('not-ready');
    expect(listed.get(allGood.id)).toBe('ready');
    // The caller is told what was stored.
    expect([allGood.outcome, claimedReady.outcome]).toEqual(['ready', 'not-ready']);
  });

  it('refuses an incomplete log or an unusable client code, and saves nothing', () => {
    expect(() => v.save({ ...sampleLog(1), outcome: 'great' } as never)).toThrow(AppError);
    expect(() => v.save(sampleLog(1, { clientCode: '   ' }))).toThrow(AppError);
    expect(() => v.save(sampleLog(1, { clientCode: '<script>' }))).toThrow(AppError);
    expect(v.list().logs).toHaveLength(0);
  });

  it('keeps the original as saved and adds timestamped addenda', () => {
    const { id } = v.save(sampleLog(1));
    const original = v.get(id);
    clock.advance(3_600_000);
    const updated = v.addAddendum(id, { kind: 'session-ended', endedAt: clock.now().toISOString() });
    expect(updated.addenda).toEqual([
      { kind: 'session-ended', endedAt: clock.now().toISOString(), at: clock.now().toISOString() },
    ]);
    v.addAddendum(id, { kind: 'note', text: 'Client joined late.' });
    const { addenda, ...rest } = v.get(id);
    const { addenda: _none, ...originalRest } = original;
    expect(rest).toEqual(originalRest);
    expect(addenda).toHaveLength(2);
    expect(v.list().logs[0]?.addendaCount).toBe(2);
    expect(() => v.addAddendum(id, { kind: 'note', text: '  ' })).toThrow(AppError);
  });

  it('deletes one log', async () => {
    const a = v.save(sampleLog(1)).id;
    const b = v.save(sampleLog(2)).id;
    expect(v.delete(a)).toEqual({ deleted: true });
    expect(v.delete(a)).toEqual({ deleted: false });
    expect(await codeOf(() => v.get(a))).toBe('NOT_FOUND');
    expect(v.list().logs.map((l) => l.id)).toEqual([b]);
    expect(await codeOf(() => v.get('not-an-id-at-all'))).toBe('NOT_FOUND');
  });

  it('erases every log of one client across months, only with the confirmed count', async () => {
    const keep: string[] = [];
    for (let i = 0; i < 9; i += 1) {
      clock.set(new Date(Date.UTC(2025, 10 + (i % 4), 3 + i)));
      const { id } = v.save(sampleLog(i, { clientCode: i % 3 === 0 ? 'XY-900' : `KP-${i}` }));
      if (i % 3 !== 0) keep.push(id);
    }
    expect(v.countClient('xy-900')).toBe(3);
    expect(await codeOf(() => v.eraseClient('XY-900', 2))).toBe('STALE');
    expect(v.countClient('XY-900')).toBe(3);
    expect(v.eraseClient('XY-900', 3)).toEqual({ erased: 3, incompletePeriods: [] });
    expect(v.countClient('XY-900')).toBe(0);
    expect(
      v
        .list()
        .logs.map((l) => l.id)
        .sort(),
    ).toEqual(keep.sort());
    v.lock();
    await v.unlock({ method: 'passphrase', passphrase });
    expect(v.list({ client: 'XY-900' }).logs).toHaveLength(0);
    expect(v.list().logs).toHaveLength(6);
  });

  it('purges logs older than the retention setting on unlock, whole months and log by log', async () => {
    const retention = settings({ retentionYears: 1 });
    const r = vault({ getSettings: retention.get });
    v.lock();
    await r.unlock({ method: 'passphrase', passphrase });
    const dates = ['2024-12-20', '2025-02-01', '2025-03-10', '2025-03-20', '2025-09-01'];
    const ids = dates.map((d) => {
      clock.set(`${d}T12:00:00Z`);
      return r.save(sampleLog(1)).id;
    });
    r.lock();
    clock.set('2026-03-15T12:00:00Z');
    await r.unlock({ method: 'passphrase', passphrase });
    expect(r.list().logs.map((l) => l.id)).toEqual([ids[4], ids[3]]);
    expect(readdirSync(join(dir, 'vault', 'logs')).sort()).toEqual(['2025-03.json', '2025-09.json']);
    expect(readdirSync(join(dir, 'vault', 'index')).sort()).toEqual(['2025-03.json', '2025-09.json']);
    r.lock();
    retention.value.retentionYears = null;
    clock.set('2040-01-01T00:00:00Z');
    await r.unlock({ method: 'passphrase', passphrase });
    expect(r.list().logs).toHaveLength(2);
  });

  it('skips the purge when no retention setting is given (CLI without settings)', async () => {
    clock.set('2010-01-01T00:00:00Z');
    const { id } = v.save(sampleLog(1));
    v.lock();
    clock.set('2030-01-01T00:00:00Z');
    const cli = createVaultService({
      dataDir: dir,
      appVersion: 'x',
      storeFactory: confStoreFactory,
      kdf: testKdf,
      clock,
    });
    open.push(cli);
    await cli.unlock({ method: 'passphrase', passphrase });
    expect(cli.get(id).id).toBe(id);
  });

  it('keeps a save that succeeded even when the window cannot be told', async () => {
    const throwing = vault({
      events: {
        emit: () => {
          throw new Error('Object has been destroyed');
        },
      },
    });
    v.lock();
    await throwing.unlock({ method: 'passphrase', passphrase });
    const { id } = throwing.save(sampleLog(1));
    expect(throwing.get(id).id).toBe(id);
    expect(throwing.lock().state).toBe('locked');
  });

  it('announces changes so an open list can refresh', () => {
    const events = recordingEvents();
    const w = vault({ events });
    v.lock();
    return w.unlock({ method: 'passphrase', passphrase }).then(() => {
      const { id } = w.save(sampleLog(1));
      w.addAddendum(id, { kind: 'note', text: 'later' });
      w.delete(id);
      expect(events.emitted.filter((e) => e.event === 'logs:changed').map((e) => e.payload)).toEqual([
        { reason: 'saved' },
        { reason: 'addendum' },
        { reason: 'deleted' },
      ]);
    });
  });
});

describe('vault-service: retention purge', () => {
  /** Saves one log at each date, then locks; returns the ids. */
  async function seedAt(dates: readonly string[]): Promise<string[]> {
    const v = vault();
    await v.setup(passphrase);
    const ids = dates.map((d) => {
      clock.set(d);
      return v.save(sampleLog(1)).id;
    });
    v.lock();
    return ids;
  }

  it('skips the purge, and says so, when the clock is earlier than the newest log', async () => {
    const ids = await seedAt(['2020-01-10T12:00:00Z', '2026-03-10T12:00:00Z']);
    const sink = createMemorySink();
    setLogSink(sink);
    // The clock went back a year: by it, the 2020 log is past a one-year retention.
    clock.set('2025-03-10T12:00:00Z');
    const r = vault({ getSettings: settings({ retentionYears: 1 }).get });
    await r.unlock({ method: 'passphrase', passphrase });
    expect(
      r
        .list()
        .logs.map((l) => l.id)
        .sort(),
    ).toEqual([...ids].sort());
    expect(readdirSync(join(dir, 'vault', 'logs')).sort()).toEqual(['2020-01.json', '2026-03.json']);
    expect(sink.entries.some((e) => e.level === 'warn' && /retention/.test(e.message) && /clock/.test(e.message))).toBe(
      true,
    );
  });

  it('never removes files set aside as unreadable, however old', async () => {
    const ids = await seedAt(['2024-06-10T12:00:00Z', '2026-03-01T12:00:00Z']);
    const old = join(dir, 'vault', 'logs', '2024-06.json');
    const bytes = readFileSync(old);
    bytes[bytes.length - 10] = bytes[bytes.length - 10] === 0x41 ? 0x42 : 0x41;
    writeFileSync(old, bytes);
    clock.set('2026-03-15T12:00:00Z');
    const plain = vault();
    expect((await plain.unlock({ method: 'passphrase', passphrase })).unreadablePeriods).toEqual(['2024-06']);
    plain.lock();
    const setAside = readdirSync(join(dir, 'vault', 'quarantine')).sort();
    expect(setAside.some((n) => n.startsWith('logs-2024-06.json.'))).toBe(true);

    const r = vault({ getSettings: settings({ retentionYears: 1 }).get });
    const status = await r.unlock({ method: 'passphrase', passphrase });
    expect(readdirSync(join(dir, 'vault', 'quarantine')).sort()).toEqual(setAside);
    expect(status.unreadablePeriods).toEqual(['2024-06']);
    expect(r.list().logs.map((l) => l.id)).toEqual([ids[1]]);
  });

  it('does not empty the vault on the clock alone: with every log past retention, it waits for a newer one', async () => {
    const ids = await seedAt(['2019-05-10T12:00:00Z', '2019-06-10T12:00:00Z']);
    clock.set('2040-01-01T12:00:00Z');
    const r = vault({ getSettings: settings({ retentionYears: 7 }).get });
    await r.unlock({ method: 'passphrase', passphrase });
    expect(
      r
        .list()
        .logs.map((l) => l.id)
        .sort(),
    ).toEqual([...ids].sort());
    const { id } = r.save(sampleLog(2));
    r.lock();
    await r.unlock({ method: 'passphrase', passphrase });
    expect(r.list().logs.map((l) => l.id)).toEqual([id]);
  });
});
