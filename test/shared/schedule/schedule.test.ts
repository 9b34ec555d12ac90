import { describe, expect, it } from 'vitest';

import {
  occurrencesBetween,
  scheduleInputSchema,
  toLocalStart,
  upcomingOccurrences,
  type ScheduleEntry,
} from '../../../shared/schedule/schedule';
import { sampleScheduleInput } from '../../fixtures/schedule/sample-sessions';

const entry = (extra: Partial<ScheduleEntry>): ScheduleEntry => ({
  id: '0123456789abcdef',
  start: '2026-03-20T09:00',
  zone: 'Europe/London',
  durationMinutes: 50,
  platform: 'zoom',
  repeat: 'weekly',
  until: null,
  ...extra,
});

describe('occurrences', () => {
  it('a weekly 09:00 London session stays 09:00 local: UTC moves by an hour at the change', () => {
    const list = occurrencesBetween(entry({}), Date.parse('2026-03-01T00:00Z'), Date.parse('2026-04-10T00:00Z'));
    expect(list.map((o) => [o.startUtc, o.startLocal])).toEqual([
      ['2026-03-20T09:00:00.000Z', '2026-03-20T09:00:00.000+00:00'],
      ['2026-03-27T09:00:00.000Z', '2026-03-27T09:00:00.000+00:00'],
      ['2026-04-03T08:00:00.000Z', '2026-04-03T09:00:00.000+01:00'],
    ]);
  });

  it('a session on a wall time the change skips moves forward with the clocks', () => {
    const list = occurrencesBetween(
      entry({ start: '2026-03-29T01:30', repeat: 'none' }),
      0,
      Date.parse('2027-01-01T00:00Z'),
    );
    expect(list.map((o) => o.startLocal)).toEqual(['2026-03-29T02:30:00.000+01:00']);
  });

  it('an end date stops a repeat (the end day itself included)', () => {
    const list = occurrencesBetween(entry({ until: '2026-04-03' }), 0, Date.parse('2027-01-01T00:00Z'));
    expect(list).toHaveLength(3);
  });

  it('jumps straight to a late window without missing the first occurrence in it', () => {
    const list = occurrencesBetween(
      entry({ repeat: 'fortnightly' }),
      Date.parse('2027-03-01T00:00Z'),
      Date.parse('2027-03-20T00:00Z'),
    );
    // 20 March 2026 + 52 weeks = 19 March 2027; fortnightly from there backwards: 5 and 19 March.
    expect(list.map((o) => o.startLocal)).toEqual(['2027-03-05T09:00:00.000+00:00', '2027-03-19T09:00:00.000+00:00']);
  });

  it('merges entries soonest first', () => {
    const a = entry({ id: 'aaaaaaaaaaaaaaaa', start: '2026-03-20T15:00', repeat: 'none' });
    const b = entry({ id: 'bbbbbbbbbbbbbbbb', start: '2026-03-20T11:30', zone: 'America/New_York', repeat: 'none' });
    expect(upcomingOccurrences([a, b], Date.parse('2026-03-01T00:00Z'), 5).map((o) => o.entryId)).toEqual([
      'aaaaaaaaaaaaaaaa',
      'bbbbbbbbbbbbbbbb',
    ]);
  });
});

describe('input', () => {
  it('reads a start as wall time in the zone, or as an instant when it carries an offset', () => {
    expect(toLocalStart('2026-03-30T09:00', 'Europe/London')).toBe('2026-03-30T09:00');
    expect(toLocalStart('2026-03-30T08:00:00Z', 'Europe/London')).toBe('2026-03-30T09:00');
    expect(toLocalStart('not a date', 'Europe/London')).toBeNull();
  });

  it('refuses a date without a time, rather than reading it as midnight', () => {
    for (const text of ['2026-03-30', '2026-W14-1', '2026-089', '2026-03-30T'])
      expect(toLocalStart(text, 'Europe/London')).toBeNull();
  });

  it('refuses an unknown zone, an impossible date and a hidden character in the client code', () => {
    const base = sampleScheduleInput();
    expect(scheduleInputSchema.safeParse(base).success).toBe(true);
    expect(scheduleInputSchema.safeParse({ ...base, zone: 'Mars/Olympus' }).success).toBe(false);
    expect(scheduleInputSchema.safeParse({ ...base, start: '2026-02-30T09:00' }).success).toBe(false);
    expect(scheduleInputSchema.safeParse({ ...base, clientCode: 'AB\u200b017' }).success).toBe(false);
  });
});
