import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import { catalog } from '../../shared/catalog/catalog';
import type { CheckStatus } from '../../shared/checks/check-result';
import { computeOutcome } from '../../shared/checks/outcome';
import { AppError } from '../../shared/errors';
import type {
  BackupOutcome,
  LockReason,
  LogsChangeReason,
  RestoreSummary,
  Secret,
  UnlockRequest,
  VaultStatus,
} from '../../shared/ipc/vault.contract';
import { minPassphraseLength } from '../../shared/ipc/vault.contract';
import { checkClientCode, clientCodeKey, legacyClientCodeKey } from '../../shared/logs/client-code';
import { periodLabel } from '../../shared/logs/log-periods';
import {
  addendumInputSchema,
  newReadinessLogSchema,
  readinessLogSchema,
  type Addendum,
  type AddendumInput,
  type LogSummary,
  type NewReadinessLog,
  type Outcome,
  type ReadinessLog,
} from '../../shared/logs/readiness-log';
import type { Settings } from '../../shared/settings/settings';
import type { EventSink } from '../ipc/handler-types';
import { createLogger, describeError } from '../logging/logger';
import type { StoreFactory } from '../store/store-factory';
import {
  createKeychainSlot,
  createPassphraseSlot,
  createRecoverySlot,
  deserializeKeySlots,
  KeySlotsCorruptError,
  keySlotsFormat,
  serializeKeySlots,
  unwrapWithKeychain,
  unwrapWithPassphrase,
  unwrapWithRecoveryKey,
  type KeychainPort,
  type KeySlots,
} from './key-slots';
import { isPeriod, makeLogId, periodEnd, periodOf, periodOfId, periodStart } from './log-ids';
import { generateRecoveryKey, parseRecoveryKey } from './recovery-key';
import {
  backupKeySlots,
  backupOpensWith,
  BackupFormatError,
  openBackupChunk,
  readBackup,
  writeBackupText,
} from './vault-backup';
import {
  defaultScryptParams,
  DecryptError,
  deriveSubkey,
  keyedHash,
  randomKey,
  wipe,
  type ScryptParams,
} from './vault-crypto';
import { authenticateEnvelope, EnvelopeError, openEnvelope, sealEnvelope, type EnvelopeKind } from './vault-envelope';
import { isCode, isDiskFull, nodeVaultFs, type VaultFs } from './vault-fs';
import {
  acquireVaultLock,
  currentProcess,
  holdsVaultLock,
  releaseVaultLock,
  type ProcessInfo,
} from './vault-lock-file';
import { isTempFileName, keySlotsBackupName, keySlotsPrimaryName, vaultPaths } from './vault-paths';
import {
  emptyMonth,
  indexOfMonth,
  parseIndex,
  parseMonth,
  RecordsFormatError,
  serializeIndex,
  serializeMonth,
  type MonthIndex,
  type MonthRecords,
} from './vault-records';
import { openVaultStore, previousVersionPath, type VaultStore } from './vault-stores';

const log = createLogger('vault');

export type { KeychainPort } from './key-slots';

/** Schedules the idle lock; the app passes real timers, the CLI none. */
export interface IdleTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** setTimeout that does not keep Node alive on its own. */
export const nodeIdleTimers: IdleTimers = {
  set(callback, ms) {
    const handle = setTimeout(callback, ms);
    handle.unref();
    return handle;
  },
  clear(handle) {
    clearTimeout(handle as NodeJS.Timeout);
  },
};

export interface VaultServiceDeps {
  /** The app's data folder; the vault lives in its "vault" subfolder. */
  readonly dataDir: string;
  readonly appVersion: string;
  /** electron-store in the app, conf in Node: the same options either way. */
  readonly storeFactory: StoreFactory;
  readonly keychain?: KeychainPort;
  readonly clock?: { now(): Date };
  /** Omit (CLI) for no idle lock. */
  readonly timers?: IdleTimers;
  /** Omit (CLI without settings) to skip the retention purge rather than guess a setting. */
  readonly getSettings?: () => Pick<Settings, 'idleLockMinutes' | 'retentionYears'>;
  readonly events?: EventSink;
  /** scrypt cost for new passphrase slots; tests pass cheaper ones. */
  readonly kdf?: ScryptParams;
  readonly fs?: VaultFs;
  readonly processInfo?: ProcessInfo;
}

export interface LogsQuery {
  /** Exact client code (case and surrounding spaces ignored). */
  readonly client?: string;
  /** ISO dates; compared with when the check was made. */
  readonly since?: string;
  readonly until?: string;
  readonly limit?: number;
}

export interface LogList {
  readonly logs: readonly LogSummary[];
  readonly unreadablePeriods: readonly string[];
}

export interface EraseResult {
  readonly erased: number;
  /** Months that could not be read, so any logs of this client in them are still there (set aside). */
  readonly incompletePeriods: readonly string[];
}

export type RestoreResult = { readonly status: 'needs-secret' } | ({ readonly status: 'restored' } & RestoreSummary);

export interface VaultService {
  status(): VaultStatus;
  /** Creates the vault and unlocks it; the recovery key is returned this once and never stored. */
  setup(passphrase: string): Promise<{ readonly recoveryKey: string; readonly status: VaultStatus }>;
  unlock(request: UnlockRequest): Promise<VaultStatus>;
  /** Checks a passphrase or recovery key without unlocking or touching anything on disk. */
  verify(request: UnlockRequest): Promise<boolean>;
  /** Drops the key and every decrypted log, releases the lock file. */
  lock(reason?: LockReason): VaultStatus;
  /** User activity: restarts the idle-lock countdown. */
  touch(): void;
  changePassphrase(current: string, next: string): Promise<VaultStatus>;
  setKeychain(enabled: boolean): VaultStatus;
  /** Saves a log with the outcome its checks and confirmations give (the one sent is not trusted); returns both. */
  save(log: NewReadinessLog): { readonly id: string; readonly outcome: Outcome };
  list(query?: LogsQuery): LogList;
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
  /** Locks and stops timers, for app quit. */
  close(): void;
}

const maxMonthsInMemory = 3;

interface Session {
  dek: Buffer;
  /** Keys the erasure records (HMAC of a client code); derived from the DEK, wiped with it. */
  readonly erasureKey: Buffer;
  slots: KeySlots;
  readonly lockToken: string;
  readonly months: Map<string, MonthRecords>;
  readonly indexes: Map<string, MonthIndex>;
  readonly stores: Map<string, VaultStore<MonthRecords> | VaultStore<MonthIndex>>;
  readonly unreadable: Set<string>;
}

