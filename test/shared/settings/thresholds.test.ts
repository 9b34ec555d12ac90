import { describe, expect, it } from 'vitest';

import { defaultSettings, settingsProblem } from '../../../shared/settings/settings';
import { defaultConnectionThresholds, gradeConnection } from '../../../shared/checks/connection-grading';
import {
  connectionThresholds,
  defaultThresholds,
  limitsEvidence,
  sanitizeThresholds,
  thresholdEntries,
  thresholdsSchema,
} from '../../../shared/settings/thresholds';

const withThresholds = (patch: Record<string, Record<string, number>>) => ({
  ...defaultSettings,
  thresholds: Object.fromEntries(
    Object.entries(defaultThresholds).map(([group, values]) => [group, { ...values, ...(patch[group] ?? {}) }]),
  ),
});

describe('thresholds', () => {
  it('has a default inside its own range and a named source for every threshold', () => {
    for (const { path, spec } of thresholdEntries()) {
      expect(spec.default, path).toBeGreaterThanOrEqual(spec.min);
      expect(spec.default, path).toBeLessThanOrEqual(spec.max);
      expect(spec.source.length, path).toBeGreaterThan(10);
    }
    expect(thresholdsSchema.parse(defaultThresholds)).toEqual(defaultThresholds);
  });

  it('refuses nonsense with one sentence naming the setting and its range', () => {
    expect(settingsProblem(withThresholds({ battery: { failBelowPercent: 150 } }))).toBe(
      'Battery: a problem when running on battery below must be a whole number from 5 % to 95 %.',
    );
    expect(settingsProblem(withThresholds({ wifi: { warnBelowDbm: 10 } }))).toBe(
      'Wi-Fi signal: needs attention below must be a whole number from −95 dBm to −30 dBm.',
    );
    expect(settingsProblem(withThresholds({ headroom: { memoryWarnBelowGb: 0.3 } }))).toMatch(/steps of 0.25/);
    expect(settingsProblem(withThresholds({ screenLock: { warnAfterMinutes: 2.5 } }))).toMatch(/whole number/);
    expect(settingsProblem(withThresholds({ battery: { failBelowPercent: Number.NaN } }))).toMatch(/Battery/);
  });

  it('refuses limits that cross each other', () => {
    expect(settingsProblem(withThresholds({ wifi: { warnBelowDbm: -75, failBelowDbm: -65 } }))).toMatch(
      /Wi-Fi "problem" limit must be at or below/,
    );
    expect(settingsProblem(withThresholds({ screenLock: { warnAfterMinutes: 30, failAfterMinutes: 20 } }))).toMatch(
      /screen-lock "problem" limit/,
    );
    expect(settingsProblem(withThresholds({ screenLock: { warnAfterMinutes: 5, failAfterMinutes: 5 } }))).toBeNull();
  });

  it('keeps each valid stored value and replaces only the bad ones; crossing limits fall back as a group', () => {
    expect(sanitizeThresholds(undefined)).toEqual(defaultThresholds);
    const kept = sanitizeThresholds({ battery: { failBelowPercent: 40 }, wifi: { warnBelowDbm: 'loud' } });
    expect(kept.battery.failBelowPercent).toBe(40);
    expect(kept.wifi).toEqual(defaultThresholds.wifi);
    const crossed = sanitizeThresholds({
      wifi: { warnBelowDbm: -80, failBelowDbm: -50 },
      battery: { failBelowPercent: 20 },
    });
    expect(crossed.wifi).toEqual(defaultThresholds.wifi);
    expect(crossed.battery.failBelowPercent).toBe(20);
  });

  it('describes the limits in force for the evidence, saying whether they were changed', () => {
    expect(limitsEvidence('battery', defaultThresholds)).toEqual({ failBelowPercent: 30, changedInSettings: false });
    const own = sanitizeThresholds({ battery: { failBelowPercent: 50 } });
    expect(limitsEvidence('battery', own)).toEqual({ failBelowPercent: 50, changedInSettings: true });
  });

  it('gives the connection grading exactly its sourced defaults, and the limits set in Settings', () => {
    expect(connectionThresholds(defaultThresholds)).toEqual(defaultConnectionThresholds);
    const set = withThresholds({ connection: { roundTripWarnMs: 40, lossFailPercent: 10 } }).thresholds;
    const limits = connectionThresholds(thresholdsSchema.parse(set));
    expect(limits.rttMs).toEqual({ warnFrom: 40, failFrom: 300 });
    // 5 of 60 lost (8 %) fails by default but passes under a 10 % limit.
    const fiveLost = { sent: 60, received: 55, rttMedianMs: 20, jitterMs: 2 };
    expect(gradeConnection(fiveLost).grade).toBe('fail');
    expect(gradeConnection(fiveLost, limits).grade).toBe('pass');
  });

  it('refuses connection limits that cross or that would fail a link for one lost attempt', () => {
    expect(settingsProblem(withThresholds({ connection: { roundTripWarnMs: 200, roundTripFailMs: 150 } }))).toBe(
      'The round-trip "problem" limit must be at or above the "needs attention" limit.',
    );
    expect(settingsProblem(withThresholds({ connection: { jitterWarnMs: 90, jitterFailMs: 50 } }))).toMatch(/jitter/);
    expect(settingsProblem(withThresholds({ connection: { lossFailPercent: 1 } }))).toBe(
      'Connection: a problem when more attempts are lost than must be a whole number from 2 % to 30 %.',
    );
  });
});
