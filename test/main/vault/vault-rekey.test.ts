import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { AppError } from '../../../shared/errors';
import { deserializeKeySlots, unwrapWithPassphrase } from '../../../main/vault/key-slots';
import { EnvelopeError, openEnvelope } from '../../../main/vault/vault-envelope';
import type { VaultService } from '../../../main/vault/vault-service';
import { sampleLog } from '../../fixtures/vault/sample-logs';
import { fakeClock, fakeKeychain, makeVault, passphrase, tempDataDir, type TestClock } from './vault-test-kit';

let dir: string;
let cleanup: () => void;
let clock: TestClock;
const open: VaultService[] = [];
const scratch: string[] = [];

beforeEach(() => {
  ({ dir, cleanup } = tempDataDir());
  clock = fakeClock('2026-01-05T10:00:00Z');
});

afterEach(() => {
  for (const v of open.splice(0)) v.close();
  for (const d of scratch.splice(0)) rmSync(d, { recursive: true, force: true });
  cleanup();
});

function vault(extra: Parameters<typeof makeVault>[1] = {}): VaultService {
  const v = makeVault(dir, { clock, ...extra });
  open.push(v);
  return v;
}

function scratchDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'readyroom-rekey-'));
  scratch.push(d);
  return d;
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

/** A vault with logs in January, February and March 2026 (unlocked); returns it and the ids. */
async function seeded(extra: Parameters<typeof makeVault>[1] = {}) {
  const v = vault(extra);
  const { recoveryKey } = await v.setup(passphrase);
  v.confirmRecoveryKey();
  const ids: string[] = [];
  for (let i = 0; i < 9; i += 1) {
    clock.set(new Date(Date.UTC(2026, i % 3, 2 + i, 9)));
    ids.push(v.save(sampleLog(i, { clientCode: i % 2 === 0 ? 'AB-1' : 'CD-2' })).id);
  }
  clock.set('2026-03-20T10:00:00Z');
  return { v, ids, recoveryKey };
}

async function dataKeyFrom(keySlotsText: string, secret: string): Promise<Buffer> {
  const dek = await unwrapWithPassphrase(deserializeKeySlots(keySlotsText), secret);
  if (!dek) throw new Error('test setup: that passphrase does not open this key file');
  return dek;
}

const keySlotsPath = () => join(dir, 'vault', 'keyslots.json');
const monthPath = (period: string) => join(dir, 'vault', 'logs', `${period}.json`);

