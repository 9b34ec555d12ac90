import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server as HttpServer,
  type ServerResponse,
} from 'node:http';
import { createServer, type AddressInfo, type Server } from 'node:net';

import { tcpConnect } from '../../../../main/probes/net/tcp-connect';
import type { TcpConnectFn } from '../../../../main/probes/net/quality-sampler';

/** A real TCP server on 127.0.0.1 that accepts and closes each connection. */
export async function startTcpServer(): Promise<{
  port: number;
  connections: () => number;
  close: () => Promise<void>;
}> {
  let count = 0;
  const server: Server = createServer((socket) => {
    count += 1;
    socket.on('error', () => undefined);
    socket.destroy();
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, connections: () => count, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A port on 127.0.0.1 that nothing listens on (connections are refused). */
export async function closedPort(): Promise<number> {
  const s = await startTcpServer();
  await s.close();
  return s.port;
}

/**
 * The network between the probe and the test server: adds a delay (plus jitter) before each real
 * connection and can drop attempts (they never answer). Without root or netem the kernel's handshake
 * cannot be slowed, so the impairment sits in front of the real connect.
 */
export function impairedNetwork(options: {
  delayMs?: (attempt: number) => number;
  drop?: (attempt: number) => boolean;
}): TcpConnectFn & {
  attempts: () => number;
} {
  let attempt = 0;
  const fn = (async (address, port, signal) => {
    const n = attempt;
    attempt += 1;
    if (options.drop?.(n)) {
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      return { ok: false, error: 'aborted' };
    }
    const delay = options.delayMs?.(n) ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    return tcpConnect(address, port, signal);
  }) as TcpConnectFn & { attempts: () => number };
  fn.attempts = () => attempt;
  return fn;
}

export interface TestHttpServer {
  readonly origin: string;
  readonly requests: () => readonly string[];
  close(): Promise<void>;
}

/** A local HTTP server for speed tests: /file (fast), /slow-file (about 1 Mbit/s), /upload, /slow-upload, anything else 404. */
export async function startHttpServer(): Promise<TestHttpServer> {
  const requests: string[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const server: HttpServer = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push(`${req.method} ${req.url}`);
    res.on('error', () => undefined);
    if (req.url === '/file') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.alloc(2 * 1024 * 1024, 7));
      return;
    }
    if (req.url === '/slow-file') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      // 25 KB every 200 ms ≈ 1 Mbit/s.
      const tick = () => {
        if (res.destroyed) return;
        res.write(Buffer.alloc(25_000, 1));
        const t = setTimeout(tick, 200);
        timers.add(t);
      };
      tick();
      return;
    }
    if (req.url === '/redirect') {
      req.resume();
      res.writeHead(307, { location: '/file' }).end();
      return;
    }
    if (req.url === '/upload' || req.url === '/slow-upload') {
      req.resume();
      req.on('end', () => {
        if (req.url === '/upload') res.end('ok');
        else timers.add(setTimeout(() => res.end('late'), 5000));
      });
      return;
    }
    res.writeHead(404).end();
  });
  server.on('clientError', (_e, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests: () => requests,
    close: () =>
      new Promise((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
