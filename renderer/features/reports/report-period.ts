import { localDay, localTimeZone, weekStartOf } from '../../../shared/logs/log-trends';
import type { LogSummary } from '../../../shared/logs/readiness-log';

/** A period the trends and exports can cover, as local days; no `from`/`to` means no limit. */
export interface PeriodChoice {
  readonly id: 'filter' | '12w' | '26w' | '52w' | 'all';
  readonly label: string;
  /** For sentences: "the last 12 weeks". */
  readonly text: string;
  readonly from?: string;
  readonly to?: string;
}

const dayMs = 86_400_000;

function weeksBack(today: string, weeks: number): string {
  const monday = Date.parse(`${weekStartOf(today)}T00:00:00Z`);
  return new Date(monday - (weeks - 1) * 7 * dayMs).toISOString().slice(0, 10);
}

/**
 * The periods offered: the dates chosen in the filter (when there are any) first, then whole
 * weeks back from this one, then everything listed.
 */
export function periodChoices(filter: { readonly from: string; readonly to: string }, now: Date): PeriodChoice[] {
  const today = localDay(now.toISOString());
  const choices: PeriodChoice[] = [];
  if (filter.from || filter.to) {
    choices.push({
      id: 'filter',
      label: 'The dates chosen above',
      text: 'the dates chosen above',
      ...(filter.from ? { from: filter.from } : {}),
      ...(filter.to ? { to: filter.to } : {}),
    });
  }
  for (const [id, weeks, words] of [
    ['12w', 12, '12 weeks'],
    ['26w', 26, '6 months'],
    ['52w', 52, '12 months'],
  ] as const) {
    choices.push({
      id,
      label: `The last ${words}`,
      text: `the last ${words}`,
      from: weeksBack(today, weeks),
      to: today,
    });
  }
  choices.push({ id: 'all', label: 'All the logs listed', text: 'all the logs listed' });
  return choices;
}

/** The logs whose local day falls in the period. */
export function logsInPeriod(logs: readonly LogSummary[], period: PeriodChoice): LogSummary[] {
  if (!period.from && !period.to) return [...logs];
  // Looked up once: the zone is the same for every log, and 20,000 lookups show.
  const zone = localTimeZone();
  return logs.filter((log) => {
    const day = localDay(log.createdAt, zone);
    return (!period.from || day >= period.from) && (!period.to || day <= period.to);
  });
}
