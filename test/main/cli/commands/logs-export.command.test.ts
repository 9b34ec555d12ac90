import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseLogsExport } from '../../../../shared/logs/log-export-json';
import { parseCsv } from '../../../fixtures/csv/parse-csv';

const root = join(import.meta.dirname, '../../../..');
const dataDir = mkdtempSync(join(tmpdir(), 'readyroom-cli-export-'));
const outDir = mkdtempSync(join(tmpdir(), 'readyroom-cli-export-out-'));
const passphrase = 'a passphrase long enough';
/** ZB-902's note names its own client and the other one. */
const otherNote = 'Asked qx 417 and ZB-902 to wait.';

/** `npm run -s cli -- …` as a real process, with the usual umask 022. */
function cli(args: readonly string[], input = `${passphrase}\n`) {
  const result = spawnSync(
    '/bin/sh',
    ['-c', 'umask 022; exec "$0" "$@"', process.execPath, 'main/cli/launch.mjs', ...args],
    { cwd: root, encoding: 'utf8', env: { ...process.env, READYROOM_DATA_DIR: dataDir }, timeout: 120_000, input },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  expect(cli(['logs', 'init', '--passphrase-stdin']).code).toBe(0);
  for (const client of ['QX-417', 'ZB-902']) {
    const saved = cli([
      'scan',
      '--only',
      'security.os-support',
      '--save',
      '--client',
      client,
      '--note',
      client === 'QX-417' ? '=HYPERLINK("http://evil.example","Open")' : otherNote,
      '--passphrase-stdin',
    ]);
    expect(saved.stderr).not.toMatch(/error/i);
  }
  expect(cli(['settings', 'set', 'practiceName', 'Northside Counselling'], '').code).toBe(0);
}, 240_000);

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});

describe('readyroom logs export (as a process)', () => {
  it('writes a PDF report with the practice name and the period, without client codes, readable only by the user', () => {
    const out = join(outDir, 'report.pdf');
    const { code, stdout, stderr } = cli([
      'logs',
      'export',
      '--format',
      'pdf',
      '--from',
      '2020-01-01',
      '--to',
      '2099-12-31',
      '--out',
      out,
      '--passphrase-stdin',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('Wrote 2 logs');
    expect(stderr).toContain('not encrypted');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('Northside Counselling');
    expect(text).toContain('1 Jan 2020 to 31 Dec 2099');
    expect(text).not.toContain('QX-417');
    expect(text).not.toContain('ZB-902');
  });

  it('writes CSV with client codes only when asked, and one client when one is named', () => {
    const out = join(outDir, 'one.csv');
    const { code } = cli([
      'logs',
      'export',
      '--format',
      'csv',
      '--client',
      'qx-417',
      '--include-client-codes',
      '--out',
      out,
      '--passphrase-stdin',
    ]);
    expect(code).toBe(0);
    const [header, ...rows] = parseCsv(readFileSync(out, 'utf8'));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.[header?.indexOf('client code') ?? -1]).toBe('QX-417');
    expect(rows[0]?.[header?.indexOf('note') ?? -1]).toBe(`'=HYPERLINK("http://evil.example","Open")`);
  });

  it('writes JSON in the versioned format, with client codes blanked from the notes unless asked', () => {
    const out = join(outDir, 'all.json');
    expect(cli(['logs', 'export', '--format', 'json', '--out', out, '--passphrase-stdin']).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toMatch(/QX.?417|ZB.?902/i);
    const parsed = parseLogsExport(text);
    expect(parsed.ok && parsed.value.logs.length).toBe(2);
    expect(parsed.ok && parsed.value.logs.every((l) => l.clientCode === undefined)).toBe(true);
    expect(parsed.ok && parsed.value.logs.map((l) => l.note)).toContain('Asked [client] and [client] to wait.');

    const withCodes = join(outDir, 'all-codes.json');
    const args = ['logs', 'export', '--format', 'json', '--include-client-codes', '--out', withCodes];
    expect(cli([...args, '--passphrase-stdin']).code).toBe(0);
    const kept = parseLogsExport(readFileSync(withCodes, 'utf8'));
    expect(kept.ok && kept.value.logs.map((l) => l.note)).toContain(otherNote);
  });

  it.each([
    [['--out', 'x.pdf'], /--format/],
    [['--format', 'pdf'], /--out/],
    [['--format', 'doc', '--out', 'x.doc'], /--format/],
    [['--format', 'csv', '--from', '2026-02-30', '--out', 'x.csv'], /--from: That is not a date/],
    [['--format', 'csv', '--from', '2026-03-02', '--to', '2026-03-01', '--out', 'x.csv'], /start date/],
  ])('refuses %j with exit 2 and one line, writing nothing', (args, message) => {
    const { code, stderr } = cli(['logs', 'export', ...args, '--passphrase-stdin']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(existsSync(join(root, 'x.pdf')) || existsSync(join(root, 'x.csv'))).toBe(false);
  });
});
