import type {
  BackupOutcome,
  LockReason,
  Secret,
  SetKeychainRequest,
  UnlockRequest,
  VaultStatus,
} from '../../shared/ipc/vault.contract';
import type { AddendumInput, NewReadinessLog, Outcome, ReadinessLog } from '../../shared/logs/readiness-log';
import { createChangeKeys } from './change-keys';
import { createKeyFiles } from './key-files';
import { createMonthFiles } from './month-files';
import { createVaultBackup, type RestoreResult } from './vault-backup';
import { createVaultCheck } from './vault-check';
import { createVaultDocuments, type VaultDocumentName } from './vault-documents';
import { createVaultContext, type VaultServiceDeps } from './vault-context';
import { createErasure, type EraseResult } from './vault-erasure';
import { createVaultLogs, type LogList, type LogsQuery, type NoteMatches } from './vault-logs';
import { createVaultRekey } from './vault-rekey';
import { createQuarantine } from './vault-quarantine';
import { createRetention } from './vault-retention';
import { createSessions, type Session } from './vault-session';
import { createVaultUnlock, type UnlockOptions } from './vault-unlock';
import { readOnlyMessages } from './vault-errors';

export type { KeychainPort } from './key-slots';
export type { RestoreResult } from './vault-backup';
export { nodeIdleTimers, type IdleTimers, type VaultServiceDeps } from './vault-context';
export type { EraseResult } from './vault-erasure';
export type { LogList, LogsQuery } from './vault-logs';
export type { UnlockOptions } from './vault-unlock';

export interface VaultService {
  status(): VaultStatus;
  /** Creates the vault and unlocks it; the recovery key is returned this once and never stored. */
  setup(passphrase: string): Promise<{ readonly recoveryKey: string; readonly status: VaultStatus }>;
  /** `readOnly`: without the write lock, for a command that only reads (see VaultUnlock.unlock). */
  unlock(request: UnlockRequest, options?: UnlockOptions): Promise<VaultStatus>;
  /** Checks a passphrase or recovery key without unlocking or touching anything on disk. */
  verify(request: UnlockRequest): Promise<boolean>;
  /** Drops the key and every decrypted log, releases the lock file. */
  lock(reason?: LockReason): VaultStatus;
  /** User activity: restarts the idle-lock countdown. */
  touch(): void;
  changePassphrase(current: string, next: string): Promise<VaultStatus>;
  /** A new recovery key, shown this once; the old one stops working. Needs the current passphrase. */
  newRecoveryKey(passphrase: string): Promise<{ readonly recoveryKey: string; readonly status: VaultStatus }>;
  /**
   * A new data key: every month re-encrypted under it (crash-safe), so an old key file and
   * passphrase open nothing saved from now on. Needs the current passphrase; gives a new recovery
   * key (the old one opened the old key), shown this once.
   */
  newDataKey(passphrase: string): Promise<{ readonly recoveryKey: string; readonly status: VaultStatus }>;
  /** The user has stored the recovery key last shown (after setup or a new one). */
  confirmRecoveryKey(): VaultStatus;
  /** Turning it on needs the current passphrase. */
  setKeychain(request: SetKeychainRequest): Promise<VaultStatus>;
  /** Saves a log with the outcome its checks and confirmations give (the one sent is not trusted); returns both. */
  save(log: NewReadinessLog): { readonly id: string; readonly outcome: Outcome };
  list(query?: LogsQuery): LogList;
  /** Ids of the logs whose notes contain these words (accents and case aside). */
  searchNotes(text: string): NoteMatches;
  /** Every matching log, whole, oldest first, a month at a time (for exports); see VaultLogs.eachLog. */
  eachLog(query: LogsQuery, visit: (log: ReadinessLog) => void): Omit<LogList, 'logs'>;
  get(id: string): ReadinessLog;
  addAddendum(id: string, addendum: AddendumInput): ReadinessLog;
  delete(id: string): { readonly deleted: boolean };
  /** How many logs an erasure of this client code would remove. */
  countClient(client: string): number;
  /**
   * Erasure request: refuses unless expectedCount matches what the user was shown. Logs in a
   * month that cannot be read cannot be erased: those months come back as `incompletePeriods`.
   * Either way the erasure is recorded, so no restore brings this client's earlier logs back.
   */
  eraseClient(client: string, expectedCount: number): EraseResult;
  backup(filePath: string): BackupOutcome;
  restore(filePath: string, secret?: Secret): Promise<RestoreResult>;
  /** A small encrypted record (see vault-documents.ts); null when there is none. LOCKED when locked. */
  readDocument(name: VaultDocumentName): unknown;
  writeDocument(name: VaultDocumentName, value: unknown): void;
  /** Locks and stops timers, for app quit. */
  close(): void;
}

