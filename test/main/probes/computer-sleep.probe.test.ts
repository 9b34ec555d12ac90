import { describe, expect, it } from 'vitest';

import { computerSleepProbe } from '../../../main/probes/computer-sleep.probe';
import { known, type SleepFacts } from '../../../main/probes/platform/platform-types';
import { defaultSettings } from '../../../shared/settings/settings';
import { fakeFacts, probeContext } from './helpers/probe-test-kit';

const run = (facts: Partial<SleepFacts>, sessionMinutes = 60) =>
  computerSleepProbe.run(
    probeContext({
      facts: fakeFacts({
        sleep: async () =>
          known({
            systemSleepMinutes: null,
            displaySleepMinutes: null,
            powerSource: 'current',
            keepAwake: null,
            ...facts,
          }),
      }),
      settings: { ...defaultSettings, sessionMinutes },
    }),
  );

describe('computer.sleep', () => {
  it('warns when the computer sleeps sooner than a session lasts, and offers the keep-awake way it has', async () => {
    const result = await run({
      systemSleepMinutes: 15,
      powerSource: 'on battery',
      keepAwake: 'caffeinate keeps it awake',
    });
    expect(result.status).toBe('warn');
    expect(result.summary).toBe(
      'This computer goes to sleep after 15 minutes without use on battery, less than your 60-minute sessions. Video calls usually keep it awake, but an audio-only call may not. For one session, caffeinate keeps it awake.',
    );
    expect((await run({ systemSleepMinutes: 45 }, 50)).status).toBe('warn');
    expect((await run({ systemSleepMinutes: 45 }, 40)).status).toBe('pass');
  });

  it('does not count the screen turning off against it: that is what the screen lock asks for', async () => {
    const result = await run({ systemSleepMinutes: null, displaySleepMinutes: 5 });
    expect(result.status).toBe('pass');
    expect(result.summary).toBe(
      'This computer never goes to sleep by itself. The screen turns off after 5 minutes without use, which keeps it private; call apps keep it on during video.',
    );
  });

  it('is unknown when the sleep settings could not be read', async () => {
    expect((await computerSleepProbe.run(probeContext())).status).toBe('unknown');
  });
});
