import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, normalize, relative, sep } from 'node:path';

import type { Protocol } from 'electron';

import { createLogger } from '../logging/logger';
import { appHost, appScheme } from '../ipc/sender-check';
import { securityHeaders } from './csp';

const log = createLogger('protocol');

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
};

/**
 * Maps an app:// URL to a file inside `rootDir`, or null when it points anywhere else
 * (another host, `..`, encoded traversal, absolute paths, NUL bytes).
 */
export function resolveAppPath(requestUrl: string, rootDir: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const wanted = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = normalize(rootDir);
  const candidate = normalize(join(root, wanted));
  const rel = relative(root, candidate);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return null;
  return candidate;
}

/** Serves one request from the renderer bundle, with the CSP and other security headers. */
export async function serveAppRequest(
  requestUrl: string,
  rootDir: string,
  read: (path: string) => Promise<Uint8Array> = readFile,
): Promise<Response> {
  const path = resolveAppPath(requestUrl, rootDir);
  if (!path) {
    log.warn('refused an app:// request outside the bundle');
    return new Response('Not found', { status: 404, headers: { ...securityHeaders, 'content-type': 'text/plain' } });
  }
  try {
    const body = await read(path);
    const type = mimeTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
    return new Response(new Uint8Array(body), { status: 200, headers: { ...securityHeaders, 'content-type': type } });
  } catch {
    return new Response('Not found', { status: 404, headers: { ...securityHeaders, 'content-type': 'text/plain' } });
  }
}

/** Must run before app `ready`: app:// behaves like a secure, standard origin. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(appScheme, (request) => serveAppRequest(request.url, rootDir));
}
