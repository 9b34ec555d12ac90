import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, describe, expect, it } from 'vitest';

import { getCatalogEntry } from '../../../shared/catalog/catalog';
import { automaticCheckIds } from '../../../shared/checks/check-ids';
import { checkStatuses } from '../../../shared/checks/check-result';
import { startTcpServer } from '../probes/helpers/local-servers';

const root = join(import.meta.dirname, '../../..');
const dataDir = mkdtempSync(join(tmpdir(), 'readyroom-cli-'));

/** Runs the CLI as `npm run -s cli --` does (the bundled launcher): a real process, with the usual umask 022. */
function cliWith(options: { dataDir?: string; input?: string }, ...args: string[]) {
  const result = spawnSync(
    '/bin/sh',
    ['-c', 'umask 022; exec "$0" "$@"', process.execPath, 'main/cli/launch.mjs', ...args],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, READYROOM_DATA_DIR: options.dataDir ?? dataDir },
      timeout: 60_000,
      ...(options.input !== undefined ? { input: options.input } : {}),
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function cli(...args: string[]) {
  return cliWith({}, ...args);
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the readyroom CLI as a process', () => {
  it('prints the commands for --help and exits 0', () => {
    const { code, stdout } = cli('--help');
    expect(code).toBe(0);
    for (const command of ['scan', 'programs', 'close', 'reopen', 'logs']) expect(stdout).toContain(command);
  });

  it('exits 2 with one line on stderr for an unknown command', () => {
    const { code, stdout, stderr } = cli('frobnicate');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('scans this computer: only JSON on stdout, every check with a valid status and catalog text', () => {
    const { code, stdout } = cli('scan', '--json', '--target', '127.0.0.1:9');
    const report = JSON.parse(stdout) as {
      schema: string;
      platform: string;
      checks: { id: string; status: string; summary: string; durationMs: number }[];
    };
    expect(report.schema).toBe('readyroom.scan/1');
    expect(report.platform).toBe(process.platform);
    expect(report.checks.map((c) => c.id).sort()).toEqual([...automaticCheckIds].sort());
    for (const check of report.checks) {
      expect(checkStatuses).toContain(check.status);
      expect(check.summary.length).toBeGreaterThan(0);
      const entry = getCatalogEntry(check.id);
      expect(entry?.title.length).toBeGreaterThan(0);
      expect(entry?.why.length).toBeGreaterThan(0);
      expect(entry?.source.length).toBeGreaterThan(0);
    }
    // Nothing listens on the discard port here, so the connection check fails and so does the exit code.
    expect(report.checks.find((c) => c.id === 'connection.quality')?.status).toBe('fail');
    expect(code).toBe(1);
  });

  it('creates a new data folder, and the vault in it, readable by the user only (umask 022)', () => {
    const fresh = join(dataDir, 'fresh', 'ReadyRoom');
    const { code, stderr } = cliWith(
      { dataDir: fresh, input: 'a passphrase long enough\n' },
      'logs',
      'init',
      '--passphrase-stdin',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const folder of [join(dataDir, 'fresh'), fresh, join(fresh, 'vault'), join(fresh, 'vault', 'logs')]) {
      expect((statSync(folder).mode & 0o777).toString(8), folder).toBe('700');
    }
  });

  it('keeps diagnostic log lines off stderr unless --verbose, and never claims what it does not know', () => {
    // A data folder that is a file: nothing the CLI expects, so it ends in the catch-all.
    const notAFolder = join(dataDir, 'not-a-folder');
    writeFileSync(notAFolder, 'x');
    const quiet = cliWith(
      { dataDir: notAFolder },
      'logs',
      'delete',
      '202603-0000000000000000000a',
      '--passphrase-stdin',
    );
    expect(quiet.code).toBe(1);
    expect(quiet.stderr.trim().split('\n')).toHaveLength(1);
    expect(quiet.stderr).not.toContain('{');
    expect(quiet.stderr).not.toMatch(/nothing was (lost|changed)/i);
    expect(quiet.stderr).toContain('--verbose');
    const verbose = cliWith(
      { dataDir: notAFolder },
      'logs',
      'delete',
      '202603-0000000000000000000a',
      '--passphrase-stdin',
      '--verbose',
    );
    expect(verbose.code).toBe(1);
    expect(verbose.stderr).toMatch(/^\{"time":.*"level":"error".*"scope":"cli"/m);
  });

  it('refuses a malformed --target with exit 2', () => {
    const { code, stderr } = cli('scan', '--target', 'not a host!');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--target/);
  });

  it('settings set refuses an out-of-range threshold with exit 2 and one line, and changes nothing', () => {
    expect(cli('settings', 'set', 'thresholds.screenLock.warnAfterMinutes', '5').code).toBe(0);
    const file = join(dataDir, 'settings.json');
    const before = readFileSync(file, 'utf8');
    const refused = cli('settings', 'set', 'thresholds.screenLock.warnAfterMinutes', '9000');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim().split('\n')).toEqual([
      'readyroom settings: Screen lock: needs attention when it locks later than must be a whole number from 1 minute to 60 minutes. Nothing was changed.',
    ]);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(cli('settings', 'get', 'thresholds.screenLock.warnAfterMinutes').stdout).toBe('5\n');
  });

  it('judges the connection against the limits set with settings set, and writes them into the evidence', async () => {
    expect(cli('settings', 'set', 'thresholds.connection.roundTripWarnMs', '20').code).toBe(0);
    expect(cli('settings', 'set', 'thresholds.connection.roundTripFailMs', '50').code).toBe(0);
    const refused = cli('settings', 'set', 'thresholds.connection.roundTripFailMs', '10');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/round trip/i);

    // A real listener, answered while the CLI runs (spawnSync would block this process's event loop).
    const server = await startTcpServer();
    try {
      const { stdout } = await promisify(execFile)(
        join(root, 'node_modules/.bin/tsx'),
        ['main/cli/index.ts', 'scan', '--json', '--only', 'connection.quality', '--target', `127.0.0.1:${server.port}`],
        { cwd: root, env: { ...process.env, READYROOM_DATA_DIR: dataDir }, timeout: 60_000 },
      );
      const report = JSON.parse(stdout) as { checks: { id: string; status: string; evidence: unknown }[] };
      expect(report.checks).toHaveLength(1);
      // Loopback answers in well under 20 ms, so the check passes, judged against the limits set above.
      expect(report.checks[0]).toMatchObject({
        id: 'connection.quality',
        status: 'pass',
        evidence: {
          thresholds: {
            roundTripMs: { warnFrom: 20, failFrom: 50 },
            jitterMs: { warnFrom: 30, failFrom: 100 },
            changedInSettings: true,
          },
        },
      });
    } finally {
      await server.close();
    }
  });
});
