import type { MenuItem, MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { AppRoute } from '../../../shared/ipc/app.contract';
import { createLastCheckTracker } from '../../../main/tray/last-check-tracker';
import type { QuickCheckService } from '../../../main/tray/quick-check-service';
import { createFakeElectron } from '../../fakes/fake-electron';

const electron = createFakeElectron({ userData: '/nonexistent-readyroom-test' });
vi.mock('electron', () => electron.module);

const { createTray } = await import('../../../main/tray/tray-service');

const idleQuickCheck = { running: false, run: () => Promise.resolve(null) } as unknown as QuickCheckService;
const handles: { destroy(): void }[] = [];
afterEach(() => {
  for (const h of handles.splice(0)) h.destroy();
  electron.trays.splice(0);
  vi.useRealTimers();
});

async function trayWith(deadlines: () => readonly string[]) {
  const opened: AppRoute[] = [];
  const handle = await createTray({
    assetsDir: '/assets',
    open: (route) => opened.push(route),
    quit: () => undefined,
    lockLogs: () => undefined,
    vaultUnlocked: () => false,
    quickCheck: idleQuickCheck,
    lastCheck: createLastCheckTracker(),
    nextSession: () => null,
    reviewDue: () => 0,
    incidentDeadlines: deadlines,
  });
  handles.push(handle);
  const tray = electron.trays.at(-1);
  if (!tray) throw new Error('no tray');
  return { tray, opened, handle };
}

const labels = (template: readonly MenuItemConstructorOptions[] | undefined) =>
  (template ?? []).filter((i) => i.type !== 'separator').map((i) => i.label);

describe('tray with open incidents', () => {
  it('shows the soonest open incident’s remaining time in the tooltip and menu, and opens the incident log', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-03T17:00:00Z'), toFake: ['Date'] });
    const { tray, opened } = await trayWith(() => ['2026-03-06T10:00:00.000Z', '2026-03-05T10:00:00.000Z']);
    expect(tray.tooltip).toBe('Incident: 41 h left to decide whether to report (+1 more)\nReadyRoom: not checked yet');
    const item = tray.menu?.template.find((i) => i.id === 'incidents');
    expect(item?.label).toBe('Incident: 41 h left to decide whether to report (+1 more)…');
    item?.click?.({} as MenuItem, undefined, {} as KeyboardEvent);
    expect(opened).toEqual(['incidents']);
  });

  it('says when the time to decide has run out', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-05T13:00:00Z'), toFake: ['Date'] });
    const { tray } = await trayWith(() => ['2026-03-05T10:00:00.000Z']);
    expect(tray.tooltip.split('\n')[0]).toBe('Incident: the 72 hours to decide whether to report ran out 3 h ago');
  });

  it('says nothing about incidents when none is open, and follows a change on refresh', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-03T17:00:00Z'), toFake: ['Date'] });
    let deadlines: string[] = [];
    const { tray, handle } = await trayWith(() => deadlines);
    expect(tray.tooltip).toBe('ReadyRoom: not checked yet');
    expect(labels(tray.menu?.template).some((label) => label?.startsWith('Incident'))).toBe(false);
    deadlines = ['2026-03-05T10:00:00.000Z'];
    handle.refresh();
    expect(tray.tooltip).toBe('Incident: 41 h left to decide whether to report\nReadyRoom: not checked yet');
  });
});
