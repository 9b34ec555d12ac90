import { describe, expect, it } from 'vitest';

import {
  allTrayIconFiles,
  checkedTime,
  defaultStaleAfterMs,
  trayIconFile,
  trayState,
  trayTooltip,
  type LastCheck,
} from '../../../shared/tray/tray-state';

const now = new Date('2026-03-10T14:30:00Z');
const check = (outcome: LastCheck['outcome'], checkedAt = '2026-03-10T14:02:00Z', computerOnly = false): LastCheck => ({
  outcome,
  checkedAt,
  computerOnly,
});

describe('trayState', () => {
  it('is "unchecked" before any check', () => {
    expect(trayState(null, now)).toBe('unchecked');
  });

  it.each([
    ['ready', 'ready'],
    ['ready-with-advice', 'advice'],
    ['not-ready', 'not-ready'],
  ] as const)('shows a recent %s check as %s', (outcome, state) => {
    expect(trayState(check(outcome), now)).toBe(state);
  });

  it('goes stale once the set time has passed, whatever the outcome was', () => {
    const at = new Date(now.getTime() - defaultStaleAfterMs).toISOString();
    expect(trayState(check('ready', at), now)).toBe('stale');
    const justBefore = new Date(now.getTime() - defaultStaleAfterMs + 1000).toISOString();
    expect(trayState(check('ready', justBefore), now)).toBe('ready');
  });

  it('honours a shorter stale time', () => {
    expect(trayState(check('ready'), now, 10 * 60 * 1000)).toBe('stale');
  });

  it('treats a check dated in the future (the clock moved back) or an unreadable date as stale, never as ready', () => {
    expect(trayState(check('ready', '2026-03-10T15:00:00Z'), now)).toBe('stale');
    expect(trayState(check('ready', 'not a date'), now)).toBe('stale');
  });
});

describe('trayIconFile', () => {
  it('uses a template image on macOS, whatever the menu bar colour', () => {
    expect(trayIconFile('ready', 'darwin', false)).toBe('tray-readyTemplate.png');
    expect(trayIconFile('not-ready', 'darwin', true)).toBe('tray-not-readyTemplate.png');
  });

  it('uses a multi-size .ico on Windows: light glyph on a dark taskbar, dark glyph on a light one', () => {
    expect(trayIconFile('advice', 'win32', true)).toBe('tray-advice-dark.ico');
    expect(trayIconFile('advice', 'win32', false)).toBe('tray-advice-light.ico');
  });

  it.each(['linux', 'freebsd'])('uses PNGs on %s', (platform) => {
    expect(trayIconFile('ready', platform, true)).toBe('tray-ready-dark.png');
    expect(trayIconFile('ready', platform, false)).toBe('tray-ready-light.png');
  });

  it('draws a stale check like no check: an old result must not look ready', () => {
    expect(trayIconFile('stale', 'linux', true)).toBe(trayIconFile('unchecked', 'linux', true));
    expect(trayIconFile('stale', 'darwin', true)).toBe('tray-uncheckedTemplate.png');
  });

  it('names only files the asset script makes, for every state, OS and taskbar', () => {
    const made = new Set(allTrayIconFiles());
    for (const state of ['ready', 'advice', 'not-ready', 'unchecked', 'stale'] as const) {
      for (const platform of ['darwin', 'win32', 'linux']) {
        for (const dark of [true, false]) {
          const file = trayIconFile(state, platform, dark);
          expect(made.has(file)).toBe(true);
          if (file.endsWith('.png')) expect(made.has(file.replace(/\.png$/, '@2x.png'))).toBe(true);
        }
      }
    }
  });
});

describe('trayTooltip', () => {
  it('adds the practice-review items that are due on a line of their own, and nothing when none are', () => {
    const options = { now: new Date('2026-03-10T15:00:00Z'), timeZone: 'Europe/London' };
    expect(trayTooltip(check('ready'), { ...options, reviewDue: 2 })).toBe(
      'Ready, checked 14:02\nPractice review: 2 items due',
    );
    expect(trayTooltip(null, { ...options, reviewDue: 1 })).toBe(
      'ReadyRoom: not checked yet\nPractice review: 1 item due',
    );
    expect(trayTooltip(check('ready'), { ...options, reviewDue: 0 })).toBe('Ready, checked 14:02');
  });

  const options = { now, timeZone: 'Europe/London' };

  it('says the outcome and the time in words', () => {
    expect(trayTooltip(check('ready-with-advice'), options)).toBe('Ready with advice, checked 14:02');
    expect(trayTooltip(check('ready'), options)).toBe('Ready, checked 14:02');
    expect(trayTooltip(check('not-ready'), options)).toBe('Not ready, checked 14:02');
  });

  it('says when only the computer was checked (a quick check from the tray)', () => {
    expect(trayTooltip(check('ready', '2026-03-10T14:02:00Z', true), options)).toBe(
      'Ready (computer checks only), checked 14:02',
    );
  });

  it('says "not checked yet" before any check', () => {
    expect(trayTooltip(null, options)).toBe('ReadyRoom: not checked yet');
  });

  it('asks for a new check once the last one is stale, without repeating its old outcome', () => {
    const tooltip = trayTooltip(check('ready', '2026-03-10T09:15:00Z'), options);
    expect(tooltip).toBe('ReadyRoom: last checked 09:15, check again before a session');
    expect(tooltip).not.toMatch(/^Ready[ ,(]/);
  });

  it('shows the local time of the computer’s zone, summer time included', () => {
    // 13:02 UTC in July is 14:02 in London (BST).
    const summer = { outcome: 'ready' as const, checkedAt: '2026-07-01T13:02:00Z', computerOnly: false };
    expect(trayTooltip(summer, { now: new Date('2026-07-01T13:30:00Z'), timeZone: 'Europe/London' })).toBe(
      'Ready, checked 14:02',
    );
  });
});

describe('checkedTime', () => {
  it('names the day when the check was not today', () => {
    expect(checkedTime('2026-03-09T14:02:00Z', { now, timeZone: 'Europe/London' })).toBe('Mon 9 Mar, 14:02');
  });
});
