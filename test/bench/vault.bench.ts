/**
 * `npm run -s bench:vault -- --logs 20000 [--json] [--keep DIR]`
 *
 * Builds a vault of N realistic logs spread over ten years (about eight sessions a working
 * day) in a temp folder, with the real scrypt cost, then measures what a therapist waits for.
 * The last line of output is JSON. A benchmark, not a test: figures depend on the machine.
 * `--keep DIR` leaves the vault in DIR (its data folder; the passphrase is "bench passphrase,
 * long enough"), with its settings keeping logs for ever as the benchmark does, so the CLI's own
 * commands can be measured on it without its retention removing the older years.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { createMemorySink, setLogSink } from '../../main/logging/logger';
import { createSettingsService } from '../../main/settings/settings-service';
import { confStoreFactory } from '../../main/store/store-factory';
import type { VaultService } from '../../main/vault/vault-service';
import { sampleLog } from '../fixtures/vault/sample-logs';
import { benchPassphrase, median, peakMiB, progress } from './bench-kit';
import { buildVaultByRestore, makeBenchVault, planMonths, sampleBenchLog } from './support/bench-vault';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    logs: { type: 'string', default: '20000' },
    json: { type: 'boolean', default: false },
    saves: { type: 'string', default: '101' },
    'build-only': { type: 'string' },
    keep: { type: 'string' },
  },
  strict: true,
});
const total = Number(values.logs);
const saveRuns = Number(values.saves);
if (!Number.isInteger(total) || total < 1 || !Number.isInteger(saveRuns) || saveRuns < 1) {
  process.stderr.write('usage: vault.bench.ts --logs N [--saves N] [--json]\n');
  process.exit(2);
}

setLogSink(createMemorySink());
const passphrase = benchPassphrase;
const ms = (start: number) => Math.round((performance.now() - start) * 10) / 10;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;

function dirBytes(dir: string): number {
  let sum = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    sum += entry.isDirectory() ? dirBytes(path) : statSync(path).size;
  }
  return sum;
}

const makeVault = makeBenchVault;

/**
 * A fresh session (nothing cached) for the measurements after the unlock itself, opened with the
 * recovery key: scrypt's fixed 128 MiB is paid by the unlock being measured, not again and
 * again on top of whatever the heap holds by then.
 */
async function freshSession(dataDir: string, recoveryKey: string): Promise<VaultService> {
  const v = makeVault(dataDir);
  await v.unlock({ method: 'recovery-key', recoveryKey });
  return v;
}

/**
 * The vault to measure, built through the public restore path. Run in its own process (see
 * main), so what is measured afterwards starts from a fresh heap, as an unlock after a restart does.
 */
function build(
  dataDir: string,
): Promise<{ readonly buildMs: number; readonly months: number; readonly recoveryKey: string }> {
  return buildVaultByRestore(dataDir, passphrase, total, planMonths(total, new Date(), sampleBenchLog));
}

/** Builds the vault in a child process (this script again, with the same loader); its peak comes back too. */
function buildInChild(dataDir: string): {
  readonly buildMs: number;
  readonly months: number;
  readonly recoveryKey: string;
  readonly peakMiB: number;
} {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--build-only', dataDir, '--logs', String(total)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status !== 0) throw new Error(`building the vault failed (${child.status ?? child.signal})`);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as {
    buildMs: number;
    months: number;
    recoveryKey: string;
    peakMiB: number;
  };
}

async function main() {
  if (values['build-only']) {
    const built = await build(values['build-only']);
    process.stdout.write(`${JSON.stringify({ ...built, peakMiB: peakMiB() })}\n`);
    return;
  }
  const root = mkdtempSync(join(tmpdir(), 'readyroom-vault-bench-'));
  const dataDir = values.keep ?? join(root, 'data');
  if (values.keep && existsSync(join(values.keep, 'vault'))) throw new Error(`${values.keep} already holds a vault`);
  if (values.keep) createSettingsService(dataDir, confStoreFactory).update({ retentionYears: null });
  try {
    progress(`building ${total} logs…`);
    const built = buildInChild(dataDir);
    const { buildMs } = built;
    progress(`built in ${Math.round(buildMs)} ms across ${built.months} months`);

    // Key derivation alone (scrypt), then a whole unlock: derive, lock file, check every file's tag.
    const checker = makeVault(dataDir);
    let start = performance.now();
    start = performance.now();
    await checker.verify({ method: 'passphrase', passphrase });
    const kdfMs = ms(start);
    const unlocker = makeVault(dataDir);
    start = performance.now();
    await unlocker.unlock({ method: 'passphrase', passphrase });
    const unlockMs = ms(start);
    unlocker.lock();

    // Each listing on a fresh session, so nothing is cached from a previous one.
    let v = await freshSession(dataDir, built.recoveryKey);
    start = performance.now();
    const recent = v.list({ limit: 50 });
    const listRecent50Ms = ms(start);
    v.lock();

    v = await freshSession(dataDir, built.recoveryKey);
    start = performance.now();
    const all = v.list();
    const listAllMs = ms(start);
    start = performance.now();
    v.list();
    const listAllWarmMs = ms(start);
    v.lock();

    v = await freshSession(dataDir, built.recoveryKey);
    const client = recent.logs[0]?.clientCode ?? 'AB-001';
    start = performance.now();
    const found = v.list({ client });
    const searchClientMs = ms(start);
    v.lock();

    const bytesPerLog = Math.round(dirBytes(join(dataDir, 'vault')) / total);

    // Saves into this month, which already holds a full month of logs.
    v = await freshSession(dataDir, built.recoveryKey);
    const saveTimes: number[] = [];
    for (let i = 0; i < saveRuns; i += 1) {
      const input = sampleLog(total + i, { sessionAt: new Date().toISOString() });
      start = performance.now();
      v.save(input);
      saveTimes.push(performance.now() - start);
    }
    v.lock();

    const result = {
      logs: total,
      months: built.months,
      saveP50Ms: Math.round(median(saveTimes) * 10) / 10,
      saveP95Ms: Math.round(percentile(saveTimes, 0.95) * 10) / 10,
      listRecent50Ms,
      listAllMs,
      listAllWarmMs,
      searchClientMs,
      unlockMs,
      kdfMs,
      bytesPerLog,
      buildMs,
      buildPeakMiB: built.peakMiB,
      peakMiB: peakMiB(),
      listed: all.logs.length,
      clientMatches: found.logs.length,
      node: process.version,
    };
    if (!values.json) {
      for (const [key, value] of Object.entries(result)) progress(`${key.padEnd(16)} ${value}`);
    }
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
