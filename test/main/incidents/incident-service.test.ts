import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createIncidentService } from '../../../main/incidents/incident-service';
import { confStoreFactory } from '../../../main/store/store-factory';
import type { VaultService } from '../../../main/vault/vault-service';
import type { AppError } from '../../../shared/errors';
import { incidentInputSchema, type IncidentInput } from '../../../shared/incidents/incident';
import { fakeClock, makeVault, passphrase, tempDataDir, type TestClock } from '../vault/vault-test-kit';

let dir: string;
let cleanup: () => void;
let vault: VaultService;
let clock: TestClock;

beforeEach(async () => {
  ({ dir, cleanup } = tempDataDir());
  vault = makeVault(dir);
  await vault.setup(passphrase);
  clock = fakeClock('2026-03-29T12:00:00.000Z');
});
afterEach(() => {
  vault.close();
  cleanup();
});

let ids = 0;
const service = () =>
  createIncidentService({
    dataDir: dir,
    storeFactory: confStoreFactory,
    vault,
    now: () => clock.now(),
    newId: () => `inc-${(++ids).toString(16).padStart(8, '0')}`,
  });

const secretText = 'SECRET-what-happened-7c1';
const input = (patch: Partial<IncidentInput> = {}) =>
  incidentInputSchema.parse({
    kind: 'link-wrong-person',
    what: `Sent the link to the wrong person ${secretText}`,
    occurredAt: null,
    // 00:30 GMT on the night the clocks go forward in the UK.
    discoveredAt: '2026-03-29T00:30:00Z',
    clientCodes: ['ZX-981'],
    actions: 'Asked them to delete it.',
    ico: { decision: 'undecided', decidedOn: null, reason: '' },
    ...patch,
  });

function errorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as AppError).code;
  }
  return undefined;
}

