import { z } from 'zod';

import { judgementKinds } from '../../shared/checks/judgement';
import { clientCodeMaxLength } from '../../shared/logs/client-code';
import { noteSearchMaxChars, noteSearchText } from '../../shared/logs/log-note-search';
import { legacyLogSummarySchema, logSummaryVersion, summarizeLog } from '../../shared/logs/log-summary';
import {
  outcomes,
  type AttentionItem,
  type JudgedItem,
  type LogSummary,
  type ReadinessLog,
} from '../../shared/logs/readiness-log';
import { knownPlatformIds, modalities } from '../../shared/session/platforms';

/**
 * What the two encrypted files of one month hold once decrypted. The logs file is the source
 * of truth; the index file is derived from it (summaries for listing) and can be rebuilt.
 * Both carry the ids deleted that month, so a restore never brings an erased log back, and the
 * erasure records (see `erased`), so a restore never brings back an erased client's logs from a
 * month that could not be read when the erasure was made.
 */
export const recordsSchemaVersion = 1;

export interface MonthRecords {
  readonly schema: typeof recordsSchemaVersion;
  readonly period: string;
  readonly logs: Readonly<Record<string, ReadinessLog>>;
  /** id → when it was deleted or erased. Ids only: they say nothing about the client. */
  readonly deleted: Readonly<Record<string, string>>;
  /**
   * Erasure records: HMAC of the client code (keyed from the data key) → when that client's logs
   * were erased. The same records are kept in several months, so losing one file loses none.
   */
  readonly erased: Readonly<Record<string, string>>;
}

export interface MonthIndex {
  readonly schema: typeof recordsSchemaVersion;
  readonly period: string;
  readonly summaries: readonly LogSummary[];
  /** Written by an older version whose summaries lack fields: the reader rebuilds it from the logs. */
  readonly stale?: true;
  /**
   * Each log's notes (its own and those added later) as the note search compares them, bounded;
   * logs without notes are left out. Kept here, not in the summaries, so nothing that lists logs
   * carries notes. Absent in indexes written before it was kept: the search rebuilds those.
   */
  readonly notes?: Readonly<Record<string, string>>;
  readonly deleted: Readonly<Record<string, string>>;
  readonly erased: Readonly<Record<string, string>>;
  /**
   * The IV of the logs file this index was made from, as its envelope header says (kept there,
   * authenticated, not in the JSON); absent in indexes written before it was recorded.
   */
  readonly logsIv?: string;
}

export class RecordsFormatError extends Error {
  constructor(reason: string) {
    super(`records file has unexpected content: ${reason}`);
    this.name = 'RecordsFormatError';
  }
}

export function emptyMonth(
  period: string,
  deleted: Readonly<Record<string, string>> = {},
  erased: Readonly<Record<string, string>> = {},
): MonthRecords {
  return { schema: recordsSchemaVersion, period, logs: {}, deleted, erased };
}

/** Written only when there are some, so a month without erasures reads the same in earlier versions. */
function erasedField(erased: Readonly<Record<string, string>>): string {
  return Object.keys(erased).length > 0 ? `,"erased":${JSON.stringify(erased)}` : '';
}

/**
 * Logs never change once saved (an addendum makes a new object), so each one's JSON is kept
 * and reused: saving into a month of 200 logs serialises one log, not 200.
 */
const jsonOfLog = new WeakMap<object, string>();

export function serializeMonth(month: MonthRecords): string {
  const parts: string[] = [];
  for (const [id, log] of Object.entries(month.logs)) {
    let json = jsonOfLog.get(log);
    if (json === undefined) {
      json = JSON.stringify(log);
      jsonOfLog.set(log, json);
    }
    parts.push(`${JSON.stringify(id)}:${json}`);
  }
  return `{"schema":${month.schema},"period":${JSON.stringify(month.period)},"deleted":${JSON.stringify(month.deleted)}${erasedField(month.erased)},"logs":{${parts.join(',')}}}`;
}

const deletedSchema = z.record(z.string().min(8).max(64), z.iso.datetime({ offset: true }));
const erasedSchema = z.record(z.string().regex(/^[0-9a-f]{64}$/), z.iso.datetime({ offset: true }));

/**
 * Checks the container and the fields the vault relies on. The file was authenticated, so
 * only our own older or newer formats can differ; each log is fully validated when served.
 */
