import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { basename, extname, join, normalize, relative, sep, isAbsolute } from 'node:path';

import { build } from 'esbuild';

import { createServiceGraph, type ServiceGraph, type ServiceGraphOptions } from '../../main/composition/service-graph';
import { dispatch } from '../../main/ipc/dispatch';
import { createLinuxLoginItem } from '../../main/login-item/linux';
import type { EventSink } from '../../main/ipc/handler-types';
import type { ExportDialogPort } from '../../main/ipc/handlers/log-export.handlers';
import { maxRequestBytes } from '../../main/ipc/payload-guard';
import { runCommand } from '../../main/platform/exec';
import { confStoreFactory } from '../../main/store/store-factory';
import { securityHeaders } from '../../main/windows/csp';

export interface TestHostOptions {
  readonly port: number;
  readonly dataDir: string;
  /** The built renderer (electron-vite build → out/renderer). */
  readonly rendererDir?: string;
  readonly appVersion?: string;
  readonly probeNetwork?: ServiceGraphOptions['probeNetwork'];
  /**
   * A stand-in for the system's save dialog: exports are saved in this folder under the name
   * main suggests, as if the user had pressed Save. Without it, exports answer UNAVAILABLE.
   */
  readonly exportDir?: string;
}

export interface TestHost {
  /** The origin, with a trailing slash. */
  readonly url: string;
  /** The page to open: `url` with the run's token in the fragment, which is never sent to a server. */
  readonly pageUrl: string;
  /** This run's secret: every IPC request must carry it (header `x-readyroom-token`), and the event stream (`?token=`). */
  readonly token: string;
  readonly graph: ServiceGraph;
  /** Pushes an event to every connected page, as main's webContents.send does. */
  readonly events: EventSink;
  close(): Promise<void>;
}

const root = join(import.meta.dirname, '../..');

/** Answers the save dialog with a file in `dir`, named as main suggested. */
function saveDialogStandIn(dir: string): ExportDialogPort {
  return { chooseExportDestination: (suggestedName) => Promise.resolve(join(dir, basename(suggestedName))) };
}
/** The dispatcher refuses requests over about 1 MB with a clear message; this only bounds memory. */
const maxBody = 2 * maxRequestBytes;
export const tokenHeader = 'x-readyroom-token';
/** The fragment key the injected bridge reads its token from. */
export const tokenFragmentKey = 'readyroom-token';
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wav': 'audio/wav',
};

/**
 * A Node process that serves the built renderer and answers the IPC contract over HTTP with
 * the same handler table the Electron main process registers: real services, real validation.
 * Test-only; never shipped.
 *
 * Any local process can reach a port on 127.0.0.1, and so can any web page through DNS
 * rebinding, yet this host can close programs and read the vault. So every request must name
 * this host in its Host header (a rebound name does not), and every IPC call and the event
 * stream must carry a random per-run token. The token reaches the page only in the fragment of
 * `pageUrl`, which browsers never send; the static files it guards nothing in are public build output.
 */