/** The file's bytes are not what we wrote: failed authentication or unexpected content. Not an I/O error. */
function isDamaged(error: unknown): boolean {
  return error instanceof EnvelopeError || error instanceof RecordsFormatError || error instanceof KeySlotsCorruptError;
}

/** Thrown inside the service when a month's logs file cannot be read; it has been set aside already. */
class UnreadablePeriodError extends Error {
  readonly period: string;
  constructor(period: string) {
    super(`period ${period} could not be read`);
    this.name = 'UnreadablePeriodError';
    this.period = period;
  }
}

const messages = {
  noVault: 'ReadyRoom has no log vault yet. Set one up first.',
  exists: 'A log vault already exists here. Unlock it instead of setting up a new one.',
  locked: 'Your logs are locked. Unlock them with your passphrase first.',
  wrongPassphrase:
    'That passphrase is not right. Nothing was changed. Check Caps Lock and try again, or use your recovery key.',
  wrongRecoveryKey:
    'That recovery key does not match. Check each group of four characters and try again. Nothing was changed.',
  busy: 'Your logs are open in another ReadyRoom window or command. Close it, then try again.',
  busyOtherComputer: 'Your logs folder is being used by ReadyRoom on another computer. Close it there, then try again.',
  unlocking: 'ReadyRoom is already working on this. Please wait a moment.',
  diskFull:
    'Your disk is full, so ReadyRoom could not save this. Everything saved before is safe. Free some space and try again.',
  noPermission:
    'ReadyRoom is not allowed to write to its data folder, so nothing was saved. Everything saved before is safe.',
  keySlotsDamaged:
    "ReadyRoom's key file is damaged, so your logs cannot be opened. Nothing has been deleted. Restore the folder from a backup of your computer, or contact support.",
  notFound: 'That log could not be found. It may have been deleted.',
  shortPassphrase: `Choose a passphrase of at least ${minPassphraseLength} characters.`,
  samePassphrase: 'The new passphrase is the same as the current one.',
  keychainFailed:
    "Your computer's keychain could not unlock ReadyRoom this time. Use your passphrase or recovery key instead.",
  keychainOff: 'Unlocking with the keychain is turned off. Use your passphrase or recovery key.',
} as const;

/** How bad a status is, for a check listed more than once: the worst listing counts. */
const statusRank: Record<CheckStatus, number> = { pass: 0, skipped: 1, warn: 2, unknown: 3, fail: 4 };

/**
 * The outcome a log's own checks and confirmations give, by the rules the summary screen uses,
 * so a caller (a window, a script) cannot store "Ready" for a session that was not.
 */
function outcomeOf(log: NewReadinessLog): Outcome {
  const results: Record<string, CheckStatus> = {};
  for (const check of log.checks) {
    const seen = results[check.id];
    if (seen === undefined || statusRank[check.status] > statusRank[seen]) results[check.id] = check.status;
  }
  const confirmations: Record<string, boolean> = {};
  for (const c of log.confirmations) confirmations[c.id] = (confirmations[c.id] ?? true) && c.confirmed;
  return computeOutcome({ entries: catalog, modality: log.modality, results, confirmations }).outcome;
}

function unreadableMessage(period: string): string {
  return `The logs for ${periodLabel(period)} could not be read, so ReadyRoom set that file aside without changing it. Your other logs are fine. Restoring a backup brings those logs back, except those of a client whose logs you erased.`;
}

/**
 * The encrypted readiness-log vault. Logs live in one encrypted file per month (plus a small
 * encrypted index per month for listing), so a save costs the same after ten years as on day
 * one. All writes are atomic; a file that fails authentication is moved aside, never
 * overwritten; a second process is kept out by a lock file while the vault is unlocked.
 */
