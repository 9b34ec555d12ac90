import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createConnectionThroughputProbe, gradeRate } from '../../../main/probes/connection-throughput.probe';
import { defaultSettings, type Settings } from '../../../shared/settings/settings';
import { probeContext } from './helpers/probe-test-kit';
import { startHttpServer, type TestHttpServer } from './helpers/local-servers';

const options = { downloadMaxBytes: 1024 * 1024, downloadMaxMs: 1000, uploadBytes: 64 * 1024, uploadMaxMs: 800 };
const withThroughput = (t: Partial<Settings['throughput']>): Settings => ({
  ...defaultSettings,
  throughput: { ...defaultSettings.throughput, enabled: true, ...t },
});

describe('connection.throughput against a local HTTP server', () => {
  let server: TestHttpServer;
  beforeAll(async () => {
    server = await startHttpServer();
  });
  afterAll(() => server.close());

  const run = (settings: Settings) => createConnectionThroughputProbe(options).run(probeContext({ settings }));

  it('is skipped when off, without any request', async () => {
    const before = server.requests().length;
    const r = await run({
      ...defaultSettings,
      throughput: { enabled: false, downloadUrl: `${server.origin}/file`, uploadUrl: '' },
    });
    expect(r.status).toBe('skipped');
    expect(server.requests().length).toBe(before);
  });

  it('is skipped when on without an address', async () => {
    expect((await run(withThroughput({ downloadUrl: '' }))).status).toBe('skipped');
  });

  it('passes on a fast local line, both ways', async () => {
    const r = await run(withThroughput({ downloadUrl: `${server.origin}/file`, uploadUrl: `${server.origin}/upload` }));
    expect(r.status).toBe('pass');
    expect(r.evidence).toMatchObject({
      download: { ok: true },
      upload: { ok: true },
      downloadHost: expect.stringMatching(/^127\.0\.0\.1:/),
    });
  });

  it('warns at about 1 Mbit/s down', async () => {
    const r = await run(withThroughput({ downloadUrl: `${server.origin}/slow-file` }));
    expect(r.status).toBe('warn');
    expect(r.summary).toContain('upload not tested');
  });

  it('fails when the upload cannot finish in time', async () => {
    const r = await run(
      withThroughput({ downloadUrl: `${server.origin}/file`, uploadUrl: `${server.origin}/slow-upload` }),
    );
    expect(r.status).toBe('fail');
    expect(r.summary).toMatch(/upload slower than/);
  });

  it('is unknown, never a pass, when the upload test fails on a fast line', async () => {
    const r = await run(
      withThroughput({ downloadUrl: `${server.origin}/file`, uploadUrl: `${server.origin}/missing` }),
    );
    expect(r.status).toBe('unknown');
    expect(r.summary).toMatch(/upload test to 127\.0\.0\.1:\d+ failed \(HTTP 404\)/);
    expect(r.evidence).toMatchObject({ download: { ok: true }, upload: { ok: false, error: 'HTTP 404' } });
  });

  it('still fails a download too slow for video when the upload test also fails', async () => {
    let t = 0;
    const fakeFetch = (async (_url: unknown, init?: RequestInit) => {
      if (init?.method === 'POST') throw new TypeError('fetch failed');
      return new Response(new Uint8Array(10_000));
    }) as typeof fetch;
    const r = await createConnectionThroughputProbe(options).run(
      probeContext({
        settings: withThroughput({
          downloadUrl: 'https://speed.example.org/file',
          uploadUrl: 'https://speed.example.org/upload',
        }),
        // Each clock reading is half a second later: 10 kB over 1.5 s is far below 0.75 Mbit/s.
        throughput: { fetch: fakeFetch, now: () => (t += 500) },
      }),
    );
    expect(r.status).toBe('fail');
    expect(r.summary).toContain('the upload test failed');
  });

  it('is unknown when the download fails, and refuses plain http to other computers', async () => {
    expect((await run(withThroughput({ downloadUrl: `${server.origin}/missing` }))).status).toBe('unknown');
    const before = server.requests().length;
    expect((await run(withThroughput({ downloadUrl: 'http://speed.example.org/file' }))).status).toBe('unknown');
    expect(server.requests().length).toBe(before);
  });

  it('waits until the busy check has sampled the line', async () => {
    let release: () => void = () => undefined;
    const quiet = new Promise<void>((resolve) => {
      release = resolve;
    });
    const pending = createConnectionThroughputProbe(options).run(
      probeContext({ settings: withThroughput({ downloadUrl: `${server.origin}/file` }), networkQuiet: quiet }),
    );
    await new Promise((r) => setTimeout(r, 50));
    const requestsBefore = server.requests().length;
    release();
    await pending;
    expect(server.requests().length).toBe(requestsBefore + 1);
  });

  it('grades 1.5 Mbit/s and up as pass, from 0.75 as warn, below as fail', () => {
    expect([2_000_000, 1_500_000, 1_000_000, 750_000, 500_000].map(gradeRate)).toEqual([
      'pass',
      'pass',
      'warn',
      'warn',
      'fail',
    ]);
  });
});
