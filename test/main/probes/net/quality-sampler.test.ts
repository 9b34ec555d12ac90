import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { meanAbsDiff, measureQuality, percentile } from '../../../../main/probes/net/quality-sampler';
import { tcpConnect } from '../../../../main/probes/net/tcp-connect';
import { impairedNetwork, startTcpServer } from '../helpers/local-servers';

const fast = { samples: 10, intervalMs: 40, sampleTimeoutMs: 500, lookupTimeoutMs: 500 };

describe('measureQuality', () => {
  let server: Awaited<ReturnType<typeof startTcpServer>>;
  beforeAll(async () => {
    server = await startTcpServer();
  });
  afterAll(() => server.close());

  it('resolves the host once, before timing, then times every attempt', async () => {
    const lookups: string[] = [];
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
  });

  it('counts attempts that never answer as lost', async () => {
    const connect = impairedNetwork({ drop: (n) => n % 5 === 0 });
    const result = await measureQuality(
      '127.0.0.1',
      server.port,
      { connect, lookup: async () => ({ ok: false, error: 'unused' }), now: () => performance.now() },
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
