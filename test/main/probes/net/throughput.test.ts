import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { checkTestUrl, measureDownload, measureUpload } from '../../../../main/probes/net/throughput';
import { startHttpServer, type TestHttpServer } from '../helpers/local-servers';

const deps = { fetch: globalThis.fetch, now: () => performance.now() };
const options = { downloadMaxBytes: 1024 * 1024, downloadMaxMs: 1000, uploadBytes: 64 * 1024, uploadMaxMs: 800 };

describe('throughput', () => {
  let server: TestHttpServer;
  beforeAll(async () => {
    server = await startHttpServer();
  });
  afterAll(() => server.close());

  it('stops a download at the byte cap', async () => {
    const r = await measureDownload(new URL(`${server.origin}/file`), deps, options);
    expect(r).toMatchObject({ ok: true, capped: true });
    if (r.ok) expect(r.bytes).toBeGreaterThanOrEqual(options.downloadMaxBytes);
  });

  it('measures a slow download at about its real rate', async () => {
    const r = await measureDownload(new URL(`${server.origin}/slow-file`), deps, options);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.bitsPerSec).toBeGreaterThan(600_000);
      expect(r.bitsPerSec).toBeLessThan(1_500_000);
    }
  });

  it('uploads random bytes and times the round trip', async () => {
    const r = await measureUpload(new URL(`${server.origin}/upload`), deps, options);
    expect(r).toMatchObject({ ok: true, bytes: 64 * 1024 });
  });

  it('reports an upload that does not finish in time as slower than a bound', async () => {
    const r = await measureUpload(new URL(`${server.origin}/slow-upload`), deps, options);
    expect(r).toMatchObject({ ok: false, error: 'timeout' });
    if (!r.ok) expect(r.belowBitsPerSec).toBeCloseTo((64 * 1024 * 8 * 1000) / 800);
  });

  it('reports HTTP errors by status', async () => {
    expect(await measureDownload(new URL(`${server.origin}/missing`), deps, options)).toEqual({
      ok: false,
      error: 'HTTP 404',
    });
  });

  it('follows no redirect, in either direction: it could lead to an address never allowed', async () => {
    const down = await measureDownload(new URL(`${server.origin}/redirect`), deps, options);
    const up = await measureUpload(new URL(`${server.origin}/redirect`), deps, options);
    for (const r of [down, up]) expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/another address/) });
    expect(server.requests().slice(-2)).toEqual(['GET /redirect', 'POST /redirect']);
  });

  it('accepts https anywhere and http only to this computer', () => {
    expect(checkTestUrl('https://speed.example.org/5MB.bin').ok).toBe(true);
    expect(checkTestUrl('http://127.0.0.1:8080/file').ok).toBe(true);
    expect(checkTestUrl('http://speed.example.org/5MB.bin').ok).toBe(false);
    expect(checkTestUrl('ftp://x').ok).toBe(false);
    expect(checkTestUrl('not a url').ok).toBe(false);
  });
});
