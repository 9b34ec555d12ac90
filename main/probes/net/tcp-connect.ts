import { promises as dns } from 'node:dns';
import { connect } from 'node:net';

import type { LookupFn, TcpConnectFn } from './quality-sampler';

/** A real TCP connect to an IP address; the socket is closed as soon as it opens. */
export const tcpConnect: TcpConnectFn = (address, port, signal) =>
  new Promise((resolve) => {
    let settled = false;
    const socket = connect({ host: address, port });
    const done = (outcome: { ok: true } | { ok: false; error: string }) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(outcome);
    };
    socket.once('connect', () => done({ ok: true }));
    socket.once('error', (error: NodeJS.ErrnoException) => done({ ok: false, error: error.code ?? 'error' }));
    if (signal.aborted) done({ ok: false, error: 'aborted' });
    signal.addEventListener('abort', () => done({ ok: false, error: 'aborted' }), { once: true });
  });

/** System resolver (same as the video app would use), time-boxed because getaddrinfo cannot be cancelled. */
export const systemLookup: LookupFn = async (host, timeoutMs) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<{ ok: false; error: string }>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: 'timeout' }), timeoutMs);
  });
  const lookup = dns
    .lookup(host)
    .then((r) => ({ ok: true as const, address: r.address }))
    .catch((error: NodeJS.ErrnoException) => ({ ok: false as const, error: error.code ?? 'error' }));
  try {
    return await Promise.race([lookup, timeout]);
  } finally {
    clearTimeout(timer);
  }
};
