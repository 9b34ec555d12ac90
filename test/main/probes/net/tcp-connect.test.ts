import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { systemLookup, tcpConnect } from '../../../../main/probes/net/tcp-connect';
import { closedPort, startTcpServer } from '../helpers/local-servers';

describe('tcpConnect', () => {
  let server: Awaited<ReturnType<typeof startTcpServer>>;
  beforeAll(async () => {
    server = await startTcpServer();
  });
  afterAll(() => server.close());

  it('opens and closes a real connection', async () => {
    expect(await tcpConnect('127.0.0.1', server.port, new AbortController().signal)).toEqual({ ok: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(server.connections()).toBeGreaterThanOrEqual(1);
  });

  it('reports a refused connection by its error code', async () => {
    expect(await tcpConnect('127.0.0.1', await closedPort(), new AbortController().signal)).toEqual({
      ok: false,
      error: 'ECONNREFUSED',
    });
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await tcpConnect('127.0.0.1', server.port, controller.signal)).toEqual({ ok: false, error: 'aborted' });
  });
});

describe('systemLookup', () => {
  it('resolves localhost through the system resolver', async () => {
    const r = await systemLookup('localhost', 2000);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.address).toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});
