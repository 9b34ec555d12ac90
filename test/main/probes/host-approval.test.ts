import { describe, expect, it } from 'vitest';

import { createConnectionQualityProbe } from '../../../main/probes/connection-quality.probe';
import { createConnectionThroughputProbe } from '../../../main/probes/connection-throughput.probe';
import { defaultQualityOptions, type LookupFn, type TcpConnectFn } from '../../../main/probes/net/quality-sampler';
import { createScanService, type ScanRunOptions } from '../../../main/probes/scan-service';
import type { ScanRequest } from '../../../shared/ipc/scan.contract';
import { defaultSettings, type Settings } from '../../../shared/settings/settings';
import { fakeStats, nullSystemInfo, tableExec, tableFiles } from './helpers/probe-test-kit';

/**
 * The real connection and speed-test probes, with every network call recorded and answered
 * here: a host that is refused or waits for approval must never be looked up or connected to.
 */
function scanWith(overrides: Partial<Settings> = {}) {
  const looked: string[] = [];
  const connected: string[] = [];
  const fetched: string[] = [];
  const lookup: LookupFn = async (host) => {
    looked.push(host);
    return { ok: true, address: '192.0.2.10' };
  };
  const connect: TcpConnectFn = async (address, port) => {
    connected.push(`${address}:${port}`);
    return { ok: true };
  };
  const settings: Settings = { ...defaultSettings, ...overrides };
  const scan = createScanService({
    os: 'linux',
    exec: tableExec({}),
    listPrograms: async () => [],
    getSettings: () => settings,
    systemInfo: nullSystemInfo,
    files: tableFiles({}),
    stats: fakeStats,
    env: {},
    homeDir: '/home/test',
    probes: [
      createConnectionQualityProbe({
        sampling: { ...defaultQualityOptions, samples: 2, intervalMs: 1, maxWaitMs: 200 },
      }),
      createConnectionThroughputProbe({
        downloadMaxBytes: 1024,
        downloadMaxMs: 100,
        uploadBytes: 1024,
        uploadMaxMs: 100,
      }),
    ],
    quality: { lookup, connect, now: () => performance.now() },
    throughput: {
      fetch: (async (url: URL | string) => {
        fetched.push(String(url));
        return new Response(new Uint8Array(1024));
      }) as typeof fetch,
    },
  });
  const run = async (request: ScanRequest, options: ScanRunOptions = {}) => {
    const report = await scan.run(request, options);
    const result = (id: string) => report.checks.find((c) => c.id === id);
    return { quality: result('connection.quality'), throughput: result('connection.throughput') };
  };
  return { scan, run, looked, connected, fetched };
}

const fromWindow = { targetNeedsApproval: true } as const;

