import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import {
  defaultQualityOptions,
  lateCutoffMs,
  meanAbsDiff,
  measureQuality,
  percentile,
  type QualityResult,
  type TcpConnectFn,
} from '../../../../main/probes/net/quality-sampler';
import { tcpConnect } from '../../../../main/probes/net/tcp-connect';
import { impairedNetwork, startTcpServer } from '../helpers/local-servers';
import { links, simulatedLink } from '../helpers/simulated-link';

const fast = { samples: 10, intervalMs: 5, lateMarginMs: 250, maxWaitMs: 600, lookupTimeoutMs: 500 };
const noLookup = async () => ({ ok: false as const, error: 'unused' });

describe('measureQuality on a real local TCP server', () => {
  let server: Awaited<ReturnType<typeof startTcpServer>>;
  beforeAll(async () => {
    server = await startTcpServer();
  });
  afterAll(() => server.close());

  it('resolves the host once, before timing, then makes every attempt as a real connection', async () => {
    const lookups: string[] = [];
    const before = server.connections();
    const result = await measureQuality(
      'platform.test',
      server.port,
      {
        connect: tcpConnect,
        lookup: async (host) => {
          lookups.push(host);
          return { ok: true, address: '127.0.0.1' };
        },
        now: () => performance.now(),
      },
      fast,
    );
    expect(lookups).toEqual(['platform.test']);
    expect(result).toMatchObject({ ok: true, measurement: { address: '127.0.0.1', sent: 10, received: 10 } });
    await vi.waitFor(() => expect(server.connections() - before).toBe(10));
  });

  it('sends the default 60 attempts and counts them all on a clean local link', async () => {
    const result = await measureQuality('127.0.0.1', server.port, {
      connect: tcpConnect,
      lookup: noLookup,
      now: () => performance.now(),
    });
    expect(result).toMatchObject({ ok: true, measurement: { sent: 60, received: 60, errors: {} } });
  });

  it('counts attempts that never answer as lost, without waiting for them longer than the cut-off', async () => {
    const connect = impairedNetwork({ drop: (n) => n % 5 === 0 });
    const result = await measureQuality(
      '127.0.0.1',
      server.port,
      { connect, lookup: noLookup, now: () => performance.now() },
      fast,
    );
    expect(result).toMatchObject({ ok: true, measurement: { sent: 10, received: 8, errors: { timeout: 2 } } });
  });

  it('stops at the lookup when the name does not resolve', async () => {
    const result = await measureQuality(
      'nowhere.invalid',
      443,
      { connect: tcpConnect, lookup: async () => ({ ok: false, error: 'ENOTFOUND' }), now: () => 0 },
      fast,
    );
    expect(result).toEqual({ ok: false, stage: 'lookup', error: 'ENOTFOUND' });
  });

  it('stops every attempt when the scan is cancelled', async () => {
    const controller = new AbortController();
    const connect = impairedNetwork({ drop: () => true });
    const pending = measureQuality(
      '127.0.0.1',
      server.port,
      { connect, lookup: noLookup, now: () => performance.now() },
      { ...fast, maxWaitMs: 60_000 },
      controller.signal,
    );
    controller.abort();
    const result = await pending;
    expect(result.ok && result.measurement.sent).toBeLessThan(10);
    expect(result.ok && result.measurement.received).toBe(0);
  });
});

describe('what counts as lost', () => {
  it('allows the median plus the larger of the median and 250 ms, never beyond the longest wait', () => {
    expect(lateCutoffMs(0.2, defaultQualityOptions)).toBeCloseTo(250.2);
    expect(lateCutoffMs(150, defaultQualityOptions)).toBe(400);
    expect(lateCutoffMs(400, defaultQualityOptions)).toBe(800);
    expect(lateCutoffMs(900, defaultQualityOptions)).toBe(1500);
    expect(lateCutoffMs(null, defaultQualityOptions)).toBe(1500);
  });

  it('always counts a retransmitted SYN (answered after 1 s + round trip) as lost', () => {
    for (const median of [0.1, 20, 150, 300, 600, 990]) {
      expect(lateCutoffMs(median, defaultQualityOptions)).toBeLessThan(1000 + median);
    }
  });
});

describe('measureQuality on simulated links (fake clock, seeded)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  async function simulate(connect: TcpConnectFn): Promise<QualityResult> {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const pending = measureQuality('203.0.113.7', 443, { connect, lookup: noLookup, now: () => performance.now() });
    await vi.runAllTimersAsync();
    return pending;
  }

  it('receives every attempt of a clean link at its true round trip', async () => {
    const result = await simulate(simulatedLink({ ...links.clean, lossRate: 0 }, 1));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const m = result.measurement;
    expect(m).toMatchObject({ sent: 60, received: 60, errors: {} });
    expect(m.medianMs).toBeGreaterThanOrEqual(18);
    expect(m.medianMs).toBeLessThanOrEqual(24);
  });

  it('counts each dropped handshake as lost although the kernel retransmits it', async () => {
    const connect = simulatedLink(links.lossyOneInSix, 7);
    const result = await simulate(connect);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const m = result.measurement;
    expect(connect.attempts()).toBe(60);
    expect(m.sent).toBe(60);
    // The retransmissions would answer after 1 s; none of them may count as received.
    expect(m.rttsMs.every((rtt) => rtt < 100)).toBe(true);
    expect(m.sent - m.received).toBe(m.errors.timeout ?? 0);
    expect(m.sent - m.received).toBeGreaterThanOrEqual(4);
  });

  it('keeps slow but answered attempts on a 400 ms link', async () => {
    const result = await simulate(simulatedLink(links.delayed400, 3));
    expect(result).toMatchObject({ ok: true, measurement: { sent: 60, received: 60 } });
  });

  it('counts an answer far behind the others as late, not received', async () => {
    let n = 0;
    const connect: TcpConnectFn = (_a, _p, signal) => {
      const delay = n++ === 30 ? 700 : 20;
      return new Promise((resolve) => {
        const t = setTimeout(() => resolve({ ok: true }), delay);
        signal.addEventListener('abort', () => {
          clearTimeout(t);
          resolve({ ok: false, error: 'aborted' });
        });
      });
    };
    const result = await simulate(connect);
    expect(result).toMatchObject({ ok: true, measurement: { sent: 60, received: 59, cutoffMs: 270 } });
    expect(result.ok && (result.measurement.errors.timeout ?? 0) + (result.measurement.errors.late ?? 0)).toBe(1);
  });
});

describe('statistics', () => {
  it('takes jitter as the mean absolute difference of consecutive round trips', () => {
    expect(meanAbsDiff([10, 30, 20, 20])).toBe(10);
    expect(meanAbsDiff([10])).toBeNull();
  });

  it('takes nearest-rank percentiles', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 100], 95)).toBe(100);
    expect(percentile([], 50)).toBeNull();
  });
});
