import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  createConnectionQualityProbe,
  gradeJitter,
  gradeLoss,
  gradeRtt,
  qualityTarget,
} from '../../../main/probes/connection-quality.probe';
import { defaultQualityOptions, type TcpConnectFn } from '../../../main/probes/net/quality-sampler';
import { tcpConnect } from '../../../main/probes/net/tcp-connect';
import { defaultSettings } from '../../../shared/settings/settings';
import { probeContext } from './helpers/probe-test-kit';
import { closedPort, impairedNetwork, startTcpServer } from './helpers/local-servers';

const quick = { samples: 10, intervalMs: 40, sampleTimeoutMs: 600, lookupTimeoutMs: 500 };

function run(connect: TcpConnectFn, port: number, options = quick) {
  return createConnectionQualityProbe(options).run(
    probeContext({
      target: `127.0.0.1:${port}`,
      quality: { connect, lookup: async () => ({ ok: false, error: 'unused' }), now: () => performance.now() },
    }),
  );
}

describe('connection.quality against a local TCP server', () => {
  let server: Awaited<ReturnType<typeof startTcpServer>>;
  beforeAll(async () => {
    server = await startTcpServer();
  });
  afterAll(() => server.close());

  it('passes without added delay, with at least 10 samples in at most 3 s (default settings)', async () => {
    const started = performance.now();
    const r = await run(tcpConnect, server.port, defaultQualityOptions);
    const elapsed = performance.now() - started;
    expect(r.status).toBe('pass');
    expect(r.evidence).toMatchObject({ sent: 12, received: 12, lost: 0, target: `127.0.0.1:${server.port}` });
    expect(r.evidence.rttMedianMs as number).toBeLessThan(100);
    expect(elapsed).toBeLessThanOrEqual(3000);
  });

  it('warns with 150 ms of added delay', async () => {
    const r = await run(impairedNetwork({ delayMs: () => 150 }), server.port);
    expect(r.status).toBe('warn');
    expect(r.evidence.rttMedianMs as number).toBeGreaterThanOrEqual(150);
    expect(r.evidence.rttMedianMs as number).toBeLessThan(300);
    expect(r.summary).toMatch(/^Round trip 1\d\d ms/);
  });

  it('warns on jitter when round trips swing between 10 and 90 ms', async () => {
    const r = await run(impairedNetwork({ delayMs: (n) => (n % 2 === 0 ? 10 : 90) }), server.port);
    expect(r.status).toBe('warn');
    expect(r.evidence.jitterMs as number).toBeGreaterThanOrEqual(30);
  });

  it('reports lost attempts honestly and fails when several are lost', async () => {
    const r = await run(impairedNetwork({ drop: (n) => n % 3 === 0 }), server.port);
    expect(r.status).toBe('fail');
    expect(r.evidence).toMatchObject({ sent: 10, lost: 4 });
    expect(r.summary).toContain('4 of 10 attempts lost');
  });

  it('warns when a single attempt is lost', async () => {
    const r = await run(impairedNetwork({ drop: (n) => n === 4 }), server.port);
    expect(r).toMatchObject({ status: 'warn', evidence: { lost: 1 } });
  });

  it('fails with a plain message when the target is unreachable', async () => {
    const r = await run(tcpConnect, await closedPort());
    expect(r.status).toBe('fail');
    expect(r.summary).toMatch(/^Could not reach 127\.0\.0\.1/);
    expect(r.evidence.errors).toEqual({ ECONNREFUSED: 10 });
  });

  it('fails with a plain message when the name does not resolve', async () => {
    const r = await createConnectionQualityProbe(quick).run(
      probeContext({
        target: 'no-such-host.invalid',
        quality: { connect: tcpConnect, lookup: async () => ({ ok: false, error: 'ENOTFOUND' }), now: () => 0 },
      }),
    );
    expect(r).toMatchObject({ status: 'fail', evidence: { lookupError: 'ENOTFOUND' } });
    expect(r.summary).toContain('Could not look up no-such-host.invalid');
  });
});

describe('connection.quality grading and target', () => {
  it('grades round trip, jitter and loss at the published limits', () => {
    expect([99, 100, 299, 300].map(gradeRtt)).toEqual(['pass', 'warn', 'warn', 'fail']);
    expect([29, 30, 99, 100].map(gradeJitter)).toEqual(['pass', 'warn', 'warn', 'fail']);
    expect([0, 1, 2, 3].map(gradeLoss)).toEqual(['pass', 'warn', 'warn', 'fail']);
  });

  it('measures the session platform host, the user target, or the host named in Settings', () => {
    expect(qualityTarget({ target: undefined, platform: 'zoom', settings: defaultSettings })).toMatchObject({
      ok: true,
      target: { host: 'zoom.us', port: 443 },
    });
    expect(qualityTarget({ target: 'example.org:8443', platform: 'zoom', settings: defaultSettings })).toMatchObject({
      ok: true,
      target: { host: 'example.org', port: 8443 },
      source: 'target',
    });
    expect(
      qualityTarget({
        target: undefined,
        platform: 'other',
        settings: { ...defaultSettings, otherPlatformHost: 'video.clinic.example' },
      }),
    ).toMatchObject({
      ok: true,
      source: 'settings',
    });
    expect(qualityTarget({ target: undefined, platform: 'other', settings: defaultSettings }).ok).toBe(false);
    expect(qualityTarget({ target: 'bad host;rm', platform: 'zoom', settings: defaultSettings }).ok).toBe(false);
  });

  it('is unknown, not pass, when there is nothing to measure', async () => {
    const r = await createConnectionQualityProbe(quick).run(probeContext({ platform: 'other' }));
    expect(r.status).toBe('unknown');
  });
});
