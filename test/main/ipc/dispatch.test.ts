import { beforeEach, describe, expect, it } from 'vitest';

import { AppError } from '../../../shared/errors';
import { channelNames, type ChannelName, type Req } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/result';
import { dispatch } from '../../../main/ipc/dispatch';
import type { HandlerTable } from '../../../main/ipc/handler-types';
import { createMemorySink, setLogSink, type LogEntry } from '../../../main/logging/logger';
import { sampleProfileInput } from '../../fixtures/clients/sample-profiles';
import { sampleScheduleInput } from '../../fixtures/schedule/sample-sessions';

/** Put in payload values and error messages; must never come back in a result or a log line. */
const marker = 'MARKER-7f3a9c';

interface Sample<K extends ChannelName> {
  /** A payload the channel accepts. */
  readonly valid: Req<K>;
  /** Top-level keys that may not be left out. */
  readonly required: readonly string[];
}

const logId = 'log_0123456789';
const scheduledSession = sampleScheduleInput({ clientCode: marker });
const incident: Req<'incidents:add'>['incident'] = {
  kind: 'link-wrong-person',
  what: `Sent the session link to the wrong address ${marker}`,
  occurredAt: '2026-03-02T08:00:00Z',
  discoveredAt: '2026-03-02T09:30:00+00:00',
  clientCodes: ['AB-017'],
  actions: 'Asked the recipient to delete it; sent a new link.',
  ico: { decision: 'no', decidedOn: '2026-03-03', reason: 'Only a meeting link, no health details.' },
};

