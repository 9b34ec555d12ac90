import { describe, expect, it } from 'vitest';

import { computerPowerProbe } from '../../../main/probes/computer-power.probe';
import { known, type PowerFacts } from '../../../main/probes/platform/platform-types';
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
