import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCommand } from '../../../main/platform/exec';
import { createScanService } from '../../../main/probes/scan-service';
import { getCatalogEntry } from '../../../shared/catalog/catalog';
import { automaticCheckIds } from '../../../shared/checks/check-ids';
import { checkStatuses } from '../../../shared/checks/check-result';
import type { ScanReport } from '../../../shared/checks/scan-report';
import { defaultSettings } from '../../../shared/settings/settings';
import { startTcpServer } from './helpers/local-servers';
import { row } from './helpers/probe-test-kit';

/** The real probes against this very computer (Linux only): shape and plausible values. */
describe.runIf(process.platform === 'linux')('scan on this Linux computer', () => {
  let server: Awaited<ReturnType<typeof startTcpServer>>;
  let report: ScanReport;
  const streamed: string[] = [];

  beforeAll(async () => {
    server = await startTcpServer();
    const scan = createScanService({
      os: 'linux',
      exec: runCommand,
      listPrograms: async () => [row('Dropbox', 'sync')],
      getSettings: () => defaultSettings,
    });
    // The local server stands in for the video platform, so the test sends nothing beyond this computer.
    report = await scan.run({ target: `127.0.0.1:${server.port}` }, { onResult: (r) => streamed.push(r.id) });
  }, 20_000);
  afterAll(() => server.close());

  it('lists every automatic check once, with a valid status, in catalog order', () => {
    expect(report.checks.map((c) => c.id)).toEqual(automaticCheckIds);
    for (const check of report.checks) expect(checkStatuses).toContain(check.status);
    expect([...streamed].sort()).toEqual([...automaticCheckIds].sort());
  });

  it('gives every check a plain summary, JSON evidence, catalog text and a fix unless it passed', () => {
    for (const check of report.checks) {
      expect(check.summary.length).toBeGreaterThan(10);
      expect(JSON.parse(JSON.stringify(check.evidence))).toEqual(check.evidence);
      const entry = getCatalogEntry(check.id);
      expect(entry?.title).toBeTruthy();
      if (check.status === 'pass' || check.status === 'skipped') expect(check.fix).toBeNull();
      else expect(check.fix?.steps.length).toBeGreaterThan(0);
      expect(check.durationMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('measures the local target with at least 10 samples and passes it', () => {
    const q = report.checks.find((c) => c.id === 'connection.quality');
    expect(q?.status).toBe('pass');
    expect(q?.evidence.sent as number).toBeGreaterThanOrEqual(10);
    // A pass already means the round trip is within the limits in force.
    expect(q?.evidence.rttMedianMs).toEqual(expect.any(Number));
  });

  it('reports plausible facts about this computer', () => {
    const byId = Object.fromEntries(report.checks.map((c) => [c.id, c]));
    expect(byId['connection.throughput']?.status).toBe('skipped');
    expect(byId['programs.background']).toMatchObject({
      status: 'warn',
      evidence: { programs: [{ name: 'Dropbox', category: 'sync' }] },
    });
    expect(byId['privacy.voice-assistants']?.status).not.toBe('fail');
    const headroom = byId['computer.headroom']?.evidence;
    if (headroom && 'cpuBusyPercent' in headroom) {
      expect(headroom.cpuBusyPercent as number).toBeGreaterThanOrEqual(0);
      expect(headroom.cpuBusyPercent as number).toBeLessThanOrEqual(100);
    }
    const os = byId['security.os-support'];
    expect(os?.evidence).toMatchObject({ checkedOn: expect.any(String) });
  });
});