describe('vault-service: a new data key', () => {
  it('re-encrypts every month, so a key file and passphrase kept from before open nothing', async () => {
    const { v, ids } = await seeded();
    const oldKeyFile = readFileSync(keySlotsPath(), 'utf8');
    const vaultId = deserializeKeySlots(oldKeyFile).vaultId;
    expect(await codeOf(v.newDataKey('not the passphrase at all'))).toBe('WRONG_PASSPHRASE');
    await v.newDataKey(passphrase);
    v.confirmRecoveryKey();
    const { id: later } = v.save(sampleLog(42));
    for (const id of [...ids, later]) expect(v.get(id).id).toBe(id);
    v.lock();

    const oldDek = await dataKeyFrom(oldKeyFile, passphrase);
    for (const period of ['2026-01', '2026-02', '2026-03']) {
      const text = readFileSync(monthPath(period), 'utf8');
      expect(() => openEnvelope(oldDek, { kind: 'logs', id: period, vaultId }, text)).toThrow(EnvelopeError);
    }
    const again = vault();
    await again.unlock({ method: 'passphrase', passphrase });
    expect(again.status().unreadablePeriods).toEqual([]);
    expect(
      again
        .list()
        .logs.map((l) => l.id)
        .sort(),
    ).toEqual([...ids, later].sort());
    expect(existsSync(join(dir, 'vault', 'rekey'))).toBe(false);
  });

  it('gives a new recovery key, and the old one stops working', async () => {
    const { v, recoveryKey: old } = await seeded();
    const { recoveryKey: fresh } = await v.newDataKey(passphrase);
    v.confirmRecoveryKey();
    v.lock();
    expect(await codeOf(vault().unlock({ method: 'recovery-key', recoveryKey: old }))).toBe('WRONG_RECOVERY_KEY');
    expect((await vault().unlock({ method: 'recovery-key', recoveryKey: fresh })).state).toBe('unlocked');
  });

  it('keeps one-click unlock working when the keychain is on', async () => {
    const { port } = fakeKeychain();
    const { v } = await seeded({ keychain: port });
    await v.setKeychain({ enabled: true, passphrase });
    await v.newDataKey(passphrase);
    v.lock();
    const again = vault({ keychain: port });
    expect((await again.unlock({ method: 'keychain' })).keychain.enabled).toBe(true);
    expect(again.list().logs).toHaveLength(9);
  });

  it('still keeps erased clients out of a restore of a backup made before the key changed', async () => {
    const { v, ids } = await seeded();
    const backups = scratchDir();
    v.backup(join(backups, 'before.rrbackup'));
    expect(v.eraseClient('AB-1', 5).erased).toBe(5);
    await v.newDataKey(passphrase);
    v.confirmRecoveryKey();
    // The backup was made under the old key: it opens with the passphrase of its time.
    expect(await v.restore(join(backups, 'before.rrbackup'))).toEqual({ status: 'needs-secret' });
    const result = await v.restore(join(backups, 'before.rrbackup'), { method: 'passphrase', passphrase });
    expect(result).toMatchObject({ status: 'restored', added: 0, skippedDeleted: 5 });
    expect(v.list().logs.map((l) => l.clientCode)).not.toContain('AB-1');
    expect(v.list().logs).toHaveLength(ids.length - 5);
  });

  it('undoes a change that stopped before the key file named the new key (a crash while re-encrypting)', async () => {
    const { v, ids } = await seeded();
    v.lock();
    // What a crash before the commit leaves: months staged under a key nobody has.
    const copy = scratchDir();
    cpSync(dir, copy, { recursive: true });
    const other = makeVault(copy, { clock });
    open.push(other);
    await other.unlock({ method: 'passphrase', passphrase });
    await other.newDataKey(passphrase);
    other.lock();
    // Stage the other vault's re-encrypted months (same vault id, another key) in this one.
    cpSync(join(copy, 'vault', 'logs'), join(dir, 'vault', 'rekey', 'logs'), { recursive: true });
    const again = vault();
    await again.unlock({ method: 'passphrase', passphrase });
    expect(again.status().unreadablePeriods).toEqual([]);
    expect(again.list().logs).toHaveLength(ids.length);
    expect(existsSync(join(dir, 'vault', 'rekey'))).toBe(false);
  });
});

const fixture = fileURLToPath(new URL('../../fixtures/vault/rekey-loop.ts', import.meta.url));
const kills = 12;

describe('vault-service: a new data key, killed at random moments', () => {
  it(`loses no log and leaves every month readable (${kills} kills)`, async () => {
    const { v, ids } = await seeded();
    v.lock();
    const delays: number[] = [];
    let acknowledged = 0;
    let interrupted = 0;
    for (let round = 0; round < kills; round += 1) {
      const child = spawn(process.execPath, ['--import', 'tsx', fixture, dir], {
        env: { ...process.env, READYROOM_TEST_PASSPHRASE: passphrase },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('ready\n')) resolve();
        });
        child.on('exit', (code, signal) => {
          if (signal !== 'SIGKILL') reject(new Error(`child exited early (${code ?? signal}): ${err.slice(0, 500)}`));
        });
      });
      const delay = 10 + Math.floor(Math.random() * 300);
      delays.push(delay);
      await new Promise<void>((resolve) => {
        child.on('exit', () => resolve());
        setTimeout(() => child.kill('SIGKILL'), delay);
      });
      acknowledged += (out.match(/^ack /gm) ?? []).length;
      if (existsSync(join(dir, 'vault', 'rekey'))) interrupted += 1;

      const check = vault();
      const status = await check.unlock({ method: 'passphrase', passphrase });
      const context = `round ${round}, delays ${delays.join(',')}`;
      expect(status.unreadablePeriods, context).toEqual([]);
      expect(
        check
          .list()
          .logs.map((l) => l.id)
          .sort(),
        context,
      ).toEqual([...ids].sort());
      for (const id of ids) expect(check.get(id).id, context).toBe(id);
      expect(readdirSync(join(dir, 'vault')), context).not.toContain('rekey');
      check.lock();
    }
    // Changes finished between kills, and kills landed in the middle of changes.
    expect(acknowledged).toBeGreaterThan(0);
    expect(interrupted).toBeGreaterThan(0);
  }, 300_000);
});
