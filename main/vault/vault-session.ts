import { AppError } from '../../shared/errors';
import type { LockReason } from '../../shared/ipc/vault.contract';
import { createLogger, describeError } from '../logging/logger';
import type { KeySlots } from './key-slots';
import type { VaultContext } from './vault-context';
import { wipe } from './vault-crypto';
import { messages, readOnlyMessages, type ReadOnlyReason } from './vault-errors';
import { acquireVaultLock, holdsVaultLock, releaseVaultLock } from './vault-lock-file';
import type { MonthIndex, MonthRecords } from './vault-records';
import type { VaultStore } from './vault-stores';

const log = createLogger('vault');

/** An unlocked vault: the data key, the key file it came from, the lock we hold, and what is cached. */
export interface Session {
  dek: Buffer;
  /** Keys the erasure records (HMAC of a client code); derived from the DEK, wiped with it. */
  readonly erasureKey: Buffer;
  slots: KeySlots;
  /** Null in a read-only session, which holds no lock and never writes. */
  readonly lockToken: string | null;
  readonly readOnly: ReadOnlyReason | null;
  readonly months: Map<string, MonthRecords>;
  readonly indexes: Map<string, MonthIndex>;
  readonly stores: Map<string, VaultStore<MonthRecords> | VaultStore<MonthIndex>>;
  readonly unreadable: Set<string>;
  /** Months found without their logs file in this session (a read-only one cannot record them on disk). */
  readonly missing: Set<string>;
}

/**
 * The one session (or none), the lock file that keeps a second process out while it is open,
 * and the idle timer that closes it.
 */
export interface Sessions {
  readonly current: Session | null;
  /** The session, or LOCKED. */
  require(): Session;
  /**
   * Takes the lock file; BUSY when another live process holds it. Returns our token. A folder
   * that cannot be written throws the file system's error (see notWritable), after leaving no
   * lock file behind.
   */
  takeLock(): string;
  releaseLock(token: string): void;
  /** `erasureKey`: the session takes it over (and wipes it when it ends). */
  start(
    dek: Buffer,
    slots: KeySlots,
    erasureKey: Buffer,
    token: string | null,
    readOnly?: ReadOnlyReason | null,
  ): Session;
  /** Before each write: the session may write, and the lock file still names it. */
  confirmLock(s: Session): void;
  /** Drops the key and every decrypted log, releases the lock file. */
  end(reason: LockReason): void;
  /** User activity: restarts the idle-lock countdown. */
  touch(): void;
  /** One unlock, setup or restore at a time. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
}

export function createSessions(ctx: VaultContext): Sessions {
  const { deps, fs, paths } = ctx;
  let session: Session | null = null;
  let idleHandle: unknown = null;
  let inFlight = false;

  function armIdle(): void {
    if (!deps.timers || !session) return;
    if (idleHandle !== null) deps.timers.clear(idleHandle);
    const minutes = deps.getSettings?.().idleLockMinutes ?? 15;
    idleHandle = deps.timers.set(() => {
      idleHandle = null;
      end('idle');
    }, minutes * 60_000);
  }

  function end(reason: LockReason): void {
    const s = session;
    if (!s) return;
    session = null;
    if (idleHandle !== null && deps.timers) deps.timers.clear(idleHandle);
    idleHandle = null;
    wipe(s.dek);
    wipe(s.erasureKey);
    s.months.clear();
    s.indexes.clear();
    s.stores.clear();
    try {
      if (s.lockToken !== null) releaseVaultLock(fs, paths.lockFile, s.lockToken);
    } catch (error) {
      log.warn('could not remove the lock file', { error: describeError(error) });
    }
    ctx.emit((events) => events.emit('vault:locked', { reason }));
  }

  return {
    get current() {
      return session;
    },
    require() {
      if (!session) throw new AppError('LOCKED', messages.locked);
      return session;
    },
    takeLock() {
      fs.mkdir(paths.root);
      // Real time, not the injected clock: staleness is judged against the file's modification time.
      const outcome = acquireVaultLock(fs, paths.lockFile, ctx.me, new Date());
      if (!outcome.ok) {
        const message = outcome.reason === 'other-computer' ? messages.busyOtherComputer : messages.busy;
        throw new AppError('BUSY', `${message}${messages.staleLockHint(paths.lockFile)}`);
      }
      return outcome.token;
    },
    releaseLock(token) {
      releaseVaultLock(fs, paths.lockFile, token);
    },
    start(dek, slots, erasureKey, token, readOnly = null) {
      const s: Session = {
        dek,
        erasureKey,
        slots,
        lockToken: token,
        readOnly,
        months: new Map(),
        indexes: new Map(),
        stores: new Map(),
        unreadable: new Set(),
        missing: new Set(),
      };
      session = s;
      armIdle();
      return s;
    },
    confirmLock(s) {
      if (s.readOnly !== null || s.lockToken === null) {
        const reason = s.readOnly ?? 'requested';
        throw new AppError(reason === 'disk-full' ? 'DISK_FULL' : 'UNAVAILABLE', readOnlyMessages[reason]);
      }
      // Another process can only have replaced it through a stale-lock takeover gone wrong (or by hand).
      if (holdsVaultLock(fs, paths.lockFile, s.lockToken)) return;
      log.warn('the lock file no longer names this process; not writing');
      throw new AppError('BUSY', messages.busy);
    },
    end,
    touch() {
      if (session) armIdle();
    },
    async exclusive(work) {
      if (inFlight) throw new AppError('BUSY', messages.unlocking);
      inFlight = true;
      try {
        return await work();
      } finally {
        inFlight = false;
      }
    },
  };
}
