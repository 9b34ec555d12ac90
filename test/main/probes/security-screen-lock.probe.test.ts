import { describe, expect, it } from 'vitest';

import { known, type ScreenLockFacts } from '../../../main/probes/platform/platform-types';
import { securityScreenLockProbe } from '../../../main/probes/security-screen-lock.probe';
import { defaultSettings } from '../../../shared/settings/settings';
import { fakeFacts, probeContext } from './helpers/probe-test-kit';

const base: ScreenLockFacts = {
  lockAfterMinutes: 5,
  displayOffMinutes: 5,
  autoLogin: false,
  lockDisabled: false,
  mechanism: 'test',
};
const run = (s: Partial<ScreenLockFacts>) =>
  securityScreenLockProbe.run(probeContext({ facts: fakeFacts({ screenLock: async () => known({ ...base, ...s }) }) }));

describe('security.screen-lock', () => {
  it.each([
    [5, 'pass'],
    [10, 'pass'],
    [15, 'warn'],
    [20, 'warn'],
    [30, 'fail'],
  ])('locks after %i minutes → %s', async (minutes, status) => {
    expect((await run({ lockAfterMinutes: minutes })).status).toBe(status);
  });

  it('fails when it never locks', async () => {
    expect((await run({ lockAfterMinutes: null, displayOffMinutes: null })).status).toBe('fail');
  });

  it('warns when only the display turns off', async () => {
    expect((await run({ lockAfterMinutes: null, displayOffMinutes: 10 })).status).toBe('warn');
  });

  it('fails on automatic sign-in or a disabled lock, whatever the timeout', async () => {
    expect((await run({ autoLogin: true })).status).toBe('fail');
    expect((await run({ lockDisabled: true })).status).toBe('fail');
  });
});

describe('security.screen-lock with the limits from Settings', () => {
  it('judges against the therapist own limits, words the advice with them, and records them', async () => {
    const settings = {
      ...defaultSettings,
      thresholds: { ...defaultSettings.thresholds, screenLock: { warnAfterMinutes: 3, failAfterMinutes: 8 } },
    };
    const at = (minutes: number) =>
      securityScreenLockProbe.run(
        probeContext({
          settings,
          facts: fakeFacts({ screenLock: async () => known({ ...base, lockAfterMinutes: minutes }) }),
        }),
      );
    expect((await at(3)).status).toBe('pass');
    const warn = await at(5);
    expect(warn.status).toBe('warn');
    expect(warn.summary).toContain('3 minutes or less is safer');
    expect(warn.evidence.limits).toEqual({ warnAfterMinutes: 3, failAfterMinutes: 8, changedInSettings: true });
    expect((await at(9)).status).toBe('fail');
  });
});
