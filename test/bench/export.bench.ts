/**
 * `npm run -s bench:export -- --logs 20000 [--json]`
 *
 * Builds a vault of N realistic logs over ten years (the generator bench:vault uses) in a temp
 * folder, then times what a therapist waits for when exporting every log: the PDF report, the CSV
 * and the JSON, each on a fresh session (nothing cached), through the same code as the app and
 * the CLI. The last line of output is JSON. A benchmark, not a test: figures depend on the machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { createLogExport } from '../../main/export/log-export';
import { createMemorySink, setLogSink } from '../../main/logging/logger';
import type { VaultService } from '../../main/vault/vault-service';
import type { ExportFormat } from '../../shared/ipc/vault.contract';
import { toOsName } from '../../shared/platform';
import { fillByRestore, makeBenchVault, planMonths, sampleBenchLog } from './support/bench-vault';
import { testKdf } from '../main/vault/vault-test-kit';
import { benchPassphrase, median, peakMiB, progress } from './bench-kit';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    logs: { type: 'string', default: '20000' },
    json: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
  },
  strict: true,
});
const total = Number(values.logs);
const runs = Number(values.runs);
if (!Number.isInteger(total) || total < 1 || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write('usage: export.bench.ts --logs N [--runs N] [--json]\n');
  process.exit(2);
}

setLogSink(createMemorySink());
const passphrase = benchPassphrase;

// The cheap test KDF: unlocking is bench:vault's business, not this one's.
const makeVault = (dataDir: string): VaultService => makeBenchVault(dataDir, { kdf: testKdf });

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'readyroom-export-bench-'));
  const dataDir = join(root, 'data');
  try {
    progress(`building ${total} logs…`);
    const builder = makeVault(dataDir);
    await builder.setup(passphrase);
    builder.confirmRecoveryKey();
    await fillByRestore(builder, dataDir, planMonths(total, new Date(), sampleBenchLog), total);
    builder.lock();

    const result: Record<string, unknown> = { logs: total };
    for (const format of ['pdf', 'csv', 'json'] as const satisfies readonly ExportFormat[]) {
      const times: number[] = [];
      let path = '';
      let count = 0;
      for (let run = 0; run < runs; run += 1) {
        const vault = makeVault(dataDir);
        await vault.unlock({ method: 'passphrase', passphrase });
        const exporter = createLogExport({
          vault,
          getSettings: () => ({ practiceName: 'Bench Practice' }),
          appVersion: '0.1.0',
          os: toOsName(process.platform),
        });
        path = join(root, `export-${run}.${format}`);
        const start = performance.now();
        count = (await exporter.write({ format, includeClientCodes: false }, path)).count;
        times.push(performance.now() - start);
        vault.lock();
      }
      if (count !== total) throw new Error(`${format}: exported ${count} of ${total}`);
      result[`${format}Ms`] = Math.round(median(times));
      result[`${format}KiB`] = Math.round(statSync(path).size / 1024);
      if (format === 'pdf') {
        const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
        result.pdfPages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
      }
      progress(`${format}: ${String(result[`${format}Ms`])} ms`);
    }
    result.peakMiB = peakMiB();
    result.node = process.version;
    result.cpu = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`;
    result.memoryGiB = Math.round(totalmem() / 1024 ** 3);
    if (!values.json) for (const [key, value] of Object.entries(result)) progress(`${key.padEnd(10)} ${String(value)}`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
