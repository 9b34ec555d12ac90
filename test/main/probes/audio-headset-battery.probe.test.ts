import { describe, expect, it } from 'vitest';

import { audioHeadsetBatteryProbe, neededPercent } from '../../../main/probes/audio-headset-battery.probe';
import { known, type HeadsetBattery } from '../../../main/probes/platform/platform-types';
import { defaultSettings } from '../../../shared/settings/settings';
import { fakeFacts, probeContext } from './helpers/probe-test-kit';

const run = (headsets: HeadsetBattery[], sessionMinutes = 60) =>
  audioHeadsetBatteryProbe.run(
    probeContext({
      facts: fakeFacts({ headsets: async () => known({ headsets }) }),
      settings: { ...defaultSettings, sessionMinutes },
    }),
  );

describe('audio.headset-battery', () => {
  it('needs about a quarter of a charge per hour of session plus a reserve', () => {
    expect(neededPercent(60)).toBe(35);
    expect(neededPercent(90)).toBe(48);
    expect(neededPercent(240)).toBe(90);
  });

  it('passes with enough charge, warns when it may not last, fails when nearly flat', async () => {
    expect((await run([{ name: 'AirPods Pro', percent: 80 }])).status).toBe('pass');
    const low = await run([{ name: 'AirPods Pro', percent: 30 }]);
    expect(low.status).toBe('warn');
    expect(low.summary).toBe(
      'AirPods Pro is at 30 %, which may not last a 60-minute session. Charge it or keep a wired headset at hand.',
    );
    expect((await run([{ name: 'AirPods Pro', percent: 30 }], 30)).status).toBe('pass');
    expect((await run([{ name: 'Jabra', percent: 8 }])).status).toBe('fail');
  });

  it('is unknown for a headset that does not report its charge, and not needed without one', async () => {
    const silent = await run([{ name: 'WH-1000XM4', percent: null }]);
    expect(silent.status).toBe('unknown');
    expect(silent.summary).toContain('does not tell the computer how charged it is');
    const none = await run([]);
    expect(none.status).toBe('skipped');
    expect((await audioHeadsetBatteryProbe.run(probeContext())).status).toBe('unknown');
  });

  it('reports a low headset even when another one does not say its charge', async () => {
    const result = await run([
      { name: 'Old Buds', percent: null },
      { name: 'AirPods', percent: 20 },
    ]);
    expect(result.status).toBe('warn');
  });
});