export function parseMonth(json: string, period: string): MonthRecords {
  const raw = parseObject(json);
  if (raw.schema !== recordsSchemaVersion) throw new RecordsFormatError('schema version');
  if (raw.period !== period) throw new RecordsFormatError('period');
  const deleted = deletedSchema.safeParse(raw.deleted);
  if (!deleted.success) throw new RecordsFormatError('deleted');
  const erased = erasedSchema.optional().safeParse(raw.erased);
  if (!erased.success) throw new RecordsFormatError('erased');
  const logs = raw.logs;
  if (typeof logs !== 'object' || logs === null || Array.isArray(logs)) throw new RecordsFormatError('logs');
  for (const [id, log] of Object.entries(logs as Record<string, unknown>)) {
    const entry = log as Partial<ReadinessLog> | null;
    if (typeof entry !== 'object' || entry === null || entry.id !== id || typeof entry.createdAt !== 'string') {
      throw new RecordsFormatError('log entry');
    }
  }
  return {
    schema: recordsSchemaVersion,
    period,
    logs: logs as Record<string, ReadinessLog>,
    deleted: deleted.data,
    erased: erased.data ?? {},
  };
}

export function indexOfMonth(month: MonthRecords): MonthIndex {
  const notes: Record<string, string> = {};
  for (const log of Object.values(month.logs)) {
    const text = noteSearchText(log);
    if (text) notes[log.id] = text;
  }
  return {
    schema: recordsSchemaVersion,
    period: month.period,
    summaries: Object.values(month.logs).map(summarizeLog),
    deleted: month.deleted,
    erased: month.erased,
    notes,
  };
}

export function serializeIndex(index: MonthIndex): string {
  return JSON.stringify({
    schema: index.schema,
    summaryVersion: logSummaryVersion,
    period: index.period,
    deleted: index.deleted,
    ...(Object.keys(index.erased).length > 0 ? { erased: index.erased } : {}),
    summaries: index.summaries,
    ...(index.notes ? { notes: index.notes } : {}),
  });
}

const indexSchema = z.strictObject({
  schema: z.literal(recordsSchemaVersion),
  summaryVersion: z.literal(logSummaryVersion),
  period: z.string(),
  deleted: deletedSchema,
  erased: erasedSchema.optional(),
  summaries: z.array(z.unknown()).max(100_000),
  notes: z.unknown().optional(),
});

/** An index from before summaries were versioned: its deletions and erasures still count. */
const legacyIndexSchema = indexSchema.omit({ summaryVersion: true, notes: true }).extend({
  summaries: z.array(legacyLogSummarySchema).max(100_000),
});

const summaryKeys = [
  'id',
  'createdAt',
  'sessionAt',
  'clientCode',
  'platform',
  'modality',
  'outcome',
  'problems',
  'attention',
  'judged',
  'addendaCount',
] as const;
const platforms: ReadonlySet<unknown> = new Set(knownPlatformIds);
const modalitySet: ReadonlySet<unknown> = new Set(modalities);
const outcomeSet: ReadonlySet<unknown> = new Set(outcomes);
const attentionStates: ReadonlySet<unknown> = new Set(['fail', 'warn', 'unknown', 'unconfirmed']);
const judgementKindSet: ReadonlySet<unknown> = new Set(judgementKinds);
const isText = (value: unknown, min: number, max: number): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max;
const isTime = (value: unknown): value is string => isText(value, 20, 40) && Number.isFinite(Date.parse(value));
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** An object with exactly these keys. */
const hasKeys = (value: Record<string, unknown>, keys: readonly string[]): boolean =>
  Object.keys(value).length === keys.length && keys.every((k) => k in value);
const isListOf = (value: unknown, item: (entry: unknown) => boolean): boolean =>
  Array.isArray(value) && value.length <= 100 && value.every(item);
const isItemId = (value: unknown) => isText(value, 1, 80);

/**
 * The rules of logSummarySchema, checked by hand: an index is read for every month on every
 * listing, and its content is authenticated (only our own versions wrote it), so this check only
 * has to keep out a shape the list could not show; zod's copy of 20,000 summaries cost a third
 * of a cold listing's time and memory. A test holds it to the schema.
 */
