// Luxon, not date-fns-tz or a Temporal polyfill: it does wall-clock arithmetic in a named IANA zone
// ("plus one week" keeps 09:00 local across a daylight-saving change) with the zone data the
// platform's Intl already carries, is immutable, small, and has been maintained for years.
import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';

import { clientCodeInputSchema } from '../logs/client-code';
import { sessionPlatformIds, type SessionPlatformId } from '../session/platforms';

export const repeatKinds = ['none', 'weekly', 'fortnightly'] as const;
export type Repeat = (typeof repeatKinds)[number];
export const repeatLabels: Record<Repeat, string> = {
  none: 'Does not repeat',
  weekly: 'Every week',
  fortnightly: 'Every two weeks',
};

const localDateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const localDatePattern = /^\d{4}-\d{2}-\d{2}$/;

export function isValidZone(zone: string): boolean {
  return zone.length <= 64 && IANAZone.isValidZone(zone);
}

/** "2026-03-30T09:00": a wall-clock time, meaningful only with its zone. */
export const localDateTimeSchema = z
  .string()
  .regex(localDateTimePattern, 'must be a date and time like 2026-03-30T09:00')
  .refine((text) => DateTime.fromISO(text, { zone: 'UTC' }).isValid, 'is not a real date and time');
export const localDateSchema = z
  .string()
  .regex(localDatePattern, 'must be a date like 2026-06-30')
  .refine((text) => DateTime.fromISO(text, { zone: 'UTC' }).isValid, 'is not a real date');
export const zoneSchema = z.string().min(1).max(64).refine(isValidZone, 'is not a time zone ReadyRoom knows');

export const scheduleIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'is not a schedule id');

/**
 * What the schedule keeps outside the vault, so reminders can fire while it is locked: times,
 * length, platform, repeat and an opaque id. The client code is kept in the vault under that id.
 */
export const scheduleEntrySchema = z.strictObject({
  id: scheduleIdSchema,
  /** The first session's start, on the wall clock of `zone`. */
  start: localDateTimeSchema,
  zone: zoneSchema,
  durationMinutes: z.number().int().min(5).max(480),
  platform: z.enum(sessionPlatformIds),
  repeat: z.enum(repeatKinds),
  /** The last day (in `zone`) a repeating session may fall on; null repeats with no end. */
  until: localDateSchema.nullable(),
});
export type ScheduleEntry = z.output<typeof scheduleEntrySchema>;

/** A new or edited session as the window or the command line sends it. */
export const scheduleInputSchema = scheduleEntrySchema.omit({ id: true }).extend({ clientCode: clientCodeInputSchema });
export type ScheduleInput = z.output<typeof scheduleInputSchema>;

/** Why these times cannot be kept, in one sentence; null when they can. */
export function scheduleInputProblem(input: Omit<ScheduleInput, 'clientCode'>): string | null {
  if (input.until !== null) {
    if (input.repeat === 'none') return 'An end date only applies to a session that repeats.';
    if (input.until < input.start.slice(0, 10)) return 'The end date is before the first session.';
  }
  return null;
}

/** One session on the calendar: when it starts in UTC and on the wall clock of its zone. */
export interface Occurrence {
  readonly entryId: string;
  /** ISO 8601 in UTC ("2026-03-30T08:00:00.000Z"). */
  readonly startUtc: string;
  /** ISO 8601 with the zone's offset at that moment ("2026-03-30T09:00:00.000+01:00"). */
  readonly startLocal: string;
  readonly zone: string;
  readonly durationMinutes: number;
  readonly platform: SessionPlatformId;
}

const stepWeeks: Record<Repeat, number> = { none: 0, weekly: 1, fortnightly: 2 };
const weekMs = 7 * 24 * 3600_000;

/** The n-th session of an entry: whole weeks added on the wall clock, so 09:00 stays 09:00 across a change. */
function nthStart(first: DateTime, entry: ScheduleEntry, n: number): DateTime {
  return first.plus({ weeks: n * stepWeeks[entry.repeat] });
}

/** When the entry's first session starts; a wall time skipped by a clock change moves forward with it. */
export function firstStart(entry: Pick<ScheduleEntry, 'start' | 'zone'>): DateTime {
  return DateTime.fromISO(entry.start, { zone: entry.zone });
}

/**
 * The entry's sessions that start in [fromMs, toMs), in order. A repeating session is stepped
 * from its first date, so every occurrence keeps the same local time and weekday.
 */
export function occurrencesBetween(entry: ScheduleEntry, fromMs: number, toMs: number): Occurrence[] {
  const first = firstStart(entry);
  if (!first.isValid) return [];
  const step = stepWeeks[entry.repeat];
  const lastDay = entry.until === null ? null : DateTime.fromISO(entry.until, { zone: entry.zone }).endOf('day');
  const out: Occurrence[] = [];
  // Jump close to `fromMs` (a week is 7 × 24 h give or take the one-hour change, hence the margin of one step).
  let n = step === 0 ? 0 : Math.max(0, Math.floor((fromMs - first.toMillis()) / (step * weekMs)) - 1);
  for (; ; n += 1) {
    const start = nthStart(first, entry, n);
    const ms = start.toMillis();
    if (ms >= toMs || (lastDay !== null && start > lastDay)) break;
    if (ms >= fromMs) out.push(toOccurrence(entry, start));
    if (step === 0) break;
  }
  return out;
}

/** The next `count` sessions across all entries starting at or after `fromMs`, soonest first. */
export function upcomingOccurrences(
  entries: readonly ScheduleEntry[],
  fromMs: number,
  count: number,
  horizonDays = 400,
): Occurrence[] {
  const toMs = fromMs + horizonDays * 24 * 3600_000;
  return entries
    .flatMap((entry) => occurrencesBetween(entry, fromMs, toMs).slice(0, count))
    .sort((a, b) => Date.parse(a.startUtc) - Date.parse(b.startUtc) || a.entryId.localeCompare(b.entryId))
    .slice(0, count);
}

function toOccurrence(entry: ScheduleEntry, start: DateTime): Occurrence {
  return {
    entryId: entry.id,
    startUtc: start.toUTC().toISO() ?? '',
    startLocal: start.toISO() ?? '',
    zone: entry.zone,
    durationMinutes: entry.durationMinutes,
    platform: entry.platform,
  };
}

/** "14:00" on the wall clock of `zone` (the computer's, for what the therapist reads). */
export function clockTime(utcIso: string, zone: string): string {
  return DateTime.fromISO(utcIso, { zone: 'UTC' }).setZone(zone).toFormat('HH:mm');
}

/** "Mon 30 Mar, 14:00" on the wall clock of `zone`. */
export function dayAndTime(utcIso: string, zone: string): string {
  return DateTime.fromISO(utcIso, { zone: 'UTC' }).setZone(zone).setLocale('en-GB').toFormat('ccc d LLL, HH:mm');
}

/**
 * A start typed as "2026-03-30T09:00" (wall time in `zone`) or with an offset or Z (an instant,
 * turned into `zone`'s wall time). Null when it is not a date and time.
 */
export function toLocalStart(text: string, zone: string): string | null {
  const trimmed = text.trim();
  // A date alone (or a week or ordinal date) would silently mean midnight.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(trimmed)) return null;
  const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(trimmed);
  const parsed = hasOffset
    ? DateTime.fromISO(trimmed, { setZone: true }).setZone(zone)
    : DateTime.fromISO(trimmed, { zone });
  if (!parsed.isValid) return null;
  return parsed.toFormat("yyyy-MM-dd'T'HH:mm");
}
