import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { createConnectionQualityProbe, qualityTarget } from '../../../main/probes/connection-quality.probe';
import type { QualityOptions, TcpConnectFn } from '../../../main/probes/net/quality-sampler';
import { tcpConnect } from '../../../main/probes/net/tcp-connect';
import { defaultConnectionThresholds } from '../../../shared/checks/connection-grading';
import type { SessionPlatformId } from '../../../shared/session/platforms';
import { defaultSettings } from '../../../shared/settings/settings';
import { probeContext } from './helpers/probe-test-kit';
import { closedPort, impairedNetwork, startTcpServer } from './helpers/local-servers';
import { links, simulatedLink, type LinkModel } from './helpers/simulated-link';

const quick: QualityOptions = { samples: 10, intervalMs: 5, lateMarginMs: 250, maxWaitMs: 600, lookupTimeoutMs: 500 };
const noLookup = async () => ({ ok: false as const, error: 'unused' });

function run(connect: TcpConnectFn, target: string, sampling?: QualityOptions) {
  return createConnectionQualityProbe({ sampling }).run(
    probeContext({ target, quality: { connect, lookup: noLookup, now: () => performance.now() } }),
  );
}

describe('connection.quality against a real local TCP server', () => {
  let server: Awaited<ReturnType<typeof startTcpServer>>;
  beforeAll(async () => {
    server = await startTcpServer();
  });
  afterAll(() => server.close());

  it('passes a clean link with the default 60 attempts and records the limits in force', async () => {
    const r = await run(tcpConnect, `127.0.0.1:${server.port}`);
    expect(r.status).toBe('pass');
    expect(r.evidence).toMatchObject({
      sent: 60,
      received: 60,
      lost: 0,
      target: `127.0.0.1:${server.port}`,
      targetSource: 'target',
      sampling: { attempts: 60, intervalMs: 8 },
      thresholds: {
        roundTripMs: { warnFrom: 100, failFrom: 300, source: expect.stringContaining('ITU-T G.114') },
        jitterMs: { warnFrom: 30, failFrom: 100 },
        lossShare: { warnFrom: 0.06, failFrom: 0.06 },
      },
      grades: { roundTrip: 'pass', jitter: 'pass', loss: 'pass' },
    });
    expect(r.summary).toMatch(/^Round trip \d+ ms, jitter \d+ ms, 0 of 60 attempts lost \(to 127\.0\.0\.1\)\.$/);
  });

  it('reports lost attempts honestly and fails when too many are lost', async () => {
    const r = await run(impairedNetwork({ drop: (n) => n % 3 === 0 }), `127.0.0.1:${server.port}`, quick);
    expect(r.status).toBe('fail');
    expect(r.evidence).toMatchObject({ sent: 10, lost: 4, grades: { loss: 'fail' } });
    expect(r.summary).toContain('4 of 10 attempts lost');
    expect(r.summary).toContain('Too much is getting lost');
  });

  it('fails with a plain message when the target refuses every connection', async () => {
    const r = await run(tcpConnect, `127.0.0.1:${await closedPort()}`, quick);
    expect(r.status).toBe('fail');
    expect(r.summary).toMatch(/^Could not reach 127\.0\.0\.1/);
    expect(r.evidence.errors).toEqual({ ECONNREFUSED: 10 });
  });

  it('fails with a plain message when the name does not resolve', async () => {
    const r = await createConnectionQualityProbe({ sampling: quick }).run(
      probeContext({
        target: 'no-such-host.invalid',
        quality: { connect: tcpConnect, lookup: async () => ({ ok: false, error: 'ENOTFOUND' }), now: () => 0 },
      }),
    );
    expect(r).toMatchObject({ status: 'fail', evidence: { lookupError: 'ENOTFOUND' } });
    expect(r.summary).toContain('Could not look up no-such-host.invalid');
  });

  it('grades with the limits it is given and writes them into the evidence', async () => {
    const strict = { ...defaultConnectionThresholds, rttMs: { warnFrom: 0, failFrom: 10_000 } };
    const r = await createConnectionQualityProbe({ sampling: quick, thresholds: () => strict }).run(
      probeContext({
        target: `127.0.0.1:${server.port}`,
        quality: { connect: tcpConnect, lookup: noLookup, now: () => performance.now() },
      }),
    );
    expect(r).toMatchObject({ status: 'warn', evidence: { thresholds: { roundTripMs: { warnFrom: 0 } } } });
  });
});

