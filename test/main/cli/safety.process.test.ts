import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { emergencyTable } from '../../../shared/safety/emergency-numbers';

const root = join(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'readyroom-safety-cli-'));
const dataDir = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI as `npm run -s cli --` runs it: a real process on this machine, with the usual umask. */
function cli(...args: string[]) {
  const result = spawnSync(
    '/bin/sh',
    ['-c', 'umask 022; exec "$0" "$@"', process.execPath, 'main/cli/launch.mjs', ...args],
    { cwd: root, encoding: 'utf8', env: { ...process.env, READYROOM_DATA_DIR: dataDir }, timeout: 60_000 },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('crisis-card', () => {
  it('prints the country’s entry and the plan as JSON, and nothing else on stdout', () => {
    const { code, stdout, stderr } = cli('crisis-card', '--country', 'gb', '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const card = JSON.parse(stdout) as {
      country: string;
      countryName: string;
      tableAsOf: string;
      entry: { emergency: string[]; crisisLine: { number: string } | null; checked: string };
      plan: { sections: { id: string }[] } | null;
    };
    expect(card.country).toBe('GB');
    expect(card.countryName).toBe('United Kingdom');
    expect(card.tableAsOf).toBe(emergencyTable.asOf);
    expect(card.entry).toEqual(emergencyTable.entries.GB);
    expect(card.plan?.sections.map((s) => s.id)).toContain('escalate');
  });

  it('leaves the plan out with --no-plan and says plainly when no crisis line is confirmed', () => {
    const json = cli('crisis-card', '--country', 'BG', '--json', '--no-plan');
    expect(json.code).toBe(0);
    const card = JSON.parse(json.stdout) as { entry: { crisisLine: null; note: string }; plan: null };
    expect(card.plan).toBeNull();
    expect(card.entry.crisisLine).toBeNull();
    const text = cli('crisis-card', '--country', 'BG');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('No crisis line confirmed for this country: use the emergency number.');
    expect(text.stdout).toContain('IF THE VIDEO DROPS');
  });

  it('exits 2 with one clear line for an unknown country, a country not in the table, or no country', () => {
    for (const args of [['--country', 'XX'], ['--country', 'AQ'], []]) {
      const { code, stdout, stderr } = cli('crisis-card', ...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(cli('crisis-card', '--country', 'AQ').stderr).toContain('no emergency numbers for Antarctica');
  });

  it('writes nothing to the data folder', () => {
    cli('crisis-card', '--country', 'DE');
    expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
  });
});

describe('prep-sheet', () => {
  it('writes the PDF, readable by its owner only, with the platform’s sheet in it', () => {
    const out = join(dir, 'zoom.pdf');
    const { code, stdout, stderr } = cli('prep-sheet', '--platform', 'zoom', '--format', 'pdf', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toContain(out);
    expect(stderr).toContain('not encrypted');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    expect(text).toContain('Getting ready for your online session (Zoom)');
    expect(text).toContain('If the call drops');
  });

  it('writes the text sheet', () => {
    const out = join(dir, 'signal.txt');
    expect(cli('prep-sheet', '--platform', 'signal', '--format', 'text', '--out', out).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('What to know about Signal');
  });

  it('exits 2 for a platform, format or destination it cannot use', () => {
    const out = join(dir, 'x.txt');
    for (const args of [
      ['--platform', 'skype', '--format', 'text', '--out', out],
      ['--platform', 'zoom', '--format', 'docx', '--out', out],
      ['--platform', 'zoom', '--format', 'text'],
    ]) {
      const { code, stderr } = cli('prep-sheet', ...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(existsSync(out)).toBe(false);
  });
});