export async function startTestHost(options: TestHostOptions): Promise<TestHost> {
  const rendererDir = options.rendererDir ?? join(root, 'out/renderer');
  const clients = new Set<ServerResponse>();
  const events: EventSink = {
    emit(event, payload) {
      const line = `data: ${JSON.stringify({ event, payload })}\n\n`;
      for (const client of clients) client.write(line);
    },
  };
  const graph = createServiceGraph({
    dataDir: options.dataDir,
    platform: process.platform,
    appVersion: options.appVersion ?? '0.0.0-test',
    exec: runCommand,
    storeFactory: confStoreFactory,
    events,
    testHost: true,
    probeNetwork: options.probeNetwork,
    ...(options.exportDir ? { exportDialogs: saveDialogStandIn(options.exportDir) } : {}),
    // The real Linux autostart file, kept inside the data folder so a test never touches the user's own.
    loginItem: createLinuxLoginItem({
      command: '/usr/bin/readyroom',
      env: { XDG_CONFIG_HOME: join(options.dataDir, 'xdg-config') },
    }),
  });
  const bridgeScript = await bundleBridge();
  const token = randomBytes(32).toString('base64url');
  let origin = '';
  let allowedHosts: ReadonlySet<string> = new Set();

  const hasToken = (presented: unknown): boolean => {
    if (typeof presented !== 'string') return false;
    const given = Buffer.from(presented);
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  const server: Server = createServer((req, res) => {
    void route(req, res).catch(() => {
      if (res.headersSent) res.end();
      else send(res, 400, 'text/plain', 'Bad request');
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      return void send(res, 400, 'text/plain', 'Bad request');
    }
    // A page on another site whose name was rebound to 127.0.0.1 still sends its own name as Host.
    if (!allowedHosts.has(req.headers.host ?? '')) return void send(res, 403, 'text/plain', 'Forbidden');
    // Like the app's sender check: only pages from this host may call it (no cross-site requests).
    if (req.headers.origin && !allowedHosts.has(req.headers.origin.replace(/^http:\/\//, '')))
      return void send(res, 403, 'text/plain', 'Forbidden');
    if (url.pathname === '/__readyroom/bridge.js') return void send(res, 200, types['.js'], bridgeScript);
    if (url.pathname === '/__readyroom/events') {
      if (!hasToken(url.searchParams.get('token'))) return void send(res, 403, 'text/plain', 'Forbidden');
      res.writeHead(200, {
        ...securityHeaders,
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (url.pathname.startsWith('/__readyroom/ipc/')) {
      if (req.method !== 'POST') return void send(res, 405, 'text/plain', 'Method not allowed');
      // Refused before the body is read, so an outsider cannot even make the host buffer a request.
      if (!hasToken(req.headers[tokenHeader])) {
        res.setHeader('connection', 'close');
        return void sendJson(
          res,
          { ok: false, error: { code: 'FORBIDDEN', message: 'This request did not come from the ReadyRoom page.' } },
          403,
        );
      }
      let channel: string;
      try {
        channel = decodeURIComponent(url.pathname.slice('/__readyroom/ipc/'.length));
      } catch {
        return void sendJson(
          res,
          {
            ok: false,
            error: { code: 'UNKNOWN_CHANNEL', message: 'That request is not part of ReadyRoom.' },
          },
          400,
        );
      }
      const body = await readBody(req);
      if (body === null) {
        return void sendJson(res, { ok: false, error: { code: 'BAD_REQUEST', message: 'The request was too large.' } });
      }
      let payload: unknown;
      try {
        payload = body.length === 0 ? {} : JSON.parse(body);
      } catch {
        return void sendJson(res, {
          ok: false,
          error: { code: 'BAD_REQUEST', message: 'The request was not valid JSON.' },
        });
      }
      return void sendJson(res, await dispatch(graph.handlers, channel, payload));
    }
    return serveStatic(url.pathname, res);
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    let wanted: string;
    try {
      wanted = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    } catch {
      return void send(res, 400, 'text/plain', 'Bad request');
    }
    const file = normalize(join(rendererDir, wanted));
    const rel = relative(rendererDir, file);
    if (rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel))
      return void send(res, 404, 'text/plain', 'Not found');
    try {
      let body: Buffer | string = await readFile(file);
      if (wanted === 'index.html') {
        // A classic script runs before the deferred module script, so the bridge exists first.
        body = body.toString('utf8').replace('<head>', '<head>\n    <script src="/__readyroom/bridge.js"></script>');
      }
      send(res, 200, types[extname(file)] ?? 'application/octet-stream', body);
    } catch {
      send(res, 404, 'text/plain', 'Not found');
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    url: `${origin}/`,
    pageUrl: `${origin}/#${tokenFragmentKey}=${token}`,
    token,
    graph,
    events,
    async close() {
      for (const client of clients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await graph.dispose();
    },
  };
}

function send(res: ServerResponse, status: number, type: string | undefined, body: string | Buffer): void {
  res.writeHead(status, { ...securityHeaders, 'content-type': type ?? 'text/plain', 'cache-control': 'no-store' });
  res.end(body);
}

function sendJson(res: ServerResponse, value: unknown, status = 200): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

/** Reads the body; null when it is over the limit (the rest is drained, so the client gets an answer). */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBody) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > maxBody ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function bundleBridge(): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'bridge-client.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}
