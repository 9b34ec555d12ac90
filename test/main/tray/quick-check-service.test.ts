import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Probe } from '../../../main/probes/probe-types';
import { createLastCheckTracker } from '../../../main/tray/last-check-tracker';
import { createQuickCheckService } from '../../../main/tray/quick-check-service';
import type { ProblemLink } from '../../../shared/tray/quick-check-notice';
import { automaticCheckIds } from '../../../shared/checks/check-ids';
import { defaultSettings } from '../../../shared/settings/settings';
import { FakeNotification } from '../../fakes/fake-electron';
import { probesOnlyScanService } from '../probes/helpers/probe-test-kit';

vi.mock('electron', () => ({ Notification: FakeNotification, default: { Notification: FakeNotification } }));

const { createElectronNotifier } = await import('../../../main/adapters/notification-adapter');

afterEach(() => FakeNotification.reset());

const probe = (id: Probe['id'], status: 'pass' | 'warn' | 'fail', summary = `${id}: ${status}`): Probe => ({
  id,
  run: () => Promise.resolve({ status, summary, evidence: {} }),
});

/** A real scan service that runs only these probes; every other check is missing, so unknown. */
function setUp(probes: readonly Probe[]) {
  const opened: (ProblemLink | null)[] = [];
  const lastCheck = createLastCheckTracker();
  const runningChanges: boolean[] = [];
  const service = createQuickCheckService({
    scan: probesOnlyScanService(probes),
    getSettings: () => defaultSettings,
    notifier: createElectronNotifier(),
    openProblem: (problem) => opened.push(problem),
    onChecked: (last) => lastCheck.set(last),
    onRunningChange: (running) => runningChanges.push(running),
    now: () => new Date('2026-03-10T14:02:00Z'),
  });
  return { service, opened, lastCheck, runningChanges };
}

describe('quick check from the tray', () => {
  it('runs the scan, notifies how many things need attention, and a click opens the first problem', async () => {
    const { service, opened } = setUp([
      probe('connection.type', 'warn', 'You are on Wi-Fi.'),
      probe('security.firewall', 'fail', 'The firewall is off.'),
    ]);
    const notice = await service.run();
    // Every check this service did not run could not tell: each needs attention, never a pass.
    expect(notice?.problemCount).toBeGreaterThan(2);
    const shown = FakeNotification.instances;
    expect(shown).toHaveLength(1);
    expect(shown[0]?.options.title).toBe(`${notice?.problemCount} things need attention`);
    expect(opened).toEqual([]);
    shown[0]?.emit('click');
    expect(opened).toHaveLength(1);
    // A blocker that could not tell comes first: connection.quality is the first blocker in the catalog.
    expect(opened[0]).toEqual({ step: 'connection', checkId: 'connection.quality' });
  });

  it('says "Ready" when every computer check passed, and a click opens the full check from the start', async () => {
    const { service, opened, lastCheck } = setUp(automaticCheckIds.map((id) => probe(id, 'pass')));
    const notice = await service.run();
    expect(FakeNotification.instances[0]?.options.title).toBe('Ready');
    expect(notice?.outcome).toBe('ready');
    expect(lastCheck.get()?.outcome).toBe('ready');
    FakeNotification.instances[0]?.emit('click');
    expect(opened).toEqual([null]);
  });

  it('tells the tray the outcome and time, marked as the computer checks only', async () => {
    const { service, lastCheck } = setUp([probe('security.firewall', 'pass')]);
    await service.run();
    expect(lastCheck.get()).toEqual({
      outcome: 'not-ready',
      checkedAt: '2026-03-10T14:02:00.000Z',
      computerOnly: true,
    });
  });

  it('runs one quick check at a time and says when it starts and ends', async () => {
    const { service, runningChanges } = setUp([probe('security.firewall', 'pass')]);
    const first = service.run();
    expect(service.running).toBe(true);
    expect(await service.run()).toBeNull();
    await first;
    expect(service.running).toBe(false);
    expect(runningChanges).toEqual([true, false]);
    expect(FakeNotification.instances).toHaveLength(1);
  });
});