/** One valid payload per channel: adding a channel to the contract fails the type check here. */
const samples: { readonly [K in ChannelName]: Sample<K> } = {
  'app:info': { valid: {}, required: [] },
  'app:open-fix-link': { valid: { checkId: 'security.firewall' }, required: ['checkId'] },
  'app:keep-on-top': { valid: { on: true }, required: ['on'] },
  'settings:get': { valid: {}, required: [] },
  'settings:update': { valid: { patch: { theme: 'dark', idleLockMinutes: 30 } }, required: ['patch'] },
  'settings:approve-host': { valid: { target: 'meet.example.org:443' }, required: ['target'] },
  'settings:forget-host': { valid: { target: 'meet.example.org:443' }, required: ['target'] },
  'scan:start': { valid: { only: ['connection.quality'], platform: 'zoom', target: 'zoom.us:443' }, required: [] },
  'scan:run': { valid: { only: ['security.firewall'], platform: 'other', target: 'meet.example.org' }, required: [] },
  'programs:list': { valid: { platform: 'teams' }, required: [] },
  'programs:close': { valid: { ids: ['p_abcdefgh12'], force: false, timeoutSec: 10 }, required: ['ids'] },
  'programs:closed': { valid: {}, required: [] },
  'programs:reopen': { valid: {}, required: [] },
  'vault:status': { valid: {}, required: [] },
  'vault:setup': { valid: { passphrase: `secret-${marker}` }, required: ['passphrase'] },
  'vault:unlock': {
    valid: { method: 'passphrase', passphrase: `secret-${marker}` },
    required: ['method', 'passphrase'],
  },
  'vault:lock': { valid: {}, required: [] },
  'vault:change-passphrase': {
    valid: { current: `old-${marker}`, next: `new-${marker}` },
    required: ['current', 'next'],
  },
  'vault:set-keychain': {
    valid: { enabled: true, passphrase: `secret-${marker}` },
    required: ['enabled', 'passphrase'],
  },
  'vault:confirm-recovery-key': { valid: {}, required: [] },
  'vault:new-recovery-key': { valid: { passphrase: `secret-${marker}` }, required: ['passphrase'] },
  'vault:new-data-key': { valid: { passphrase: `secret-${marker}` }, required: ['passphrase'] },
  'logs:save': {
    valid: {
      scanId: '7d9f3c2a-1b4e-4c8d-9a6f-2e5b8c1d0f3a',
      session: { sessionAt: '2026-03-02T09:00:00Z', clientCode: 'AB-017', platform: 'zoom', modality: 'video' },
      // Evidence is free-form JSON (no "extra key" to refuse), so the media sample stays empty here.
      media: [],
      confirmations: [{ id: 'room.private', confirmed: true }],
      judgements: [{ id: 'security.firewall', kind: 'confirmed', note: 'Checked.', at: '2026-03-02T08:59:00Z' }],
      programsClosed: [{ name: 'Dropbox', category: 'sync' }],
      note: 'Quiet room.',
    },
    required: ['scanId', 'session', 'media', 'confirmations', 'judgements', 'programsClosed', 'note'],
  },
  'logs:list': {
    valid: { client: 'AB-017', since: '2026-03-01T00:00:00Z', until: '2026-03-31T23:59:59+01:00', limit: 50 },
    required: [],
  },
  'logs:search-notes': { valid: { text: 'door shut' }, required: ['text'] },
  'logs:get': { valid: { id: logId }, required: ['id'] },
  'logs:add-addendum': {
    valid: { id: logId, addendum: { kind: 'note', text: 'Ran late.' } },
    required: ['id', 'addendum'],
  },
  'logs:delete': { valid: { id: logId }, required: ['id'] },
  'logs:erase-client': { valid: { client: 'AB-017', expectedCount: 3 }, required: ['client', 'expectedCount'] },
  'logs:backup': { valid: {}, required: [] },
  'logs:restore': {
    valid: {
      token: '0123456789abcdef0123456789abcdef',
      secret: { method: 'passphrase', passphrase: `secret-${marker}` },
    },
    required: [],
  },
  'logs:export': {
    valid: { format: 'csv', from: '2026-03-01', to: '2026-03-31', client: 'AB-017', includeClientCodes: false },
    required: ['format', 'includeClientCodes'],
  },
  'schedule:list': { valid: {}, required: [] },
  'schedule:upcoming': { valid: { count: 3 }, required: ['count'] },
  'schedule:add': { valid: { session: scheduledSession }, required: ['session'] },
  'schedule:update': { valid: { id: '0123456789abcdef', session: scheduledSession }, required: ['id', 'session'] },
  'schedule:delete': { valid: { id: '0123456789abcdef' }, required: ['id'] },
  'review:get': { valid: {}, required: [] },
  'review:update': {
    valid: { id: 'review.cyber-cover', doneOn: '2026-01-05', nextDue: null, note: `note-${marker}` },
    required: ['id', 'doneOn', 'nextDue', 'note'],
  },
  'home:summary': { valid: {}, required: [] },
  'login-item:get': { valid: {}, required: [] },
  'login-item:set': { valid: { enabled: true }, required: ['enabled'] },
  'incidents:list': { valid: {}, required: [] },
  'incidents:add': { valid: { incident }, required: ['incident'] },
  'incidents:update': { valid: { id: 'inc-0a1b2c3d', incident }, required: ['id', 'incident'] },
  'incidents:close': { valid: { id: 'inc-0a1b2c3d', note: `Done ${marker}` }, required: ['id', 'note'] },
  'incidents:decide': {
    valid: { id: 'inc-0a1b2c3d', ico: { decision: 'no', decidedOn: '2026-03-03', reason: `Low risk ${marker}` } },
    required: ['id', 'ico'],
  },
  'incidents:open-ico-guide': { valid: {}, required: [] },
  'clients:list': { valid: {}, required: [] },
  'clients:get': { valid: { clientCode: marker, withCodeWord: false }, required: ['clientCode'] },
  'clients:save': { valid: { profile: sampleProfileInput({ codeWord: marker }) }, required: ['profile'] },
  'clients:delete': { valid: { clientCode: marker }, required: ['clientCode'] },
  'safety:prep-sheet': { valid: { format: 'pdf', platform: 'zoom' }, required: ['format', 'platform'] },
};

type Path = readonly (string | number)[];

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every primitive leaf, plus empty objects and arrays, with its path. */
function leaves(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  if (Array.isArray(value) && value.length > 0) return value.flatMap((item, i) => leaves(item, [...path, i]));
  if (isRecord(value) && Object.keys(value).length > 0) {
    return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  }
  return path.length > 0 ? [{ path, value }] : [];
}

/** Paths of every plain object, the root included. */
function objectPaths(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => objectPaths(item, [...path, i]));
  if (!isRecord(value)) return [];
  return [path, ...Object.entries(value).flatMap(([key, item]) => objectPaths(item, [...path, key]))];
}

/** A deep copy of `payload` with `edit` applied to the value at `path` (root when empty). */
function editAt(
  payload: unknown,
  path: Path,
  edit: (parent: Record<string | number, unknown>, key: string | number) => void,
): unknown {
  const copy = clone(payload);
  if (path.length === 0) throw new Error('editAt needs a non-empty path');
  let parent = copy as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  edit(parent, path[path.length - 1] as string | number);
  return copy;
}

