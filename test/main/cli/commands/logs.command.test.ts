import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ScanReport } from '../../../../shared/checks/scan-report';
import { createLogsCommand } from '../../../../main/cli/commands/logs.command';
import type { CliContext } from '../../../../main/cli/cli-types';
import { runCli } from '../../../../main/cli/run-cli';
import { createSettingsService } from '../../../../main/settings/settings-service';
import { confStoreFactory } from '../../../../main/store/store-factory';
import { checkScanSaveArgs, createScanSaveHook, scanSaveUsage } from '../../../../main/cli/vault-cli';
import { sampleLog } from '../../../fixtures/vault/sample-logs';
import { fakeClock, makeVault, passphrase, tempDataDir, testKdf } from '../../vault/vault-test-kit';

const deps = { appVersion: '0.1.0-test', vaultDeps: { kdf: testKdf } };
const setupCrashFixture = fileURLToPath(new URL('../../../fixtures/vault/setup-crash.ts', import.meta.url));
const logs = createLogsCommand(deps);

let dir: string;
let cleanup: () => void;
let passFile: string;

beforeEach(() => {
  ({ dir, cleanup } = tempDataDir());
  passFile = join(dir, 'pass.txt');
  writeFileSync(passFile, `${passphrase}\n`, { mode: 0o600 });
});
afterEach(() => cleanup());

/** A terminal: raw mode can be switched, and typed text is queued in advance. */
function fakeTty(typed: string) {
  const stream = new PassThrough() as PassThrough & {
    isTTY: boolean;
    setRawMode: (on: boolean) => unknown;
    raw: boolean[];
  };
  stream.isTTY = true;
  stream.raw = [];
  stream.setRawMode = (on: boolean) => (stream.raw.push(on), stream);
  stream.write(typed);
  return stream;
}

