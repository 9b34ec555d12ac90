import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it, vi } from 'vitest';

import {
  createLogger,
  createMemorySink,
  createStderrSink,
  describeError,
  redact,
  setLogSink,
} from '../../../main/logging/logger';

const home = homedir();
const user = userInfo().username;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('redact', () => {
  it('replaces the home folder with ~', () => {
    const text = `could not open ${join(home, 'Documents', 'notes.txt')}`;
    expect(redact(text)).toBe(`could not open ${join('~', 'Documents', 'notes.txt')}`);
    expect(redact(text)).not.toContain(home);
  });

  it('replaces every occurrence of the home folder', () => {
    expect(redact(`${home}/a and ${home}/b`)).toBe('~/a and ~/b');
  });

  it.skipIf(user.length <= 2)('replaces the user name as a whole word', () => {
    expect(redact(`signed in as ${user} today`)).toBe('signed in as <user> today');
    expect(redact(`${user}.`)).toBe('<user>.');
  });

  it.skipIf(user.length <= 2)('leaves words that only contain the user name', () => {
    expect(redact(`x${user}x`)).toBe(`x${user}x`);
  });

  it('leaves other text alone', () => {
    expect(redact('connection timed out after 3 s')).toBe('connection timed out after 3 s');
  });
});

describe('createLogger', () => {
  it('writes scope, level, time and message to its sink', () => {
    const sink = createMemorySink();
    createLogger('vault', sink).info('unlocked');
    expect(sink.entries).toEqual([
      { time: expect.any(String) as unknown, level: 'info', scope: 'vault', message: 'unlocked' },
    ]);
    expect(Number.isNaN(Date.parse(sink.entries[0]?.time ?? ''))).toBe(false);
  });

  it('redacts the home folder and user name in the message and string fields, and keeps other fields', () => {
    const sink = createMemorySink();
    createLogger('store', sink).warn(`moved ${home}/x aside`, {
      path: `${home}/data/settings.json`,
      who: user,
      count: 3,
      ok: false,
    });
    const entry = sink.entries[0];
    expect(entry?.message).toBe('moved ~/x aside');
    expect(entry?.fields?.path).toBe('~/data/settings.json');
    if (user.length > 2) expect(entry?.fields?.who).toBe('<user>');
    expect(entry?.fields?.count).toBe(3);
    expect(entry?.fields?.ok).toBe(false);
    expect(JSON.stringify(sink.entries)).not.toContain(home);
  });

  it('names a child logger after its parent', () => {
    const sink = createMemorySink();
    createLogger('probes', sink).child('wifi').debug('sampled');
    expect(sink.entries[0]?.scope).toBe('probes:wifi');
  });

  it('writes to the global sink when none is given', () => {
    const sink = createMemorySink();
    setLogSink(sink);
    createLogger('ipc').error('refused');
    expect(sink.entries.map((entry) => entry.message)).toEqual(['refused']);
  });
});

describe('createStderrSink', () => {
  it('writes one JSON line per entry from its minimum level up', () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const log = createLogger('cli', createStderrSink('warn'));
    log.debug('a');
    log.info('b');
    log.warn('c');
    log.error('d');
    expect(lines.map((line) => (JSON.parse(line) as { message: string }).message)).toEqual(['c', 'd']);
    expect(lines.every((line) => line.endsWith('\n') && line.indexOf('\n') === line.length - 1)).toBe(true);
  });
});

describe('describeError', () => {
  it('gives the class and code on one line without the stack', () => {
    const error = Object.assign(new Error('permission denied'), { code: 'EACCES' });
    error.stack = 'Error: permission denied\n    at secretFunction (/srv/STACK-MARKER.js:1:1)';
    const text = describeError(error);
    expect(text).toMatch(/^Error EACCES\b/);
    expect(text).not.toContain('STACK-MARKER');
    expect(text).not.toContain('\n');
  });

  it('redacts the home folder in the message', () => {
    expect(describeError(new Error(`ENOENT: no such file, open '${home}/x.json'`))).not.toContain(home);
  });

  it('caps the length', () => {
    expect(describeError(new Error('x'.repeat(10_000))).length).toBeLessThanOrEqual(300);
  });

  it.each([
    ['a string', 'secret text', 'string'],
    ['an object', { message: 'secret' }, 'object'],
    ['undefined', undefined, 'undefined'],
    ['a number', 42, 'number'],
  ])('gives only the type of %s that is not an Error', (_label, value, expected) => {
    expect(describeError(value)).toBe(expected);
  });
});