const setAt = (payload: unknown, path: Path, value: unknown) =>
  editAt(payload, path, (parent, key) => {
    parent[key] = value;
  });

/** Returns the object at `path` inside a deep copy, so it can be changed in place. */
function objectAt(copy: unknown, path: Path): Record<string, unknown> {
  let target = copy as Record<string | number, unknown>;
  for (const step of path) target = target[step] as Record<string | number, unknown>;
  return target as Record<string, unknown>;
}

function wrongTypeFor(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'twelve';
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'nothing';
  return 'an object';
}

class Gadget {
  readonly name = 'gadget';
}

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { bottom: true };
  for (let i = 0; i < depth; i += 1) value = { down: value };
  return value;
}

function cyclic(): Record<string, unknown> {
  const value: Record<string, unknown> = { name: 'loop' };
  value.self = value;
  return value;
}

function manyKeys(count: number): Record<string, number> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, i]));
}

/** Values that are not plain JSON data, as they could arrive over structured clone or from a bug. */
const nonJsonValues: readonly [string, () => unknown][] = [
  ['a function', () => () => marker],
  ['a symbol', () => Symbol(marker)],
  ['a bigint', () => 10n],
  ['a Date', () => new Date(0)],
  ['a Map', () => new Map([[marker, 1]])],
  ['a Set', () => new Set([marker])],
  ['a RegExp', () => /marker/],
  ['a typed array', () => new Uint8Array(4)],
  ['an Error', () => new Error(marker)],
  ['a Promise', () => Promise.resolve(marker)],
  ['NaN', () => Number.NaN],
  ['Infinity', () => Number.POSITIVE_INFINITY],
  ['-Infinity', () => Number.NEGATIVE_INFINITY],
  ['a class instance', () => new Gadget()],
  ['an object nested 20 deep', () => nested(20)],
  ['an object nested 100,000 deep', () => nested(100_000)],
  ['a cyclic object', () => cyclic()],
  ['a list of 1,001 items', () => Array.from({ length: 1001 }, () => 1)],
  ['a list of 1,000,000 items', () => new Array<number>(1_000_000).fill(0)],
  ['an object with 2,001 keys', () => manyKeys(2001)],
];

interface BadCase {
  readonly channel: ChannelName;
  readonly label: string;
  readonly payload: () => unknown;
}

function casesFor(channel: ChannelName): BadCase[] {
  const { valid, required } = samples[channel] as Sample<ChannelName>;
  const cases: BadCase[] = [];
  const add = (label: string, payload: () => unknown) => cases.push({ channel, label, payload });
  const keys = Object.keys(valid);
  const firstKey = keys[0];

  for (const wrong of ['text', 42, true, [], [valid]] as const) {
    add(`the whole payload is ${JSON.stringify(wrong)}`, () => wrong);
  }
  for (const leaf of leaves(valid)) {
    add(`${leaf.path.join('.')} has the wrong type`, () => setAt(valid, leaf.path, wrongTypeFor(leaf.value)));
  }
  for (const key of required) {
    add(`required key ${key} is missing`, () => editAt(valid, [key], (parent, k) => delete parent[k]));
  }
  for (const path of objectPaths(valid)) {
    const where = path.length === 0 ? 'the request' : path.join('.');
    add(`${where} has an extra key`, () => {
      const copy = clone(valid);
      objectAt(copy, path).unexpected = 'surplus';
      return copy;
    });
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      add(`${where} has a "${key}" key made by JSON.parse`, () => {
        const copy = clone(valid);
        const target = objectAt(copy, path);
        const parsed = JSON.parse(`{"${key}": {"polluted": "${marker}"}}`) as Record<string, unknown>;
        // Copy the own property across without invoking the __proto__ setter.
        Object.defineProperty(target, key, Object.getOwnPropertyDescriptor(parsed, key) as PropertyDescriptor);
        return copy;
      });
      add(`${where} has a "${key}" key made by Object.defineProperty`, () => {
        const copy = clone(valid);
        Object.defineProperty(objectAt(copy, path), key, {
          value: { polluted: marker },
          enumerable: true,
          configurable: true,
          writable: true,
        });
        return copy;
      });
    }
    add(`${where} has a symbol key`, () => {
      const copy = clone(valid);
      (objectAt(copy, path) as Record<symbol, unknown>)[Symbol('extra')] = marker;
      return copy;
    });
  }
  const stringLeaves = leaves(valid).filter((leaf) => typeof leaf.value === 'string');
  for (const leaf of stringLeaves) {
    const where = leaf.path.join('.');
    add(`${where} is 10,000 characters (over its cap, under the guard)`, () =>
      setAt(valid, leaf.path, 'a'.repeat(10_000)),
    );
    add(`${where} is over 64 KiB`, () => setAt(valid, leaf.path, `${marker}${'a'.repeat(64 * 1024)}`));
  }
  if (stringLeaves.length === 0) {
    add('an extra key holds a string over 64 KiB', () => ({ ...valid, text: 'a'.repeat(64 * 1024 + 1) }));
  }
  for (const [label, make] of nonJsonValues) {
    add(`the whole payload is ${label}`, make);
    if (firstKey !== undefined) add(`${firstKey} is ${label}`, () => ({ ...valid, [firstKey]: make() }));
    else add(`an extra key holds ${label}`, () => ({ extra: make() }));
  }
  return cases;
}