async function run(args: string[], opts: { stdin?: Readable; interactive?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const context: CliContext = {
    io: {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      stdin: opts.stdin ?? Readable.from([]),
      interactive: opts.interactive ?? false,
    },
    env: {},
    defaultDataDir: join(dir, 'data'),
    platform: process.platform,
  };
  const code = await runCli(['logs', ...args], [logs], context);
  return { code, stdout, stderr };
}

async function init() {
  const result = await run(['init', '--passphrase-file', passFile]);
  expect(result.code).toBe(0);
  return /(([0-9A-Z]{4}-){7}[0-9A-Z]{4})/.exec(result.stdout)?.[1] ?? '';
}

/** Saves logs through the service directly (the CLI has no "add" command). */
async function seed(entries: { client: string }[]): Promise<string[]> {
  const vault = makeVault(join(dir, 'data'));
  await vault.unlock({ method: 'passphrase', passphrase });
  const ids = entries.map((e, i) => vault.save(sampleLog(i, { clientCode: e.client })).id);
  vault.lock();
  return ids;
}

describe('logs command', () => {
  it('init prints the recovery key once and explains what it is for; a second init fails', async () => {
    const result = await run(['init', '--passphrase-file', passFile]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/recovery key \(shown only this once\)/);
    expect(result.stdout).toMatch(/If both are lost, nobody can open them/);
    expect((await run(['init', '--passphrase-file', passFile])).code).toBe(1);
  });

  it('init replaces a vault whose setup was killed before its recovery key was shown (no logs in it)', async () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', setupCrashFixture, join(dir, 'data')], {
      env: { ...process.env, READYROOM_TEST_PASSPHRASE: 'the passphrase of the setup that died' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.signal).toBe('SIGKILL');
    expect(existsSync(join(dir, 'data', 'vault', 'keyslots.json'))).toBe(true);
    const recoveryKey = await init();
    expect(recoveryKey).not.toBe('');
    expect((await run(['unlock-test', '--passphrase-file', passFile])).code).toBe(0);
    // Finished now: a second init refuses.
    expect((await run(['init', '--passphrase-file', passFile])).code).toBe(1);
  });

  it('new-recovery-key replaces the recovery key after a check of the passphrase; the old one stops working', async () => {
    const vault = makeVault(join(dir, 'data'));
    const { recoveryKey: old } = await vault.setup(passphrase);
    vault.save(sampleLog(1));
    vault.lock();
    // Never confirmed, but it holds a log: init must not replace it, and commands say what to do.
    expect((await run(['init', '--passphrase-file', passFile])).code).toBe(1);
    const listed = await run(['list', '--passphrase-file', passFile]);
    expect(listed.stderr).toMatch(/logs new-recovery-key/);

    expect((await run(['new-recovery-key', '--recovery-key-file', passFile])).code).toBe(2);
    const made = await run(['new-recovery-key', '--passphrase-file', passFile]);
    expect(made.code).toBe(0);
    const fresh = /(([0-9A-Z]{4}-){7}[0-9A-Z]{4})/.exec(made.stdout)?.[1] ?? '';
    expect(fresh).not.toBe('');
    expect(fresh).not.toBe(old);
    expect((await run(['list', '--passphrase-file', passFile])).stderr).not.toMatch(/new-recovery-key/);
    const keyFile = join(dir, 'key.txt');
    writeFileSync(keyFile, `${old}\n`, { mode: 0o600 });
    expect((await run(['unlock-test', '--recovery-key-file', keyFile])).code).toBe(1);
    writeFileSync(keyFile, `${fresh}\n`, { mode: 0o600 });
    expect((await run(['unlock-test', '--recovery-key-file', keyFile])).code).toBe(0);
  });

  it('new-data-key encrypts every log again and gives a new recovery key; the logs stay readable', async () => {
    const old = await init();
    const ids = await seed([{ client: 'AB-1' }, { client: 'CD-2' }]);
    const made = await run(['new-data-key', '--json', '--passphrase-file', passFile]);
    expect(made.code).toBe(0);
    const fresh = (JSON.parse(made.stdout) as { recoveryKey: string }).recoveryKey;
    expect(fresh).not.toBe(old);
    const listed = await run(['list', '--json', '--passphrase-file', passFile]);
    expect((JSON.parse(listed.stdout) as { logs: { id: string }[] }).logs.map((l) => l.id).sort()).toEqual(
      [...ids].sort(),
    );
    const keyFile = join(dir, 'key.txt');
    writeFileSync(keyFile, `${old}\n`, { mode: 0o600 });
    expect((await run(['unlock-test', '--recovery-key-file', keyFile])).code).toBe(1);
    writeFileSync(keyFile, `${fresh}\n`, { mode: 0o600 });
    expect((await run(['unlock-test', '--recovery-key-file', keyFile])).code).toBe(0);
  });

  it('init takes the passphrase from standard input, and refuses when there is no way to ask', async () => {
    const json = await run(['init', '--passphrase-stdin', '--json'], { stdin: Readable.from([`${passphrase}\n`]) });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toHaveProperty('recoveryKey');
    cleanup();
    ({ dir, cleanup } = tempDataDir());
    const none = await run(['init']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/No terminal/);
  });

  it('unlock-test exits 0 for the right passphrase or recovery key and 1 for a wrong one', async () => {
    const recoveryKey = await init();
    expect((await run(['unlock-test', '--passphrase-file', passFile])).code).toBe(0);
    const wrong = join(dir, 'wrong.txt');
    writeFileSync(wrong, 'not the passphrase\n', { mode: 0o600 });
    const failed = await run(['unlock-test', '--passphrase-file', wrong]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/does not open/);
    const keyFile = join(dir, 'key.txt');
    writeFileSync(keyFile, recoveryKey, { mode: 0o600 });
    expect((await run(['unlock-test', '--recovery-key-file', keyFile])).code).toBe(0);
    expect(
      (await run(['unlock-test', '--passphrase-stdin'], { stdin: Readable.from(['nope nope nope\n']) })).code,
    ).toBe(1);
  });

  it('unlock-test on an empty folder fails plainly', async () => {
    const result = await run(['unlock-test', '--passphrase-file', passFile]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no log vault/i);
  });

  it('warns when the passphrase file can be read by others', async () => {
    await init();
    chmodSync(passFile, 0o644);
    const result = await run(['unlock-test', '--passphrase-file', passFile]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/other users of this computer can read/);
  });

  it('lists as text or JSON, filtered by client and date', async () => {
    await init();
    const ids = await seed([{ client: 'AB-1' }, { client: 'CD-2' }, { client: 'AB-1' }]);
    const text = await run(['list', '--passphrase-file', passFile]);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toMatch(/Checked\s+Client\s+Outcome\s+Id/);
    for (const id of ids) expect(text.stdout).toContain(id);
    const json = await run([
      'list',
      '--json',
      '--client',
      'ab-1',
      '--since',
      '2000-01-01',
      '--passphrase-file',
      passFile,
    ]);
    const parsed = JSON.parse(json.stdout) as { logs: { id: string }[]; unreadablePeriods: string[] };
    expect(parsed.logs.map((l) => l.id).sort()).toEqual([ids[0], ids[2]].sort());
    expect(parsed.unreadablePeriods).toEqual([]);
    const future = await run(['list', '--json', '--since', '2999-01-01', '--passphrase-file', passFile]);
    expect(JSON.parse(future.stdout).logs).toEqual([]);
  });

  it('prints list --json exactly as the vault lists, also past the first few hundred logs', async () => {
    await init();
    // A log a day, so each save rewrites a small month file.
    const clock = fakeClock('2024-01-01T09:00:00.000Z');
    const seeding = makeVault(join(dir, 'data'), { clock });
    await seeding.unlock({ method: 'passphrase', passphrase });
    for (let i = 0; i < 1003; i += 1) {
      seeding.save(sampleLog(i, { clientCode: `AB-${i % 7}` }));
      clock.advance(24 * 3_600_000);
    }
    seeding.lock();
    const json = await run(['list', '--json', '--passphrase-file', passFile]);
    expect(json.code).toBe(0);
    const vault = makeVault(join(dir, 'data'));
    await vault.unlock({ method: 'passphrase', passphrase });
    const listed = vault.list();
    vault.lock();
    expect(listed.logs).toHaveLength(1003);
    expect(json.stdout).toBe(`${JSON.stringify(listed)}\n`);
  });

  it('refuses bad arguments with exit code 2', async () => {
    await init();
    expect((await run(['list', '--since', 'last tuesday', '--passphrase-file', passFile])).code).toBe(2);
    expect((await run(['list', '--limit', '0', '--passphrase-file', passFile])).code).toBe(2);
    expect((await run(['show', '--passphrase-file', passFile])).code).toBe(2);
    expect((await run(['delete', 'a', 'b', '--passphrase-file', passFile])).code).toBe(2);
    expect((await run(['backup', 'x', '--yes', '--passphrase-file', passFile])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['list', '--passphrase-file', passFile, '--passphrase-stdin'])).code).toBe(2);
  });

  it('refuses a passphrase "file" that is a folder or a pipe, with exit 2 and without waiting', async () => {
    await init();
    const folder = await run(['list', '--passphrase-file', dir]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/is not a file/);
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    // Reading a pipe nobody writes to would wait for ever.
    const pipe = await run(['unlock-test', '--passphrase-file', fifo]);
    expect(pipe.code).toBe(2);
    expect(pipe.stderr).toMatch(/is not a file/);
  });

  it('lists, shows and backs up while the app has the logs open (read-only, no write lock)', async () => {
    await init();
    const [id = ''] = await seed([{ client: 'AB-1' }]);
    const app = makeVault(join(dir, 'data'));
    await app.unlock({ method: 'passphrase', passphrase });
    try {
      const listed = await run(['list', '--json', '--passphrase-file', passFile]);
      expect(listed.code).toBe(0);
      expect((JSON.parse(listed.stdout) as { logs: { id: string }[] }).logs.map((l) => l.id)).toEqual([id]);
      expect((await run(['show', id, '--passphrase-file', passFile])).code).toBe(0);
      expect((await run(['backup', join(dir, 'b.rrbackup'), '--passphrase-file', passFile])).code).toBe(0);
      // Changing the logs still needs the lock the app holds.
      const busy = await run(['delete', id, '--passphrase-file', passFile]);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toMatch(/open in another ReadyRoom window/);
    } finally {
      app.lock();
    }
  });

  it('says a month whose logs file was deleted is missing, not set aside', async () => {
    await init();
    const [id = ''] = await seed([{ client: 'AB-1' }]);
    rmSync(join(dir, 'data', 'vault', 'logs', `${id.slice(0, 4)}-${id.slice(4, 6)}.json`));
    const listed = await run(['list', '--passphrase-file', passFile]);
    expect(listed.code).toBe(0);
    expect(listed.stderr).toMatch(/is missing from ReadyRoom's folder/);
    expect(listed.stderr).not.toMatch(/set aside/);
  });

  it('shows one log in words or JSON, and deletes it', async () => {
    await init();
    const [id = ''] = await seed([{ client: 'AB-1' }]);
    const text = await run(['show', id, '--passphrase-file', passFile]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Client:\s+AB-1/);
    // The outcome the vault computed: the sample confirms none of the catalog's manual items.
    expect(text.stdout).toMatch(/Outcome:\s+Not ready/);
    expect(text.stdout).toContain(sampleLog(0).note);
    const json = await run(['show', id, '--json', '--passphrase-file', passFile]);
    expect(JSON.parse(json.stdout).id).toBe(id);
    expect((await run(['delete', id, '--passphrase-file', passFile])).code).toBe(0);
    expect((await run(['show', id, '--passphrase-file', passFile])).code).toBe(2);
    expect((await run(['delete', id, '--passphrase-file', passFile])).code).toBe(2);
  });

  it('erase-client refuses without --yes when not on a terminal, and erases with it', async () => {
    await init();
    await seed([{ client: 'XY-9' }, { client: 'XY-9' }, { client: 'KEEP' }]);
    const refused = await run(['erase-client', 'XY-9', '--passphrase-file', passFile]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--yes/);
    const done = await run(['erase-client', 'XY-9', '--yes', '--passphrase-file', passFile]);
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/Erased 2 logs/);
    const none = await run(['erase-client', 'XY-9', '--yes', '--passphrase-file', passFile]);
    expect(none.stdout).toMatch(/no logs for that client code/);
  });

  it('erase-client on a terminal asks for the count and erases only when it is typed', async () => {
    await init();
    await seed([{ client: 'XY-9' }, { client: 'XY-9' }]);
    const wrong = await run(['erase-client', 'XY-9', '--passphrase-file', passFile], {
      interactive: true,
      stdin: fakeTty('3\n'),
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/Type 2 to confirm/);
    expect(wrong.stderr).toMatch(/Nothing was erased/);
    const right = await run(['erase-client', 'XY-9', '--passphrase-file', passFile], {
      interactive: true,
      stdin: fakeTty('2\n'),
    });
    expect(right.code).toBe(0);
    expect(right.stdout).toMatch(/Erased 2 logs/);
  });

  it('asks for the passphrase on a terminal without showing it', async () => {
    await init();
    const tty = fakeTty(`${passphrase}x\u007f\r`);
    const result = await run(['unlock-test'], { interactive: true, stdin: tty });
    expect(result.code).toBe(0);
    expect(tty.raw).toEqual([true, false]);
    expect(result.stderr).not.toContain(passphrase);
    expect(result.stdout).not.toContain(passphrase);
    const cancelled = await run(['unlock-test'], { interactive: true, stdin: fakeTty('\u0003') });
    expect(cancelled.code).toBe(2);
  });

  it('backs up and restores, also from a vault with other keys', async () => {
    await init();
    await seed([{ client: 'AB-1' }, { client: 'AB-2' }]);
    // An incident in the log, written as the incident service keeps it.
    const vault = makeVault(join(dir, 'data'));
    await vault.unlock({ method: 'passphrase', passphrase });
    vault.writeDocument('incidents', {
      incidents: [
        {
          id: 'inc-0000000a',
          kind: 'walked-in',
          what: 'My partner came into the room.',
          occurredAt: null,
          discoveredAt: '2026-03-02T10:00:00.000Z',
          clientCodes: ['AB-1'],
          actions: '',
          ico: { decision: 'no', decidedOn: '2026-03-03', reason: 'Nothing was seen or heard.' },
          status: 'closed',
          closedAt: '2026-03-03T10:00:00.000Z',
          closingNote: '',
          recordedAt: '2026-03-02T10:05:00.000Z',
        },
      ],
    });
    vault.lock();
    const file = join(dir, 'b.rrbackup');
    const backup = await run(['backup', file, '--passphrase-file', passFile]);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/backup of 2 logs/);
    const same = await run(['restore', file, '--passphrase-file', passFile]);
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/Added 0 logs; 2 already here/);

    const otherDir = join(dir, 'other');
    const otherPass = join(dir, 'other-pass.txt');
    writeFileSync(otherPass, 'the other computer passphrase\n', { mode: 0o600 });
    expect((await run(['init', '--data-dir', otherDir, '--passphrase-file', otherPass])).code).toBe(0);
    const needs = await run(['restore', file, '--data-dir', otherDir, '--passphrase-file', otherPass]);
    expect(needs.code).toBe(1);
    expect(needs.stderr).toMatch(/--backup-passphrase-file/);
    const done = await run([
      'restore',
      file,
      '--data-dir',
      otherDir,
      '--passphrase-file',
      otherPass,
      '--backup-passphrase-file',
      passFile,
    ]);
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/Added 2 logs; brought back 1 incident\.\n/);
    expect(existsSync(join(otherDir, 'vault', 'logs'))).toBe(true);
  });

  it('erase-client never shows the client code on stderr, not even in its question', async () => {
    await init();
    await seed([{ client: 'XY-9' }, { client: 'XY-9' }]);
    const asked = await run(['erase-client', 'XY-9', '--passphrase-file', passFile], {
      interactive: true,
      stdin: fakeTty('2\n'),
    });
    expect(asked.code).toBe(0);
    expect(asked.stderr).toMatch(/Type 2 to confirm/);
    expect(asked.stderr).not.toMatch(/XY-9/i);
  });

  it('list and erase-client take the client code from a file, keeping it off the command line', async () => {
    await init();
    const ids = await seed([{ client: 'XY-9' }, { client: 'KEEP' }, { client: 'XY-9' }]);
    const clientFile = join(dir, 'client.txt');
    writeFileSync(clientFile, 'xy-9\n', { mode: 0o600 });
    const listed = await run(['list', '--json', '--client-file', clientFile, '--passphrase-file', passFile]);
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as { logs: { id: string }[] }).logs.map((l) => l.id).sort()).toEqual(
      [ids[0], ids[2]].sort(),
    );
    expect(
      (await run(['list', '--client', 'XY-9', '--client-file', clientFile, '--passphrase-file', passFile])).code,
    ).toBe(2);
    expect(
      (await run(['erase-client', 'XY-9', '--client-file', clientFile, '--yes', '--passphrase-file', passFile])).code,
    ).toBe(2);
    const erased = await run(['erase-client', '--client-file', clientFile, '--yes', '--passphrase-file', passFile]);
    expect(erased.code).toBe(0);
    expect(erased.stdout).toMatch(/Erased 2 logs/);
  });

  it('erase-client names the months it could not erase from and exits 1; a restore does not bring them back', async () => {
    await init();
    const clock = fakeClock('2026-02-10T10:00:00Z');
    const vault = makeVault(join(dir, 'data'), { clock });
    await vault.unlock({ method: 'passphrase', passphrase });
    vault.save(sampleLog(1, { clientCode: 'XY-9' }));
    vault.save(sampleLog(2, { clientCode: 'KEEP' }));
    clock.set('2026-03-10T10:00:00Z');
    vault.save(sampleLog(3, { clientCode: 'XY-9' }));
    vault.lock();
    const backupFile = join(dir, 'b.rrbackup');
    expect((await run(['backup', backupFile, '--passphrase-file', passFile])).code).toBe(0);
    const february = join(dir, 'data', 'vault', 'logs', '2026-02.json');
    const bytes = readFileSync(february);
    bytes[bytes.length - 10] = bytes[bytes.length - 10] === 0x41 ? 0x42 : 0x41;
    writeFileSync(february, bytes);

    const result = await run(['erase-client', 'XY-9', '--yes', '--passphrase-file', passFile]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Erased 1 log\./);
    expect(result.stderr).toMatch(
      /February 2026 could not be read, so any logs of this client code in them were not erased/,
    );
    expect(result.stderr).toMatch(/restoring a backup will not bring this client's earlier logs back/);
    expect(result.stderr).not.toMatch(/XY-9/i);

    const restored = await run(['restore', backupFile, '--passphrase-file', passFile]);
    expect(restored.code).toBe(0);
    const left = await run(['list', '--json', '--client', 'XY-9', '--passphrase-file', passFile]);
    expect(JSON.parse(left.stdout).logs).toEqual([]);
  });

  it('says in its usage that arguments can be kept in shell history, and what to use instead', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/kept in your shell history/);
    expect(help.stdout).toMatch(/--client-file F/);
    expect(scanSaveUsage).toMatch(/kept in your shell history/);
    expect(scanSaveUsage).toMatch(/--note-file F/);
    expect(scanSaveUsage).toMatch(/--note-stdin/);
  });

  it('changes the passphrase from standard input (current, then new)', async () => {
    await init();
    const changed = await run(['change-passphrase', '--passphrase-stdin'], {
      stdin: Readable.from([`${passphrase}\na whole new passphrase\n`]),
    });
    expect(changed.code).toBe(0);
    expect((await run(['unlock-test', '--passphrase-file', passFile])).code).toBe(1);
    expect(
      (await run(['unlock-test', '--passphrase-stdin'], { stdin: Readable.from(['a whole new passphrase\n']) })).code,
    ).toBe(0);
  });
});

