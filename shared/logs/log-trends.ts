import { outcomes, type LogSummary, type Outcome } from './readiness-log';

/** One calendar week (Monday to Sunday, in the therapist's time zone) and its logs by outcome. */
export interface WeekBucket {
  /** The Monday that starts the week, "YYYY-MM-DD" on the local calendar. */
  readonly weekStart: string;
  readonly count: number;
  readonly byOutcome: Readonly<Record<Outcome, number>>;
}

export interface TrendOptions {
  /** First day of the period, "YYYY-MM-DD" (local); default: the day of the earliest log. */
  readonly from?: string;
  /** Last day of the period, "YYYY-MM-DD" (local); default: the day of the latest log. */
  readonly to?: string;
  /** IANA time zone the weeks are counted in; default: this computer's. */
  readonly timeZone?: string;
}

/** A period longer than this many weeks is cut to its most recent weeks (a chart of 20 years helps no one). */
export const maxTrendWeeks = 530;

const dayMs = 86_400_000;
const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, format);
  }
  return format;
}

export function localTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The calendar day of an instant in a time zone, "YYYY-MM-DD". */
export function localDay(iso: string, timeZone: string = localTimeZone()): string {
  const parts = dayFormatter(timeZone).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * Days are counted on the calendar, as UTC midnights, never by adding 24-hour steps to local
 * times: a week across a daylight-saving change has 7 days even though it has 167 or 169 hours.
 */
function dayNumber(day: string): number {
  const match = dayPattern.exec(day);
  if (!match) throw new RangeError(`not a day: ${day}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / dayMs;
}

function dayText(n: number): string {
  return new Date(n * dayMs).toISOString().slice(0, 10);
}

/** The Monday on or before this day, as a day number. */
function mondayOf(n: number): number {
  // 1970-01-01 (day 0) was a Thursday.
  const weekday = (((n + 3) % 7) + 7) % 7; // 0 = Monday
  return n - weekday;
}

/** The Monday on or before a "YYYY-MM-DD" day. */
export function weekStartOf(day: string): string {
  return dayText(mondayOf(dayNumber(day)));
}

function emptyOutcomes(): Record<Outcome, number> {
  return Object.fromEntries(outcomes.map((o) => [o, 0])) as Record<Outcome, number>;
}

/**
 * Logs per calendar week over a period, by outcome. Every week of the period is there, in order,
 * with zeros when no log was made that week: an empty week is information (no sessions, or checks
 * skipped), so it is shown, never dropped. No logs and no period give no weeks.
 */
export function weeklyOutcomes(
  logs: readonly Pick<LogSummary, 'createdAt' | 'outcome'>[],
  options: TrendOptions = {},
): WeekBucket[] {
  const timeZone = options.timeZone ?? localTimeZone();
  const days = logs.map((log) => dayNumber(localDay(log.createdAt, timeZone)));
  let earliest: number | null = null;
  let latest: number | null = null;
  for (const d of days) {
    if (earliest === null || d < earliest) earliest = d;
    if (latest === null || d > latest) latest = d;
  }
  let first = options.from ? dayNumber(options.from) : earliest;
  let last = options.to ? dayNumber(options.to) : latest;
  if (first === null && last !== null) first = last;
  if (last === null && first !== null) last = first;
  if (first === null || last === null || last < first) return [];
  const lastWeek = mondayOf(last);
  const firstWeek = Math.max(mondayOf(first), lastWeek - (maxTrendWeeks - 1) * 7);
  const weeks = new Map<number, { count: number; byOutcome: Record<Outcome, number> }>();
  for (let w = firstWeek; w <= lastWeek; w += 7) weeks.set(w, { count: 0, byOutcome: emptyOutcomes() });
  logs.forEach((log, i) => {
    const day = days[i] as number;
    if (day < first || day > last) return;
    const week = weeks.get(mondayOf(day));
    if (!week) return;
    week.count += 1;
    week.byOutcome[log.outcome] += 1;
  });
  return [...weeks.entries()].map(([w, b]) => ({ weekStart: dayText(w), count: b.count, byOutcome: b.byOutcome }));
}

const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "2 Mar" for the week starting Monday 2 March (axis labels). */
export function weekShortLabel(weekStart: string): string {
  return shortDate.format(new Date(dayNumber(weekStart) * dayMs));
}

/** "Week of 2 Mar 2026" (table rows, the PDF). */
export function weekLabel(weekStart: string): string {
  return `Week of ${longDate.format(new Date(dayNumber(weekStart) * dayMs))}`;
}

/** "12 Mar 2026" for a "YYYY-MM-DD" day. */
export function dayLabel(day: string): string {
  return longDate.format(new Date(dayNumber(day) * dayMs));
}

const fullDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "12 March 2026" for a "YYYY-MM-DD" day (sentences: a decision's day, a review's). */
export function dayLongLabel(day: string): string {
  return fullDate.format(new Date(dayNumber(day) * dayMs));
}

/** "62 %" for 0.62: whole percent, but never "0 %" for something that did happen, nor "100 %" when it did not always. */
export function percentText(share: number): string {
  if (!(share > 0)) return '0 %';
  if (share >= 1) return '100 %';
  const rounded = Math.round(share * 100);
  return `${Math.min(99, Math.max(1, rounded))} %`;
}