const badCases = channelNames.flatMap(casesFor);

function recordingHandlers() {
  const calls: { channel: ChannelName; request: unknown }[] = [];
  const table = Object.fromEntries(
    channelNames.map((channel) => [
      channel,
      (request: unknown) => {
        calls.push({ channel, request });
        return { handled: channel };
      },
    ]),
  ) as unknown as HandlerTable;
  return { calls, table };
}

function throwingHandlers(make: () => unknown): HandlerTable {
  return Object.fromEntries(
    channelNames.map((channel) => [
      channel,
      () => {
        throw make();
      },
    ]),
  ) as unknown as HandlerTable;
}

function expectPlainFailure(result: IpcResult<unknown>, codes: readonly string[]): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(Object.keys(result).sort()).toEqual(['error', 'ok']);
  expect(Object.keys(result.error).sort()).toEqual(['code', 'message']);
  expect(codes).toContain(result.error.code);
  expect(typeof result.error.message).toBe('string');
  expect(result.error.message.length).toBeGreaterThan(0);
  expect(result.error.message.length).toBeLessThanOrEqual(300);
  expect(result.error.message).not.toMatch(/\n|\bat .+:\d+:\d+/);
  expect(result.error.message).not.toContain(marker);
  expect(result.error.message).not.toContain('secret-');
}

let sink: ReturnType<typeof createMemorySink>;
const logText = (entries: readonly LogEntry[]) => JSON.stringify(entries);

beforeEach(() => {
  sink = createMemorySink();
  setLogSink(sink);
});

