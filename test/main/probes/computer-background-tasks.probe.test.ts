import { describe, expect, it } from 'vitest';

import { createComputerBackgroundTasksProbe } from '../../../main/probes/computer-background-tasks.probe';
import { known, type BackgroundTaskFacts, type ScheduledTask } from '../../../main/probes/platform/platform-types';
import { fakeFacts, probeContext } from './helpers/probe-test-kit';

const now = new Date('2026-03-02T13:20:00Z');
const probe = createComputerBackgroundTasksProbe(() => now);
const run = (facts: BackgroundTaskFacts) =>
  probe.run(probeContext({ facts: fakeFacts({ backgroundTasks: async () => known(facts) }) }));
const task = (over: Partial<ScheduledTask>): ScheduledTask => ({
  name: 'Time Machine backup',
  kind: 'backup',
  dueAt: null,
  running: false,
  everyMinutes: null,
  ...over,
});

describe('computer.background-tasks', () => {
  it('warns about backups and scans that run now, are due or repeat within the session', async () => {
    const result = await run({
      tasks: [
        task({ running: true }),
        task({ name: 'Microsoft Defender scheduled scan', kind: 'scan', dueAt: now.getTime() + 30 * 60_000 }),
      ],
      unread: [],
    });
    expect(result.status).toBe('warn');
    expect(result.summary).toBe(
      'Work that can slow the call may run during your session: Time Machine backup is running now and Microsoft Defender scheduled scan is due in 30 minutes. Let them finish before the session, or move them.',
    );
  });

  it('passes when what is planned falls after the session', async () => {
    const result = await run({
      tasks: [task({ dueAt: now.getTime() + 5 * 3_600_000 }), task({ everyMinutes: 1440 })],
      unread: [],
    });
    expect(result.status).toBe('pass');
  });

  it('is unknown when something could not be read and nothing was found', async () => {
    const result = await run({ tasks: [], unread: ["the system's scheduled jobs"] });
    expect(result.status).toBe('unknown');
    expect(result.summary).toContain("the system's scheduled jobs");
    expect((await probe.run(probeContext())).status).toBe('unknown');
  });
});
