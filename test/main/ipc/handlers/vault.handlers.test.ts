import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ChannelName, Req } from '../../../../shared/ipc/contract';
import type { IpcResult } from '../../../../shared/result';
import { dispatch } from '../../../../main/ipc/dispatch';
import type { HandlerTable } from '../../../../main/ipc/handler-types';
import {
  createVaultHandlers,
  suggestedBackupName,
  type BackupDialogPort,
} from '../../../../main/ipc/handlers/vault.handlers';
import type { VaultService } from '../../../../main/vault/vault-service';
import { sampleLog } from '../../../fixtures/vault/sample-logs';
import { fakeClock, makeVault, passphrase, tempDataDir } from '../../vault/vault-test-kit';

let dirs: { dir: string; cleanup: () => void }[] = [];
const vaults: VaultService[] = [];

function newDir(): string {
  const d = tempDataDir();
  dirs.push(d);
  return d.dir;
}

afterEach(() => {
  for (const v of vaults.splice(0)) v.close();
  for (const d of dirs) d.cleanup();
  dirs = [];
});

/** Fake native dialogs: answer with the next queued path (null = the user cancelled). */
function fakeDialogs() {
  const answers: (string | null)[] = [];
  const asked: string[] = [];
  const port: BackupDialogPort = {
    chooseBackupDestination: async (name) => (asked.push(`save:${name}`), answers.shift() ?? null),
    chooseBackupSource: async () => (asked.push('open'), answers.shift() ?? null),
  };
  return { port, answers, asked };
}

function harness(withDialogs = true) {
  const vault = makeVault(newDir(), { clock: fakeClock() });
  vaults.push(vault);
  const dialogs = fakeDialogs();
  const handlers = createVaultHandlers(vault, { dialogs: withDialogs ? dialogs.port : undefined, clock: fakeClock() });
  const call = <K extends ChannelName>(channel: K, request: Req<K>) =>
    dispatch(handlers as unknown as HandlerTable, channel, request) as Promise<IpcResult<unknown>>;
  return { vault, dialogs, call };
}

function value<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('vault.handlers', () => {
  let h: ReturnType<typeof harness>;
  beforeEach(() => {
    h = harness();
  });

  it('sets up, saves, lists, reads and locks through validated requests', async () => {
    expect(value<{ state: string }>(await h.call('vault:status', {})).state).toBe('absent');
    const setup = value<{ recoveryKey: string }>(await h.call('vault:setup', { passphrase }));
    expect(setup.recoveryKey).toMatch(/-/);
    const { id } = h.vault.save(sampleLog(1));
    const list = value<{ logs: { id: string }[] }>(await h.call('logs:list', { client: 'AB-001' }));
    expect(list.logs.map((l) => l.id)).toEqual([id]);
    expect(value<{ note: string }>(await h.call('logs:get', { id })).note).toBe(sampleLog(1).note);
    const added = value<{ addenda: unknown[] }>(
      await h.call('logs:add-addendum', { id, addendum: { kind: 'note', text: 'later' } }),
    );
    expect(added.addenda).toHaveLength(1);
    expect(value<{ state: string }>(await h.call('vault:lock', {})).state).toBe('locked');
    const locked = await h.call('logs:list', {});
    expect(locked).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('returns failures as data in plain words', async () => {
    await h.call('vault:setup', { passphrase });
    await h.call('vault:lock', {});
    const wrong = await h.call('vault:unlock', { method: 'passphrase', passphrase: 'not the right one' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    if (!wrong.ok) expect(wrong.error.message).toMatch(/not right/);
    await h.call('vault:unlock', { method: 'passphrase', passphrase });
    expect(await h.call('logs:erase-client', { client: 'AB-001', expectedCount: 5 })).toMatchObject({
      ok: false,
      error: { code: 'STALE' },
    });
    expect(await h.call('logs:delete', { id: '202603-0000000000000000000z' })).toEqual({
      ok: true,
      value: { deleted: false },
    });
  });

  it('refuses malformed requests before they reach the vault', async () => {
    await h.call('vault:setup', { passphrase });
    const { id } = h.vault.save(sampleLog(1));
    const extra = await h.call('logs:add-addendum', {
      id,
      addendum: { kind: 'note', text: 'x' },
      sneaky: true,
    } as never);
    expect(extra).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(h.vault.get(id).addenda).toHaveLength(0);
    expect(await h.call('logs:restore', { token: '../../etc/passwd' } as never)).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
  });

  it('backs up where the user chooses, and does nothing when they cancel', async () => {
    await h.call('vault:setup', { passphrase });
    h.vault.save(sampleLog(1));
    const target = join(newDir(), 'my.rrbackup');
    h.dialogs.answers.push(target, null);
    expect(value(await h.call('logs:backup', {}))).toEqual({ saved: true, count: 1, unreadablePeriods: [] });
    expect(existsSync(target)).toBe(true);
    expect(h.dialogs.asked[0]).toBe(`save:${suggestedBackupName(fakeClock().now())}`);
    expect(value(await h.call('logs:backup', {}))).toEqual({ saved: false, count: 0, unreadablePeriods: [] });
  });

  it('restores a backup from another vault in two steps, keeping the chosen file behind a token', async () => {
    const source = harness();
    await source.call('vault:setup', { passphrase });
    source.vault.save(sampleLog(1));
    source.vault.save(sampleLog(2));
    const file = join(newDir(), 'old.rrbackup');
    source.dialogs.answers.push(file);
    await source.call('logs:backup', {});

    await h.call('vault:setup', { passphrase: 'the new computer passphrase' });
    h.dialogs.answers.push(null);
    expect(value(await h.call('logs:restore', {}))).toEqual({ status: 'cancelled' });
    h.dialogs.answers.push(file);
    const first = value<{ status: string; token: string }>(await h.call('logs:restore', {}));
    expect(first.status).toBe('needs-secret');
    expect(first.token).toMatch(/^[0-9a-f]{32}$/);
    const wrong = await h.call('logs:restore', {
      token: first.token,
      secret: { method: 'passphrase', passphrase: 'nope nope nope' },
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    const done = value(
      await h.call('logs:restore', { token: first.token, secret: { method: 'passphrase', passphrase } }),
    );
    expect(done).toMatchObject({ status: 'restored', added: 2 });
    expect(await h.call('logs:restore', { token: first.token })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(h.dialogs.asked.filter((a) => a === 'open')).toHaveLength(2);
  });

  it('asks for no file while locked, and says backups need the app where there are no dialogs', async () => {
    await h.call('vault:setup', { passphrase });
    await h.call('vault:lock', {});
    expect(await h.call('logs:backup', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(h.dialogs.asked).toEqual([]);
    const bare = harness(false);
    await bare.call('vault:setup', { passphrase });
    expect(await bare.call('logs:backup', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(await bare.call('logs:restore', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});
