import { describe, expect, it } from 'vitest';

import { clientLocalTime, clientTimeText, unusualHour, unusualHourText } from '../../../shared/clients/client-time';
import { sessionCoverage } from '../../../shared/clients/client-coverage';

describe('client local time', () => {
  it('shows the session instant on the client’s clock', () => {
    const local = clientLocalTime('2026-06-10T09:00:00Z', 'America/New_York', 'Europe/London');
    expect(local).toMatchObject({ time: '05:00', hour: 5, offsetMinutes: -240, otherDay: false, unusual: true });
    expect(clientTimeText(local!)).toBe('05:00 for the client (Wed 10 Jun, GMT-4)');
  });

  it('follows a daylight-saving change: the same UTC time is an hour apart either side of it', () => {
    // Europe/London moved to BST at 01:00 UTC on Sunday 29 March 2026.
    expect(clientLocalTime('2026-03-28T21:30:00Z', 'Europe/London')).toMatchObject({
      time: '21:30',
      offsetMinutes: 0,
      unusual: false,
    });
    expect(clientLocalTime('2026-03-29T21:30:00Z', 'Europe/London')).toMatchObject({
      time: '22:30',
      offsetMinutes: 60,
      unusual: true,
    });
    // Sydney left daylight saving at 03:00 local on 5 April 2026 (16:00 UTC the day before).
    expect(clientLocalTime('2026-04-04T15:30:00Z', 'Australia/Sydney')?.time).toBe('02:30');
    expect(clientLocalTime('2026-04-04T16:30:00Z', 'Australia/Sydney')?.time).toBe('02:30');
  });

  it('says when the client is on another calendar day', () => {
    const local = clientLocalTime('2026-06-10T20:00:00Z', 'Pacific/Auckland', 'Europe/London');
    expect(local).toMatchObject({ time: '08:00', otherDay: true, day: 'Thu 11 Jun' });
  });

  it('unusual hours: before 07:00 or from 22:00, on the client’s clock', () => {
    const at = (utc: string) => unusualHour(utc, 'UTC');
    expect(at('2026-06-10T06:59:00Z')).toBe(true);
    expect(at('2026-06-10T07:00:00Z')).toBe(false);
    expect(at('2026-06-10T21:59:00Z')).toBe(false);
    expect(at('2026-06-10T22:00:00Z')).toBe(true);
    expect(at('2026-06-10T00:30:00Z')).toBe(true);
    expect(unusualHour(new Date('2026-06-10T13:30:00Z'), 'Asia/Tokyo')).toBe(true);
  });

  it('an unreadable zone or instant is "not known", never guessed', () => {
    expect(clientLocalTime('2026-06-10T12:00:00Z', 'Not/AZone')).toBeNull();
    expect(clientLocalTime('yesterday', 'UTC')).toBeNull();
    expect(unusualHour('2026-06-10T03:00:00Z', 'Not/AZone')).toBe(false);
  });

  it('explains an unusual hour in plain words', () => {
    expect(unusualHourText(clientLocalTime('2026-06-10T05:00:00Z', 'UTC')!)).toMatch(/early in the morning/);
    expect(unusualHourText(clientLocalTime('2026-06-10T23:00:00Z', 'UTC')!)).toMatch(/late in the evening/);
    expect(unusualHourText(clientLocalTime('2026-06-10T12:00:00Z', 'UTC')!)).toBeNull();
  });
});

describe('session coverage', () => {
  it('warns, naming the country, when the client is outside the covered countries', () => {
    const result = sessionCoverage('ES', ['GB', 'IE']);
    expect(result.kind).toBe('not-covered');
    expect(result.kind === 'not-covered' && result.message).toMatch(/Spain/);
  });

  it('is quiet for a covered country, and says when no list has been set (unknown is not a pass)', () => {
    expect(sessionCoverage('GB', ['GB'])).toEqual({ kind: 'covered' });
    expect(sessionCoverage('GB', []).kind).toBe('not-set');
    expect(sessionCoverage(null, ['GB'])).toEqual({ kind: 'no-country' });
  });
});