/**
 * The encrypted readiness-log vault, as one service over its parts (see main/vault/README.md).
 * Logs live in one encrypted file per month (plus a small encrypted index per month for
 * listing), so a save costs the same after ten years as on day one. All writes are atomic; a
 * file that fails authentication is moved aside, never overwritten; a second process is kept
 * out by a lock file while the vault is unlocked.
 */
export function createVaultService(deps: VaultServiceDeps): VaultService {
  const ctx = createVaultContext(deps);
  const quarantine = createQuarantine(ctx);
  const sessions = createSessions(ctx);
  const keyFiles = createKeyFiles(ctx, sessions, quarantine);
  const months = createMonthFiles(ctx, sessions, quarantine);
  const retention = createRetention(ctx, months);
  const check = createVaultCheck(ctx, months);
  const documents = createVaultDocuments(ctx, sessions, quarantine);
  const rekey = createVaultRekey(ctx, sessions, keyFiles, months, documents);
  const unlocker = createVaultUnlock(ctx, sessions, keyFiles, rekey, check, retention);
  const keys = createChangeKeys(ctx, sessions, keyFiles, unlocker);
  const logs = createVaultLogs(ctx, months);
  const erasure = createErasure(ctx, months);
  const backups = createVaultBackup(ctx, sessions, months, erasure, retention, documents);

  function status(): VaultStatus {
    const s = sessions.current;
    let enabled = false;
    if (s) enabled = Boolean(s.slots.slots.keychain);
    else {
      try {
        enabled = Boolean(keyFiles.readCandidates()[0]?.slots.keychain);
      } catch {
        enabled = false;
      }
    }
    const keychain = unlocker.keychainState();
    return {
      // A setup cut short, holding no logs, is offered again as if there were no vault.
      state: s ? 'unlocked' : ctx.vaultExists() && !keyFiles.unfinished() ? 'locked' : 'absent',
      ...(keyFiles.recoveryKeyUnconfirmed() ? { recoveryKeyUnconfirmed: true } : {}),
      keychain: { available: keychain.available, enabled, reason: keychain.reason },
      unreadablePeriods: months.unreadablePeriods(),
      ...(months.missingPeriods().length > 0 ? { missingPeriods: months.missingPeriods() } : {}),
      idleLockMinutes: deps.getSettings?.().idleLockMinutes ?? 15,
      ...(s?.readOnly ? { readOnly: readOnlyMessages[s.readOnly] } : {}),
    };
  }

  /** Every use of the open vault: the session (or LOCKED), and the idle countdown restarted. */
  function active(): Session {
    const s = sessions.require();
    sessions.touch();
    return s;
  }

  function lock(reason: LockReason = 'manual'): VaultStatus {
    sessions.end(reason);
    return status();
  }

  return {
    status,
    async setup(passphrase) {
      const { recoveryKey } = await unlocker.setup(passphrase);
      return { recoveryKey, status: status() };
    },
    async unlock(request, options) {
      await unlocker.unlock(request, options);
      return status();
    },
    verify: (request) => unlocker.verify(request),
    lock,
    touch: () => sessions.touch(),
    async newRecoveryKey(passphrase) {
      const recoveryKey = await sessions.exclusive(() => keys.newRecoveryKey(active(), passphrase));
      return { recoveryKey, status: status() };
    },
    async newDataKey(passphrase) {
      const recoveryKey = await sessions.exclusive(() =>
        rekey.newDataKey(active(), passphrase, (s, p) => keys.provePassphrase(s, p)),
      );
      return { recoveryKey, status: status() };
    },
    confirmRecoveryKey() {
      sessions.touch();
      keys.confirmRecoveryKey(sessions.current);
      return status();
    },
    async changePassphrase(current, next) {
      await sessions.exclusive(() => keys.changePassphrase(active(), current, next));
      return status();
    },
    async setKeychain(request) {
      await sessions.exclusive(() => keys.setKeychain(active(), request));
      return status();
    },
    save: (input) => logs.save(active(), input),
    list: (query) => logs.list(active(), query),
    searchNotes: (text) => logs.searchNotes(active(), text),
    eachLog: (query, visit) => logs.eachLog(active(), query, visit),
    get: (id) => logs.get(active(), id),
    addAddendum: (id, addendum) => logs.addAddendum(active(), id, addendum),
    delete: (id) => logs.delete(active(), id),
    countClient: (client) => erasure.countClient(active(), client),
    eraseClient: (client, expectedCount) => erasure.eraseClient(active(), client, expectedCount),
    backup: (filePath) => backups.backup(active(), filePath),
    restore: (filePath, secret) =>
      sessions.exclusive(() => {
        const s = active();
        // Refused before the backup is read, so a read-only session is told at once.
        sessions.confirmLock(s);
        return backups.restore(s, filePath, secret);
      }),
    readDocument: (name) => documents.read(active(), name),
    writeDocument: (name, value) => documents.write(active(), name, value),
    close() {
      lock('quit');
    },
  };
}
