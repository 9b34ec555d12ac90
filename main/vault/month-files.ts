import { join } from 'node:path';

import { AppError } from '../../shared/errors';
import { createLogger, describeError } from '../logging/logger';
import type { VaultContext } from './vault-context';
import {
  indexBindingField,
  openEnvelope,
  openEnvelopeWithHeader,
  peekEnvelopeIv,
  sealEnvelope,
  type EnvelopeKind,
} from './vault-envelope';
import { isDamaged, toWriteError, UnreadablePeriodError, unreadableMessage } from './vault-errors';
import { isCode } from './vault-fs';
import type { Quarantine } from './vault-quarantine';
import {
  emptyMonth,
  indexOfMonth,
  parseIndex,
  parseMonth,
  serializeIndex,
  serializeMonth,
  type MonthIndex,
  type MonthRecords,
} from './vault-records';
import type { Session, Sessions } from './vault-session';
import { openVaultStore, type VaultStore } from './vault-stores';

const log = createLogger('vault');

const maxMonthsInMemory = 3;

/**
 * The month files: for each month, an encrypted logs file (the source of truth) and an
 * encrypted index of summaries derived from it (for listing), written in that order with a
 * pending marker between, so a crash leaves the old or the new logs and an index that the next
 * unlock rebuilds. A month that cannot be read is set aside, never overwritten.
 */
export interface MonthFiles {
  readonly logsPath: (period: string) => string;
  readonly indexPath: (period: string) => string;
  readonly pendingPath: (period: string) => string;
  /** The month's records; throws UnreadablePeriodError (after setting the file aside) when they cannot be read. */
  read(s: Session, period: string): MonthRecords;
  /** Like read, but an unreadable month is set aside and writing starts afresh, so a save never fails for it. */
  readForWrite(s: Session, period: string): MonthRecords;
  /** Like read, but an unreadable month is a CORRUPT error with a plain message. */
  readOrFail(s: Session, period: string): MonthRecords;
  /** Reads a month without keeping it in the session's small cache (for a pass over every month). */
  readUncached(s: Session, period: string): MonthRecords | null;
  /** Like readUncached, but a month that cannot be read is set aside (as any unreadable month is) and gives null. */
  readUncachedOrSetAside(s: Session, period: string): MonthRecords | null;
  /**
   * Writes a month: marker, logs file (the commit point), index, marker removed. A crash
   * anywhere leaves the old or new logs file; the marker makes the next unlock rebuild the index.
   */
  commit(s: Session, next: MonthRecords): void;
  /** The month's summaries; rebuilt from its logs when the index is missing, damaged or behind. Null when unreadable. */
  readIndex(s: Session, period: string): MonthIndex | null;
  /** Rebuilds (and writes) a month's index from its logs; null when the logs cannot be read. */
  rebuildIndex(s: Session, period: string): MonthIndex | null;
  /**
   * The logs file of a month could not be read: move it (and its index) aside, keeping the
   * deletion and erasure records the index still has, so erased logs stay erased.
   */
  setAside(s: Session, period: string): void;
  /** Drops everything cached for a month (its files changed under us). */
  forget(s: Session, period: string): void;
  /** An index file that failed its check: moved aside, to be rebuilt from the logs. */
  setIndexAside(s: Session, period: string): void;
  /** Months that could not be read: in quarantine, or found so in this session. */
  unreadablePeriods(): string[];
  /** Months whose logs file is missing: recorded in quarantine, or found so in this session. */
  missingPeriods(): string[];
  /** A restore brought this month's logs back: stop reporting it as unreadable or missing. */
  resolve(s: Session, period: string): void;
}

