import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const dataDir = mkdtempSync(join(tmpdir(), 'readyroom-schedule-cli-'));
const passFile = join(dataDir, '..', `${dataDir.split('/').pop() ?? 'x'}-pass`);

/** The CLI as `npm run -s cli --` runs it: a real process on this machine. */
function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['main/cli/launch.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, READYROOM_DATA_DIR: dataDir },
    timeout: 90_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Listed {
  occurrences: {
    id: string;
    startUtc: string;
    startLocal: string;
    localTime: string;
    zone: string;
    clientCode?: string;
  }[];
}

function list(...args: string[]): Listed {
  const { code, stdout, stderr } = cli('schedule', 'list', '--json', ...args);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as Listed;
}

function add(...args: string[]): string {
  const { code, stdout, stderr } = cli('schedule', 'add', '--json', '--passphrase-file', passFile, ...args);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return (JSON.parse(stdout) as { id: string }).id;
}

beforeAll(() => {
  writeFileSync(passFile, 'a passphrase long enough\n', { mode: 0o600 });
  expect(cli('logs', 'init', '--passphrase-file', passFile).code).toBe(0);
}, 90_000);

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(passFile, { force: true });
});

describe('readyroom schedule as a process', () => {
  it('adds, lists across daylight-saving changes with the right UTC instants, and deletes', () => {
    const london = add(
      '--at',
      '2027-03-19T09:00',
      '--tz',
      'Europe/London',
      '--client',
      'AB-017',
      '--platform',
      'zoom',
      '--weekly',
      '--until',
      '2027-04-02',
    );
    const newYork = add(
      '--at',
      '2027-10-28T14:00',
      '--tz',
      'America/New_York',
      '--client',
      'NY-2',
      '--platform',
      'teams',
      '--fortnightly',
    );

    // London goes to BST on 28 March 2027: 09:00 local is 09:00Z before and 08:00Z after.
    const spring = list('--next', '5', '--from', '2027-03-01T00:00:00Z');
    expect(spring.occurrences.map((o) => [o.id, o.startUtc, o.localTime])).toEqual([
      [london, '2027-03-19T09:00:00.000Z', '09:00'],
      [london, '2027-03-26T09:00:00.000Z', '09:00'],
      [london, '2027-04-02T08:00:00.000Z', '09:00'],
      [newYork, '2027-10-28T18:00:00.000Z', '14:00'],
      [newYork, '2027-11-11T19:00:00.000Z', '14:00'],
    ]);
    expect(spring.occurrences[2]?.startLocal).toBe('2027-04-02T09:00:00.000+01:00');
    // Without --with-codes, no client code is read or printed.
    expect(JSON.stringify(spring)).not.toContain('AB-017');

    const withCodes = cli(
      'schedule',
      'list',
      '--json',
      '--next',
      '1',
      '--from',
      '2027-03-01T00:00:00Z',
      '--with-codes',
      '--passphrase-file',
      passFile,
    );
    expect(withCodes.code).toBe(0);
    expect((JSON.parse(withCodes.stdout) as Listed).occurrences[0]?.clientCode).toBe('AB-017');

    // The code is nowhere on disk in the clear; the times are.
    const files = readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    const text = files.map((e) => readFileSync(join(e.parentPath, e.name), 'latin1')).join('\n');
    expect(text).not.toContain('AB-017');
    expect(text).toContain('2027-03-19T09:00');

    const deleted = cli('schedule', 'delete', london, '--passphrase-file', passFile);
    expect(deleted.code).toBe(0);
    expect(list('--from', '2027-03-01T00:00:00Z').occurrences.map((o) => o.id)).toEqual(Array(10).fill(newYork));
    const again = cli('schedule', 'delete', london, '--passphrase-file', passFile);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('no session with that id');
  }, 180_000);

  it('refuses a bad zone, a bad date and an unknown platform with one line and exit 2', () => {
    for (const args of [
      ['--at', '2027-03-19T09:00', '--tz', 'Mars/Olympus', '--client', 'A1', '--platform', 'zoom'],
      ['--at', '2027-02-30T09:00', '--tz', 'Europe/London', '--client', 'A1', '--platform', 'zoom'],
      ['--at', '2027-03-19T09:00', '--tz', 'Europe/London', '--client', 'A1', '--platform', 'myspace'],
    ]) {
      const { code, stdout, stderr } = cli('schedule', 'add', ...args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  }, 90_000);
});