describe('addresses a scan may contact', () => {
  it('contacts a platform host from the catalog without asking', async () => {
    const { scan, run, looked } = scanWith();
    expect(scan.approvalsNeeded({ platform: 'zoom' }, fromWindow)).toEqual([]);
    expect((await run({ platform: 'zoom' }, fromWindow)).quality?.status).not.toBe('unknown');
    expect(looked).toEqual(['zoom.us']);
    // The same host named by the window is no new address either.
    expect(scan.approvalsNeeded({ platform: 'other', target: 'Zoom.us:443' }, fromWindow)).toEqual([]);
  });

  it('leaves an address the window names alone until the therapist allows it, and says why', async () => {
    const { scan, run, looked, connected } = scanWith();
    const request: ScanRequest = { platform: 'other', target: 'meet.example.org' };
    expect(scan.approvalsNeeded(request, fromWindow)).toEqual([
      {
        target: 'meet.example.org:443',
        host: 'meet.example.org',
        port: 443,
        purpose: 'connection',
        checkIds: ['connection.quality'],
      },
    ]);
    const { quality } = await run(request, fromWindow);
    expect(quality).toMatchObject({
      status: 'unknown',
      summary:
        'ReadyRoom has not been allowed to contact meet.example.org:443 yet, so it did not time the connection to it.',
      evidence: { notContacted: 'meet.example.org:443', reason: 'waiting for approval' },
    });
    expect(looked).toEqual([]);
    expect(connected).toEqual([]);
  });

  it('contacts it once approved', async () => {
    const { scan, run, looked, connected } = scanWith({ approvedHosts: ['meet.example.org:443'] });
    const request: ScanRequest = { platform: 'other', target: 'meet.example.org' };
    expect(scan.approvalsNeeded(request, fromWindow)).toEqual([]);
    expect((await run(request, fromWindow)).quality?.status).not.toBe('unknown');
    expect(looked).toEqual(['meet.example.org']);
    expect(connected.length).toBeGreaterThan(0);
  });

  it('asks again for another port of an approved host', () => {
    const { scan } = scanWith({ approvedHosts: ['meet.example.org:443'] });
    expect(scan.approvalsNeeded({ platform: 'other', target: 'meet.example.org:8443' }, fromWindow)).toHaveLength(1);
  });

  it.each([
    ['this computer', '127.0.0.1:9222'],
    ['this computer by name', 'localhost:8080'],
    ['the cloud metadata address', '169.254.169.254:80'],
    ['a home router', '192.168.1.1'],
    ['an office server by its short name', 'fileserver:8443'],
    ['an mDNS name', 'printer.local'],
    ['the IPv6 loopback', '[::1]:3000'],
    ['a disguised loopback', '2130706433'],
    ['an SSH port on an internet host', 'meet.example.org:22'],
  ])('never contacts %s for the window, nor offers to allow it', async (_label, target) => {
    const { scan, run, looked, connected } = scanWith({ approvedHosts: ['meet.example.org:443'] });
    const request: ScanRequest = { platform: 'other', target };
    expect(scan.approvalsNeeded(request, fromWindow)).toEqual([]);
    const { quality } = await run(request, fromWindow);
    expect(quality).toMatchObject({ status: 'unknown', evidence: { reason: 'address not on the internet' } });
    expect(quality?.summary).toMatch(/^ReadyRoom did not contact /);
    expect(looked).toEqual([]);
    expect(connected).toEqual([]);
  });

  it('contacts the address the user typed on the command line, even on this computer', async () => {
    const { scan, run, looked } = scanWith();
    const request: ScanRequest = { platform: 'other', target: 'localhost:9' };
    expect(scan.approvalsNeeded(request)).toEqual([]);
    await run(request);
    expect(looked).toEqual(['localhost']);
  });

  it('needs approval for the other platform named in Settings, from the window and the command line alike', async () => {
    const { scan, run, looked } = scanWith({ defaultPlatform: 'other', otherPlatformHost: 'video.clinic.example' });
    expect(scan.approvalsNeeded({}, fromWindow).map((a) => a.target)).toEqual(['video.clinic.example:443']);
    expect(scan.approvalsNeeded({}).map((a) => a.target)).toEqual(['video.clinic.example:443']);
    expect((await run({})).quality?.status).toBe('unknown');
    expect(looked).toEqual([]);
  });

  it('runs the speed test only against approved addresses', async () => {
    const throughput = {
      enabled: true,
      downloadUrl: 'https://speed.example.net/10MB.bin',
      uploadUrl: 'https://up.example.net/upload',
    };
    const waiting = scanWith({ throughput });
    expect(waiting.scan.approvalsNeeded({ only: ['connection.throughput'] }, fromWindow)).toEqual([
      {
        target: 'speed.example.net:443',
        host: 'speed.example.net',
        port: 443,
        purpose: 'speed-test',
        checkIds: ['connection.throughput'],
      },
      {
        target: 'up.example.net:443',
        host: 'up.example.net',
        port: 443,
        purpose: 'speed-test',
        checkIds: ['connection.throughput'],
      },
    ]);
    expect((await waiting.run({ only: ['connection.throughput'] }, fromWindow)).throughput?.status).toBe('unknown');
    expect(waiting.fetched).toEqual([]);

    const approved = scanWith({ throughput, approvedHosts: ['speed.example.net:443', 'up.example.net:443'] });
    expect((await approved.run({ only: ['connection.throughput'] }, fromWindow)).throughput?.status).not.toBe(
      'unknown',
    );
    expect(approved.fetched).toEqual(['https://speed.example.net/10MB.bin', 'https://up.example.net/upload']);
  });

  it('never runs a speed test against this computer, even one an older version saved', async () => {
    const { run, fetched } = scanWith({
      throughput: { enabled: true, downloadUrl: 'http://127.0.0.1:8080/file', uploadUrl: '' },
      approvedHosts: ['127.0.0.1:8080'],
    });
    expect((await run({ only: ['connection.throughput'] }, fromWindow)).throughput).toMatchObject({
      status: 'unknown',
    });
    expect(fetched).toEqual([]);
  });
});