export function createMonthFiles(ctx: VaultContext, sessions: Sessions, quarantine: Quarantine): MonthFiles {
  const { deps, fs, paths } = ctx;
  const logsPath = (period: string) => join(paths.logsDir, `${period}.json`);
  const indexPath = (period: string) => join(paths.indexDir, `${period}.json`);
  const pendingPath = (period: string) => join(paths.pendingDir, period);

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
            serialize: (value) =>
              sealEnvelope(
                s.dek,
                context,
                serializeIndex(value),
                value.logsIv ? { [indexBindingField]: value.logsIv } : {},
              ),
            deserialize: (text) => {
              const { json, header } = openEnvelopeWithHeader(s.dek, context, text);
              const index = parseIndex(json, period);
              const logsIv = header[indexBindingField];
              return typeof logsIv === 'string' ? { ...index, logsIv } : index;
            },
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
      quarantine.moveAside(
        kind === 'logs' ? logsPath(period) : indexPath(period),
        `${kind}-${period}.json`,
        kind === 'logs' ? 'unreadable' : 'damaged',
      );
      return monthStore(s, kind, period) as VaultStore<T>;
    }
  }

  /** The IV of the month's logs file as it is on disk now (from its first line); null when there is none. */
  function logsIvOnDisk(period: string): string | null {
    const head = fs.readHead(logsPath(period), 1024);
    return head === null ? null : peekEnvelopeIv(head);
  }

  /** The index of these records, bound to the logs file now on disk. */
  function indexFor(month: MonthRecords): MonthIndex {
    const logsIv = logsIvOnDisk(month.period);
    return { ...indexOfMonth(month), ...(logsIv ? { logsIv } : {}) };
  }

  function forget(s: Session, period: string): void {
    s.months.delete(period);
    s.indexes.delete(period);
    s.stores.delete(`logs/${period}`);
    s.stores.delete(`index/${period}`);
  }

  function setAside(s: Session, period: string): void {
    if (s.readOnly !== null) {
      // Nothing may be moved: remember it for this session only.
      forget(s, period);
      s.unreadable.add(period);
      log.warn('a month of logs could not be read (read-only session: left where it is)', { period });
      return;
    }
    let deleted: Record<string, string> = {};
    let erased: Record<string, string> = {};
    try {
      const index = indexStore(s, period).value;
      deleted = { ...(index?.deleted ?? {}) };
      erased = { ...(index?.erased ?? {}) };
    } catch {
      // The index is unreadable as well; nothing to salvage (erasure records are kept in other months too).
    }
    quarantine.moveAside(logsPath(period), `logs-${period}.json`, 'unreadable');
    quarantine.moveAside(indexPath(period), `index-${period}.json`, 'set-aside');
    fs.remove(pendingPath(period));
    forget(s, period);
    s.unreadable.add(period);
    log.warn('a month of logs could not be read and was set aside', { period });
    if (Object.keys(deleted).length > 0 || Object.keys(erased).length > 0) {
      try {
        commit(s, emptyMonth(period, deleted, erased));
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

  function read(s: Session, period: string): MonthRecords {
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
      setAside(s, period);
      throw new UnreadablePeriodError(period);
    }
    const result = month ?? emptyMonth(period);
    remember(s, result);
    return result;
  }

  function commit(s: Session, next: MonthRecords): void {
    const period = next.period;
    sessions.confirmLock(s);
    ctx.ensureDirs();
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
    const index = indexFor(next);
    // Kept in memory only if this month's index already was (a restore writes every month once).
    if (s.indexes.has(period)) s.indexes.set(period, index);
    try {
      writableStore<MonthIndex>(s, 'index', period).write(index);
      fs.remove(marker);
    } catch (error) {
      s.indexes.set(period, index);
      // The log is saved; only the listing file lags. The marker stays, so it is rebuilt later.
      log.warn('month index could not be written; it will be rebuilt', { period, error: describeError(error) });
    }
  }

  function rebuildIndex(s: Session, period: string): MonthIndex | null {
    let month: MonthRecords;
    try {
      month = read(s, period);
    } catch (error) {
      if (error instanceof UnreadablePeriodError) return null;
      throw error;
    }
    const index = indexFor(month);
    // A read-only session keeps the rebuilt index in memory only.
    if (s.readOnly === null) {
      try {
        ctx.ensureDirs();
        writableStore<MonthIndex>(s, 'index', period).write(index);
        fs.remove(pendingPath(period));
      } catch (error) {
        log.warn('rebuilt month index could not be written', { period, error: describeError(error) });
      }
    }
    s.indexes.set(period, index);
    return index;
  }

  function readIndex(s: Session, period: string): MonthIndex | null {
    const cached = s.indexes.get(period);
    if (cached) return cached;
    const logsThere = fs.size(logsPath(period)) !== null;
    let index: MonthIndex | null = null;
    if (fs.size(pendingPath(period)) === null) {
      try {
        index = indexStore(s, period).value;
        // Written by an older version: rebuilt below from the logs, which are the source of truth.
        if (index?.stale) index = null;
      } catch (error) {
        if (!isDamaged(error)) throw error;
        log.warn('month index could not be read; rebuilding it from the logs', { period });
        if (s.readOnly === null) quarantine.moveAside(indexPath(period), `index-${period}.json`, 'damaged');
        s.stores.delete(`index/${period}`);
      }
    }
    if (index && logsThere && index.logsIv !== logsIvOnDisk(period)) {
      // An older index put back (a sync tool, a copy of the folder), or one from before indexes
      // named their logs file: it may miss logs saved since, so it is made again from the logs.
      if (index.logsIv === undefined) log.info('month index names no logs file; rebuilding it', { period });
      else log.warn('month index was made from another version of its logs file; rebuilding it', { period });
      s.stores.delete(`index/${period}`);
      index = null;
    }
    if (index && !logsThere) {
      // Summaries without their logs: the logs file went missing. Recorded, so it is reported until a restore.
      if (s.readOnly === null) {
        quarantine.recordMissing(period);
        quarantine.moveAside(indexPath(period), `index-${period}.json`, 'set-aside');
      }
      log.warn('a month of logs is missing: its index is here but not its logs file', { period });
      forget(s, period);
      s.missing.add(period);
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

  function readUncached(s: Session, period: string): MonthRecords | null {
    // Straight from the store, not the small in-memory cache, so a big vault does not pile up in memory.
    return s.months.get(period) ?? logsStore(s, period, false).value;
  }

  return {
    logsPath,
    indexPath,
    pendingPath,
    read,
    readForWrite(s, period) {
      try {
        return read(s, period);
      } catch (error) {
        if (!(error instanceof UnreadablePeriodError)) throw error;
        return read(s, period);
      }
    },
    readOrFail(s, period) {
      try {
        return read(s, period);
      } catch (error) {
        if (error instanceof UnreadablePeriodError) throw new AppError('CORRUPT', unreadableMessage(period));
        throw error;
      }
    },
    readUncached,
    readUncachedOrSetAside(s, period) {
      try {
        return readUncached(s, period);
      } catch (error) {
        if (!isDamaged(error)) throw error;
        setAside(s, period);
        return null;
      }
    },
    commit,
    readIndex,
    rebuildIndex,
    setAside,
    forget,
    setIndexAside(s, period) {
      quarantine.moveAside(indexPath(period), `index-${period}.json`, 'damaged');
      s.stores.delete(`index/${period}`);
      s.indexes.delete(period);
    },
    unreadablePeriods() {
      const all = new Set(quarantine.unreadablePeriods());
      for (const p of sessions.current?.unreadable ?? []) all.add(p);
      return [...all].sort();
    },
    missingPeriods() {
      const all = new Set(quarantine.missingPeriods());
      for (const p of sessions.current?.missing ?? []) all.add(p);
      return [...all].sort();
    },
    resolve(s, period) {
      quarantine.resolve(period);
      s.unreadable.delete(period);
      s.missing.delete(period);
    },
  };
}
