import { join } from 'node:path';

import { createLogger } from '../logging/logger';
import { isPeriod } from './log-ids';
import type { MonthFiles } from './month-files';
import type { VaultContext } from './vault-context';
import { authenticateEnvelopeBlocks, EnvelopeError } from './vault-envelope';
import { isTempFileName } from './vault-paths';
import type { Session } from './vault-session';
import { previousVersionPath } from './vault-stores';

const log = createLogger('vault');

/**
 * What every unlock checks and tidies before the logs are used: leftovers of interrupted writes,
 * every month file's integrity (so damage is reported now, not months later when a log is
 * opened), and indexes whose month was being written when a crash came.
 */
export interface VaultCheck {
  run(s: Session): void;
}

export function createVaultCheck(ctx: VaultContext, months: MonthFiles): VaultCheck {
  const { fs, paths } = ctx;

  /**
   * True when the file is exactly as this vault wrote it (GCM tag only: no decompressing or
   * parsing), read a block at a time so a check of every month never holds one whole.
   */
  function authentic(s: Session, kind: 'logs' | 'index', period: string, path: string): boolean {
    const blocks = fs.readBlocks(path);
    if (blocks === null) return false;
    try {
      authenticateEnvelopeBlocks(s.dek, { kind, id: period, vaultId: s.slots.vaultId }, blocks);
      return true;
    } catch (error) {
      if (error instanceof EnvelopeError) return false;
      throw error;
    }
  }

  /**
   * A crash while a write was being checked can leave a damaged file next to its intact previous
   * version: put that back. Then drop every leftover previous version (it may hold erased logs).
   */
  function restorePrevious(s: Session, kind: 'logs' | 'index', period: string, path: string): boolean {
    const previous = previousVersionPath(path);
    if (fs.size(previous) === null || !authentic(s, kind, period, previous)) return false;
    fs.replace(previous, path);
    log.warn('put back the previous version of a file whose last write did not finish', { period, kind });
    return true;
  }

  function verifyAll(s: Session): void {
    for (const period of ctx.periodsOnDisk()) {
      if (fs.size(months.logsPath(period)) === null) {
        // An index without its logs: reading it records the month as missing.
        months.readIndex(s, period);
        continue;
      }
      if (
        !authentic(s, 'logs', period, months.logsPath(period)) &&
        !restorePrevious(s, 'logs', period, months.logsPath(period))
      ) {
        months.setAside(s, period);
        continue;
      }
      if (
        fs.size(months.indexPath(period)) !== null &&
        !authentic(s, 'index', period, months.indexPath(period)) &&
        !restorePrevious(s, 'index', period, months.indexPath(period))
      ) {
        log.warn('month index could not be read; it will be rebuilt from the logs', { period });
        months.setIndexAside(s, period);
      }
    }
  }

  return {
    run(s) {
      for (const dir of [paths.root, paths.logsDir, paths.indexDir]) {
        for (const name of fs.list(dir)) if (isTempFileName(name)) fs.remove(join(dir, name));
      }
      verifyAll(s);
      for (const dir of [paths.root, paths.logsDir, paths.indexDir]) {
        for (const name of fs.list(dir)) if (name.endsWith('.prev')) fs.remove(join(dir, name));
      }
      for (const name of fs.list(paths.pendingDir)) {
        if (!isPeriod(name)) continue;
        s.indexes.delete(name);
        months.rebuildIndex(s, name);
      }
    },
  };
}