export function createVaultService(deps: VaultServiceDeps): VaultService {
  const fs = deps.fs ?? nodeVaultFs;
  const clock = deps.clock ?? { now: () => new Date() };
  const kdf = deps.kdf ?? defaultScryptParams;
  const paths = vaultPaths(deps.dataDir);
  const me = deps.processInfo ?? currentProcess;
  let session: Session | null = null;
  let idleHandle: unknown = null;
  let inFlight = false;

  // ---------- small helpers ----------

  const now = () => clock.now();
  /** Events only inform the window; a closed one must not make a finished save look failed. */
  function emit(send: (events: EventSink) => void): void {
    if (!deps.events) return;
    try {
      send(deps.events);
    } catch (error) {
      log.warn('could not deliver a vault event', { error: describeError(error) });
    }
  }
  const emitChanged = (reason: LogsChangeReason) => emit((events) => events.emit('logs:changed', { reason }));

  function requireSession(): Session {
    if (!session) throw new AppError('LOCKED', messages.locked);
    return session;
  }

  async function exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (inFlight) throw new AppError('BUSY', messages.unlocking);
    inFlight = true;
    try {
      return await work();
    } finally {
      inFlight = false;
    }
  }

  function ensureDirs(): void {
    for (const dir of [paths.root, paths.logsDir, paths.indexDir, paths.pendingDir]) fs.mkdir(dir);
  }

  function toWriteError(error: unknown): unknown {
    if (isDiskFull(error)) return new AppError('DISK_FULL', messages.diskFull);
    if (isCode(error, 'EACCES') || isCode(error, 'EPERM') || isCode(error, 'EROFS')) {
      return new AppError('UNAVAILABLE', messages.noPermission);
    }
    return error;
  }

  function periodsOnDisk(): string[] {
    const names = new Set<string>();
    for (const dir of [paths.logsDir, paths.indexDir]) {
      for (const name of fs.list(dir)) {
        const period = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
        if (isPeriod(period)) names.add(period);
      }
    }
    return [...names].sort();
  }

  function vaultExists(): boolean {
    return (
      fs.read(paths.keySlots.primary) !== null || fs.read(paths.keySlots.backup) !== null || periodsOnDisk().length > 0
    );
  }

  /** Moves a file into the quarantine folder under a new, unique name; never overwrites. */
  function quarantine(path: string, label: string, why: string): void {
    if (fs.size(path) === null) return;
    fs.mkdir(paths.quarantineDir);
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    for (let n = 0; n < 100; n += 1) {
      const target = join(paths.quarantineDir, `${label}.${stamp}${n === 0 ? '' : `-${n}`}.${why}`);
      try {
        fs.move(path, target);
        return;
      } catch (error) {
        if (!isCode(error, 'EEXIST')) throw error;
      }
    }
    throw new Error('could not find a free quarantine name');
  }

  function quarantinedPeriods(): string[] {
    const out = new Set<string>();
    for (const name of fs.list(paths.quarantineDir)) {
      const match = /^logs-(\d{4}-\d{2})\.json\..*\.unreadable$/.exec(name);
      if (match?.[1]) out.add(match[1]);
    }
    return [...out];
  }

  function unreadablePeriods(): string[] {
    const all = new Set(quarantinedPeriods());
    for (const p of session?.unreadable ?? []) all.add(p);
    return [...all].sort();
  }

  // ---------- key slots ----------

  type SlotsRead = { readonly state: 'ok'; readonly slots: KeySlots } | { readonly state: 'missing' | 'damaged' };

  function readSlotsFile(path: string): SlotsRead {
    const bytes = fs.read(path);
    if (bytes === null) return { state: 'missing' };
    try {
      return { state: 'ok', slots: deserializeKeySlots(bytes.toString('utf8')) };
    } catch {
      return { state: 'damaged' };
    }
  }

  /**
   * The valid copies at the newest revision; throws when the vault has none that can be read.
   * An older copy is left over from a change whose second write failed: its slots are no longer
   * in force (an old passphrase, a keychain turned off) and must not unlock, so it only serves
   * when the newer copy is damaged, and is brought up to date at the next unlock.
   */
  function readSlotCandidates(): KeySlots[] {
    const copies = [readSlotsFile(paths.keySlots.primary), readSlotsFile(paths.keySlots.backup)];
    const valid = copies.flatMap((c) => (c.state === 'ok' ? [c.slots] : []));
    if (valid.length === 0) {
      if (copies.every((c) => c.state === 'missing') && !vaultExists())
        throw new AppError('NO_VAULT', messages.noVault);
      throw new AppError('CORRUPT', messages.keySlotsDamaged);
    }
    const newest = Math.max(...valid.map((c) => c.revision));
    return valid.filter((c) => c.revision === newest);
  }

  function keySlotsStore(name: string): VaultStore<KeySlots> {
    return openVaultStore<KeySlots>(deps.storeFactory, fs, {
      dir: paths.keySlots.dir,
      name,
      serialize: serializeKeySlots,
      deserialize: deserializeKeySlots,
    });
  }

  /** Opens a key-slot file for writing; a damaged copy is moved aside first, so it is never lost. */
  function openSlotsForWrite(name: string, path: string): VaultStore<KeySlots> {
    try {
      return keySlotsStore(name);
    } catch (error) {
      if (!isDamaged(error)) throw error;
      quarantine(path, `${name}.json`, 'damaged');
      return keySlotsStore(name);
    }
  }

  /**
   * Writes the primary copy (this is the commit), then the backup copy (best effort, repaired at
   * unlock). A backup copy left behind at the older revision never unlocks (readSlotCandidates).
   */
  function writeSlots(s: Session, slots: KeySlots): void {
    confirmLock(s);
    fs.mkdir(paths.root);
    try {
      openSlotsForWrite(keySlotsPrimaryName, paths.keySlots.primary).write(slots);
    } catch (error) {
      throw toWriteError(error);
    }
    try {
      openSlotsForWrite(keySlotsBackupName, paths.keySlots.backup).write(slots);
    } catch (error) {
      log.warn('second copy of the key file could not be written; it will be repaired at the next unlock', {
        error: describeError(error),
      });
    }
  }

  /** After an unlock: bring a missing, damaged or older copy up to the newest valid one. */
  function repairSlots(current: KeySlots): void {
    for (const [name, path] of [
      [keySlotsPrimaryName, paths.keySlots.primary],
      [keySlotsBackupName, paths.keySlots.backup],
    ] as const) {
      const copy = readSlotsFile(path);
      if (copy.state === 'ok' && copy.slots.revision >= current.revision) continue;
      try {
        if (copy.state === 'damaged') quarantine(path, `${name}.json`, 'damaged');
        openSlotsForWrite(name, path).write(current);
        log.info('repaired a copy of the key file', { copy: name, was: copy.state });
      } catch (error) {
        log.warn('could not repair a copy of the key file', { copy: name, error: describeError(error) });
      }
    }
  }

  async function unwrapDek(
    candidates: readonly KeySlots[],
    request: UnlockRequest,
  ): Promise<{ dek: Buffer; slots: KeySlots } | null> {
    const tried = new Set<string>();
    for (const slots of candidates) {
      let dek: Buffer | null = null;
      if (request.method === 'passphrase') {
        const key = JSON.stringify(slots.slots.passphrase);
        if (tried.has(key)) continue;
        tried.add(key);
        dek = await unwrapWithPassphrase(slots, request.passphrase);
      } else if (request.method === 'recovery-key') {
        const bytes = parseRecoveryKey(request.recoveryKey);
        if (!bytes) return null;
        dek = unwrapWithRecoveryKey(slots, bytes);
        wipe(bytes);
      } else {
        if (!slots.slots.keychain) continue;
        if (!deps.keychain || !keychainState().available) return null;
        dek = unwrapWithKeychain(slots, deps.keychain);
      }
      if (dek) return { dek, slots };
    }
    return null;
  }

  function unlockFailure(request: UnlockRequest, candidates: readonly KeySlots[]): AppError {
    if (request.method === 'passphrase') return new AppError('WRONG_PASSPHRASE', messages.wrongPassphrase);
    if (request.method === 'recovery-key') return new AppError('WRONG_RECOVERY_KEY', messages.wrongRecoveryKey);
    if (!candidates.some((c) => c.slots.keychain)) return new AppError('UNAVAILABLE', messages.keychainOff);
    const state = keychainState();
    return new AppError(
      'UNAVAILABLE',
      state.available ? messages.keychainFailed : (state.reason ?? messages.keychainFailed),
    );
  }

  function keychainState(): { available: boolean; reason: string | null } {
    if (!deps.keychain) {
      return { available: false, reason: "Unlocking without typing needs the ReadyRoom app; it isn't available here." };
    }
    let status: ReturnType<KeychainPort['status']>;
    try {
      status = deps.keychain.status();
    } catch {
      return { available: false, reason: "Your computer's keychain is not available right now." };
    }
    if (status.backend === 'basic_text') {
      return {
        available: false,
        reason:
          'This computer has no secure keychain for ReadyRoom to use (only a plain-text store, which would not protect your key), so you will need to type your passphrase.',
      };
    }
    if (!status.available)
      return { available: false, reason: status.reason ?? "Your computer's keychain is not available right now." };
    return { available: true, reason: null };
  }

  // ---------- encrypted month stores ----------

  function monthStore(s: Session, kind: 'logs' | 'index', period: string, cache = true) {
    const key = `${kind}/${period}`;
    const cached = s.stores.get(key);
    if (cached) return cached;
    const context = { kind: kind as EnvelopeKind, id: period, vaultId: s.slots.vaultId };
    const dir = kind === 'logs' ? paths.logsDir : paths.indexDir;
    const store =
      kind === 'logs'
        ? openVaultStore<MonthRecords>(deps.storeFactory, fs, {
            dir,
            name: period,
            serialize: (value) => sealEnvelope(s.dek, context, serializeMonth(value)),
            deserialize: (text) => parseMonth(openEnvelope(s.dek, context, text), period),
          })
        : openVaultStore<MonthIndex>(deps.storeFactory, fs, {
            dir,
            name: period,
            serialize: (value) => sealEnvelope(s.dek, context, serializeIndex(value)),
            deserialize: (text) => parseIndex(openEnvelope(s.dek, context, text), period),
          });
    if (cache) s.stores.set(key, store);
    return store;
  }

  function logsStore(s: Session, period: string, cache = true): VaultStore<MonthRecords> {
    return monthStore(s, 'logs', period, cache) as VaultStore<MonthRecords>;
  }
  function indexStore(s: Session, period: string): VaultStore<MonthIndex> {
    return monthStore(s, 'index', period) as VaultStore<MonthIndex>;
  }

  /** Opens a month file for writing; one that cannot be read is moved aside first, never overwritten. */
  function writableStore<T>(s: Session, kind: 'logs' | 'index', period: string): VaultStore<T> {
    try {
      return monthStore(s, kind, period) as VaultStore<T>;
    } catch (error) {
      if (!isDamaged(error)) throw error;
      quarantine(
        kind === 'logs' ? logsPath(period) : indexPath(period),
        `${kind}-${period}.json`,
        kind === 'logs' ? 'unreadable' : 'damaged',
      );
      return monthStore(s, kind, period) as VaultStore<T>;
    }
  }

  const logsPath = (period: string) => join(paths.logsDir, `${period}.json`);
  const indexPath = (period: string) => join(paths.indexDir, `${period}.json`);
  const pendingPath = (period: string) => join(paths.pendingDir, period);

  function forgetPeriod(s: Session, period: string): void {
    s.months.delete(period);
    s.indexes.delete(period);
    s.stores.delete(`logs/${period}`);
    s.stores.delete(`index/${period}`);
  }

  /**
   * The logs file of a month could not be read: move it (and its index) aside, keeping the
   * deletion and erasure records the index still has, so erased logs stay erased.
   */
  function setPeriodAside(s: Session, period: string): void {
    let deleted: Record<string, string> = {};
    let erased: Record<string, string> = {};
    try {
      const index = indexStore(s, period).value;
      deleted = { ...(index?.deleted ?? {}) };
      erased = { ...(index?.erased ?? {}) };
    } catch {
      // The index is unreadable as well; nothing to salvage (erasure records are kept in other months too).
    }
    quarantine(logsPath(period), `logs-${period}.json`, 'unreadable');
    quarantine(indexPath(period), `index-${period}.json`, 'set-aside');
    fs.remove(pendingPath(period));
    forgetPeriod(s, period);
    s.unreadable.add(period);
    log.warn('a month of logs could not be read and was set aside', { period });
    if (Object.keys(deleted).length > 0 || Object.keys(erased).length > 0) {
      try {
        commitMonth(s, emptyMonth(period, deleted, erased));
      } catch (error) {
        log.warn('could not keep the deletion records of a month that was set aside', {
          period,
          error: describeError(error),
        });
      }
    }
  }

  function remember(s: Session, month: MonthRecords): void {
    s.months.delete(month.period);
    s.months.set(month.period, month);
    while (s.months.size > maxMonthsInMemory) {
      const oldest = s.months.keys().next().value;
      if (oldest === undefined) break;
      s.months.delete(oldest);
      // The store remembers the last value it parsed: let that go too.
      s.stores.delete(`logs/${oldest}`);
    }
  }

  /** The month's records; throws UnreadablePeriodError (after setting the file aside) when they cannot be read. */
  function readMonth(s: Session, period: string): MonthRecords {
    const cached = s.months.get(period);
    if (cached) {
      remember(s, cached);
      return cached;
    }
    let month: MonthRecords | null;
    try {
      month = logsStore(s, period).value;
    } catch (error) {
      if (!isDamaged(error)) throw error;
      setPeriodAside(s, period);
      throw new UnreadablePeriodError(period);
    }
    const result = month ?? emptyMonth(period);
    remember(s, result);
    return result;
  }

  /** Like readMonth, but an unreadable month is set aside and writing starts afresh, so a save never fails for it. */
  function readMonthForWrite(s: Session, period: string): MonthRecords {
    try {
      return readMonth(s, period);
    } catch (error) {
      if (!(error instanceof UnreadablePeriodError)) throw error;
      return readMonth(s, period);
    }
  }

  function readMonthOrFail(s: Session, period: string): MonthRecords {
    try {
      return readMonth(s, period);
    } catch (error) {
      if (error instanceof UnreadablePeriodError) throw new AppError('CORRUPT', unreadableMessage(period));
      throw error;
    }
  }

  /**
   * Writes a month: marker, logs file (the commit point), index, marker removed. A crash
   * anywhere leaves the old or new logs file; the marker makes the next unlock rebuild the index.
   */
  function commitMonth(s: Session, next: MonthRecords): void {
    const period = next.period;
    confirmLock(s);
    ensureDirs();
    const marker = pendingPath(period);
    const markerWasThere = fs.size(marker) !== null;
    try {
      if (!markerWasThere) fs.createExclusive(marker, '');
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw toWriteError(error);
    }
    try {
      writableStore<MonthRecords>(s, 'logs', period).write(next);
    } catch (error) {
      if (!markerWasThere) fs.remove(marker);
      throw toWriteError(error);
    }
    remember(s, next);
    const index = indexOfMonth(next);
    s.indexes.set(period, index);
    try {
      writableStore<MonthIndex>(s, 'index', period).write(index);
      fs.remove(marker);
    } catch (error) {
      // The log is saved; only the listing file lags. The marker stays, so it is rebuilt later.
      log.warn('month index could not be written; it will be rebuilt', { period, error: describeError(error) });
    }
  }

  /** The month's summaries; rebuilt from its logs when the index is missing, damaged or behind. Null when unreadable. */
  function readIndex(s: Session, period: string): MonthIndex | null {
    const cached = s.indexes.get(period);
    if (cached) return cached;
    const logsThere = fs.size(logsPath(period)) !== null;
    let index: MonthIndex | null = null;
    if (fs.size(pendingPath(period)) === null) {
      try {
        index = indexStore(s, period).value;
      } catch (error) {
        if (!isDamaged(error)) throw error;
        log.warn('month index could not be read; rebuilding it from the logs', { period });
        quarantine(indexPath(period), `index-${period}.json`, 'damaged');
        s.stores.delete(`index/${period}`);
      }
    }
    if (index && !logsThere) {
      // Summaries without their logs: the logs file went missing.
      quarantine(indexPath(period), `index-${period}.json`, 'set-aside');
      s.unreadable.add(period);
      forgetPeriod(s, period);
      return null;
    }
    if (!index) {
      if (!logsThere) return null;
      index = rebuildIndex(s, period);
      if (!index) return null;
    }
    s.indexes.set(period, index);
    return index;
  }

  function rebuildIndex(s: Session, period: string): MonthIndex | null {
    let month: MonthRecords;
    try {
      month = readMonth(s, period);
    } catch (error) {
      if (error instanceof UnreadablePeriodError) return null;
      throw error;
    }
    const index = indexOfMonth(month);
    try {
      ensureDirs();
      writableStore<MonthIndex>(s, 'index', period).write(index);
      fs.remove(pendingPath(period));
    } catch (error) {
      log.warn('rebuilt month index could not be written', { period, error: describeError(error) });
    }
    s.indexes.set(period, index);
    return index;
  }

  // ---------- unlock-time maintenance ----------

  /** True when the file is exactly as this vault wrote it (GCM tag only: no decompressing or parsing). */
  function authentic(s: Session, kind: 'logs' | 'index', period: string, bytes: Buffer): boolean {
    try {
      authenticateEnvelope(s.dek, { kind, id: period, vaultId: s.slots.vaultId }, bytes.toString('utf8'));
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
    const bytes = fs.read(previous);
    if (bytes === null || !authentic(s, kind, period, bytes)) return false;
    fs.replace(previous, path);
    log.warn('put back the previous version of a file whose last write did not finish', { period, kind });
    return true;
  }

  /** Every file is checked at unlock, so damage is reported now, not months later when a log is opened. */
  function verifyAll(s: Session): void {
    for (const period of periodsOnDisk()) {
      const logsBytes = fs.read(logsPath(period));
      if (
        logsBytes !== null &&
        !authentic(s, 'logs', period, logsBytes) &&
        !restorePrevious(s, 'logs', period, logsPath(period))
      ) {
        setPeriodAside(s, period);
        continue;
      }
      const indexBytes = fs.read(indexPath(period));
      if (
        indexBytes !== null &&
        !authentic(s, 'index', period, indexBytes) &&
        !restorePrevious(s, 'index', period, indexPath(period))
      ) {
        log.warn('month index could not be read; it will be rebuilt from the logs', { period });
        quarantine(indexPath(period), `index-${period}.json`, 'damaged');
        s.stores.delete(`index/${period}`);
        s.indexes.delete(period);
      }
    }
  }

  function maintenance(s: Session): void {
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
      rebuildIndex(s, name);
    }
    purgeExpired(s);
  }

  function retentionCutoff(): Date | null {
    const years = deps.getSettings?.().retentionYears;
    if (years === undefined || years === null) return null;
    const cutoff = new Date(now());
    cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
    return cutoff;
  }

  /** When the newest readable log was saved (null when there is none): the clock's only witness. */
  function newestLogTime(s: Session): Date | null {
    for (const period of periodsOnDisk().reverse()) {
      const summaries = readIndex(s, period)?.summaries ?? [];
      if (summaries.length === 0) continue;
      return new Date(Math.max(...summaries.map((x) => Date.parse(x.createdAt))));
    }
    return null;
  }

  /**
   * Removes logs older than the retention setting: whole months at once, the boundary month log
   * by log. Deleting is permanent and only the wall clock says what is old, so it does not run on
   * a clock the logs contradict (earlier than the newest log), nor when it would remove every log
   * (a clock years ahead looks just like that); it runs at a later unlock once a newer log is saved.
   * Files set aside as unreadable are never removed here: they are for the user to deal with.
   */
  function purgeExpired(s: Session): void {
    const cutoff = retentionCutoff();
    if (!cutoff) return;
    const newest = newestLogTime(s);
    if (newest === null) return;
    if (now() < newest) {
      log.warn('retention purge skipped: the clock is earlier than the newest log, so it cannot be trusted');
      return;
    }
    if (newest < cutoff) {
      log.warn('retention purge skipped: it would remove every log; it runs once a newer log is saved');
      return;
    }
    let months = 0;
    let logs = 0;
    for (const period of periodsOnDisk()) {
      if (periodEnd(period) <= cutoff) {
        // Index first: a crash in between leaves logs without an index, which is rebuilt and purged next time.
        fs.remove(indexPath(period));
        fs.remove(logsPath(period));
        forgetPeriod(s, period);
        months += 1;
      } else if (periodStart(period) < cutoff) {
        let month: MonthRecords;
        try {
          month = readMonth(s, period);
        } catch (error) {
          if (error instanceof UnreadablePeriodError) continue;
          throw error;
        }
        const kept = Object.entries(month.logs).filter(([, l]) => new Date(l.createdAt) >= cutoff);
        const removed = Object.keys(month.logs).length - kept.length;
        if (removed > 0) {
          commitMonth(s, { ...month, logs: Object.fromEntries(kept) });
          logs += removed;
        }
      }
    }
    if (months > 0 || logs > 0) {
      log.info('removed logs older than the retention setting', { months, logs });
      emitChanged('purged');
    }
  }

  // ---------- idle lock ----------

  function armIdle(): void {
    if (!deps.timers || !session) return;
    if (idleHandle !== null) deps.timers.clear(idleHandle);
    const minutes = deps.getSettings?.().idleLockMinutes ?? 15;
    idleHandle = deps.timers.set(() => {
      idleHandle = null;
      lock('idle');
    }, minutes * 60_000);
  }

  function startSession(dek: Buffer, slots: KeySlots, token: string): Session {
    const s: Session = {
      dek,
      erasureKey: deriveSubkey(dek, slots.vaultId, 'erasure records'),
      slots,
      lockToken: token,
      months: new Map(),
      indexes: new Map(),
      stores: new Map(),
      unreadable: new Set(),
    };
    session = s;
    armIdle();
    return s;
  }

  function takeLock(): string {
    fs.mkdir(paths.root);
    // Real time, not the injected clock: staleness is judged against the file's modification time.
    const outcome = acquireVaultLock(fs, paths.lockFile, me, new Date());
    if (!outcome.ok)
      throw new AppError('BUSY', outcome.reason === 'other-computer' ? messages.busyOtherComputer : messages.busy);
    return outcome.token;
  }

  /**
   * Before each write: the lock file must still name this session. Another process can only
   * have replaced it through a stale-lock takeover gone wrong (or by hand); then writing stops.
   */
  function confirmLock(s: Session): void {
    if (holdsVaultLock(fs, paths.lockFile, s.lockToken)) return;
    log.warn('the lock file no longer names this process; not writing');
    throw new AppError('BUSY', messages.busy);
  }

  function lock(reason: LockReason = 'manual'): VaultStatus {
    const s = session;
    if (s) {
      session = null;
      if (idleHandle !== null && deps.timers) deps.timers.clear(idleHandle);
      idleHandle = null;
      wipe(s.dek);
      wipe(s.erasureKey);
      s.months.clear();
      s.indexes.clear();
      s.stores.clear();
      try {
        releaseVaultLock(fs, paths.lockFile, s.lockToken);
      } catch (error) {
        log.warn('could not remove the lock file', { error: describeError(error) });
      }
      emit((events) => events.emit('vault:locked', { reason }));
    }
    return status();
  }

  function status(): VaultStatus {
    let enabled = false;
    if (session) enabled = Boolean(session.slots.slots.keychain);
    else {
      try {
        enabled = Boolean(readSlotCandidates()[0]?.slots.keychain);
      } catch {
        enabled = false;
      }
    }
    const keychain = keychainState();
    return {
      state: session ? 'unlocked' : vaultExists() ? 'locked' : 'absent',
      keychain: { available: keychain.available, enabled, reason: keychain.reason },
      unreadablePeriods: unreadablePeriods(),
      idleLockMinutes: deps.getSettings?.().idleLockMinutes ?? 15,
    };
  }

  function checkNewPassphrase(passphrase: string): void {
    if ([...passphrase].length < minPassphraseLength) throw new AppError('BAD_REQUEST', messages.shortPassphrase);
  }

  // ---------- logs ----------

  function requireLogPeriod(id: string): string {
    const period = periodOfId(id);
    if (!period) throw new AppError('NOT_FOUND', messages.notFound);
    return period;
  }

  function validAddendum(input: AddendumInput, at: Date): Addendum {
    const parsed = addendumInputSchema.safeParse(input);
    if (!parsed.success) throw new AppError('BAD_REQUEST', 'That addition is not valid.');
    const a = parsed.data;
    if (a.kind === 'note' && !a.text?.trim()) throw new AppError('BAD_REQUEST', 'Write the note before saving it.');
    if (a.kind === 'session-ended' && !a.endedAt) throw new AppError('BAD_REQUEST', 'Say when the session ended.');
    if (a.kind === 'programs-reopened' && !a.programs)
      throw new AppError('BAD_REQUEST', 'List the programs that were reopened.');
    return {
      kind: a.kind,
      ...(a.text !== undefined ? { text: a.text } : {}),
      ...(a.endedAt !== undefined ? { endedAt: a.endedAt } : {}),
      ...(a.programs !== undefined ? { programs: a.programs } : {}),
      at: at.toISOString(),
    };
  }

  function allSummaries(s: Session): LogSummary[] {
    const out: LogSummary[] = [];
    for (const period of periodsOnDisk()) out.push(...(readIndex(s, period)?.summaries ?? []));
    return out;
  }

  function list(query: LogsQuery = {}): LogList {
    const s = requireSession();
    touch();
    const since = query.since ? new Date(query.since).getTime() : null;
    const until = query.until ? new Date(query.until).getTime() : null;
    const client = query.client ? clientCodeKey(query.client) : null;
    const limit = query.limit ?? Number.POSITIVE_INFINITY;
    const found: LogSummary[] = [];
    // Months newest first; logs are filed by creation month, so once `limit` are found older months cannot beat them.
    for (const period of periodsOnDisk().reverse()) {
      if (found.length >= limit) break;
      if (since !== null && periodEnd(period).getTime() <= since) break;
      if (until !== null && periodStart(period).getTime() > until) continue;
      for (const summary of readIndex(s, period)?.summaries ?? []) {
        const created = Date.parse(summary.createdAt);
        if (since !== null && created < since) continue;
        if (until !== null && created > until) continue;
        if (client !== null && clientCodeKey(summary.clientCode) !== client) continue;
        found.push(summary);
      }
    }
    found.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
    return { logs: Number.isFinite(limit) ? found.slice(0, limit) : found, unreadablePeriods: unreadablePeriods() };
  }

  function touch(): void {
    if (session) armIdle();
  }

  // ---------- erasure records ----------

  /** What an erasure record is filed under: the client code's HMAC, never the code. */
  function erasureTag(s: Session, client: string): string {
    return keyedHash(s.erasureKey, clientCodeKey(client));
  }

  /** When this client was last erased, also by a record filed under the comparison form older versions used. */
  function lastErasure(s: Session, erasures: ReadonlyMap<string, string>, client: string): string | undefined {
    const found = [erasureTag(s, client), keyedHash(s.erasureKey, legacyClientCodeKey(client))]
      .map((tag) => erasures.get(tag))
      .filter((at): at is string => at !== undefined);
    return found.sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  }

  function addErasures(into: Map<string, string>, erased: Readonly<Record<string, string>>): void {
    for (const [tag, at] of Object.entries(erased)) {
      const seen = into.get(tag);
      if (seen === undefined || Date.parse(seen) < Date.parse(at)) into.set(tag, at);
    }
  }

  /** Every erasure record the readable months hold: tag → when that client was last erased. */
  function knownErasures(s: Session): Map<string, string> {
    const out = new Map<string, string>();
    for (const period of periodsOnDisk()) addErasures(out, readIndex(s, period)?.erased ?? {});
    return out;
  }

  // ---------- backup and restore ----------

  /**
   * Adds a backup's month. Never brings back a log deleted here, nor a log of a client erased
   * here that was saved before the erasure. `ownVault`: the backup's erasure records use our key,
   * so they are kept too.
   */
  function mergeInto(
    s: Session,
    incoming: MonthRecords,
    merge: { readonly cutoff: Date | null; readonly erasures: ReadonlyMap<string, string>; readonly ownVault: boolean },
    totals: Record<keyof Omit<RestoreSummary, 'unreadablePeriods'>, number>,
  ): void {
    const { cutoff, erasures } = merge;
    const month = readMonthForWrite(s, incoming.period);
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
      const erasedAt = lastErasure(s, erasures, entry.clientCode);
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
    if (changed) commitMonth(s, { ...month, logs, deleted, erased });
  }

  return {
    status,

    async setup(passphrase) {
      return exclusive(async () => {
        if (session) throw new AppError('VAULT_EXISTS', messages.exists);
        checkNewPassphrase(passphrase);
        if (vaultExists()) throw new AppError('VAULT_EXISTS', messages.exists);
        // Hold the lock from the start, so two first runs cannot both create a vault.
        const token = takeLock();
        const dek = randomKey();
        const recovery = generateRecoveryKey();
        try {
          if (vaultExists()) throw new AppError('VAULT_EXISTS', messages.exists);
          const vaultId = randomBytes(16).toString('hex');
          const slots: KeySlots = {
            format: keySlotsFormat,
            vaultId,
            revision: 1,
            createdAt: now().toISOString(),
            slots: {
              passphrase: await createPassphraseSlot(dek, vaultId, passphrase, kdf),
              recovery: createRecoverySlot(dek, vaultId, recovery.bytes),
            },
          };
          try {
            openSlotsForWrite(keySlotsPrimaryName, paths.keySlots.primary).write(slots);
            openSlotsForWrite(keySlotsBackupName, paths.keySlots.backup).write(slots);
          } catch (error) {
            // A half-made vault holds no logs yet: remove it, so setup can simply be tried again.
            fs.remove(paths.keySlots.primary);
            fs.remove(paths.keySlots.backup);
            throw toWriteError(error);
          }
          startSession(dek, slots, token);
          ensureDirs();
          log.info('vault created');
          return { recoveryKey: recovery.text, status: status() };
        } catch (error) {
          wipe(dek);
          releaseVaultLock(fs, paths.lockFile, token);
          throw error;
        } finally {
          wipe(recovery.bytes);
        }
      });
    },

    async unlock(request) {
      return exclusive(async () => {
        if (session) {
          touch();
          return status();
        }
        const candidates = readSlotCandidates();
        const opened = await unwrapDek(candidates, request);
        if (!opened) throw unlockFailure(request, candidates);
        let token: string;
        try {
          token = takeLock();
        } catch (error) {
          wipe(opened.dek);
          throw error;
        }
        const s = startSession(opened.dek, opened.slots, token);
        try {
          repairSlots(opened.slots);
          maintenance(s);
        } catch (error) {
          log.warn('unlock maintenance did not finish', { error: describeError(error) });
        }
        log.info('vault unlocked', { method: request.method });
        return status();
      });
    },

    async verify(request) {
      return exclusive(async () => {
        const candidates = readSlotCandidates();
        const opened = await unwrapDek(candidates, request);
        if (!opened) return false;
        wipe(opened.dek);
        return true;
      });
    },

    lock,
    touch,

    async changePassphrase(current, next) {
      return exclusive(async () => {
        const s = requireSession();
        touch();
        checkNewPassphrase(next);
        if (current === next) throw new AppError('BAD_REQUEST', messages.samePassphrase);
        const dekCopy = Buffer.from(s.dek);
        try {
          const check = await unwrapWithPassphrase(s.slots, current);
          const matches = check !== null && check.equals(dekCopy);
          wipe(check);
          if (!matches) throw new AppError('WRONG_PASSPHRASE', messages.wrongPassphrase);
          const slot = await createPassphraseSlot(dekCopy, s.slots.vaultId, next, kdf);
          if (session !== s) throw new AppError('LOCKED', messages.locked);
          const updated: KeySlots = {
            ...s.slots,
            revision: s.slots.revision + 1,
            slots: { ...s.slots.slots, passphrase: slot },
          };
          writeSlots(s, updated);
          s.slots = updated;
          log.info('passphrase changed');
          return status();
        } finally {
          wipe(dekCopy);
        }
      });
    },

    setKeychain(enabled) {
      const s = requireSession();
      touch();
      if (enabled) {
        const state = keychainState();
        if (!state.available || !deps.keychain)
          throw new AppError('UNAVAILABLE', state.reason ?? messages.keychainFailed);
        let slot;
        try {
          slot = createKeychainSlot(s.dek, s.slots.vaultId, deps.keychain, deps.keychain.status().backend ?? null);
        } catch {
          throw new AppError(
            'UNAVAILABLE',
            "Your computer's keychain did not accept ReadyRoom's key. You can keep using your passphrase.",
          );
        }
        const updated: KeySlots = {
          ...s.slots,
          revision: s.slots.revision + 1,
          slots: { ...s.slots.slots, keychain: slot },
        };
        writeSlots(s, updated);
        s.slots = updated;
      } else if (s.slots.slots.keychain) {
        const { keychain: _removed, ...rest } = s.slots.slots;
        const updated: KeySlots = { ...s.slots, revision: s.slots.revision + 1, slots: rest };
        writeSlots(s, updated);
        s.slots = updated;
      }
      return status();
    },

    save(input) {
      const s = requireSession();
      touch();
      // The code first, so a refused code is named as the reason rather than "not complete".
      const code = checkClientCode(typeof input.clientCode === 'string' ? input.clientCode : '');
      if (!code.valid) throw new AppError('BAD_REQUEST', code.error ?? 'Enter a client code.');
      const parsed = newReadinessLogSchema.safeParse(input);
      if (!parsed.success) throw new AppError('BAD_REQUEST', 'This log is not complete, so it was not saved.');
      const at = now();
      const id = makeLogId(at);
      const period = periodOf(at);
      const outcome = outcomeOf(parsed.data);
      if (outcome !== parsed.data.outcome) log.info('stored the outcome the checks give, not the one sent');
      const entry: ReadinessLog = {
        ...parsed.data,
        clientCode: code.code,
        outcome,
        id,
        createdAt: at.toISOString(),
        appVersion: deps.appVersion,
        addenda: [],
      };
      const month = readMonthForWrite(s, period);
      commitMonth(s, { ...month, logs: { ...month.logs, [id]: entry } });
      emitChanged('saved');
      return { id, outcome };
    },

    list,

    get(id) {
      const s = requireSession();
      touch();
      const month = readMonthOrFail(s, requireLogPeriod(id));
      const entry = month.logs[id];
      if (!entry) throw new AppError('NOT_FOUND', messages.notFound);
      const parsed = readinessLogSchema.safeParse(entry);
      if (!parsed.success)
        throw new AppError('CORRUPT', 'This log was saved in a form this version of ReadyRoom cannot show.');
      return parsed.data;
    },

    addAddendum(id, input) {
      const s = requireSession();
      touch();
      const addendum = validAddendum(input, now());
      const period = requireLogPeriod(id);
      const month = readMonthOrFail(s, period);
      const existing = month.logs[id];
      if (!existing) throw new AppError('NOT_FOUND', messages.notFound);
      if (existing.addenda.length >= 500) throw new AppError('BAD_REQUEST', 'This log cannot take more additions.');
      const updated: ReadinessLog = { ...existing, addenda: [...existing.addenda, addendum] };
      commitMonth(s, { ...month, logs: { ...month.logs, [id]: updated } });
      emitChanged('addendum');
      return updated;
    },

    delete(id) {
      const s = requireSession();
      touch();
      const period = requireLogPeriod(id);
      const month = readMonthOrFail(s, period);
      if (!month.logs[id]) return { deleted: false };
      const { [id]: _gone, ...logs } = month.logs;
      commitMonth(s, { ...month, logs, deleted: { ...month.deleted, [id]: now().toISOString() } });
      emitChanged('deleted');
      return { deleted: true };
    },

    countClient(client) {
      const s = requireSession();
      touch();
      const key = clientCodeKey(client);
      return allSummaries(s).filter((x) => clientCodeKey(x.clientCode) === key).length;
    },

    eraseClient(client, expectedCount) {
      const s = requireSession();
      touch();
      const key = clientCodeKey(client);
      const byPeriod = new Map<string, string[]>();
      for (const summary of allSummaries(s)) {
        if (clientCodeKey(summary.clientCode) !== key) continue;
        const period = periodOfId(summary.id);
        if (!period) continue;
        byPeriod.set(period, [...(byPeriod.get(period) ?? []), summary.id]);
      }
      const total = [...byPeriod.values()].reduce((n, ids) => n + ids.length, 0);
      if (total !== expectedCount) {
        throw new AppError(
          'STALE',
          `You confirmed ${expectedCount} log${expectedCount === 1 ? '' : 's'}, but there ${total === 1 ? 'is' : 'are'} now ${total} for this client code. Nothing was erased; please check and confirm again.`,
        );
      }
      const at = now().toISOString();
      const tag = erasureTag(s, client);
      const withRecord = (month: MonthRecords) => ({ ...month.erased, [tag]: at });
      const recordIn = (period: string) => {
        const month = readMonthForWrite(s, period);
        commitMonth(s, { ...month, erased: withRecord(month) });
      };
      // Months set aside may still hold this client's logs: they cannot be erased, only reported.
      const incomplete = new Set(unreadablePeriods());
      // The erasure record goes first into this month and each unreadable one, and then into each
      // month erased from, so it survives the loss of any one file; restores check it (mergeInto).
      for (const period of new Set([periodOf(now()), ...incomplete])) if (!byPeriod.has(period)) recordIn(period);
      let erased = 0;
      for (const [period, ids] of byPeriod) {
        let month: MonthRecords;
        try {
          month = readMonth(s, period);
        } catch (error) {
          if (!(error instanceof UnreadablePeriodError)) throw error;
          incomplete.add(period);
          recordIn(period);
          continue;
        }
        const logs: Record<string, ReadinessLog> = { ...month.logs };
        const deleted: Record<string, string> = { ...month.deleted };
        let removed = 0;
        for (const id of ids) {
          if (!logs[id]) continue;
          delete logs[id];
          deleted[id] = at;
          removed += 1;
        }
        commitMonth(s, { ...month, logs, deleted, erased: withRecord(month) });
        erased += removed;
      }
      if (erased > 0) emitChanged('erased');
      log.info('erased the logs of one client code', { erased, incompleteMonths: incomplete.size });
      return { erased, incompletePeriods: [...incomplete].sort() };
    },

    backup(filePath) {
      const s = requireSession();
      touch();
      const months: MonthRecords[] = [];
      const unreadable: string[] = [];
      for (const period of periodsOnDisk()) {
        let month: MonthRecords;
        try {
          // Straight from the store, not the small in-memory cache, so a big vault does not pile up in memory.
          month = s.months.get(period) ?? logsStore(s, period, false).value ?? emptyMonth(period);
        } catch (error) {
          if (!isDamaged(error)) throw error;
          setPeriodAside(s, period);
          unreadable.push(period);
          continue;
        }
        months.push(month);
      }
      const text = writeBackupText(s.dek, s.slots, months, { createdAt: now(), appVersion: deps.appVersion });
      try {
        fs.writeAtomic(filePath, text);
      } catch (error) {
        throw toWriteError(error);
      }
      const count = months.reduce((n, m) => n + Object.keys(m.logs).length, 0);
      log.info('backup written', { months: months.length, logs: count });
      return { saved: true, count, unreadablePeriods: unreadable };
    },

    async restore(filePath, secret) {
      return exclusive(async () => {
        const s = requireSession();
        touch();
        const bytes = fs.read(filePath);
        if (bytes === null) throw new AppError('NOT_FOUND', 'That backup file could not be found.');
        let backup;
        try {
          backup = readBackup(bytes.toString('utf8'));
        } catch (error) {
          if (error instanceof BackupFormatError) {
            throw new AppError(
              'CORRUPT',
              'That file is not a ReadyRoom backup, or it has been damaged. Nothing was changed.',
            );
          }
          throw error;
        }
        let key: Buffer | null = null;
        let ownKey = false;
        const damaged = () => new AppError('CORRUPT', 'That backup has been damaged, so nothing was restored from it.');
        if (backup.header.vault === s.slots.vaultId) {
          // Our own vault's backup opens with the key we hold; if it does not, it was changed.
          if (!backupOpensWith(s.dek, backup)) throw damaged();
          key = s.dek;
          ownKey = true;
        } else if (!secret) {
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
          if (session !== s) {
            wipe(key);
            throw new AppError('LOCKED', messages.locked);
          }
          if (!backupOpensWith(key, backup)) {
            wipe(key);
            throw damaged();
          }
        }
        const totals = { added: 0, updated: 0, unchanged: 0, skippedDeleted: 0, skippedOld: 0, invalid: 0 };
        const cutoff = retentionCutoff();
        // Erasure records from every readable month (and from a backup of this vault): a client
        // erased here stays erased, even if the month that held their logs could not be read.
        const erasures = knownErasures(s);
        try {
          // Check every month first, so a damaged backup changes nothing rather than half a restore.
          for (let i = 0; i < backup.header.periods.length; i += 1) {
            try {
              const month = openBackupChunk(key, backup, i);
              if (ownKey) addErasures(erasures, month.erased);
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
          }
          for (let i = 0; i < backup.header.periods.length; i += 1)
            mergeInto(s, openBackupChunk(key, backup, i), { cutoff, erasures, ownVault: ownKey }, totals);
        } finally {
          if (!ownKey) wipe(key);
        }
        if (totals.added + totals.updated > 0) emitChanged('restored');
        log.info('backup restored', totals);
        return { status: 'restored' as const, ...totals, unreadablePeriods: unreadablePeriods() };
      });
    },

    close() {
      lock('quit');
    },
  };
}
