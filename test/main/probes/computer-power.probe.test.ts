import { describe, expect, it } from 'vitest';

import { computerPowerProbe } from '../../../main/probes/computer-power.probe';
import { known, type PowerFacts } from '../../../main/probes/platform/platform-types';
import { defaultSettings } from '../../../shared/settings/settings';
import { fakeFacts, probeContext } from './helpers/probe-test-kit';

const run = (power: PowerFacts) =>
  computerPowerProbe.run(probeContext({ facts: fakeFacts({ power: async () => known(power) }) }));

describe('computer.power', () => {
  it.each([
    [null, 'pass'],
    [{ percent: 20, onBattery: false }, 'pass'],
    [{ percent: 80, onBattery: true }, 'warn'],
    [{ percent: 50, onBattery: true }, 'warn'],
    [{ percent: 35, onBattery: true }, 'warn'],
    [{ percent: 29, onBattery: true }, 'fail'],
    [{ percent: null, onBattery: true }, 'warn'],
  ] as const)('battery %j → %s', async (battery, status) => {
    expect((await run({ battery })).status).toBe(status);
  });

  it('is unknown when the power state cannot be read', async () => {
    expect((await computerPowerProbe.run(probeContext())).status).toBe('unknown');
  });
});

describe('computer.power with the limit from Settings', () => {
  it('fails below the therapist own limit and records the limit used', async () => {
    const settings = {
      ...defaultSettings,
      thresholds: { ...defaultSettings.thresholds, battery: { failBelowPercent: 60 } },
    };
    const facts = fakeFacts({ power: async () => known({ battery: { percent: 50, onBattery: true } }) });
    const result = await computerPowerProbe.run(probeContext({ facts, settings }));
    expect(result.status).toBe('fail');
    expect(result.evidence.limits).toEqual({ failBelowPercent: 60, changedInSettings: true });
    const usual = await computerPowerProbe.run(probeContext({ facts }));
    expect(usual.status).toBe('warn');
    expect(usual.evidence.limits).toEqual({ failBelowPercent: 30, changedInSettings: false });
  });
});
