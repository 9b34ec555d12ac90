import { AppError } from '../../shared/errors';
import { checkClientCode, clientCodeKey } from '../../shared/logs/client-code';
import { searchableText } from '../../shared/logs/log-note-search';
import { logOutcome } from '../../shared/logs/log-outcome';
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
import { createLogger } from '../logging/logger';
import { makeLogId, periodEnd, periodOf, periodOfId, periodStart } from './log-ids';
import type { MonthFiles } from './month-files';
import type { VaultContext } from './vault-context';
import { messages } from './vault-errors';
import type { Session } from './vault-session';

const log = createLogger('vault');

export interface LogsQuery {
  /** Exact client code (case and surrounding spaces ignored). */
  readonly client?: string;
  /** ISO dates; compared with when the check was made. */
  readonly since?: string;
  readonly until?: string;
  readonly limit?: number;
}

/** Logs whose notes hold the words searched for (ids only: the list already has their summaries). */
export interface NoteMatches {
  readonly ids: readonly string[];
  readonly unreadablePeriods: readonly string[];
}

export interface LogList {
  readonly logs: readonly LogSummary[];
  readonly unreadablePeriods: readonly string[];
  readonly missingPeriods: readonly string[];
}

/** Saving, listing, reading, adding to and deleting single logs. */
export interface VaultLogs {
  save(s: Session, log: NewReadinessLog): { readonly id: string; readonly outcome: Outcome };
  list(s: Session, query?: LogsQuery): LogList;
  /** Every log whose notes (its own and those added later) contain `text`, accents and case aside. */
  searchNotes(s: Session, text: string): NoteMatches;
  /**
   * Every log the query matches, whole, a month at a time and oldest first, for an export. No
   * month is kept in memory after its visit; a month that cannot be read is skipped and reported
   * in the returned periods (as `list` does).
   */
  eachLog(s: Session, query: LogsQuery, visit: (log: ReadinessLog) => void): Omit<LogList, 'logs'>;
  get(s: Session, id: string): ReadinessLog;
  addAddendum(s: Session, id: string, addendum: AddendumInput): ReadinessLog;
  delete(s: Session, id: string): { readonly deleted: boolean };
}

/**
 * The outcome a log's own checks, confirmations and judgements give, by the rules the summary
 * screen uses, so a caller (a window, a script) cannot store "Ready" for a session that was not.
 */
function outcomeOf(entry: NewReadinessLog): Outcome {
  return logOutcome(entry).outcome;
}

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

