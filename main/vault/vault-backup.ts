import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

import { AppError } from '../../shared/errors';
import type { BackupOutcome, RestoreSummary, Secret } from '../../shared/ipc/vault.contract';
import type { DocumentMergeCounts } from '../../shared/vault/document-merge';
import { readinessLogSchema, type ReadinessLog } from '../../shared/logs/readiness-log';
import { createLogger, describeError } from '../logging/logger';
import {
  backupKeySlots,
  backupOpensWith,
  BackupFormatError,
  openBackupDocuments,
  openBackupMonths,
  readBackupLines,
  type BackupDocument,
  writeBackup,
  type BackupProblem,
} from './backup-file';
import { unwrapWithPassphrase, unwrapWithRecoveryKey } from './key-slots';
import { periodOf, periodOfId } from './log-ids';
import type { MonthFiles } from './month-files';
import { parseRecoveryKey } from './recovery-key';
import type { VaultContext } from './vault-context';
import { DecryptError, wipe } from './vault-crypto';
import { backedUpDocumentNames, isBackedUpDocument, type VaultDocuments } from './vault-documents';
import { addErasures, type Erasure } from './vault-erasure';
import { authenticateEnvelopeBlocks, EnvelopeError } from './vault-envelope';
import { isDamaged, messages, toWriteError } from './vault-errors';
import { emptyMonth, RecordsFormatError, type MonthRecords } from './vault-records';
import type { Retention } from './vault-retention';
import type { Session, Sessions } from './vault-session';

const log = createLogger('vault');

export type RestoreResult = { readonly status: 'needs-secret' } | ({ readonly status: 'restored' } & RestoreSummary);

/** Backups (one encrypted file of every month and the documents) and restores, which only ever add. */
export interface VaultBackup {
  backup(s: Session, filePath: string): BackupOutcome;
  restore(s: Session, filePath: string, secret?: Secret): Promise<RestoreResult>;
}

/** Why a backup file cannot be used, exactly, and that nothing changed. */
const backupProblemMessages: Record<BackupProblem, string> = {
  'not-a-backup':
    'That file is not a ReadyRoom backup. Choose the file ReadyRoom saved (it ends in .rrbackup). Nothing was changed.',
  truncated:
    'That backup file is incomplete: it ends part-way through, as if it was not copied completely. Copy it again from where you keep it. Nothing was changed.',
  'missing-parts':
    'That backup file is incomplete: some of its parts (months of logs or other records) are missing, as if it was not copied completely. Copy it again from where you keep it. Nothing was changed.',
  damaged: 'That backup has been changed or damaged since it was saved, so nothing was restored from it.',
};

/** The temp file of a backup being written: hidden, and naming its writer so leftovers can be told apart. */
export function backupTempName(pid: number): string {
  return `.readyroom-backup-${pid}-${randomBytes(6).toString('hex')}.tmp`;
}

function backupTempPid(name: string): number | null {
  const match = /^\.readyroom-backup-(\d{1,10})-[0-9a-f]{12}\.tmp$/.exec(name);
  return match?.[1] ? Number(match[1]) : null;
}

type Totals = Record<keyof Omit<RestoreSummary, 'unreadablePeriods' | 'missingPeriods' | 'documents'>, number>;

