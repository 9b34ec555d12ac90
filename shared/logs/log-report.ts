import { getCatalogEntry } from '../catalog/catalog';
import type { OsName } from '../platform';
import { platformLabel } from '../session/platforms';
import { showHiddenCharacters } from '../text/visible-text';
import { howOften, summariseLogs } from './log-insights';
import { periodList } from './log-periods';
import { dayLabel, localDay, percentText, weekLabel, weeklyOutcomes, type WeekBucket } from './log-trends';
import { outcomeLabels, outcomes, type LogSummary, type Outcome } from './readiness-log';

/** Up to this many logs the report lists each one; above it, one row per week. */
export const maxLogRows = 200;
/** The most frequent problems shown. */
export const maxReportProblems = 10;

export interface ReportOptions {
  /** "YYYY-MM-DD" (local), or absent for no limit. */
  readonly from?: string;
  readonly to?: string;
  /** The one client the report is about, if any. */
  readonly client?: string;
  /** Client codes are left out unless the user asks for them. */
  readonly includeClientCodes: boolean;
  readonly practiceName: string;
  readonly generatedAt: Date;
  readonly timeZone: string;
  /** For advice in this computer's terms. */
  readonly os: OsName | null;
  /** Months that could not be read, and so are not in the report. */
  readonly unreadablePeriods?: readonly string[];
}

export interface ReportProblem {
  readonly title: string;
  /** "in 62 % of sessions (31 of 50 logs)" */
  readonly howOften: string;
  readonly advice: string;
  readonly source: string;
}

export interface ReportTable {
  /** One row per log, or one per week when there are many. */
  readonly kind: 'logs' | 'weeks';
  readonly caption: string;
  readonly columns: readonly string[];
  /** Relative column widths, summing to 1. */
  readonly widths: readonly number[];
  readonly rows: readonly (readonly string[])[];
}

/** What a report says, worked out once; the PDF (and anything else) only lays it out. */
export interface ReportModel {
  readonly title: string;
  readonly practiceName: string;
  /** "1 Mar 2026 to 31 Mar 2026" */
  readonly period: string;
  /** "All clients", "One client" or "Client AB-017". */
  readonly scope: string;
  readonly generated: string;
  readonly count: number;
  readonly summary: readonly string[];
  readonly weeks: readonly WeekBucket[];
  readonly problems: readonly ReportProblem[];
  /** Checks ReadyRoom could not make on this computer: not the therapist's problems, listed apart. */
  readonly couldNotCheck: readonly string[];
  readonly table: ReportTable;
  readonly notes: readonly string[];
}

const generatedFormat = (timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
const rowTimeFormat = (timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });

const title = (id: string) => getCatalogEntry(id)?.title ?? id;

/** "Ready 40 (80 %)" */
function outcomeLine(outcome: Outcome, count: number, total: number): string {
  return `${outcomeLabels[outcome]}: ${count} (${percentText(total > 0 ? count / total : 0)})`;
}

function logsTable(logs: readonly LogSummary[], options: ReportOptions): ReportTable {
  const format = rowTimeFormat(options.timeZone);
  const codes = options.includeClientCodes;
  const ordered = [...logs].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  return {
    kind: 'logs',
    caption: `Each log (${logs.length})`,
    columns: ['Checked', ...(codes ? ['Client'] : []), 'Platform', 'Outcome', 'Needed attention'],
    widths: codes ? [0.2, 0.12, 0.14, 0.14, 0.4] : [0.22, 0.16, 0.16, 0.46],
    rows: ordered.map((log) => [
      format.format(new Date(log.createdAt)),
      ...(codes ? [showHiddenCharacters(log.clientCode)] : []),
      platformLabel(log.platform),
      outcomeLabels[log.outcome],
      log.attention.length > 0
        ? log.attention.map((a) => title(a.id)).join('; ')
        : log.outcome === 'ready'
          ? 'Nothing'
          : 'See the log',
    ]),
  };
}

