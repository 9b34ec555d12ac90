import { createLogger } from '../logging/logger';
import { periodEnd, periodStart } from './log-ids';
import type { MonthFiles } from './month-files';
import type { VaultContext } from './vault-context';
import { UnreadablePeriodError } from './vault-errors';
import type { MonthRecords } from './vault-records';
import type { Session } from './vault-session';

const log = createLogger('vault');

/** How long logs are kept: the cut-off the settings give, and the purge run at each unlock. */
export interface Retention {
  /** Logs created before this are past the retention setting; null when they are kept for ever (or unknown). */
  cutoff(): Date | null;
  /**
   * Removes logs older than the retention setting: whole months at once, the boundary month log
   * by log. Deleting is permanent and only the wall clock says what is old, so it does not run on
   * a clock the logs contradict (earlier than the newest log), nor when it would remove every log
   * (a clock years ahead looks just like that); it runs at a later unlock once a newer log is saved.
   * Files set aside as unreadable are never removed here: they are for the user to deal with.
   */
  purgeExpired(s: Session): void;
}

export function createRetention(ctx: VaultContext, months: MonthFiles): Retention {
  const { fs } = ctx;

  function cutoff(): Date | null {
    const years = ctx.deps.getSettings?.().retentionYears;
    if (years === undefined || years === null) return null;
    const date = new Date(ctx.now());
    date.setUTCFullYear(date.getUTCFullYear() - years);
    return date;
  }

  /** When the newest readable log was saved (null when there is none): the clock's only witness. */
  function newestLogTime(s: Session): Date | null {
    for (const period of ctx.periodsOnDisk().reverse()) {
      const summaries = months.readIndex(s, period)?.summaries ?? [];
      if (summaries.length === 0) continue;
      return new Date(Math.max(...summaries.map((x) => Date.parse(x.createdAt))));
    }
    return null;
  }

  return {
    cutoff,
    purgeExpired(s) {
      const limit = cutoff();
      if (!limit) return;
      const newest = newestLogTime(s);
      if (newest === null) return;
      if (ctx.now() < newest) {
        log.warn('retention purge skipped: the clock is earlier than the newest log, so it cannot be trusted');
        return;
      }
      if (newest < limit) {
        log.warn('retention purge skipped: it would remove every log; it runs once a newer log is saved');
        return;
      }
      let monthsRemoved = 0;
      let logs = 0;
      for (const period of ctx.periodsOnDisk()) {
        if (periodEnd(period) <= limit) {
          // Index first: a crash in between leaves logs without an index, which is rebuilt and purged next time.
          fs.remove(months.indexPath(period));
          fs.remove(months.logsPath(period));
          months.forget(s, period);
          monthsRemoved += 1;
        } else if (periodStart(period) < limit) {
          let month: MonthRecords;
          try {
            month = months.read(s, period);
          } catch (error) {
            if (error instanceof UnreadablePeriodError) continue;
            throw error;
          }
          const kept = Object.entries(month.logs).filter(([, l]) => new Date(l.createdAt) >= limit);
          const removed = Object.keys(month.logs).length - kept.length;
          if (removed > 0) {
            months.commit(s, { ...month, logs: Object.fromEntries(kept) });
            logs += removed;
          }
        }
      }
      if (monthsRemoved > 0 || logs > 0) {
        log.info('removed logs older than the retention setting', { months: monthsRemoved, logs });
        ctx.emitChanged('purged');
      }
    },
  };
}
