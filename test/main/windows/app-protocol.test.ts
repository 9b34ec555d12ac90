import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  handleAppProtocol,
  registerAppScheme,
  resolveAppPath,
  serveAppRequest,
} from '../../../main/windows/app-protocol';
import { contentSecurityPolicy } from '../../../main/windows/csp';
import { FakeProtocol } from '../../fakes/fake-electron';

let base: string;
let root: string;
const secret = 'SECRET-OUTSIDE-THE-BUNDLE';

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'readyroom-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>ReadyRoom</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log("hi");');
  writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(join(root, 'assets', 'data.bin'), Buffer.from([0, 1, 2]));
  writeFileSync(join(base, 'secret.txt'), secret);
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

describe('resolveAppPath', () => {
  it('maps app://bundle/ and app://bundle/index.html to index.html', () => {
    expect(resolveAppPath('app://bundle/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://bundle', root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://bundle/index.html', root)).toBe(join(root, 'index.html'));
  });

  it('maps a nested file and ignores the query and fragment', () => {
    expect(resolveAppPath('app://bundle/assets/app.js?v=2#x', root)).toBe(join(root, 'assets', 'app.js'));
  });

  it.each([
    ['app://../', 'the host ".."'],
    ['app://../etc/passwd', 'the host ".." with a path'],
    ['app://bundle/..%2f..%2fsecret.txt', 'encoded slashes'],
    ['app://bundle/%2e%2e%2f%2e%2e%2fetc%2fpasswd', 'fully encoded ../'],
    ['app://bundle/%2E%2E%2Fsecret.txt', 'upper-case encoding'],
    ['app://bundle/..%5csecret.txt', 'an encoded backslash'],
    ['app://bundle/..\\secret.txt', 'a backslash'],
    ['app://bundle/assets\\app.js', 'a backslash inside the bundle'],
    ['app://bundle/index.html%00.png', 'an encoded NUL'],
    ['app://bundle/%E0%A4%A', 'a broken percent encoding'],
    ['app://bundle//', 'the root folder itself'],
    ['app://other/index.html', 'another host'],
    ['app://bundle.evil/index.html', 'a look-alike host'],
    ['app://bundle:99/index.html', 'a port'],
    ['file:///etc/passwd', 'a file URL'],
    ['http://bundle/index.html', 'http'],
    ['https://bundle/index.html', 'https'],
    ['not a url', 'text'],
  ])('refuses %s (%s)', (url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });

  it.each([
    'app://bundle/../../etc/passwd',
    'app://bundle/%2e%2e/%2e%2e/secret.txt',
    'app://bundle/./../secret.txt',
    'app://bundle//etc/passwd',
    'app://bundle/assets/../../secret.txt',
    'app://bundle/%2fetc%2fpasswd',
  ])('never resolves %s to a path outside the bundle', (url) => {
    const resolved = resolveAppPath(url, root);
    if (resolved !== null) expect(resolved.startsWith(`${root}${sep}`)).toBe(true);
  });
});

describe('serveAppRequest', () => {
  it.each([
    ['app://bundle/', 'text/html; charset=utf-8', '<!doctype html><title>ReadyRoom</title>'],
    ['app://bundle/assets/app.js', 'text/javascript; charset=utf-8', 'console.log("hi");'],
    ['app://bundle/assets/app.css', 'text/css; charset=utf-8', 'body{}'],
    ['app://bundle/assets/logo.svg', 'image/svg+xml', '<svg/>'],
  ])('serves %s with the CSP and content type %s', async (url, type, body) => {
    const response = await serveAppRequest(url, root);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(body);
  });

  it('serves an unknown extension as octet-stream', async () => {
    const response = await serveAppRequest('app://bundle/assets/data.bin', root);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([0, 1, 2]));
  });

  it('answers 404 with the CSP for a missing file', async () => {
    const response = await serveAppRequest('app://bundle/missing.js', root);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });

  it.each([
    'app://bundle/..%2fsecret.txt',
    'app://bundle/../secret.txt',
    'app://other/secret.txt',
    'app://../secret.txt',
  ])('answers 404 with the CSP and never reads a file outside the bundle for %s', async (url) => {
    const read: string[] = [];
    const response = await serveAppRequest(url, root, (path) => {
      read.push(path);
      return readFile(path);
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await response.text()).not.toContain(secret);
    for (const path of read) expect(path.startsWith(`${root}${sep}`)).toBe(true);
  });
});

describe('registerAppScheme', () => {
  it('registers app:// as a standard, secure scheme that supports fetch', () => {
    const protocol = new FakeProtocol();
    registerAppScheme(protocol);
    expect(protocol.privileged).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) as unknown,
      },
    ]);
    expect(protocol.privileged[0]?.privileges).not.toHaveProperty('bypassCSP', true);
    expect(protocol.privileged[0]?.privileges).not.toHaveProperty('corsEnabled', true);
  });
});

describe('handleAppProtocol', () => {
  it('serves the bundle folder through the app scheme', async () => {
    const protocol = new FakeProtocol();
    handleAppProtocol(protocol, root);
    expect([...protocol.handlers.keys()]).toEqual(['app']);
    const ok = await protocol.fetch('app://bundle/index.html');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    const refused = await protocol.fetch('app://bundle/..%2fsecret.txt');
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain(secret);
  });
});
