import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const dataDir = mkdtempSync(join(tmpdir(), 'readyroom-incident-cli-'));
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
  incidents: {
    id: string;
    kind: string;
    discoveredAt: string;
    deadline: string;
    clientCodes: string[];
    status: string;
    closingNote: string;
    awaitingDecision: boolean;
  }[];
}

function list(): Listed {
  const { code, stdout, stderr } = cli('incident', 'list', '--json', '--passphrase-file', passFile);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as Listed;
}

function add(...args: string[]): string {
  const { code, stdout, stderr } = cli('incident', 'add', '--json', '--passphrase-file', passFile, ...args);
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

describe('readyroom incident as a process', () => {
  it('adds incidents with 72-hour deadlines across both UK clock changes, lists them as ISO instants, and closes one', () => {
    // 00:30 GMT on the night the clocks go forward (29 March 2026), and 01:30 BST on the night they go back.
    const spring = add(
      '--what',
      'Session link sent to the wrong address',
      '--discovered',
      '2026-03-29T00:30:00Z',
      '--occurred',
      '2026-03-28T22:00:00Z',
      '--kind',
      'link-wrong-person',
      '--client',
      'AB-017',
      '--client',
      'CD-204',
    );
    const autumn = add(
      '--what',
      'Laptop left on a train',
      '--discovered',
      '2026-10-25T01:30:00+01:00',
      '--kind',
      'device-lost',
    );

    const listed = list().incidents;
    expect(listed.map((i) => [i.id, i.discoveredAt, i.deadline, i.clientCodes])).toEqual([
      [autumn, '2026-10-25T00:30:00.000Z', '2026-10-28T00:30:00.000Z', []],
      [spring, '2026-03-29T00:30:00.000Z', '2026-04-01T00:30:00.000Z', ['AB-017', 'CD-204']],
    ]);
    for (const i of listed) expect(Date.parse(i.deadline) - Date.parse(i.discoveredAt)).toBe(72 * 3600_000);

    const closed = cli('incident', 'close', spring, '--note', 'Recipient deleted it', '--passphrase-file', passFile);
    expect(closed).toMatchObject({ code: 0, stderr: '', stdout: `Closed incident ${spring}.\n` });
    const after = list().incidents.find((i) => i.id === spring);
    expect(after).toMatchObject({ status: 'closed', closingNote: 'Recipient deleted it', awaitingDecision: false });

    // Outside the vault: only the open incident's id and deadline; no text, no client code anywhere in the clear.
    expect(JSON.parse(readFileSync(join(dataDir, 'incident-deadlines.json'), 'utf8'))).toEqual({
      value: [{ id: autumn, deadline: '2026-10-28T00:30:00.000Z' }],
    });
    for (const entry of readdirSync(dataDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const text = readFileSync(join(entry.parentPath, entry.name), 'latin1');
      expect(text).not.toContain('AB-017');
      expect(text).not.toContain('Laptop left');
    }
  }, 180_000);

  it.each([
    [['add', '--discovered', '2026-03-29T00:30:00Z'], '--what'],
    [['add', '--what', 'x', '--discovered', '2026-03-29T00:30'], 'with Z or an offset'],
    [['add', '--what', 'x', '--discovered', '2026-03-29T00:30:00Z', '--kind', 'flood'], '--kind must be one of'],
    [['add', '--what', 'x', '--discovered', '2026-03-29T00:30:00Z', '--client', '%%'], '--client'],
    [['close', 'not-an-id'], 'is not an incident id'],
    [['list', '--note', 'x'], 'does not take --note'],
    [['erase'], 'Say which incident command'],
  ])(
    'refuses bad arguments with exit 2: %j',
    (args, message) => {
      const result = cli('incident', ...args, '--passphrase-file', passFile);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stdout).toBe('');
    },
    60_000,
  );

  it('says when there is no such incident to close, as bad input (exit 2)', () => {
    const result = cli('incident', 'close', 'inc-ffffffff', '--passphrase-file', passFile);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('There is no incident with that id.');
  }, 60_000);
});
