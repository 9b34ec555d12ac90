import { readdirSync, readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { createMemorySink, createLogger } from '../../../main/logging/logger';
import { runCommand, type ExecFn } from '../../../main/platform/exec';
import { createConnectionThroughputProbe } from '../../../main/probes/connection-throughput.probe';
import { createConnectionBusyProbe } from '../../../main/probes/connection-busy.probe';
import type { Probe } from '../../../main/probes/probe-types';
import type { ScanServiceDeps } from '../../../main/probes/scan-service';
import { securityDiskEncryptionProbe } from '../../../main/probes/security-disk-encryption.probe';
import { automaticCheckIds } from '../../../shared/checks/check-ids';
import type { CheckResult } from '../../../shared/checks/check-result';
import { defaultSettings, type Settings } from '../../../shared/settings/settings';
import { capturedBatchOutput, execResult, row, tableExec, testScanService } from './helpers/probe-test-kit';

function probe(id: Probe['id'], run: Probe['run'], timeoutMs?: number): Probe {
  return { id, run, ...(timeoutMs === undefined ? {} : { timeoutMs }) };
}
const after =
  (ms: number, status: 'pass' | 'warn' | 'fail' = 'pass') =>
  async () => {
    await new Promise((r) => setTimeout(r, ms));
    return { status, summary: `done after ${ms}`, evidence: {} };
  };

function service(partial: Partial<ScanServiceDeps>) {
  return testScanService({ env: {}, homeDir: '/home/test', ...partial });
}

describe('scan service', () => {
  it('runs probes concurrently, streams each result as it finishes, and reports in catalog order', async () => {
    const streamed: string[] = [];
    const scan = service({
      probes: [
        probe('connection.type', after(120)),
        probe('computer.power', after(10)),
        probe('security.firewall', after(60, 'fail')),
      ],
    });
    const report = await scan.run({}, { onResult: (r) => streamed.push(r.id) });
    // Concurrent: results arrive as each probe finishes, not in the order they were listed.
    expect(streamed).toEqual(['computer.power', 'security.firewall', 'connection.type']);
    expect(report.checks.map((c) => c.id)).toEqual(['connection.type', 'computer.power', 'security.firewall']);
    expect(report).toMatchObject({ schema: 'readyroom.scan/1', platform: 'linux' });
    expect(new Date(report.startedAt).toISOString()).toBe(report.startedAt);
  });

  it('attaches the catalog fix for this OS to problems only', async () => {
    const scan = service({
      os: 'darwin',
      probes: [probe('security.firewall', after(0, 'fail')), probe('computer.power', after(0, 'pass'))],
    });
    const report = await scan.run({});
    const firewall = report.checks.find((c) => c.id === 'security.firewall') as CheckResult;
    const power = report.checks.find((c) => c.id === 'computer.power') as CheckResult;
    expect(firewall.fix?.link?.url).toBe('x-apple.systempreferences:com.apple.preference.security?Firewall');
    expect(firewall.fix?.steps.length).toBeGreaterThan(1);
    expect(power.fix).toBeNull();
  });

  it('kills a command that never exits, reports the check as unknown with the reason, and completes the scan', async () => {
    const marker = `${60 + Math.random()}`.slice(0, 9);
    const exec: ExecFn = (file, args, options) =>
      file === 'findmnt' || file.endsWith('/findmnt')
        ? runCommand('/bin/sleep', [marker], options)
        : runCommand(file, args, options);
    const scan = service({
      exec,
      probeTimeoutMs: 1000,
      probes: [securityDiskEncryptionProbe, probe('computer.power', after(5))],
    });
    const report = await scan.run({});
    const disk = report.checks.find((c) => c.id === 'security.disk-encryption');
    expect(disk?.status).toBe('unknown');
    // The command gets what is left of the probe's budget, so the figure depends on the machine's load.
    expect(disk?.summary).toMatch(/"findmnt" tool did not answer within 0\.\d s and was stopped\.$/);
    expect(report.checks).toHaveLength(2);
    const stillRunning = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .some((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
        } catch {
          return false;
        }
      });
    expect(stillRunning).toBe(false);
  });

  it('stops a probe that never settles at its timeout', async () => {
    const scan = service({
      probeTimeoutMs: 300,
      probes: [probe('computer.headroom', () => new Promise(() => undefined)), probe('computer.power', after(5))],
    });
    const report = await scan.run({});
    expect(report.checks[1]).toMatchObject({
      id: 'computer.headroom',
      status: 'unknown',
      evidence: { timedOut: true, timeoutMs: 300 },
    });
    expect(report.checks[1]?.summary).toContain('longer than 0.3 s');
    expect(report.checks[0]?.status).toBe('pass');
  });

  it('stops everything still running when the scan budget is spent', async () => {
    const scan = service({
      scanBudgetMs: 250,
      probes: [
        probe('connection.throughput', () => new Promise(() => undefined), 10_000),
        probe('computer.power', after(5)),
      ],
    });
    const report = await scan.run({});
    expect(report.checks.find((c) => c.id === 'connection.throughput')).toMatchObject({
      status: 'unknown',
      evidence: { scanBudgetMs: 250 },
    });
    expect(report.checks.find((c) => c.id === 'computer.power')?.status).toBe('pass');
  });

  it('gives the speed test its full time after waiting for a slow Windows PowerShell run', async () => {
    // The one PowerShell run takes longer than the speed test's own limit (2.4 s here).
    const laptopBatch = await capturedBatchOutput('windows-hand-written');
    const slowBatch: ExecFn = async () => {
      await new Promise((r) => setTimeout(r, 2800));
      return execResult({ stdout: laptopBatch });
    };
    const settings: Settings = {
      ...defaultSettings,
      throughput: { enabled: true, downloadUrl: 'https://speed.example.org/file', uploadUrl: '' },
      approvedHosts: ['speed.example.org:443'],
    };
    const throughput = createConnectionThroughputProbe({
      downloadMaxBytes: 256 * 1024,
      downloadMaxMs: 200,
      uploadBytes: 16 * 1024,
      uploadMaxMs: 200,
    });
    const scan = service({
      os: 'win32',
      exec: slowBatch,
      getSettings: () => settings,
      win32: { batchTimeoutMs: 6000 },
      probes: [throughput, createConnectionBusyProbe(10)],
      throughput: { fetch: (async () => new Response(new Uint8Array(256 * 1024))) as typeof fetch },
    });
    const report = await scan.run({});
    expect(report.checks.find((c) => c.id === 'connection.busy')?.status).not.toBe('unknown');
    expect(report.checks.find((c) => c.id === 'connection.throughput')).toMatchObject({
      status: 'pass',
      evidence: { download: { ok: true } },
    });
  });

  it('still stops the speed test at its own limit once the line is quiet', async () => {
    const speedTest: Probe = {
      id: 'connection.throughput',
      timeoutMs: 200,
      timerStartsAfterNetworkQuiet: true,
      run: () => new Promise(() => undefined),
    };
    const report = await service({ probes: [speedTest, probe('connection.busy', after(300))] }).run({});
    expect(report.checks.find((c) => c.id === 'connection.throughput')).toMatchObject({
      status: 'unknown',
      evidence: { timedOut: true, timeoutMs: 200 },
    });
  });

  it('stops a speed test still waiting for the line when the scan budget is spent', async () => {
    const speedTest: Probe = {
      id: 'connection.throughput',
      timeoutMs: 100,
      timerStartsAfterNetworkQuiet: true,
      run: async (ctx) => {
        await ctx.networkQuiet;
        return { status: 'pass', summary: 'measured', evidence: {} };
      },
    };
    const report = await service({
      scanBudgetMs: 250,
      probes: [
        speedTest,
        probe(
          'connection.busy',
          async (ctx) =>
            new Promise((r) =>
              ctx.signal.addEventListener('abort', () => r({ status: 'pass', summary: 'x', evidence: {} })),
            ),
        ),
      ],
    }).run({});
    expect(report.checks.find((c) => c.id === 'connection.throughput')).toMatchObject({
      status: 'unknown',
      evidence: { scanBudgetMs: 250 },
    });
  });

  it('turns a probe that throws into unknown and logs the error', async () => {
    const sink = createMemorySink();
    const scan = service({
      logger: createLogger('probes', sink),
      probes: [
        probe('security.antivirus', async () => {
          throw new TypeError('bad value');
        }),
      ],
    });
    const report = await scan.run({});
    expect(report.checks[0]).toMatchObject({ status: 'unknown', summary: 'This check failed unexpectedly.' });
    expect(JSON.stringify(sink.entries)).toContain('TypeError');
  });

  it('runs only the requested checks', async () => {
    const scan = service({});
    expect(scan.checkIds({ only: ['security.firewall', 'connection.type'] })).toEqual([
      'connection.type',
      'security.firewall',
    ]);
    expect(scan.checkIds({})).toEqual(automaticCheckIds);
  });

  it('asks the programs service once per scan, for the chosen platform', async () => {
    const calls: unknown[] = [];
    const scan = service({
      listPrograms: async (opts) => {
        calls.push(opts);
        return [row('Dropbox', 'sync')];
      },
    });
    await scan.run({
      only: ['programs.background', 'programs.remote-access', 'privacy.voice-assistants', 'connection.busy'],
      platform: 'teams',
    });
    expect(calls).toEqual([{ platform: 'teams' }]);
  });

  it('survives a result listener that throws', async () => {
    const scan = service({ probes: [probe('computer.power', after(1))] });
    const report = await scan.run(
      {},
      {
        onResult: () => {
          throw new Error('window closed');
        },
      },
    );
    expect(report.checks).toHaveLength(1);
  });

  it('reports every check as unknown on an unsupported OS', async () => {
    const report = await service({ os: 'aix', probeOptions: { busyWindowMs: 10, headroomWindowMs: 10 } }).run({
      only: ['security.firewall', 'computer.power', 'connection.type'],
    });
    expect(report.checks.map((c) => c.status)).toEqual(['unknown', 'unknown', 'unknown']);
    expect(report.checks[0]?.summary).toContain('aix');
  });

  it('gives every probe the same per-scan facts', async () => {
    let routes = 0;
    const exec = tableExec({ 'ip -j route get 1.1.1.1': '[]', 'ip -j route show default': '[]' });
    const countingExec: ExecFn = async (file, args, options) => {
      if (args.includes('route')) routes += 1;
      return exec(file, args, options);
    };
    await service({ exec: countingExec, probeOptions: { busyWindowMs: 10 } }).run({
      only: ['connection.type', 'connection.wifi-signal', 'connection.busy'],
    });
    expect(routes).toBe(2);
  });
});