function isSummary(value: unknown): value is LogSummary {
  if (!isRecord(value) || !hasKeys(value, summaryKeys)) return false;
  const v = value;
  return (
    isText(v.id, 8, 64) &&
    isTime(v.createdAt) &&
    isTime(v.sessionAt) &&
    isText(v.clientCode, 1, clientCodeMaxLength) &&
    platforms.has(v.platform) &&
    modalitySet.has(v.modality) &&
    outcomeSet.has(v.outcome) &&
    isListOf(v.problems, isItemId) &&
    isListOf(
      v.attention,
      (a) => isRecord(a) && hasKeys(a, ['id', 'state']) && isItemId(a.id) && attentionStates.has(a.state),
    ) &&
    isListOf(
      v.judged,
      (j) =>
        isRecord(j) &&
        hasKeys(j, ['id', 'kind', 'seen']) &&
        isItemId(j.id) &&
        judgementKindSet.has(j.kind) &&
        attentionStates.has(j.seen),
    ) &&
    Number.isInteger(v.addendaCount) &&
    (v.addendaCount as number) >= 0 &&
    (v.addendaCount as number) <= 500
  );
}

/** Log id → searchable note text, as indexOfMonth writes it. */
function areNotes(value: unknown): value is Record<string, string> {
  return (
    isRecord(value) &&
    Object.entries(value).every(([id, text]) => isText(id, 8, 64) && isText(text, 1, noteSearchMaxChars))
  );
}

/** Check ids and attention or judged items seen so far: a few hundred at most (the catalog's ids times their states). */
const sharedValues = new Map<string, unknown>();
const maxSharedValues = 10_000;

function shared<T>(key: string, value: T): T {
  const seen = sharedValues.get(key);
  if (seen !== undefined) return seen as T;
  if (sharedValues.size < maxSharedValues) sharedValues.set(key, Object.freeze(value));
  return value;
}

/**
 * Every summary of a month names the same few check ids and items: one frozen copy of each is
 * kept instead of one per summary (a listing of 20,000 logs holds half a million of them). The
 * arrays are fresh from JSON.parse, so they are changed in place. Holds no client data.
 */
function shareRepeated(summary: LogSummary): void {
  const problems = summary.problems as string[];
  for (let i = 0; i < problems.length; i += 1) problems[i] = shared(`p ${problems[i]}`, problems[i] as string);
  const attention = summary.attention as AttentionItem[];
  for (let i = 0; i < attention.length; i += 1) {
    const item = attention[i] as AttentionItem;
    attention[i] = shared(`a ${item.id} ${item.state}`, item);
  }
  const judged = summary.judged as JudgedItem[];
  for (let i = 0; i < judged.length; i += 1) {
    const item = judged[i] as JudgedItem;
    judged[i] = shared(`j ${item.id} ${item.kind} ${item.seen}`, item);
  }
}

export function parseIndex(json: string, period: string): MonthIndex {
  const raw = parseObject(json);
  if (raw.summaryVersion === undefined) {
    const legacy = legacyIndexSchema.safeParse(raw);
    if (!legacy.success) throw new RecordsFormatError('index content');
    if (legacy.data.period !== period) throw new RecordsFormatError('period');
    // Summaries cannot be upgraded without their logs: none is served, and the reader rebuilds.
    const { deleted, erased } = legacy.data;
    return { schema: recordsSchemaVersion, period, summaries: [], deleted, erased: erased ?? {}, stale: true };
  }
  const parsed = indexSchema.safeParse(raw);
  if (!parsed.success) throw new RecordsFormatError('index content');
  if (parsed.data.period !== period) throw new RecordsFormatError('period');
  const { summaryVersion: _version, summaries, notes, ...index } = parsed.data;
  if (!summaries.every(isSummary)) throw new RecordsFormatError('index summary');
  if (notes !== undefined && !areNotes(notes)) throw new RecordsFormatError('index notes');
  for (const summary of summaries) shareRepeated(summary);
  return {
    ...index,
    summaries,
    erased: index.erased ?? {},
    schema: recordsSchemaVersion,
    ...(notes !== undefined ? { notes } : {}),
  };
}

function parseObject(json: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new RecordsFormatError('not JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new RecordsFormatError('not an object');
  return raw as Record<string, unknown>;
}