function weeksTable(logs: readonly LogSummary[], weeks: readonly WeekBucket[], timeZone: string): ReportTable {
  // The item that most often needed attention each week.
  const byWeek = new Map<string, Map<string, number>>();
  const starts = weeks.map((w) => w.weekStart);
  for (const log of logs) {
    const day = localDay(log.createdAt, timeZone);
    // Weeks are in order: the last start on or before the day is the log's week.
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] as string) <= day) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) continue;
    const key = starts[found] as string;
    const tally = byWeek.get(key) ?? new Map<string, number>();
    for (const id of new Set(log.attention.map((a) => a.id))) tally.set(id, (tally.get(id) ?? 0) + 1);
    byWeek.set(key, tally);
  }
  return {
    kind: 'weeks',
    caption: `Logs by week (${logs.length} logs in all)`,
    columns: ['Week', 'Logs', 'Ready', 'With advice', 'Not ready', 'Most often needed attention'],
    widths: [0.2, 0.08, 0.09, 0.11, 0.1, 0.42],
    rows: weeks.map((w) => {
      const top = [...(byWeek.get(w.weekStart) ?? new Map<string, number>()).entries()].sort(
        (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
      )[0];
      return [
        weekLabel(w.weekStart).replace(/^Week of /, ''),
        String(w.count),
        String(w.byOutcome.ready),
        String(w.byOutcome['ready-with-advice']),
        String(w.byOutcome['not-ready']),
        w.count === 0 ? 'No logs' : top ? `${title(top[0])} (${top[1]})` : 'Nothing',
      ];
    }),
  };
}

/**
 * The report for supervision or an audit: who it is for, the period, a summary, the weekly
 * trend, the problems that keep coming up with the catalog's advice, and the logs themselves
 * (each one when there are few, one row per week when there are many, so it never runs to
 * thousands of pages). Client codes appear only when asked for.
 */
export function buildReport(logs: readonly LogSummary[], options: ReportOptions): ReportModel {
  const insights = summariseLogs(logs, options.os);
  const total = insights.count;
  const weeks = weeklyOutcomes(logs, {
    timeZone: options.timeZone,
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
  });
  const first = options.from ?? (insights.firstAt ? localDay(insights.firstAt, options.timeZone) : null);
  const last = options.to ?? (insights.lastAt ? localDay(insights.lastAt, options.timeZone) : null);
  const period =
    first && last
      ? `${dayLabel(first)} to ${dayLabel(last)}`
      : first
        ? `From ${dayLabel(first)}`
        : last
          ? `Up to ${dayLabel(last)}`
          : 'No logs';
  const scope = options.client
    ? options.includeClientCodes
      ? `Client ${showHiddenCharacters(options.client)}`
      : 'One client (code left out)'
    : 'All clients';
  const notes: string[] = [
    'Each log was recorded by ReadyRoom before a session and is kept encrypted on the therapist’s computer. Items “checked by you” or “not applicable” are the therapist’s own judgement, recorded beside what ReadyRoom saw.',
  ];
  if (options.unreadablePeriods && options.unreadablePeriods.length > 0)
    notes.push(`Not included: logs from ${periodList(options.unreadablePeriods)}, which could not be read.`);
  return {
    title: 'ReadyRoom readiness report',
    practiceName: options.practiceName,
    period,
    scope,
    generated: generatedFormat(options.timeZone).format(options.generatedAt),
    count: total,
    summary: [
      `${total} readiness log${total === 1 ? '' : 's'} in this period.`,
      ...outcomes.map((o) => outcomeLine(o, insights.byOutcome[o], total)),
    ],
    weeks,
    problems: insights.problems.slice(0, maxReportProblems).map((p) => ({
      title: p.title,
      howOften: `in ${percentText(p.share)} of sessions (${howOften(p.count, total)})`,
      advice: p.advice,
      source: p.source,
    })),
    couldNotCheck: insights.couldNotCheck
      .slice(0, maxReportProblems)
      .map((u) => `${u.title}: could not be checked in ${howOften(u.count, total)}`),
    table: logs.length <= maxLogRows ? logsTable(logs, options) : weeksTable(logs, weeks, options.timeZone),
    notes,
  };
}
