/**
 * `npm run -s bench:vault -- --logs 20000 [--json]`
 *
 * Builds a vault of N realistic logs spread over ten years (about eight sessions a working
 * day) in a temp folder, with the real scrypt cost, then measures what a therapist waits for.
 * The last line of output is JSON. A benchmark, not a test: figures depend on the machine.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { readinessLogSchema, type ReadinessLog } from '../../shared/logs/readiness-log';
import { createMemorySink, setLogSink } from '../../main/logging/logger';
import { confStoreFactory } from '../../main/store/store-factory';
import { createPassphraseSlot, createRecoverySlot, type KeySlots } from '../../main/vault/key-slots';
import { makeLogId, periodOf } from '../../main/vault/log-ids';
import { generateRecoveryKey } from '../../main/vault/recovery-key';
import { writeBackupText } from '../../main/vault/backup-file';
import { randomKey } from '../../main/vault/vault-crypto';
import { nodeVaultFs } from '../../main/vault/vault-fs';
import { emptyMonth, type MonthRecords } from '../../main/vault/vault-records';
import { createVaultService, type VaultService } from '../../main/vault/vault-service';
import { sampleLog } from '../fixtures/vault/sample-logs';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    logs: { type: 'string', default: '20000' },
    json: { type: 'boolean', default: false },
    saves: { type: 'string', default: '101' },
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
const passphrase = 'bench passphrase, long enough';
const progress = (text: string) => void process.stderr.write(`${text}\n`);
const ms = (start: number) => Math.round((performance.now() - start) * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
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

/** The logs, month by month, with creation times spread evenly over ten years up to now. */
function buildMonths(count: number, end: Date): MonthRecords[] {
  const span = 10 * 365.25 * 24 * 3_600_000;
  const months = new Map<string, { logs: Record<string, ReadinessLog> }>();
  for (let i = 0; i < count; i += 1) {
    const createdAt = new Date(end.getTime() - span + Math.floor(((i + 0.5) * span) / count));
    const id = makeLogId(createdAt);
    const log = readinessLogSchema.parse({
      ...sampleLog(i, { sessionAt: new Date(createdAt.getTime() + 10 * 60_000).toISOString() }),
      id,
      createdAt: createdAt.toISOString(),
      appVersion: '0.1.0',
      addenda:
        i % 4 === 0
          ? [
              {
                kind: 'session-ended',
                endedAt: new Date(createdAt.getTime() + 3_600_000).toISOString(),
                at: new Date(createdAt.getTime() + 3_700_000).toISOString(),
              },
            ]
          : [],
    });
    const period = periodOf(createdAt);
    const month = months.get(period) ?? { logs: {} };
    month.logs[id] = log;
    months.set(period, month);
  }
  return [...months.entries()].map(([period, m]) => ({ ...emptyMonth(period), logs: m.logs }));
}

function makeVault(dataDir: string): VaultService {
  // Retention "forever", so ten years are kept; the default scrypt cost (N = 2^17).
  return createVaultService({
    dataDir,
    appVersion: '0.1.0',
    storeFactory: confStoreFactory,
    getSettings: () => ({ idleLockMinutes: 15, retentionYears: null }),
  });
}

async function freshUnlock(dataDir: string): Promise<VaultService> {
  const v = makeVault(dataDir);
  await v.unlock({ method: 'passphrase', passphrase });
  return v;
}

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'readyroom-vault-bench-'));
  const dataDir = join(root, 'data');
  try {
    const setupVault = makeVault(dataDir);
    await setupVault.setup(passphrase);

    // Build through the public restore path: a backup from "another computer" holding every log.
    progress(`building ${total} logs…`);
    let start = performance.now();
    const months = buildMonths(total, new Date());
    const dek = randomKey();
    const vaultId = 'be'.repeat(16);
    const oldPassphrase = 'the passphrase of the old computer';
    const slots: KeySlots = {
      format: 'readyroom.keyslots/1',
      vaultId,
      revision: 1,
      createdAt: new Date().toISOString(),
      slots: {
        passphrase: await createPassphraseSlot(dek, vaultId, oldPassphrase, { N: 2 ** 10, r: 8, p: 1 }),
        recovery: createRecoverySlot(dek, vaultId, generateRecoveryKey().bytes),
      },
    };
    const backupFile = join(root, 'build.rrbackup');
    nodeVaultFs.writeAtomic(
      backupFile,
      writeBackupText(dek, slots, months, { createdAt: new Date(), appVersion: '0.1.0' }),
    );
    const restored = await setupVault.restore(backupFile, { method: 'passphrase', passphrase: oldPassphrase });
    if (restored.status !== 'restored' || restored.added !== total)
      throw new Error(`build failed: ${JSON.stringify(restored)}`);
    const buildMs = ms(start);
    setupVault.lock();
    rmSync(backupFile);
    progress(`built in ${Math.round(buildMs)} ms across ${months.length} months`);

    // Key derivation alone (scrypt), then a whole unlock: derive, lock file, check every file's tag.
    const checker = makeVault(dataDir);
    start = performance.now();
    await checker.verify({ method: 'passphrase', passphrase });
    const kdfMs = ms(start);
    const unlocker = makeVault(dataDir);
    start = performance.now();
    await unlocker.unlock({ method: 'passphrase', passphrase });
    const unlockMs = ms(start);
    unlocker.lock();

    // Each listing on a fresh session, so nothing is cached from a previous one.
    let v = await freshUnlock(dataDir);
    start = performance.now();
    const recent = v.list({ limit: 50 });
    const listRecent50Ms = ms(start);
    v.lock();

    v = await freshUnlock(dataDir);
    start = performance.now();
    const all = v.list();
    const listAllMs = ms(start);
    start = performance.now();
    v.list();
    const listAllWarmMs = ms(start);
    v.lock();

    v = await freshUnlock(dataDir);
    const client = recent.logs[0]?.clientCode ?? 'AB-001';
    start = performance.now();
    const found = v.list({ client });
    const searchClientMs = ms(start);
    v.lock();

    const bytesPerLog = Math.round(dirBytes(join(dataDir, 'vault')) / total);

    // Saves into this month, which already holds a full month of logs.
    v = await freshUnlock(dataDir);
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
      months: months.length,
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
