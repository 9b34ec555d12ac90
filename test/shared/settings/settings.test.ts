import { describe, expect, it } from 'vitest';

import { defaultSettings, settingsProblem } from '../../../shared/settings/settings';

describe('settings: practice name', () => {
  it('is empty by default and accepts one line of visible text', () => {
    expect(defaultSettings.practiceName).toBe('');
    expect(settingsProblem({ ...defaultSettings, practiceName: 'Praxis Müller – Łódź' })).toBeNull();
  });

  it.each([
    ['North\nside', /one line of visible text/],
    ['North\u202Eside', /one line of visible text/],
    [' Northside', /must not start or end with spaces/],
    ['x'.repeat(121), /at most 120 characters/],
  ])('refuses %j in words', (practiceName, message) => {
    expect(settingsProblem({ ...defaultSettings, practiceName })).toMatch(message);
  });
});