export function createVaultLogs(ctx: VaultContext, months: MonthFiles): VaultLogs {
  return {
    save(s, input) {
      // The code first, so a refused code is named as the reason rather than "not complete".
      const code = checkClientCode(typeof input.clientCode === 'string' ? input.clientCode : '');
      if (!code.valid) throw new AppError('BAD_REQUEST', code.error ?? 'Enter a client code.');
      const parsed = newReadinessLogSchema.safeParse(input);
      if (!parsed.success) throw new AppError('BAD_REQUEST', 'This log is not complete, so it was not saved.');
      const at = ctx.now();
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
        appVersion: ctx.deps.appVersion,
        addenda: [],
      };
      const month = months.readForWrite(s, period);
      months.commit(s, { ...month, logs: { ...month.logs, [id]: entry } });
      ctx.emitChanged('saved');
      return { id, outcome };
    },

    list(s, query = {}) {
      const since = query.since ? new Date(query.since).getTime() : null;
      const until = query.until ? new Date(query.until).getTime() : null;
      const client = query.client ? clientCodeKey(query.client) : null;
      const limit = query.limit ?? Number.POSITIVE_INFINITY;
      const found: LogSummary[] = [];
      // Months newest first; logs are filed by creation month, so once `limit` are found older months cannot beat them.
      for (const period of ctx.periodsOnDisk().reverse()) {
        if (found.length >= limit) break;
        if (since !== null && periodEnd(period).getTime() <= since) break;
        if (until !== null && periodStart(period).getTime() > until) continue;
        for (const summary of months.readIndex(s, period)?.summaries ?? []) {
          const created = Date.parse(summary.createdAt);
          if (since !== null && created < since) continue;
          if (until !== null && created > until) continue;
          if (client !== null && clientCodeKey(summary.clientCode) !== client) continue;
          found.push(summary);
        }
      }
      found.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
      return {
        logs: Number.isFinite(limit) ? found.slice(0, limit) : found,
        unreadablePeriods: months.unreadablePeriods(),
        missingPeriods: months.missingPeriods(),
      };
    },

    searchNotes(s, text) {
      const wanted = searchableText(text);
      const ids: string[] = [];
      if (!wanted) return { ids, unreadablePeriods: months.unreadablePeriods() };
      for (const period of ctx.periodsOnDisk()) {
        let index = months.readIndex(s, period);
        // Notes are in the month's index (never in summaries); an index from before they were is made again once.
        if (index && index.notes === undefined) index = months.rebuildIndex(s, period);
        for (const [id, notes] of Object.entries(index?.notes ?? {})) if (notes.includes(wanted)) ids.push(id);
      }
      return { ids, unreadablePeriods: months.unreadablePeriods() };
    },

    eachLog(s, query, visit) {
      const since = query.since ? new Date(query.since).getTime() : null;
      const until = query.until ? new Date(query.until).getTime() : null;
      const client = query.client ? clientCodeKey(query.client) : null;
      for (const period of ctx.periodsOnDisk()) {
        if (since !== null && periodEnd(period).getTime() <= since) continue;
        if (until !== null && periodStart(period).getTime() > until) break;
        const month = months.readUncachedOrSetAside(s, period);
        if (!month) continue;
        const matching = Object.values(month.logs).filter((entry) => {
          const created = Date.parse(entry.createdAt);
          if (since !== null && created < since) return false;
          if (until !== null && created > until) return false;
          return client === null || clientCodeKey(entry.clientCode) === client;
        });
        matching.sort((a, b) =>
          a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1,
        );
        for (const entry of matching) {
          const parsed = readinessLogSchema.safeParse(entry);
          // A log this version cannot read is left out of the export rather than written half-understood.
          if (parsed.success) visit(parsed.data);
          else log.warn('a log was left out of an export: its form is not one this version reads');
        }
      }
      return { unreadablePeriods: months.unreadablePeriods(), missingPeriods: months.missingPeriods() };
    },

    get(s, id) {
      const month = months.readOrFail(s, requireLogPeriod(id));
      const entry = month.logs[id];
      if (!entry) throw new AppError('NOT_FOUND', messages.notFound);
      const parsed = readinessLogSchema.safeParse(entry);
      if (!parsed.success)
        throw new AppError('CORRUPT', 'This log was saved in a form this version of ReadyRoom cannot show.');
      return parsed.data;
    },

    addAddendum(s, id, input) {
      const addendum = validAddendum(input, ctx.now());
      const period = requireLogPeriod(id);
      const month = months.readOrFail(s, period);
      const existing = month.logs[id];
      if (!existing) throw new AppError('NOT_FOUND', messages.notFound);
      if (existing.addenda.length >= 500) throw new AppError('BAD_REQUEST', 'This log cannot take more additions.');
      const updated: ReadinessLog = { ...existing, addenda: [...existing.addenda, addendum] };
      months.commit(s, { ...month, logs: { ...month.logs, [id]: updated } });
      ctx.emitChanged('addendum');
      return updated;
    },

    delete(s, id) {
      const period = requireLogPeriod(id);
      const month = months.readOrFail(s, period);
      if (!month.logs[id]) return { deleted: false };
      const { [id]: _gone, ...logs } = month.logs;
      months.commit(s, { ...month, logs, deleted: { ...month.deleted, [id]: ctx.now().toISOString() } });
      ctx.emitChanged('deleted');
      return { deleted: true };
    },
  };
}
