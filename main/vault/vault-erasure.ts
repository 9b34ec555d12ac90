import { AppError } from '../../shared/errors';
import { clientCodeKey, legacyClientCodeKey } from '../../shared/logs/client-code';
import type { ReadinessLog } from '../../shared/logs/readiness-log';
import { createLogger } from '../logging/logger';
import { periodOf } from './log-ids';
import type { MonthFiles } from './month-files';
import type { VaultContext } from './vault-context';
import { keyedHash } from './vault-crypto';
import { UnreadablePeriodError } from './vault-errors';
import type { MonthRecords } from './vault-records';
import type { Session } from './vault-session';

const log = createLogger('vault');

export interface EraseResult {
  readonly erased: number;
  /** Months that could not be read, so any logs of this client in them are still there (set aside). */
  readonly incompletePeriods: readonly string[];
  /** Set by the composition root: the logs are erased but the client's scheduled sessions could not be removed. */
  readonly scheduleNotCleared?: boolean;
  /** Set by the composition root: the code could not be taken out of the incident log. */
  readonly incidentsNotCleared?: boolean;
  /** Set by the composition root: incidents whose own words still name the client (only the therapist can reword them). */
  readonly incidentsNamingClient?: readonly string[];
  /** Set by the composition root: the logs are erased but the client's set-up could not be removed. */
  readonly profileNotCleared?: boolean;
  /**
   * Set by the composition root: the ids of other logs whose notes may still name the client
   * (the note search's match, so a longer code containing it counts too). Notes are evidence and
   * are kept as written; the therapist decides what to do with those logs.
   */
  readonly logsNamingClient?: readonly string[];
  /** Set by the composition root: the other logs' notes could not be searched for the code. */
  readonly notesNotSearched?: boolean;
}

/**
 * Erasure requests: every log of one client code removed, and an erasure record (an HMAC of the
 * code, never the code) kept in several months, so no restore brings that client's earlier logs back.
 */
export interface Erasure {
  /** How many logs an erasure of this client code would remove. */
  countClient(s: Session, client: string): number;
  /** Refuses (STALE) unless expectedCount matches what the user was shown. */
  eraseClient(s: Session, client: string, expectedCount: number): EraseResult;
  /** What an erasure record is filed under: the client code's HMAC, never the code. */
  tag(s: Session, client: string): string;
  /** Every erasure record the readable months hold: tag → when that client was last erased. */
  known(s: Session): Map<string, string>;
  /** When this client was last erased, also by a record filed under the comparison form older versions used. */
  lastErasure(s: Session, erasures: ReadonlyMap<string, string>, client: string): string | undefined;
}

/** Keeps the later time of each erasure record. */
export function addErasures(into: Map<string, string>, erased: Readonly<Record<string, string>>): void {
  for (const [tag, at] of Object.entries(erased)) {
    const seen = into.get(tag);
    if (seen === undefined || Date.parse(seen) < Date.parse(at)) into.set(tag, at);
  }
}

export function createErasure(ctx: VaultContext, months: MonthFiles): Erasure {
  function tag(s: Session, client: string): string {
    return keyedHash(s.erasureKey, clientCodeKey(client));
  }

  /**
   * Where this client's logs are, found in the logs files themselves, one month at a time: an
   * erasure must not trust an index, which could lag behind its logs. A month that cannot be
   * read is set aside (and so reported as incomplete).
   */
  function findClientLogs(s: Session, client: string): Map<string, string[]> {
    const key = clientCodeKey(client);
    const byPeriod = new Map<string, string[]>();
    for (const period of ctx.periodsOnDisk()) {
      const month = months.readUncachedOrSetAside(s, period);
      const ids = Object.values(month?.logs ?? {})
        .filter((entry) => clientCodeKey(entry.clientCode) === key)
        .map((entry) => entry.id);
      if (ids.length > 0) byPeriod.set(period, ids);
    }
    return byPeriod;
  }

  return {
    tag,

    lastErasure(s, erasures, client) {
      const found = [tag(s, client), keyedHash(s.erasureKey, legacyClientCodeKey(client))]
        .map((t) => erasures.get(t))
        .filter((at): at is string => at !== undefined);
      return found.sort((a, b) => Date.parse(b) - Date.parse(a))[0];
    },

    known(s) {
      const out = new Map<string, string>();
      for (const period of ctx.periodsOnDisk()) addErasures(out, months.readIndex(s, period)?.erased ?? {});
      return out;
    },

    countClient(s, client) {
      return [...findClientLogs(s, client).values()].reduce((n, ids) => n + ids.length, 0);
    },

    eraseClient(s, client, expectedCount) {
      const byPeriod = findClientLogs(s, client);
      const total = [...byPeriod.values()].reduce((n, ids) => n + ids.length, 0);
      if (total !== expectedCount) {
        throw new AppError(
          'STALE',
          `You confirmed ${expectedCount} log${expectedCount === 1 ? '' : 's'}, but there ${total === 1 ? 'is' : 'are'} now ${total} for this client code. Nothing was erased; please check and confirm again.`,
        );
      }
      const at = ctx.now().toISOString();
      const record = tag(s, client);
      const withRecord = (month: MonthRecords) => ({ ...month.erased, [record]: at });
      const recordIn = (period: string) => {
        const month = months.readForWrite(s, period);
        months.commit(s, { ...month, erased: withRecord(month) });
      };
      // Months set aside may still hold this client's logs: they cannot be erased, only reported.
      const incomplete = new Set(months.unreadablePeriods());
      // The erasure record goes first into this month and each unreadable one, and then into each
      // month erased from, so it survives the loss of any one file; restores check it (mergeInto).
      for (const period of new Set([periodOf(ctx.now()), ...incomplete])) if (!byPeriod.has(period)) recordIn(period);
      let erased = 0;
      for (const [period, ids] of byPeriod) {
        let month: MonthRecords;
        try {
          month = months.read(s, period);
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
        months.commit(s, { ...month, logs, deleted, erased: withRecord(month) });
        erased += removed;
      }
      if (erased > 0) ctx.emitChanged('erased');
      log.info('erased the logs of one client code', { erased, incompleteMonths: incomplete.size });
      return { erased, incompletePeriods: [...incomplete].sort() };
    },
  };
}