describe('connection.quality grades on simulated links (fake clock, seeded, default design)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  async function gradeOf(model: LinkModel, seed: number, settings = defaultSettings) {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const connect = simulatedLink(model, seed);
    const pending = createConnectionQualityProbe().run(
      probeContext({
        target: '203.0.113.7:443',
        settings,
        quality: { connect, lookup: noLookup, now: () => performance.now() },
      }),
    );
    await vi.runAllTimersAsync();
    const r = await pending;
    vi.useRealTimers();
    return r;
  }

  const seeds = Array.from({ length: 20 }, (_, i) => i + 1);
  const cases: [string, LinkModel, 'pass' | 'warn' | 'fail'][] = [
    ['a clean link (0.5 % loss, 20 ms)', links.clean, 'pass'],
    ['a clean link at the 1 % edge', links.cleanAtOnePercent, 'pass'],
    ['a 150 ms link', links.delayed150, 'warn'],
    ['a 400 ms link', links.delayed400, 'fail'],
    ['a jittery link (20–140 ms)', links.jittery, 'warn'],
    ['a link losing 1 attempt in 6', links.lossyOneInSix, 'fail'],
    ['a link losing 1 attempt in 3', links.lossyOneInThree, 'fail'],
    ['a 150 ms link losing 1 attempt in 6', links.delayedAndLossy, 'fail'],
  ];

  it.each(cases)('grades %s the same in every seeded run', async (_name, model, expected) => {
    const grades: string[] = [];
    for (const seed of seeds) grades.push((await gradeOf(model, seed)).status);
    expect(grades).toEqual(seeds.map(() => expected));
  });

  it('passes a 150 ms link once the round-trip limits in Settings are raised', async () => {
    const relaxed = {
      ...defaultSettings,
      thresholds: {
        ...defaultSettings.thresholds,
        connection: { ...defaultSettings.thresholds.connection, roundTripWarnMs: 250, roundTripFailMs: 500 },
      },
    };
    expect((await gradeOf(links.delayed150, 1)).evidence).toMatchObject({
      thresholds: { roundTripMs: { warnFrom: 100 }, changedInSettings: false },
    });
    const r = await gradeOf(links.delayed150, 1, relaxed);
    expect(r.status).toBe('pass');
    expect(r.evidence).toMatchObject({
      thresholds: { roundTripMs: { warnFrom: 250, failFrom: 500 }, changedInSettings: true },
    });
  });

  it('warns on a steady 60 ms link once the round-trip limit is set to 40 ms, and passes it by default', async () => {
    const steady60: LinkModel = { rttMs: () => 60, lossRate: 0 };
    const strict = {
      ...defaultSettings,
      thresholds: {
        ...defaultSettings.thresholds,
        connection: { ...defaultSettings.thresholds.connection, roundTripWarnMs: 40 },
      },
    };
    expect((await gradeOf(steady60, 1)).status).toBe('pass');
    const r = await gradeOf(steady60, 1, strict);
    expect(r.status).toBe('warn');
    expect(r.evidence).toMatchObject({
      grades: { roundTrip: 'warn' },
      thresholds: { roundTripMs: { warnFrom: 40, failFrom: 300 }, changedInSettings: true },
    });
  });

  it('blames the right part: delay on a 400 ms link, loss on a lossy one, jitter on a jittery one', async () => {
    expect((await gradeOf(links.delayed400, 1)).evidence.grades).toEqual({
      roundTrip: 'fail',
      jitter: 'pass',
      loss: 'pass',
    });
    expect((await gradeOf(links.lossyOneInSix, 1)).evidence.grades).toMatchObject({ roundTrip: 'pass', loss: 'fail' });
    expect((await gradeOf(links.jittery, 1)).evidence.grades).toEqual({
      roundTrip: 'pass',
      jitter: 'warn',
      loss: 'pass',
    });
  });
});

describe('which host connection.quality times', () => {
  const target = (platform: SessionPlatformId, settings = defaultSettings, t?: string) =>
    qualityTarget({ target: t, platform, settings });

  it('times the host the platform’s calls use, not its website', () => {
    expect(target('signal')).toMatchObject({
      ok: true,
      target: { host: 'sfu.voip.signal.org', port: 443 },
      source: 'platform',
      role: 'media relay',
      citation: expect.stringMatching(/^https:\/\//),
    });
    expect(target('teams')).toMatchObject({ target: { host: 'worldaz.tr.teams.microsoft.com' } });
    expect(target('zoom-healthcare')).toMatchObject({ target: { host: 'zoom.us' } });
  });

  it('prefers the address the user typed', () => {
    expect(target('zoom', defaultSettings, 'example.org:8443')).toMatchObject({
      ok: true,
      target: { host: 'example.org', port: 8443 },
      source: 'target',
    });
    expect(target('zoom', defaultSettings, 'bad host;rm').ok).toBe(false);
  });

  it('times the address in Settings for platforms whose address is the practice’s own', () => {
    const settings = { ...defaultSettings, otherPlatformHost: 'myclinic.janeapp.com' };
    expect(target('jane', settings)).toMatchObject({
      ok: true,
      source: 'settings',
      target: { host: 'myclinic.janeapp.com' },
    });
    expect(target('other', { ...defaultSettings, otherPlatformHost: 'video.clinic.example' })).toMatchObject({
      ok: true,
      source: 'settings',
    });
  });

  it('says what is missing instead of guessing when no address is known', () => {
    expect(target('jane')).toEqual({
      ok: false,
      reason: 'No address to test: add your Jane address in Settings (for example yourclinic.janeapp.com).',
    });
    expect(target('other').ok).toBe(false);
  });

  it('is unknown, never pass, when there is nothing to time', async () => {
    const other = await createConnectionQualityProbe({ sampling: quick }).run(probeContext({ platform: 'other' }));
    expect(other.status).toBe('unknown');
    // A closed platform reaching the probe (an old request) is unknown with the reason.
    const skype = await createConnectionQualityProbe({ sampling: quick }).run(
      probeContext({ platform: 'skype' as SessionPlatformId }),
    );
    expect(skype).toMatchObject({ status: 'unknown', summary: expect.stringContaining('Skype closed in May 2025') });
  });
});