describe('scan --save hook', () => {
  const report: ScanReport = {
    schema: 'readyroom.scan/1',
    startedAt: '2026-03-15T10:00:00.000Z',
    durationMs: 1200,
    platform: 'linux',
    checks: [
      {
        id: 'connection.type',
        status: 'pass',
        summary: 'Wired connection.',
        evidence: { type: 'ethernet' },
        fix: null,
        durationMs: 12,
      },
      {
        id: 'security.firewall',
        status: 'unknown',
        summary: 'Could not tell.',
        evidence: {},
        fix: null,
        durationMs: 40,
      },
    ],
  };

  function context(): CliContext {
    return {
      io: { stdout: () => undefined, stderr: () => undefined, stdin: Readable.from([]), interactive: false },
      env: {},
      defaultDataDir: join(dir, 'data'),
      platform: 'linux',
    };
  }

  it('saves the scan as a log, honest about what the command line could not confirm', async () => {
    await init();
    const hook = createScanSaveHook(deps);
    const saved = await hook(
      report,
      { save: true, client: 'AB-017', note: 'From the CLI', platform: 'teams', 'passphrase-file': passFile },
      context(),
    );
    const message = saved ? saved.message : '';
    expect(message).toMatch(/Saved readiness log \d{6}-\w+: Not ready\./);
    expect(message).toMatch(/answer in the app, or with --confirm ID/);
    const id = /log (\S+):/.exec(message)?.[1] ?? '';
    const vault = makeVault(join(dir, 'data'));
    await vault.unlock({ method: 'passphrase', passphrase });
    const log = vault.get(id);
    vault.lock();
    expect(log).toMatchObject({
      clientCode: 'AB-017',
      note: 'From the CLI',
      platform: 'teams',
      outcome: 'not-ready',
    });
    // Every question is recorded as asked and not answered, as the app records it.
    expect(log.confirmations.length).toBeGreaterThan(0);
    expect(log.confirmations.every((c) => !c.confirmed)).toBe(true);
    const statuses = Object.fromEntries(log.checks.map((c) => [c.id, c.status]));
    expect(statuses).toMatchObject({ 'connection.type': 'pass', 'security.firewall': 'unknown' });
    // Checks the scan did not run, and the media tests the command line cannot run, are unknown, never left out.
    expect(statuses).toMatchObject({ 'connection.quality': 'unknown', 'media.camera': 'unknown' });
    expect(log.checks.find((c) => c.id === 'security.firewall')?.checkedAt).toBe(report.startedAt);
  });

  it('says when saving had to set aside this month\'s damaged file, not only "Saved"', async () => {
    await init();
    const [earlier = ''] = await seed([{ client: 'AB-1' }]);
    const month = `${earlier.slice(0, 4)}-${earlier.slice(4, 6)}`;
    writeFileSync(join(dir, 'data', 'vault', 'logs', `${month}.json`), 'damaged by something else\n');
    const saved = await createScanSaveHook(deps)(
      report,
      { save: true, client: 'AB-017', 'passphrase-file': passFile },
      context(),
    );
    const message = saved ? saved.message : '';
    expect(message).toMatch(/Saved readiness log/);
    expect(message).toMatch(
      /could not be read: ReadyRoom set that file aside unchanged and saved this log in a new one/,
    );
    expect(message).toMatch(/Restoring a backup brings them back/);
  });

  it('takes the client code and note from files or standard input, and keeps them out of its messages', async () => {
    await init();
    const hook = createScanSaveHook(deps);
    const clientFile = join(dir, 'client.txt');
    const noteFile = join(dir, 'AB-017 note.txt');
    const note = "Line one of a private note.\nLine two, with the client's words.";
    writeFileSync(clientFile, 'AB-017\n', { mode: 0o600 });
    writeFileSync(noteFile, `${note}\n`, { mode: 0o644 });
    let stderr = '';
    const ctx = { ...context(), io: { ...context().io, stderr: (t: string) => void (stderr += t) } };
    const fromFiles = await hook(
      report,
      { save: true, 'client-file': clientFile, 'note-file': noteFile, 'passphrase-file': passFile },
      ctx,
    );
    // The note file is readable by others: said, without its name or content.
    expect(stderr).toMatch(/other users of this computer can read the note file/);
    for (const text of [stderr, fromFiles ? fromFiles.message : '']) {
      expect(text).not.toContain('AB-017');
      expect(text).not.toContain('private note');
    }
    const fromStdin = await hook(
      report,
      { save: true, client: 'AB-018', 'note-stdin': true, 'passphrase-stdin': true },
      { ...context(), io: { ...context().io, stdin: Readable.from([`${passphrase}\n${note}\n`]) } },
    );
    const vault = makeVault(join(dir, 'data'));
    await vault.unlock({ method: 'passphrase', passphrase });
    const idOf = (saved: { message: string } | void) => /log (\S+):/.exec(saved ? saved.message : '')?.[1] ?? '';
    expect(vault.get(idOf(fromFiles))).toMatchObject({ clientCode: 'AB-017', note });
    expect(vault.get(idOf(fromStdin))).toMatchObject({ clientCode: 'AB-018', note });
    vault.lock();
  });

  it('refuses two sources for the note, a note longer than a log keeps, and --note-stdin with a prompt', async () => {
    await init();
    const hook = createScanSaveHook(deps);
    const noteFile = join(dir, 'note.txt');
    writeFileSync(noteFile, 'x'.repeat(4001), { mode: 0o600 });
    const base = { save: true, client: 'AB-1', 'passphrase-file': passFile };
    await expect(hook(report, { ...base, note: 'a', 'note-stdin': true }, context())).rejects.toThrow(/only one/);
    await expect(hook(report, { ...base, 'note-file': noteFile }, context())).rejects.toThrow(/too long/);
    await expect(hook(report, { save: true, client: 'AB-1', 'note-stdin': true }, context())).rejects.toThrow(
      /--note-stdin needs/,
    );
    await expect(hook(report, { 'note-file': noteFile }, context())).rejects.toThrow(/--save/);
  });

  it('needs --client with --save, warns about a name-like code, and does nothing without --save', async () => {
    await init();
    const hook = createScanSaveHook(deps);
    await expect(hook(report, { save: true, 'passphrase-file': passFile }, context())).rejects.toThrow(/--client/);
    await expect(hook(report, { client: 'AB-1' }, context())).rejects.toThrow(/--save/);
    expect(await hook(report, {}, context())).toBeUndefined();
    const saved = await hook(report, { save: true, client: 'Jane Smith', 'passphrase-file': passFile }, context());
    expect(saved ? saved.message : '').toMatch(/looks like a person's name/);
  });

  it('saves --confirm and --not-applicable beside what the scan saw, with their notes, and shows them as such', async () => {
    await init();
    const hook = createScanSaveHook(deps);
    const saved = await hook(
      report,
      {
        save: true,
        client: 'AB-017',
        'passphrase-file': passFile,
        confirm: ['security.firewall=Windows Security shows it on', 'room.private', 'connection.type'],
        'not-applicable': ['media.camera=no-such-device:Audio-only work on this laptop'],
      },
      context(),
    );
    if (!saved) throw new Error('nothing saved');
    expect(saved.message).toMatch(/--confirm connection.type was not needed: the check passed/);
    expect(saved.judgements.map((j) => [j.id, j.kind])).toEqual([
      ['security.firewall', 'confirmed'],
      ['media.camera', 'not-applicable'],
    ]);
    const id = /log (\S+):/.exec(saved.message)?.[1] ?? '';
    const vault = makeVault(join(dir, 'data'));
    await vault.unlock({ method: 'passphrase', passphrase });
    const log = vault.get(id);
    vault.lock();
    expect(log.checks.find((c) => c.id === 'security.firewall')?.status).toBe('unknown');
    expect(log.judgements).toEqual([
      { id: 'security.firewall', kind: 'confirmed', note: 'Windows Security shows it on', at: expect.any(String) },
      {
        id: 'media.camera',
        kind: 'not-applicable',
        reason: 'no-such-device',
        note: 'Audio-only work on this laptop',
        at: expect.any(String),
      },
    ]);
    expect(log.confirmations.find((c) => c.id === 'room.private')?.confirmed).toBe(true);
    const shown = await run(['show', id, '--passphrase-file', passFile]);
    expect(shown.stdout).toMatch(/\[Could not check\] security.firewall/);
    expect(shown.stdout).toMatch(
      /\[Checked by you\] security.firewall \(.+\): You checked this yourself: Windows Security shows it on\./,
    );
    expect(shown.stdout).toMatch(/\[Not applicable\] media.camera .*Audio-only work on this laptop/);
  });

  it('leaves out a --confirm that does not fit what the scan saw, and says so', async () => {
    await init();
    const failed = {
      ...report,
      checks: report.checks.map((c) => (c.id === 'security.firewall' ? { ...c, status: 'fail' as const } : c)),
    };
    const saved = await createScanSaveHook(deps)(
      failed,
      { save: true, client: 'AB-017', 'passphrase-file': passFile, confirm: ['security.firewall'] },
      context(),
    );
    if (!saved) throw new Error('nothing saved');
    expect(saved.message).toMatch(/--confirm security.firewall was not used: "Firewall is on" found a problem/);
    expect(saved.judgements).toEqual([]);
  });

  it('applies "not applicable" kept for this computer in Settings', async () => {
    await init();
    const since = '2026-01-05T09:00:00.000Z';
    // Kept in the data folder's settings, as the app's Settings screen keeps it.
    createSettingsService(join(dir, 'data'), confStoreFactory).update({
      notApplicable: [{ id: 'security.firewall', reason: 'managed-by-clinic', note: '', since }],
    });
    const saved = await createScanSaveHook(deps)(
      report,
      { save: true, client: 'AB-017', 'passphrase-file': passFile },
      context(),
    );
    expect(saved ? saved.judgements : []).toEqual([
      { id: 'security.firewall', kind: 'not-applicable', reason: 'managed-by-clinic', at: since, remembered: true },
    ]);
  });

  it('refuses bad --confirm and --not-applicable values before anything runs, in one line each', () => {
    const refused = (options: Record<string, unknown>) => {
      try {
        checkScanSaveArgs({ save: true, ...options } as never);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(refused({ confirm: ['security.firewal'] })).toMatch(/^--confirm: unknown check id "security.firewal"/);
    expect(refused({ confirm: ['connection.quality'] })).toMatch(/^--confirm connection.quality needs a note/);
    expect(refused({ confirm: ['connection.quality=Test call was clear'] })).toBe('accepted');
    expect(refused({ confirm: ['room.private=yes'] })).toMatch(/takes no note/);
    expect(refused({ 'not-applicable': ['security.antivirus'] })).toMatch(/needs a reason/);
    expect(refused({ 'not-applicable': ['security.antivirus=other'] })).toMatch(/needs a note/);
    expect(refused({ 'not-applicable': ['security.antivirus=Our IT runs it'] })).toBe('accepted');
    expect(refused({ 'not-applicable': ['safeguarding.client-location=other:x'] })).toMatch(/always applies/);
    expect(refused({ confirm: ['security.firewall'], 'not-applicable': ['security.firewall=other:x'] })).toMatch(
      /more than once/,
    );
    expect(() => checkScanSaveArgs({ confirm: ['security.firewall'] })).toThrow(/--confirm needs --save/);
    for (const message of [refused({ confirm: ['nope.nope'] }), refused({ 'not-applicable': ['x.y'] })]) {
      expect(message).not.toContain('\n');
    }
  });
});