export function createVaultBackup(
  ctx: VaultContext,
  sessions: Sessions,
  months: MonthFiles,
  erasure: Erasure,
  retention: Retention,
  documents: VaultDocuments,
): VaultBackup {
  const { fs } = ctx;

  /**
   * Adds the backup's documents to ours, each through its domain's merge (which validates the
   * backup's copy and keeps ours on a clash); one that cannot be merged is counted, never written.
   * Returns the counts by name and whether any document was saved.
   */
  function mergeDocuments(
    s: Session,
    incoming: readonly BackupDocument[],
    erasures: ReadonlyMap<string, string>,
  ): { readonly counts: Record<string, DocumentMergeCounts>; readonly changed: boolean } {
    const counts: Record<string, DocumentMergeCounts> = {};
    let changed = false;
    const context = { erasedAt: (client: string) => erasure.lastErasure(s, erasures, client) };
    for (const { name, value } of incoming) {
      const merger = isBackedUpDocument(name) ? ctx.deps.documentMergers?.[name] : undefined;
      if (!isBackedUpDocument(name) || !merger) {
        // A later version's document, or no merge given: left in the backup, said so.
        counts[name] = { added: 0, skipped: 0, invalid: 1 };
        continue;
      }
      const result = merger(documents.read(s, name), value, context);
      counts[name] = { added: result.added, skipped: result.skipped, invalid: result.invalid };
      if (result.value !== null) {
        documents.write(s, name, result.value);
        changed = true;
      }
    }
    return { counts, changed };
  }

  /**
   * Adds a backup's month. Never brings back a log deleted here, nor a log of a client erased
   * here that was saved before the erasure. `ownVault`: the backup's erasure records use our key,
   * so they are kept too.
   */
  function mergeInto(
    s: Session,
    incoming: MonthRecords,
    merge: { readonly cutoff: Date | null; readonly erasures: ReadonlyMap<string, string>; readonly ownVault: boolean },
    totals: Totals,
  ): void {
    const { cutoff, erasures } = merge;
    const month = months.readForWrite(s, incoming.period);
    const logs: Record<string, ReadinessLog> = { ...month.logs };
    const deleted: Record<string, string> = { ...month.deleted };
    const erased: Record<string, string> = { ...month.erased };
    let changed = false;
    for (const [id, raw] of Object.entries(incoming.logs)) {
      const parsed = readinessLogSchema.safeParse(raw);
      if (
        !parsed.success ||
        periodOfId(id) !== incoming.period ||
        periodOf(new Date(parsed.data.createdAt)) !== incoming.period
      ) {
        totals.invalid += 1;
        continue;
      }
      const entry = parsed.data;
      if (cutoff && new Date(entry.createdAt) < cutoff) {
        totals.skippedOld += 1;
        continue;
      }
      const erasedAt = erasure.lastErasure(s, erasures, entry.clientCode);
      if (deleted[id] || (erasedAt !== undefined && Date.parse(entry.createdAt) <= Date.parse(erasedAt))) {
        totals.skippedDeleted += 1;
        continue;
      }
      const existing = logs[id];
      if (!existing) {
        logs[id] = entry;
        totals.added += 1;
        changed = true;
        continue;
      }
      const seen = new Set(existing.addenda.map((a) => JSON.stringify(a)));
      const extra = entry.addenda.filter((a) => !seen.has(JSON.stringify(a)));
      if (extra.length === 0) {
        totals.unchanged += 1;
        continue;
      }
      const addenda = [...existing.addenda, ...extra]
        .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
        .slice(0, 500);
      logs[id] = { ...existing, addenda };
      totals.updated += 1;
      changed = true;
    }
    // Remember the backup's erasures too, so an even older backup cannot bring those logs back.
    for (const [id, at] of Object.entries(incoming.deleted)) {
      if (!logs[id] && !deleted[id] && periodOfId(id) === incoming.period) {
        deleted[id] = at;
        changed = true;
      }
    }
    if (merge.ownVault) {
      for (const [tag, at] of Object.entries(incoming.erased)) {
        const seen = erased[tag];
        if (seen === undefined || Date.parse(seen) < Date.parse(at)) {
          erased[tag] = at;
          changed = true;
        }
      }
    }
    if (changed) months.commit(s, { ...month, logs, deleted, erased });
  }

  /**
   * A backup is written to a hidden temp file beside the chosen one, then renamed; a crash in
   * between leaves that temp file: an invisible extra copy of every log (encrypted) in the
   * user's folder. The next backup into that folder removes those whose writer no longer runs.
   */
  function removeLeftoverBackupTemps(filePath: string): void {
    const folder = dirname(filePath);
    const prefix = `.${basename(filePath)}.`;
    const oldStyle = (name: string) => name.startsWith(prefix) && /^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length));
    for (const name of fs.list(folder)) {
      const pid = backupTempPid(name);
      const leftover =
        (pid !== null && (pid === ctx.me.pid || !ctx.me.isAlive(pid))) ||
        // Left by earlier versions, which named the temp file after the backup.
        oldStyle(name);
      if (!leftover) continue;
      try {
        fs.remove(join(folder, name));
        log.info('removed a backup file left half-written by an interrupted backup');
      } catch (error) {
        log.warn('could not remove a half-written backup file', { error: describeError(error) });
      }
    }
  }

  return {
    backup(s, filePath) {
      // Months that fail their check are set aside first, so the header names only months that will be written.
      const periods: string[] = [];
      const unreadable: string[] = [];
      for (const period of ctx.periodsOnDisk()) {
        const blocks = fs.readBlocks(months.logsPath(period));
        if (blocks === null) continue;
        try {
          authenticateEnvelopeBlocks(s.dek, { kind: 'logs', id: period, vaultId: s.slots.vaultId }, blocks);
        } catch (error) {
          if (!(error instanceof EnvelopeError)) throw error;
          months.setAside(s, period);
          unreadable.push(period);
          continue;
        }
        periods.push(period);
      }
      // Read before the file is begun; one that cannot be read was set aside, and is left out.
      const carried: BackupDocument[] = [];
      for (const name of backedUpDocumentNames) {
        const value = documents.read(s, name);
        if (value !== null) carried.push({ name, value });
      }
      removeLeftoverBackupTemps(filePath);
      let count = 0;
      try {
        fs.writeAtomicStream(
          filePath,
          (write) =>
            writeBackup(
              write,
              s.dek,
              s.slots,
              periods,
              (period) => {
                // One month at a time, straight from its file: a big vault never sits in memory whole.
                const month = months.readUncached(s, period) ?? emptyMonth(period);
                count += Object.keys(month.logs).length;
                return month;
              },
              { createdAt: ctx.now(), appVersion: ctx.deps.appVersion },
              carried,
            ),
          backupTempName(ctx.me.pid),
        );
      } catch (error) {
        if (isDamaged(error)) {
          throw new AppError(
            'CORRUPT',
            'A month of logs could not be read while backing up, so no backup was saved. Try again.',
          );
        }
        throw toWriteError(error);
      }
      log.info('backup written', { months: periods.length, logs: count, documents: carried.length });
      return { saved: true, count, unreadablePeriods: unreadable };
    },

    async restore(s, filePath, secret) {
      const lines = fs.readLines(filePath);
      if (lines === null) throw new AppError('NOT_FOUND', 'That backup file could not be found.');
      let backup;
      try {
        backup = readBackupLines(() => lines);
      } catch (error) {
        if (error instanceof BackupFormatError) throw new AppError('CORRUPT', backupProblemMessages[error.problem]);
        throw error;
      }
      let key: Buffer | null = null;
      let ownKey = false;
      // This vault's backups file erasure records under our erasure key (kept when the data key changes).
      const sameVault = backup.header.vault === s.slots.vaultId;
      const damaged = () => new AppError('CORRUPT', 'That backup has been damaged, so nothing was restored from it.');
      if (sameVault && backupOpensWith(s.dek, backup)) {
        key = s.dek;
        ownKey = true;
      } else if (sameVault && backup.header.slots.passphrase.wrapped === s.slots.slots.passphrase.wrapped) {
        // Made with the key we hold, yet it does not open with it: it was changed.
        throw damaged();
      } else if (!secret) {
        // Another vault's, or ours from before the data key changed: it opens with the keys of its time.
        return { status: 'needs-secret' as const };
      } else {
        const slots = backupKeySlots(backup);
        if (secret.method === 'passphrase') {
          key = await unwrapWithPassphrase(slots, secret.passphrase);
          if (!key)
            throw new AppError(
              'WRONG_PASSPHRASE',
              'That passphrase does not open this backup. Use the one you had when the backup was made, or your recovery key from then.',
            );
        } else {
          const recoveryBytes = parseRecoveryKey(secret.recoveryKey);
          key = recoveryBytes ? unwrapWithRecoveryKey(slots, recoveryBytes) : null;
          wipe(recoveryBytes);
          if (!key) throw new AppError('WRONG_RECOVERY_KEY', 'That recovery key does not open this backup.');
        }
        if (sessions.current !== s) {
          wipe(key);
          throw new AppError('LOCKED', messages.locked);
        }
        if (!backupOpensWith(key, backup)) {
          wipe(key);
          throw damaged();
        }
      }
      const totals: Totals = { added: 0, updated: 0, unchanged: 0, skippedDeleted: 0, skippedOld: 0, invalid: 0 };
      const cutoff = retention.cutoff();
      // Erasure records from every readable month (and from a backup of this vault): a client
      // erased here stays erased, even if the month that held their logs could not be read.
      const erasures = erasure.known(s);
      let incomingDocuments: BackupDocument[] = [];
      try {
        // Check every month first, so a damaged backup changes nothing rather than half a restore.
        // Both passes read the file a month at a time.
        try {
          for (const month of openBackupMonths(key, backup)) if (sameVault) addErasures(erasures, month.erased);
          // The documents are small: read once, and kept until merged below.
          incomingDocuments = [...openBackupDocuments(key, backup)];
        } catch (error) {
          if (
            error instanceof DecryptError ||
            error instanceof BackupFormatError ||
            error instanceof RecordsFormatError
          ) {
            throw damaged();
          }
          throw error;
        }
        for (const month of openBackupMonths(key, backup))
          mergeInto(s, month, { cutoff, erasures, ownVault: sameVault }, totals);
      } finally {
        if (!ownKey) wipe(key);
      }
      // Those months' logs are back (as far as this backup had them): stop reporting them.
      for (const period of backup.header.periods) months.resolve(s, period);
      const logsChanged = totals.added + totals.updated > 0;
      if (logsChanged) ctx.emitChanged('restored');
      // With the erasures known here and, from a backup of this vault, those it holds (gathered above).
      let merged: ReturnType<typeof mergeDocuments>;
      try {
        merged = mergeDocuments(s, incomingDocuments, erasures);
      } catch (error) {
        // The logs are in by now: say so, rather than a failure that sounds as if nothing happened.
        const cause = toWriteError(error);
        if (!(cause instanceof AppError)) throw cause;
        throw new AppError(
          cause.code,
          `The logs from the backup were restored (${totals.added} added), but its other records (incidents, client set-ups, practice review) could not all be saved: ${cause.message} Restoring the same backup again is safe: it only adds what is missing.`,
        );
      }
      if (!logsChanged && merged.changed) ctx.emitChanged('restored');
      log.info('backup restored', { ...totals, documents: incomingDocuments.length });
      return {
        status: 'restored' as const,
        ...totals,
        unreadablePeriods: months.unreadablePeriods(),
        missingPeriods: months.missingPeriods(),
        ...(incomingDocuments.length > 0 ? { documents: merged.counts } : {}),
      };
    },
  };
}