describe('incident service', () => {
  it('records an incident in the vault with its 72-hour deadline as an absolute instant', () => {
    const added = service().add(input());
    expect(added).toMatchObject({ status: 'open', clientCodes: ['ZX-981'], recordedAt: '2026-03-29T12:00:00.000Z' });
    // 72 real hours: 00:30 GMT on the 29th is 01:30 BST on 1 April, not 00:30.
    expect(added.deadline).toBe('2026-04-01T00:30:00.000Z');
    expect(service().list()).toEqual([added]);
  });

  it('keeps 72 real hours when the clocks go back in Europe/London', () => {
    clock.set('2026-10-26T12:00:00.000Z');
    // 01:30 BST, 25 October 2026: the clocks go back half an hour later.
    const added = service().add(input({ discoveredAt: '2026-10-25T01:30:00+01:00' }));
    expect(Date.parse(added.deadline) - Date.parse('2026-10-25T00:30:00Z')).toBe(72 * 3600_000);
    expect(added.deadline).toBe('2026-10-28T00:30:00.000Z');
  });

  it('keeps the text and client codes only in the vault; the plain file holds ids and deadlines', () => {
    const s = service();
    const a = s.add(input());
    const b = s.add(input({ discoveredAt: '2026-03-28T09:00:00Z', clientCodes: ['QQ-442'] }));
    const plain = readFileSync(join(dir, 'incident-deadlines.json'), 'utf8');
    expect(JSON.parse(plain)).toEqual({
      value: [
        { id: b.id, deadline: '2026-03-31T09:00:00.000Z' },
        { id: a.id, deadline: a.deadline },
      ],
    });
    // Nothing written anywhere in the data folder holds the text or a code in the clear.
    for (const file of filesUnder(dir)) {
      const text = readFileSync(file, 'latin1');
      expect(text, file).not.toContain(secretText);
      expect(text, file).not.toContain('ZX-981');
      expect(text, file).not.toContain('QQ-442');
    }
  });

  it('shows the deadlines while the vault is locked, but refuses to list or add', () => {
    const s = service();
    const a = s.add(input());
    vault.lock();
    const fresh = service(); // a restart while locked reads the plain file
    expect(fresh.pendingDeadlines()).toEqual([{ id: a.id, deadline: a.deadline }]);
    expect(errorCode(() => fresh.list())).toBe('LOCKED');
    expect(errorCode(() => fresh.add(input()))).toBe('LOCKED');
    expect(errorCode(() => fresh.close(a.id, ''))).toBe('LOCKED');
  });

  it('closes an undecided incident but keeps its clock running, in the plain file too, until the ICO decision is recorded', () => {
    const s = service();
    const a = s.add(input());
    clock.advance(3600_000);
    const closed = s.close(a.id, 'Recipient confirmed deletion.');
    expect(closed).toMatchObject({
      status: 'closed',
      closedAt: '2026-03-29T13:00:00.000Z',
      closingNote: 'Recipient confirmed deletion.',
      ico: { decision: 'undecided' },
    });
    expect(s.pendingDeadlines()).toEqual([{ id: a.id, deadline: a.deadline }]);
    expect(JSON.parse(readFileSync(join(dir, 'incident-deadlines.json'), 'utf8'))).toEqual({
      value: [{ id: a.id, deadline: a.deadline }],
    });
    expect(s.list()).toEqual([closed]);
    expect(errorCode(() => s.close(a.id, ''))).toBe('STALE');
    expect(errorCode(() => s.close('inc-ffffffff', ''))).toBe('NOT_FOUND');
  });

  it('records the ICO decision on a closed incident: its deadline leaves the plain file, and it stays closed', () => {
    const s = service();
    const a = s.add(input());
    const b = s.add(input({ discoveredAt: '2026-03-29T06:00:00Z' }));
    s.close(a.id, '');
    const decided = s.decide(a.id, { decision: 'no', decidedOn: '2026-03-29', reason: 'No health details.' });
    expect(decided).toMatchObject({
      status: 'closed',
      ico: { decision: 'no', decidedOn: '2026-03-29', reason: 'No health details.' },
    });
    expect(s.pendingDeadlines()).toEqual([{ id: b.id, deadline: b.deadline }]);
    expect(JSON.parse(readFileSync(join(dir, 'incident-deadlines.json'), 'utf8'))).toEqual({
      value: [{ id: b.id, deadline: b.deadline }],
    });
    expect(s.list().find((i) => i.id === a.id)).toEqual(decided);
  });

  it('does not overwrite a decision already recorded unless asked to replace it', () => {
    const s = service();
    const a = s.add(input());
    s.decide(a.id, { decision: 'yes', decidedOn: '2026-03-29', reason: '' });
    expect(errorCode(() => s.decide(a.id, { decision: 'no', decidedOn: '2026-03-29', reason: 'Changed mind' }))).toBe(
      'STALE',
    );
    expect(s.list()[0]?.ico).toEqual({ decision: 'yes', decidedOn: '2026-03-29', reason: '' });
    const replaced = s.decide(a.id, { decision: 'no', decidedOn: '2026-03-29', reason: 'Low risk' }, { replace: true });
    expect(replaced.ico).toEqual({ decision: 'no', decidedOn: '2026-03-29', reason: 'Low risk' });
  });

  it('refuses a decision that is not made, has no date, is dated in the future or names no incident', () => {
    const s = service();
    const a = s.add(input());
    expect(() => s.decide(a.id, { decision: 'undecided', decidedOn: null, reason: '' })).toThrow(
      'Say whether you reported it',
    );
    expect(() => s.decide(a.id, { decision: 'yes', decidedOn: null, reason: '' })).toThrow('Give the date');
    expect(() => s.decide(a.id, { decision: 'yes', decidedOn: '2026-03-31', reason: '' })).toThrow(
      'cannot be in the future',
    );
    expect(() => s.decide(a.id, { decision: 'no', decidedOn: '2026-02-30', reason: '' })).toThrow();
    expect(errorCode(() => s.decide('inc-ffffffff', { decision: 'yes', decidedOn: '2026-03-29', reason: '' }))).toBe(
      'NOT_FOUND',
    );
    expect(s.pendingDeadlines()).toEqual([{ id: a.id, deadline: a.deadline }]);
  });

  it('refuses a decision dated before the day the incident was found out, by itself or in an edit', () => {
    const s = service();
    const a = s.add(input());
    // Discovered 2026-03-29T00:30Z: the 28th or the 29th on this computer's calendar, never the 27th.
    expect(() => s.decide(a.id, { decision: 'yes', decidedOn: '2026-03-27', reason: '' })).toThrow(
      'cannot be before you found out about it',
    );
    expect(() =>
      s.update(a.id, input({ ico: { decision: 'no', decidedOn: '2020-01-01', reason: 'Low risk.' } })),
    ).toThrow('cannot be before you found out about it');
    expect(s.list()[0]).toMatchObject({ ico: { decision: 'undecided' } });
    expect(s.pendingDeadlines()).toEqual([{ id: a.id, deadline: a.deadline }]);
  });

  it('records the decision on an incident whose words an earlier version kept with emoji and CRLF line breaks', () => {
    const s = service();
    const a = s.add(input());
    const oldWords = {
      what: 'Sent the link \u2764\ufe0f\r\nto the wrong person',
      actions: 'Asked them\r\nto delete it',
    };
    vault.writeDocument('incidents', { incidents: [{ ...s.list()[0], ...oldWords, deadline: undefined }] });
    const decided = s.decide(a.id, { decision: 'no', decidedOn: '2026-03-29', reason: 'Deleted \u{1f44d}\r\nunread' });
    // The other words are left as they were; the note is kept with LF line breaks.
    expect(decided).toMatchObject({ ...oldWords, ico: { decision: 'no', reason: 'Deleted \u{1f44d}\nunread' } });
    expect(s.pendingDeadlines()).toEqual([]);
    // The full edit accepts the same words too, keeping LF.
    const edited = s.update(a.id, input({ ...oldWords, ico: decided.ico }));
    expect(edited).toMatchObject({
      what: 'Sent the link \u2764\ufe0f\nto the wrong person',
      actions: 'Asked them\nto delete it',
    });
  });

  it('keeps a closing note with LF line breaks', () => {
    const s = service();
    const a = s.add(input());
    expect(s.close(a.id, 'One\r\nTwo\rThree').closingNote).toBe('One\nTwo\nThree');
  });

  it('refuses an over-long closing note in plain words, and leaves the incident open', () => {
    const s = service();
    const a = s.add(input());
    expect(() => s.close(a.id, 'x'.repeat(1001))).toThrow('The closing note must be 1000 characters or fewer.');
    expect(s.list()[0]?.status).toBe('open');
  });

  it('refuses hidden characters in a closing note or an ICO note, naming the character', () => {
    const s = service();
    const a = s.add(input());
    expect(() => s.close(a.id, 'Deleted\u202e')).toThrow('The closing note contains a hidden character (U+202E)');
    expect(() => s.decide(a.id, { decision: 'no', decidedOn: '2026-03-29', reason: 'No\u200brisk' })).toThrow(
      'contains a hidden character (U+200B)',
    );
    expect(s.list()[0]).toMatchObject({ status: 'open', ico: { decision: 'undecided' } });
  });

  it('stops the clock once a decision about reporting is recorded', () => {
    const s = service();
    const a = s.add(input());
    s.update(
      a.id,
      input({ ico: { decision: 'no', decidedOn: '2026-03-29', reason: 'Only a link; no health details.' } }),
    );
    expect(s.pendingDeadlines()).toEqual([]);
    expect(s.list()[0]?.ico.decision).toBe('no');
  });

  it('refuses times in the future and codes that may not be saved, with a plain message', () => {
    const s = service();
    expect(() => s.add(input({ discoveredAt: '2026-03-30T12:00:00Z' }))).toThrow('cannot be in the future');
    expect(() => s.add(input({ clientCodes: ['%%%'] }))).toThrow('Client code: Use letters, numbers');
    expect(s.pendingDeadlines()).toEqual([]);
  });

  it('when the plain copy cannot be written, still gives the deadlines it read, never "nothing waiting"', () => {
    const s = service();
    // A folder where the plain file goes: every write of it fails, as on a broken or full disk.
    const plain = join(dir, 'incident-deadlines.json');
    rmSync(plain, { force: true });
    mkdirSync(plain);
    const a = s.add(input());
    expect(s.pendingDeadlines()).toEqual([{ id: a.id, deadline: a.deadline }]);
    s.decide(a.id, { decision: 'no', decidedOn: '2026-03-29', reason: 'Low risk' });
    expect(s.pendingDeadlines()).toEqual([]);
  });

  it('takes a client code out of every incident on erasure and reports text that still names it', () => {
    const s = service();
    const a = s.add(input({ clientCodes: ['ZX-981', 'QQ-442'] }));
    const b = s.add(input({ what: 'ZX-981 was sent the wrong link', clientCodes: ['zx-981'] }));
    const c = s.add(input({ what: 'Nothing about ZX-9810', clientCodes: ['QQ-442'] }));
    const result = s.removeClient(' zx-981');
    expect(result).toEqual({ removedFrom: 2, stillInText: [b.id] });
    const byId = new Map(s.list().map((i) => [i.id, i.clientCodes]));
    expect(byId.get(a.id)).toEqual(['QQ-442']);
    expect(byId.get(b.id)).toEqual([]);
    expect(byId.get(c.id)).toEqual(['QQ-442']);
  });

  it('names the incidents whose words hold the erased code however it is spaced or dashed, as an export would find it', () => {
    const s = service();
    const spaced = s.add(input({ what: 'Told zx 981 the wrong time', clientCodes: [] }));
    const dashed = s.add(input({ what: 'Sent ZX\u2013981 a link', clientCodes: [] }));
    s.add(input({ what: 'Nothing about ZX-9810', clientCodes: [] }));
    expect(s.removeClient('ZX-981').stillInText).toEqual([spaced.id, dashed.id]);
  });

  it('lists the incidents discovered in a period for reports', () => {
    const s = service();
    s.add(input({ discoveredAt: '2026-02-27T10:00:00Z' }));
    const march = s.add(input({ discoveredAt: '2026-03-02T10:00:00Z' }));
    expect(s.discoveredBetween('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z')).toEqual([march]);
  });
});

function filesUnder(root: string): string[] {
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}
