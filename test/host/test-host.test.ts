import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { contentSecurityPolicy } from '../../main/windows/csp';
import type { ProgramRow } from '../../shared/programs/program-types';
import { isAlive, StandInLab } from '../main/programs/stand-ins';
import { startTestHost, tokenHeader, type TestHost } from './test-host';

interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

let base: string;
let host: TestHost;
let origin: string;
const secret = 'SECRET-NEXT-TO-THE-RENDERER';

/** A raw HTTP request: the path is sent exactly as given (no URL normalisation by a client). */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** An IPC call as the page's bridge makes it: with this run's token (unless `headers` replaces it). */
const post = (channel: string, body: string, headers: Record<string, string> = {}) =>
  send(`/__readyroom/ipc/${channel}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', [tokenHeader]: host.token, ...headers },
  });

/** The first chunk of the event stream, or the refusal. */
function openEvents(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, headers }, (res) => {
      res.once('data', (chunk: Buffer) => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: chunk.toString('utf8') });
        res.destroy();
      });
    });
    req.on('error', reject);
    req.end();
  });
}
const eventsPath = () => `/__readyroom/events?token=${host.token}`;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'readyroom-host-'));
  const rendererDir = join(base, 'renderer');
  const dataDir = join(base, 'data');
  mkdirSync(rendererDir);
  mkdirSync(dataDir);
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html>\n<html>\n  <head>\n    <title>ReadyRoom</title>\n  </head>\n  <body><div id="root"></div></body>\n</html>\n',
  );
  writeFileSync(join(rendererDir, 'app.js'), 'export {};');
  writeFileSync(join(base, 'secret.txt'), secret);
  host = await startTestHost({ port: 0, dataDir, rendererDir, appVersion: '9.9.9-test' });
  origin = new URL(host.url).origin;
});

afterAll(async () => {
  await host.close();
  rmSync(base, { recursive: true, force: true });
});

describe('startTestHost', () => {
  it('listens on 127.0.0.1 on the port it was given (0: any free port)', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(new URL(host.url).port).not.toBe('0');
  });

  it('makes a random token for each run and hands it to the page only in the fragment', async () => {
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(host.pageUrl).toBe(`${host.url}#readyroom-token=${host.token}`);
    const other = await startTestHost({
      port: 0,
      dataDir: join(base, 'other-data'),
      rendererDir: join(base, 'renderer'),
    });
    try {
      expect(other.token).not.toBe(host.token);
    } finally {
      await other.close();
    }
    // Nothing the host serves without the token contains it.
    for (const path of ['/', '/__readyroom/bridge.js', '/app.js'])
      expect((await send(path)).body).not.toContain(host.token);
  });

  it('serves index.html with the bridge script injected first in <head>', async () => {
    const res = await send('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toMatch(/<head>\s*<script src="\/__readyroom\/bridge\.js"><\/script>\s*<title>/);
  });

  it('serves the bridge script, which defines window.readyroom', async () => {
    const res = await send('/__readyroom/bridge.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.body).toContain('readyroom');
  });

  it.each([
    ['the page', '/', 'GET'],
    ['a renderer file', '/app.js', 'GET'],
    ['the bridge script', '/__readyroom/bridge.js', 'GET'],
    ['a missing file', '/missing.css', 'GET'],
    ['a refused traversal', '/..%2fsecret.txt', 'GET'],
    ['an IPC answer', '/__readyroom/ipc/app:info', 'POST'],
    ['an IPC refusal for want of the token', '/__readyroom/ipc/app:info', 'POST'],
    ['a GET on an IPC channel', '/__readyroom/ipc/app:info', 'GET'],
  ])('sends the CSP header with %s', async (label, path, method) => {
    const headers: Record<string, string> = label === 'an IPC answer' ? { [tokenHeader]: host.token } : {};
    const res = await send(path, { method, body: method === 'POST' ? '{}' : undefined, headers });
    expect(res.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends the CSP header with a cross-origin refusal', async () => {
    const res = await send('/', { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(res.headers['content-security-policy']).toBe(contentSecurityPolicy);
  });

  it('sends the CSP header with the event stream', async () => {
    const { headers } = await openEvents(eventsPath());
    expect(headers['content-security-policy']).toBe(contentSecurityPolicy);
  });

  it.each(['/%E0%A4%A', '/__readyroom/ipc/%E0%A4%A', '//%zz/index.html'])(
    'answers the malformed path %s with a 4xx carrying the CSP',
    async (path) => {
      const res = await send(path, {
        method: path.includes('/ipc/') ? 'POST' : 'GET',
        body: path.includes('/ipc/') ? '{}' : undefined,
        headers: { [tokenHeader]: host.token },
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.headers['content-security-policy']).toBe(contentSecurityPolicy);
    },
  );

  it('answers app:info over POST with the real handler', async () => {
    const res = await post('app:info', '{}');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toEqual({
      ok: true,
      value: { name: 'ReadyRoom', version: '9.9.9-test', os: expect.anything() as unknown, testHost: true },
    });
  });

  it('treats an empty body as an empty request', async () => {
    expect(JSON.parse((await post('app:info', '')).body)).toMatchObject({ ok: true });
  });

  it('accepts a request that names its own origin', async () => {
    const res = await post('app:info', '{}', { origin });
    expect(JSON.parse(res.body)).toMatchObject({ ok: true });
  });

  it.each(['https://evil.example', 'http://localhost:1', 'null', `${origin}.evil.example`])(
    'refuses a request from the origin %s with 403',
    async (from) => {
      const res = await post('settings:update', JSON.stringify({ patch: { theme: 'dark' } }), { origin: from });
      expect(res.status).toBe(403);
      expect(JSON.parse((await post('settings:get', '{}')).body)).toMatchObject({
        ok: true,
        value: { theme: 'system' },
      });
    },
  );

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/x/..%2f..%2fsecret.txt',
  ])('refuses the traversal %s', async (path) => {
    const res = await send(path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain(secret);
  });

  it('answers invalid JSON with BAD_REQUEST', async () => {
    const res = await post('app:info', '{"not json');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.any(String) as unknown },
    });
  });

  it('validates payloads like the app does', async () => {
    const res = await post('settings:update', JSON.stringify({ patch: { theme: 'neon' } }));
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('refuses a __proto__ key sent as JSON', async () => {
    const res = await post('settings:update', '{"__proto__": {"polluted": 1}, "patch": {"theme": "dark"}}');
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('answers a channel outside the contract with UNKNOWN_CHANNEL', async () => {
    const res = await post('nope%3Anothing', '{}');
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('answers GET on an IPC channel with 405', async () => {
    expect((await send('/__readyroom/ipc/app:info')).status).toBe(405);
  });

  it('keeps settings across requests in the data folder', async () => {
    await post('settings:update', JSON.stringify({ patch: { idleLockMinutes: 20 } }));
    const res = await post('settings:get', '{}');
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { idleLockMinutes: 20 } });
  });

  it('answers an oversized body with an IPC error, as Electron would, instead of dropping the connection', async () => {
    const body = JSON.stringify({ patch: { otherPlatformHost: 'a'.repeat(2 * 1024 * 1024) } });
    const res = await post('settings:update', body).catch((error: unknown) => ({
      status: 0,
      headers: {},
      body: String(error),
    }));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it("refuses a request over about 1 MB with the dispatcher's plain message, and accepts one just under", async () => {
    const wide = (count: number) => ({
      patch: { programs: { alwaysSuggest: Array.from({ length: count }, () => 'p'.repeat(60_000)), neverSuggest: [] } },
    });
    const over = JSON.stringify(wide(18));
    expect(Buffer.byteLength(over)).toBeGreaterThan(1024 * 1024);
    expect(JSON.parse((await post('settings:update', over)).body)).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'The request is too large (over 1 MB).' },
    });
    // Just under the cap the request reaches validation, which names the field.
    const under = await post('settings:update', JSON.stringify(wide(17)));
    expect(JSON.parse(under.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect((JSON.parse(under.body) as { error: { message: string } }).error.message).toContain('patch.programs');
  });

  it('opens the event stream as server-sent events', async () => {
    const { headers, body: first } = await openEvents(eventsPath());
    expect(headers['content-type']).toBe('text/event-stream');
    expect(first).toBe(': connected\n\n');
    // TestHost exposes no way to emit an event from outside (see the report): the stream's content is untested.
  });
});

describe('test host access control', () => {
  const port = () => new URL(origin).port;
  const themeNow = async () =>
    (JSON.parse((await post('settings:get', '{}')).body) as { value: { theme: string } }).value.theme;

  it.each([
    ['no token', {}],
    ['an empty token', { [tokenHeader]: '' }],
    ['a wrong token of the right length', { [tokenHeader]: 'A'.repeat(43) }],
    ['a prefix of the token', { [tokenHeader]: 'x' }],
    ['the token as a query parameter instead of the header', {}],
  ])('refuses an IPC call with %s, before it reaches a service', async (label, headers) => {
    const before = await themeNow();
    const suffix = label.startsWith('the token as a query') ? `?token=${host.token}` : '';
    const res = await send(`/__readyroom/ipc/settings:update${suffix}`, {
      method: 'POST',
      body: JSON.stringify({ patch: { theme: before === 'dark' ? 'light' : 'dark' } }),
      headers: { 'content-type': 'application/json', ...headers },
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'This request did not come from the ReadyRoom page.' },
    });
    expect(await themeNow()).toBe(before);
  });

  it.each(['/__readyroom/events', '/__readyroom/events?token=', '/__readyroom/events?token=wrong'])(
    'refuses the event stream at %s',
    async (path) => {
      const res = await openEvents(path);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).not.toBe('text/event-stream');
    },
  );

  it.each([
    ['a rebound web name', (p: string) => `attacker.example:${p}`],
    ['a rebound name without a port', () => 'attacker.example'],
    ['our address on another port', () => '127.0.0.1:1'],
    ['localhost without the port', () => 'localhost'],
    ['the IPv6 loopback', (p: string) => `[::1]:${p}`],
  ])('refuses every request addressed to %s, even with the token', async (_label, hostFor) => {
    const host_ = hostFor(port());
    const page = await send('/', { headers: { host: host_ } });
    expect(page.status).toBe(403);
    const ipc = await post('settings:update', JSON.stringify({ patch: { theme: 'dark' } }), { host: host_ });
    expect(ipc.status).toBe(403);
    const events = await openEvents(eventsPath(), { host: host_ });
    expect(events.status).toBe(403);
  });

  it('accepts localhost:<port> as well as 127.0.0.1:<port>', async () => {
    const res = await post('app:info', '{}', { host: `localhost:${port()}`, origin: `http://localhost:${port()}` });
    expect(JSON.parse(res.body)).toMatchObject({ ok: true });
  });

  describe('closing programs', () => {
    const lab = new StandInLab();
    afterAll(async () => {
      await lab.cleanup();
    });

    it.skipIf(process.platform !== 'linux')(
      'closes no program for a caller without the token or with a wrong Host, and does for the page',
      async () => {
        const name = lab.nameFor('rrcalm');
        const calm = await lab.start(name, 'calm');
        await post(
          'settings:update',
          JSON.stringify({ patch: { programs: { alwaysSuggest: [name], neverSuggest: [] } } }),
        );
        const listed = JSON.parse((await post('programs:list', '{}')).body) as { value: { programs: ProgramRow[] } };
        const row = listed.value.programs.find((p) => p.name === name);
        expect(row?.pids).toEqual([calm.pid]);
        const close = JSON.stringify({ ids: [row?.id], force: true, timeoutSec: 1 });

        const outsiders = [
          send('/__readyroom/ipc/programs:close', { method: 'POST', body: close }),
          send('/__readyroom/ipc/programs:close', { method: 'POST', body: close, headers: { [tokenHeader]: 'guess' } }),
          post('programs:close', close, { host: `rebound.example:${port()}` }),
          post('programs:close', close, { origin: 'https://attacker.example' }),
        ];
        for (const res of await Promise.all(outsiders)) expect(res.status).toBe(403);
        expect(isAlive(calm.pid)).toBe(true);
        expect(JSON.parse((await post('programs:closed', '{}')).body)).toEqual({ ok: true, value: { programs: [] } });

        // The same request from the page does close it: the refusals above were the guard, not a bad request.
        const res = await post('programs:close', close);
        expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { results: [{ name, outcome: 'closed' }] } });
        expect(await calm.exited).toMatchObject({ code: 0 });
      },
    );
  });
});
