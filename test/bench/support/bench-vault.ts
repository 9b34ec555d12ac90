import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { readinessLogSchema, type ReadinessLog } from '../../../shared/logs/readiness-log';
import { writeBackup } from '../../../main/vault/backup-file';
import { createPassphraseSlot, createRecoverySlot, type KeySlots } from '../../../main/vault/key-slots';
import { makeLogId, periodOf } from '../../../main/vault/log-ids';
import { generateRecoveryKey } from '../../../main/vault/recovery-key';
import { confStoreFactory } from '../../../main/store/store-factory';
import { randomKey } from '../../../main/vault/vault-crypto';
import { nodeVaultFs } from '../../../main/vault/vault-fs';
import { emptyMonth, type MonthRecords } from '../../../main/vault/vault-records';
import { createVaultService, type VaultService, type VaultServiceDeps } from '../../../main/vault/vault-service';
import { sampleLog } from '../../fixtures/vault/sample-logs';

/** Makes log number `i` of a benchmark vault, created at `at` with this id. */
export type BenchLogMaker = (i: number, at: Date, id: string) => ReadinessLog;

export interface MonthPlan {
  readonly periods: readonly string[];
  monthOf(period: string): MonthRecords;
}

/** sampleLog's content with its own ids and times, a quarter of the logs with a "session ended". */
export const sampleBenchLog: BenchLogMaker = (i, at, id) =>
  readinessLogSchema.parse({
    ...sampleLog(i, { sessionAt: new Date(at.getTime() + 10 * 60_000).toISOString() }),
    id,
    createdAt: at.toISOString(),
    appVersion: '0.1.0',
    addenda:
      i % 4 === 0
        ? [
            {
              kind: 'session-ended',
              endedAt: new Date(at.getTime() + 3_600_000).toISOString(),
              at: new Date(at.getTime() + 3_700_000).toISOString(),
            },
          ]
        : [],
  });

/**
 * N logs with creation times spread evenly over `years` up to `end`, made one month at a time
 * when asked for, so the benchmark itself never holds them all.
 */
export function planMonths(count: number, end: Date, makeLog: BenchLogMaker, years = 10): MonthPlan {
  const span = years * 365.25 * 24 * 3_600_000;
  const createdAt = (i: number) => new Date(end.getTime() - span + Math.floor(((i + 0.5) * span) / count));
  const ranges = new Map<string, { first: number; last: number }>();
  for (let i = 0; i < count; i += 1) {
    const period = periodOf(createdAt(i));
    const range = ranges.get(period);
    if (range) range.last = i;
    else ranges.set(period, { first: i, last: i });
  }
  return {
    periods: [...ranges.keys()],
    monthOf(period) {
      const range = ranges.get(period);
      const logs: Record<string, ReadinessLog> = {};
      for (let i = range?.first ?? 0; range && i <= range.last; i += 1) {
        const at = createdAt(i);
        const id = makeLogId(at);
        logs[id] = makeLog(i, at, id);
      }
      return { ...emptyMonth(period), logs };
    },
  };
}

/** A vault service on `dataDir` that keeps logs for ever (so ten years stay), with the default scrypt cost unless `extra` says. */
export function makeBenchVault(dataDir: string, extra: Partial<VaultServiceDeps> = {}): VaultService {
  return createVaultService({
    dataDir,
    appVersion: '0.1.0',
    storeFactory: confStoreFactory,
    getSettings: () => ({ idleLockMinutes: 15, retentionYears: null }),
    ...extra,
  });
}

/**
 * Fills an unlocked vault through the public restore path: a backup from "another computer"
 * holding every planned log, written a month at a time and restored.
 */
export async function fillByRestore(
  vault: VaultService,
  dataDir: string,
  plan: MonthPlan,
  total: number,
): Promise<void> {
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
  const backupFile = join(dataDir, 'build.rrbackup');
  nodeVaultFs.writeAtomicStream(backupFile, (write) =>
    writeBackup(write, dek, slots, plan.periods, plan.monthOf, { createdAt: new Date(), appVersion: '0.1.0' }),
  );
  try {
    const restored = await vault.restore(backupFile, { method: 'passphrase', passphrase: oldPassphrase });
    if (restored.status !== 'restored' || restored.added !== total)
      throw new Error(`build failed: ${JSON.stringify(restored)}`);
  } finally {
    rmSync(backupFile, { force: true });
  }
}

/**
 * Sets up a vault with `passphrase` and fills it through the public restore path (fillByRestore).
 * Leaves it locked.
 */
export async function buildVaultByRestore(
  dataDir: string,
  passphrase: string,
  total: number,
  plan: MonthPlan,
): Promise<{ readonly buildMs: number; readonly months: number; readonly recoveryKey: string }> {
  const setupVault = makeBenchVault(dataDir);
  const { recoveryKey } = await setupVault.setup(passphrase);
  setupVault.confirmRecoveryKey();
  const start = performance.now();
  await fillByRestore(setupVault, dataDir, plan, total);
  const buildMs = Math.round((performance.now() - start) * 10) / 10;
  setupVault.lock();
  return { buildMs, months: plan.periods.length, recoveryKey };
}
