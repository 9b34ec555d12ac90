import { describe, expect, it } from 'vitest';

import { isPeriod, makeLogId, periodEnd, periodOf, periodOfId, periodStart } from '../../../main/vault/log-ids';

describe('log-ids', () => {
  it('puts the UTC creation month in the id', () => {
    const id = makeLogId(new Date('2026-03-31T23:30:00-02:00'));
    expect(id).toMatch(/^202604-[0-9a-z]{20}$/);
    expect(periodOfId(id)).toBe('2026-04');
  });

  it('makes distinct ids', () => {
    const at = new Date('2026-03-01T00:00:00Z');
    const ids = new Set(Array.from({ length: 1000 }, () => makeLogId(at)));
    expect(ids.size).toBe(1000);
  });

  it('refuses text that is not one of its ids', () => {
    for (const bad of [
      '',
      '202613-aaaaaaaaaaaaaaaaaaaa',
      '2026-03-aaaaaaaaaaaaaaaaaaaa',
      '202603-AAAAAAAAAAAAAAAAAAAA',
      '202603-aaaa',
      '../202603-aaaaaaaaaaaaaaaaaaaa',
    ]) {
      expect(periodOfId(bad)).toBeNull();
    }
  });

  it('knows period bounds', () => {
    expect(periodOf(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12');
    expect(periodStart('2026-12').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(periodEnd('2026-12').toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(isPeriod('2026-00')).toBe(false);
    expect(isPeriod('2026-1')).toBe(false);
    expect(isPeriod('2026-10')).toBe(true);
  });
});
