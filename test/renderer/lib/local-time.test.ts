import { describe, expect, it } from 'vitest';

import { formatInstant, fromLocalInput, localToday, toLocalInput } from '../../../renderer/lib/local-time';

describe('local time helpers', () => {
  it('writes and reads a datetime-local value on this computer’s clock', () => {
    const at = new Date(2026, 2, 29, 1, 30);
    expect(toLocalInput(at)).toBe('2026-03-29T01:30');
    expect(fromLocalInput('2026-03-29T01:30')).toBe(at.toISOString());
  });

  it('reads nothing from an empty or malformed value', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('29/03/2026 01:30')).toBeNull();
    expect(fromLocalInput('2026-13-45T99:99')).toBeNull();
  });

  it('gives today as YYYY-MM-DD', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('formats an instant with a 24-hour clock, midnight as 00', () => {
    expect(formatInstant(new Date(2026, 2, 29, 0, 5).toISOString())).toBe('Sun, 29 Mar 2026, 00:05');
  });
});
