import { describe, expect, it } from 'vitest';

import {
  dayLabel,
  dayLongLabel,
  localDay,
  maxTrendWeeks,
  percentText,
  weekLabel,
  weekStartOf,
  weeklyOutcomes,
} from '../../../shared/logs/log-trends';
import type { Outcome } from '../../../shared/logs/readiness-log';

const log = (createdAt: string, outcome: Outcome = 'ready') => ({ createdAt, outcome });
const london = { timeZone: 'Europe/London' };

describe('weeklyOutcomes', () => {
  it('counts each week from Monday to Sunday, by outcome', () => {
    const weeks = weeklyOutcomes(
      [
        log('2026-03-02T09:00:00Z', 'ready'), // Monday
        log('2026-03-08T20:00:00Z', 'not-ready'), // Sunday, same week
        log('2026-03-09T08:00:00Z', 'ready-with-advice'), // next Monday
      ],
      london,
    );
    expect(weeks).toEqual([
      { weekStart: '2026-03-02', count: 2, byOutcome: { ready: 1, 'ready-with-advice': 0, 'not-ready': 1 } },
      { weekStart: '2026-03-09', count: 1, byOutcome: { ready: 0, 'ready-with-advice': 1, 'not-ready': 0 } },
    ]);
  });

  it('shows empty weeks as empty, in order, rather than dropping them', () => {
    const weeks = weeklyOutcomes([log('2026-01-05T10:00:00Z'), log('2026-02-02T10:00:00Z')], london);
    expect(weeks.map((w) => [w.weekStart, w.count])).toEqual([
      ['2026-01-05', 1],
      ['2026-01-12', 0],
      ['2026-01-19', 0],
      ['2026-01-26', 0],
      ['2026-02-02', 1],
    ]);
  });

  it('files a log by its local day across the spring daylight-saving change', () => {
    // Clocks go forward in the UK at 01:00 UTC on Sunday 29 March 2026.
    const weeks = weeklyOutcomes(
      [
        log('2026-03-29T00:30:00Z'), // 00:30 GMT on Sunday 29 March: week of 23 March
        log('2026-03-29T23:30:00Z'), // 00:30 BST on Monday 30 March: week of 30 March
      ],
      london,
    );
    expect(weeks.map((w) => [w.weekStart, w.count])).toEqual([
      ['2026-03-23', 1],
      ['2026-03-30', 1],
    ]);
  });

  it('keeps seven-day weeks across the autumn change, with the hour that repeats in one week', () => {
    // Clocks go back at 01:00 UTC on Sunday 25 October 2026; 00:30 BST and 01:30 GMT are both that Sunday.
    const weeks = weeklyOutcomes(
      [
        log('2026-10-24T23:30:00Z'), // 00:30 BST, Sunday 25 October
        log('2026-10-25T01:30:00Z'), // 01:30 GMT, Sunday 25 October
        log('2026-10-25T23:30:00Z'), // 23:30 GMT, still Sunday
        log('2026-10-26T00:30:00Z'), // Monday 26 October
      ],
      { ...london, from: '2026-10-12', to: '2026-11-08' },
    );
    expect(weeks.map((w) => [w.weekStart, w.count])).toEqual([
      ['2026-10-12', 0],
      ['2026-10-19', 3],
      ['2026-10-26', 1],
      ['2026-11-02', 0],
    ]);
  });

  it('counts weeks in the time zone it is given, not in UTC', () => {
    // 23:30 UTC on Sunday is already Monday in Berlin.
    const sunday = log('2026-06-14T23:30:00Z');
    expect(weeklyOutcomes([sunday], { timeZone: 'UTC' })[0]?.weekStart).toBe('2026-06-08');
    expect(weeklyOutcomes([sunday], { timeZone: 'Europe/Berlin' })[0]?.weekStart).toBe('2026-06-15');
  });

  it('covers the whole chosen period and leaves out logs outside it', () => {
    const weeks = weeklyOutcomes([log('2026-02-20T10:00:00Z'), log('2026-03-04T10:00:00Z')], {
      ...london,
      from: '2026-03-01',
      to: '2026-03-20',
    });
    expect(weeks.map((w) => [w.weekStart, w.count])).toEqual([
      ['2026-02-23', 0], // 1 March is a Sunday: its week starts on 23 February
      ['2026-03-02', 1],
      ['2026-03-09', 0],
      ['2026-03-16', 0],
    ]);
  });

  it('gives a period with no logs as empty weeks, and no logs and no period as no weeks', () => {
    expect(weeklyOutcomes([], { ...london, from: '2026-03-02', to: '2026-03-15' }).map((w) => w.count)).toEqual([0, 0]);
    expect(weeklyOutcomes([], london)).toEqual([]);
  });

  it('keeps only the most recent weeks of a very long period', () => {
    const weeks = weeklyOutcomes([log('2000-01-03T10:00:00Z'), log('2026-03-02T10:00:00Z')], london);
    expect(weeks).toHaveLength(maxTrendWeeks);
    expect(weeks.at(-1)).toMatchObject({ weekStart: '2026-03-02', count: 1 });
    expect(weeks.reduce((n, w) => n + w.count, 0)).toBe(1);
  });
});

describe('week and day helpers', () => {
  it('finds the Monday of any day, across a month and a year end', () => {
    expect(weekStartOf('2026-03-01')).toBe('2026-02-23');
    expect(weekStartOf('2026-03-02')).toBe('2026-03-02');
    expect(weekStartOf('2027-01-01')).toBe('2026-12-28');
  });

  it('reads the local calendar day of an instant', () => {
    expect(localDay('2026-07-01T23:30:00Z', 'Europe/London')).toBe('2026-07-02');
    expect(localDay('2026-07-01T23:30:00Z', 'America/New_York')).toBe('2026-07-01');
  });

  it('labels weeks in plain English', () => {
    expect(weekLabel('2026-03-02')).toBe('Week of 2 Mar 2026');
  });

  it('writes shares as whole percentages, never 0 % for something that happened', () => {
    expect(percentText(0.62)).toBe('62 %');
    expect(percentText(0.001)).toBe('1 %');
    expect(percentText(0.999)).toBe('99 %');
    expect(percentText(1)).toBe('100 %');
    expect(percentText(0)).toBe('0 %');
  });
});

describe('day labels', () => {
  it('writes a calendar day the same in every time zone, short for tables and long for sentences', () => {
    expect(dayLabel('2026-03-02')).toBe('2 Mar 2026');
    expect(dayLongLabel('2026-03-02')).toBe('2 March 2026');
    expect(dayLongLabel('2026-12-31')).toBe('31 December 2026');
  });
});
