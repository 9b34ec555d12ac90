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
    ico: { decision: string; decidedOn: string | null; reason: string };
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
  it('adds incidents with 72-hour deadlines across both UK clock changes, lists them as ISO instants, closes one with its clock still running, then records its ICO decision', () => {
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
    expect(closed).toMatchObject({ code: 0, stderr: '' });
    // Closing does not settle whether to report: the clock runs on, and the command says so and how to record it.
    expect(closed.stdout).toBe(
      `Closed incident ${spring}.\nThe ICO decision is still needed: the 72 hours to decide whether to report it ran out at 2026-04-01T00:30:00.000Z. Decide as soon as you can. Record it with: readyroom incident decide ${spring} --decision yes|no --on DATE\n`,
    );
    const after = list().incidents.find((i) => i.id === spring);
    expect(after).toMatchObject({ status: 'closed', closingNote: 'Recipient deleted it', awaitingDecision: true });
    const text = cli('incident', 'list', '--passphrase-file', passFile);
    expect(text.stdout).toContain(
      `${spring}  2026-03-29T00:30:00.000Z  A session link went to the wrong person  (closed, ICO decision still needed: OVERDUE, decide by 2026-04-01T00:30:00.000Z)`,
    );

    // Outside the vault: only the undecided incidents' ids and deadlines (the closed one too), soonest first.
    const deadlines = () => JSON.parse(readFileSync(join(dataDir, 'incident-deadlines.json'), 'utf8')) as unknown;
    expect(deadlines()).toEqual({
      value: [
        { id: spring, deadline: '2026-04-01T00:30:00.000Z' },
        { id: autumn, deadline: '2026-10-28T00:30:00.000Z' },
      ],
    });

    // Recording the decision on the closed incident stops its clock; it stays closed.
    const decided = cli(
      'incident',
      'decide',
      spring,
      '--decision',
      'no',
      '--on',
      '2026-03-31',
      '--reason',
      'Deleted unread; no health details',
      '--passphrase-file',
      passFile,
    );
    expect(decided).toEqual({
      code: 0,
      stderr: '',
      stdout: `Recorded that you decided on 2026-03-31 not to report incident ${spring} to the ICO. Its 72-hour clock has stopped.\n`,
    });
    expect(list().incidents.find((i) => i.id === spring)).toMatchObject({
      status: 'closed',
      awaitingDecision: false,
      ico: { decision: 'no', decidedOn: '2026-03-31', reason: 'Deleted unread; no health details' },
    });
    expect(deadlines()).toEqual({ value: [{ id: autumn, deadline: '2026-10-28T00:30:00.000Z' }] });

    // A decision dated before the day it was found out is refused, and changes nothing.
    const early = cli(
      'incident',
      'decide',
      autumn,
      '--decision',
      'yes',
      '--on',
      '2020-01-01',
      '--passphrase-file',
      passFile,
    );
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('cannot be before you found out about it');
    expect(list().incidents.find((i) => i.id === autumn)).toMatchObject({ awaitingDecision: true });

    // Reported: said in a sentence, "ICO" in capitals, in the list too.
    const reported = cli(
      'incident',
      'decide',
      autumn,
      '--decision',
      'yes',
      '--on',
      '2026-10-27',
      '--passphrase-file',
      passFile,
    );
    expect(reported).toEqual({
      code: 0,
      stderr: '',
      stdout: `Recorded that incident ${autumn} was reported to the ICO on 2026-10-27. Its 72-hour clock has stopped.\n`,
    });
    expect(cli('incident', 'list', '--passphrase-file', passFile).stdout).toContain(
      `${autumn}  2026-10-25T00:30:00.000Z  A device was lost or stolen  (reported to the ICO)`,
    );
    expect(deadlines()).toEqual({ value: [] });

    // A decision already recorded is changed only when asked.
    const again = [
      'incident',
      'decide',
      autumn,
      '--decision',
      'no',
      '--on',
      '2026-10-27',
      '--passphrase-file',
      passFile,
    ];
    const refused = cli(...again);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('already been recorded');
    expect(list().incidents.find((i) => i.id === autumn)?.ico.decision).toBe('yes');
    expect(cli(...again, '--replace').code).toBe(0);
    expect(list().incidents.find((i) => i.id === autumn)?.ico.decision).toBe('no');

    // No text, no client code anywhere in the clear.
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
    [['close', 'inc-ffffffff', '--note', 'done\u202e'], 'The closing note contains a hidden character (U+202E)'],
    [['decide', '--decision', 'yes', '--on', '2026-03-03'], 'incident decide needs the incident id'],
    [['decide', 'inc-x', '--decision', 'yes', '--on', '2026-03-03'], 'is not an incident id'],
    [['decide', 'inc-ffffffff', '--on', '2026-03-03'], 'needs --decision yes'],
    [['decide', 'inc-ffffffff', '--decision', 'maybe', '--on', '2026-03-03'], 'needs --decision yes'],
    [['decide', 'inc-ffffffff', '--decision', 'yes'], 'needs --on DATE'],
    [['decide', 'inc-ffffffff', '--decision', 'yes', '--on', '2026-02-30'], 'needs --on DATE'],
    [['decide', 'inc-ffffffff', '--decision', 'yes', '--on', '2999-01-01'], 'cannot be in the future'],
    [
      ['decide', 'inc-ffffffff', '--decision', 'no', '--on', '2026-03-03', '--reason', 'low\u200brisk'],
      'contains a hidden character (U+200B)',
    ],
    [['decide', 'inc-ffffffff', '--decision', 'no', '--on', '2026-03-03', '--note', 'x'], 'does not take --note'],
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

  it.each([['close'], ['decide', '--decision', 'yes', '--on', '2026-03-03']])(
    'says when there is no such incident (%s), as bad input (exit 2)',
    (command, ...rest) => {
      const result = cli('incident', command, 'inc-ffffffff', ...rest, '--passphrase-file', passFile);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('There is no incident with that id.');
    },
    60_000,
  );
});
