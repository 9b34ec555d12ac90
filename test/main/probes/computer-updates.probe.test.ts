import { describe, expect, it } from 'vitest';

import { createComputerUpdatesProbe } from '../../../main/probes/computer-updates.probe';
import { known, unknownFact, type UpdateFacts } from '../../../main/probes/platform/platform-types';
import { defaultSettings } from '../../../shared/settings/settings';
import { fakeFacts, probeContext } from './helpers/probe-test-kit';

const now = new Date('2026-03-02T13:20:00Z');
const inMinutes = (n: number) => now.getTime() + n * 60_000;
const probe = createComputerUpdatesProbe(() => now);
const base: UpdateFacts = { pending: [], restartNeeded: false, scheduled: [], notes: [], unread: [] };
const run = (facts: Partial<UpdateFacts>, sessionMinutes = 60) =>
  probe.run(
    probeContext({
      facts: fakeFacts({ updates: async () => known({ ...base, ...facts }) }),
      settings: { ...defaultSettings, sessionMinutes },
    }),
  );
const restartAt = (minutes: number) => ({
  name: 'Windows restart to finish updates',
  kind: 'restart' as const,
  dueAt: inMinutes(minutes),
  running: false,
  everyMinutes: null,
});

describe('computer.updates', () => {
  it('fails when the computer plans to restart during the session (session length from Settings)', async () => {
    const result = await run({
      pending: ['A restart to finish installing Windows updates'],
      restartNeeded: true,
      scheduled: [restartAt(40)],
    });
    expect(result.status).toBe('fail');
    expect(result.summary).toContain('Windows restart to finish updates is due in 40 minutes');
    // The same restart after a shorter session is only advice.
    expect((await run({ pending: ['A restart'], restartNeeded: true, scheduled: [restartAt(40)] }, 20)).status).toBe(
      'warn',
    );
  });

  it('warns about a restart that waits for the person, with the advice to restart now or after', async () => {
    const result = await run({
      pending: ['A restart to finish installing Windows updates'],
      restartNeeded: true,
      notes: ['Windows does not restart by itself during your active hours (8:00 to 17:00).'],
    });
    expect(result.status).toBe('warn');
    expect(result.summary).toBe(
      'A restart to finish installing Windows updates is waiting. Install and restart now if there is time, or after the session. Windows does not restart by itself during your active hours (8:00 to 17:00).',
    );
  });

  it('keeps the spelling of update names and warns about installations due in the window', async () => {
    const mac = await run({ pending: ['macOS Sonoma 14.5', 'Safari 17.5'], restartNeeded: true });
    expect(mac.summary).toMatch(/^macOS Sonoma 14\.5 and Safari 17\.5 are waiting\./);
    const install = await run({
      scheduled: [
        {
          name: 'automatic update installation (apt-daily-upgrade)',
          kind: 'install',
          dueAt: inMinutes(30),
          running: false,
          everyMinutes: null,
        },
      ],
    });
    expect(install.status).toBe('warn');
    expect(install.summary).toContain('Automatic update installation (apt-daily-upgrade) is due in 30 minutes');
  });

  it('is unknown when part could not be read and nothing was found, never pass', async () => {
    expect((await run({ unread: ['whether a restart is needed'] })).status).toBe('unknown');
    expect(
      (await probe.run(probeContext({ facts: fakeFacts({ updates: async () => unknownFact('no') }) }))).status,
    ).toBe('unknown');
  });

  it('passes when nothing waits and nothing is due in the window', async () => {
    const later = await run({ scheduled: [restartAt(24 * 60)] });
    expect(later.status).toBe('pass');
    expect(later.summary).toBe('No restart or update is waiting or due in the next 75 minutes.');
  });
});
