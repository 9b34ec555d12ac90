/**
 * Scan benchmark: `npm run -s bench:scan -- --json`.
 * Runs the real scan 10 times in one process and prints, as its last line, JSON with p50Ms, p95Ms and
 * per-probe p50s. connection.quality times a local TCP server unless --target is given, so the benchmark
 * sends nothing over the network. Programs are listed by the real programs service (data in a temp folder).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { parseArgs } from 'node:util';

import { createMemorySink, setLogSink } from '../../main/logging/logger';
import { runCommand } from '../../main/platform/exec';
import { percentile } from '../../main/probes/net/quality-sampler';
import { createScanService } from '../../main/probes/scan-service';
import { createProgramsService } from '../../main/programs/programs-service';
import { toOsName } from '../../shared/platform';
import type { ScanReport } from '../../shared/checks/scan-report';
import { defaultSettings } from '../../shared/settings/settings';

const { values } = parseArgs({
  options: { json: { type: 'boolean' }, runs: { type: 'string' }, target: { type: 'string' } },
  strict: true,
});
const runs = Number(values.runs ?? 10);
const networkChecks = new Set(['connection.quality', 'connection.throughput']);

async function main(): Promise<void> {
  setLogSink(createMemorySink());
  const server = createServer((s) => {
    s.on('error', () => undefined);
    s.destroy();
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const target = values.target ?? `127.0.0.1:${(server.address() as AddressInfo).port}`;

  const os = toOsName(process.platform);
  const dataDir = mkdtempSync(join(tmpdir(), 'readyroom-bench-'));
  const programs = os
    ? createProgramsService({ os, dataDir, exec: runCommand, getSettings: () => defaultSettings, ownPid: process.pid })
    : null;
  const scan = createScanService({
    os: process.platform,
    exec: runCommand,
    listPrograms: async (request) => (programs ? programs.list(request) : []),
    getSettings: () => defaultSettings,
  });

  const reports: ScanReport[] = [];
  for (let i = 0; i < runs; i += 1) {
    const report = await scan.run({ target });
    reports.push(report);
    process.stderr.write(`run ${i + 1}/${runs}: ${report.durationMs} ms\n`);
  }
  server.close();
  rmSync(dataDir, { recursive: true, force: true });

  const whole = reports.map((r) => r.durationMs);
  // The scan without the two network measurements: the slowest of the other probes (they run concurrently).
  const local = reports.map((r) =>
    Math.max(0, ...r.checks.filter((c) => !networkChecks.has(c.id)).map((c) => c.durationMs)),
  );
  const perProbe: Record<string, number> = {};
  for (const id of reports[0]?.checks.map((c) => c.id) ?? []) {
    perProbe[id] =
      percentile(
        reports.map((r) => r.checks.find((c) => c.id === id)?.durationMs ?? 0),
        50,
      ) ?? 0;
  }
  const statuses = Object.fromEntries(reports.at(-1)?.checks.map((c) => [c.id, c.status]) ?? []);
  const result = {
    runs,
    p50Ms: percentile(whole, 50),
    p95Ms: percentile(whole, 95),
    p50MsWithoutNetworkChecks: percentile(local, 50),
    p95MsWithoutNetworkChecks: percentile(local, 95),
    perProbeP50Ms: perProbe,
    qualityTarget: values.target ? 'user target' : 'local TCP server',
    lastStatuses: statuses,
    machine: {
      platform: process.platform,
      release: release(),
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
    },
  };
  if (!values.json) {
    process.stdout.write(
      `scan p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms; without network checks p50 ${result.p50MsWithoutNetworkChecks} ms\n`,
    );
    for (const [id, ms] of Object.entries(perProbe)) process.stdout.write(`  ${id.padEnd(28)} ${ms} ms\n`);
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

void main();