describe('dispatch', () => {
  it('has a sample for every channel of the contract', () => {
    expect(Object.keys(samples).sort()).toEqual([...channelNames].sort());
  });

  describe.each(channelNames)('%s', (channel) => {
    it('passes a valid payload to the handler and wraps its answer', async () => {
      const { calls, table } = recordingHandlers();
      const result = await dispatch(table, channel, clone(samples[channel].valid));
      expect(result).toEqual({ ok: true, value: { handled: channel } });
      expect(calls).toEqual([{ channel, request: samples[channel].valid }]);
    });

    it('accepts the payload when any optional key is left out', async () => {
      const { valid, required } = samples[channel] as Sample<ChannelName>;
      for (const key of Object.keys(valid).filter((k) => !required.includes(k))) {
        const { calls, table } = recordingHandlers();
        const payload = editAt(valid, [key], (parent, k) => delete parent[k]);
        const result = await dispatch(table, channel, payload);
        expect(result.ok, `without ${key}`).toBe(true);
        expect(calls).toHaveLength(1);
      }
    });

    it('returns an AppError thrown by the handler as its code and message', async () => {
      const table = throwingHandlers(() => new AppError('LOCKED', 'The log vault is locked.'));
      const result = await dispatch(table, channel, clone(samples[channel].valid));
      expect(result).toEqual({ ok: false, error: { code: 'LOCKED', message: 'The log vault is locked.' } });
    });

    it('returns an AppError from a rejected promise as its code and message', async () => {
      const table = Object.fromEntries(
        channelNames.map((name) => [name, () => Promise.reject(new AppError('BUSY', 'A scan is already running.'))]),
      ) as unknown as HandlerTable;
      const result = await dispatch(table, channel, clone(samples[channel].valid));
      expect(result).toEqual({ ok: false, error: { code: 'BUSY', message: 'A scan is already running.' } });
    });
  });

  describe('refuses a bad payload before the handler', () => {
    it.each(badCases.map((c) => [c.channel, c.label, c] as const))('%s: %s', async (_channel, _label, badCase) => {
      const { calls, table } = recordingHandlers();
      const result = await dispatch(table, badCase.channel, badCase.payload());
      expectPlainFailure(result, ['BAD_REQUEST']);
      expect(calls).toEqual([]);
      expect(logText(sink.entries)).not.toContain(marker);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  it('refuses a nested required key that is missing', async () => {
    const { calls, table } = recordingHandlers();
    const payload = editAt(samples['logs:save'].valid, ['session', 'clientCode'], (parent, key) => delete parent[key]);
    const result = await dispatch(table, 'logs:save', payload);
    expectPlainFailure(result, ['BAD_REQUEST']);
    expect(result.ok ? '' : result.error.message).toContain('session.clientCode');
    expect(calls).toEqual([]);
  });

  describe('size', () => {
    const check = (evidence: unknown) => ({
      id: 'media.camera',
      status: 'pass',
      summary: 'Fine.',
      evidence,
      durationMs: 5,
    });
    const saveWith = (media: unknown[]) => ({ ...clone(samples['logs:save'].valid), media });
    const messageOf = (result: IpcResult<unknown>) => (result.ok ? '' : result.error.message);

    it('refuses a request over about 1 MB as a whole, with a plain message, before the handler', async () => {
      const { calls, table } = recordingHandlers();
      const payload = saveWith(Array.from({ length: 17 }, () => check({ blob: `${marker}${'x'.repeat(63_000)}` })));
      expect(Buffer.byteLength(JSON.stringify(payload))).toBeGreaterThan(1024 * 1024);
      const result = await dispatch(table, 'logs:save', payload);
      expectPlainFailure(result, ['BAD_REQUEST']);
      expect(messageOf(result)).toBe('The request is too large (over 1 MB).');
      expect(calls).toEqual([]);
    });

    it('lets a request just under 1 MB through the size cap, where the evidence bounds refuse it', async () => {
      const { calls, table } = recordingHandlers();
      const payload = saveWith(
        Array.from({ length: 10 }, () => check({ one: 'x'.repeat(50_000), two: 'y'.repeat(50_000) })),
      );
      const bytes = Buffer.byteLength(JSON.stringify(payload));
      expect(bytes).toBeLessThan(1024 * 1024);
      expect(bytes).toBeGreaterThan(1_000_000);
      const result = await dispatch(table, 'logs:save', payload);
      expect(messageOf(result)).toContain('media.0.evidence holds a text that is too long');
      expect(calls).toEqual([]);
    });

    it.each([
      ['nested too deeply', { a: { b: { c: { d: { e: { f: { g: 1 } } } } } } }, 'is nested too deeply'],
      ['with too many entries', { one: new Array(600).fill(1), two: new Array(600).fill(2) }, 'has too many entries'],
      ['with a long text', { reason: 'r'.repeat(2001) }, 'holds a text that is too long'],
      [
        'too large in total',
        Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, 'x'.repeat(1700)])),
        'is too large',
      ],
    ])('refuses evidence %s, naming the check but no value', async (_label, evidence, reason) => {
      const { calls, table } = recordingHandlers();
      const result = await dispatch(table, 'logs:save', saveWith([check({ ok: true }), check(evidence)]));
      expectPlainFailure(result, ['BAD_REQUEST']);
      expect(messageOf(result)).toContain(`media.1.evidence ${reason}`);
      expect(calls).toEqual([]);
    });

    it('accepts evidence of the size real checks produce', async () => {
      const { calls, table } = recordingHandlers();
      const devices = Array.from({ length: 120 }, (_, i) => ({ label: `Camera ${i}`, kind: 'videoinput' }));
      const measured = { width: 1280, height: 720, brightness: [0.41, 0.44, 0.43], nested: { a: { b: 1 } } };
      const result = await dispatch(table, 'logs:save', saveWith([check(measured), check({ devices })]));
      expect(result.ok).toBe(true);
      expect(calls).toHaveLength(1);
    });
  });

  it('names the unexpected field but never echoes a value', async () => {
    const { table } = recordingHandlers();
    const result = await dispatch(table, 'vault:setup', { passphrase: `secret-${marker}`, surplus: marker });
    expectPlainFailure(result, ['BAD_REQUEST']);
    expect(result.ok ? '' : result.error.message).toContain('surplus');
  });

  it('passes the parsed request, not the raw payload, to the handler', async () => {
    const { calls, table } = recordingHandlers();
    const result = await dispatch(table, 'logs:list', { client: '  AB-017  ', limit: 5 });
    expect(result.ok).toBe(true);
    expect(calls).toEqual([{ channel: 'logs:list', request: { client: 'AB-017', limit: 5 } }]);
  });

  it('hands client codes to the handler in NFC, and refuses one with a hidden character, naming no value', async () => {
    const { calls, table } = recordingHandlers();
    await dispatch(table, 'logs:erase-client', { client: ' Zoe\u0308-1 ', expectedCount: 1 });
    const valid = clone(samples['logs:save'].valid);
    await dispatch(table, 'logs:save', { ...valid, session: { ...valid.session, clientCode: 'Zoe\u0308-1' } });
    expect(calls.map((c) => c.request as { client?: string; session?: { clientCode: string } })).toMatchObject([
      { client: 'Zo\u00eb-1' },
      { session: { clientCode: 'Zo\u00eb-1' } },
    ]);
    for (const [channel, payload] of [
      ['logs:list', { client: `jane@x.org\u001b[2J${marker}` }],
      ['logs:erase-client', { client: `AB\u200b-017${marker}`, expectedCount: 1 }],
      [
        'logs:save',
        {
          ...clone(samples['logs:save'].valid),
          session: { ...clone(samples['logs:save'].valid.session), clientCode: `lee@x\u202e${marker}` },
        },
      ],
    ] as const) {
      const result = await dispatch(table, channel, payload);
      expectPlainFailure(result, ['BAD_REQUEST']);
      expect(result.ok ? '' : result.error.message).toMatch(/client(Code)? contains a hidden or control character/);
    }
    expect(calls).toHaveLength(2);
  });

  it('accepts an optional key that is present but undefined, as Electron IPC delivers it', async () => {
    // Structured clone keeps `{ force: undefined }`; JSON (the test host) drops it.
    const { calls, table } = recordingHandlers();
    const payload = { ids: ['p_abcdefgh12'], force: undefined, timeoutSec: undefined };
    const result = await dispatch(table, 'programs:close', payload);
    expect(result.ok).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it('leaves Object.prototype untouched by a __proto__ payload', async () => {
    const { table } = recordingHandlers();
    const payload = JSON.parse('{"__proto__": {"polluted": "yes"}, "patch": {"theme": "dark"}}') as unknown;
    await dispatch(table, 'settings:update', payload);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['an unknown name', 'nope:nothing'],
    ['an empty name', ''],
    ['a name in the wrong case', 'APP:INFO'],
    ['a name with a trailing space', 'app:info '],
    ['an event name', 'scan:result'],
    ['"__proto__"', '__proto__'],
    ['"constructor"', 'constructor'],
    ['"toString"', 'toString'],
    ['"hasOwnProperty"', 'hasOwnProperty'],
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an object', { channel: 'app:info' }],
    ['a symbol', Symbol('app:info')],
  ])('answers UNKNOWN_CHANNEL for %s without calling a handler', async (_label, channel) => {
    const { calls, table } = recordingHandlers();
    const result = await dispatch(table, channel, {});
    expectPlainFailure(result, ['UNKNOWN_CHANNEL']);
    expect(calls).toEqual([]);
  });

  describe('an unexpected error in a handler', () => {
    it.each([
      ['an Error', () => new Error(`disk exploded at /home/alice/${marker}`)],
      ['a TypeError', () => new TypeError(`cannot read ${marker}`)],
      [
        'an errno error',
        () => Object.assign(new Error(`EACCES: permission denied, open '${marker}'`), { code: 'EACCES' }),
      ],
      ['a string', () => `thrown text ${marker}`],
      ['an object that looks like an AppError', () => ({ code: 'LOCKED', message: marker })],
      ['undefined', () => undefined],
    ])('comes back as INTERNAL with a generic message when it is %s', async (_label, make) => {
      for (const channel of channelNames) {
        const result = await dispatch(throwingHandlers(make), channel, clone(samples[channel].valid));
        expectPlainFailure(result, ['INTERNAL']);
      }
    });

    it('is logged without its message', async () => {
      await dispatch(
        throwingHandlers(() => new Error(`client AB-017 ${marker}`)),
        'app:info',
        {},
      );
      expect(sink.entries.some((entry) => entry.level === 'error')).toBe(true);
      expect(logText(sink.entries)).not.toContain(marker);
    });
  });
});
