import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { type ServiceGraph, type ServiceGraphOptions } from '../../../main/composition/service-graph';
import { systemZone } from '../../../main/schedule/reminder-clock';
import { reviewCatalog } from '../../../shared/review/review.catalog';
import { sampleLog } from '../../fixtures/vault/sample-logs';
import { passphrase, tempDataDir } from '../vault/vault-test-kit';
import { testGraph } from './test-graph';

let dir: string;
let cleanup: () => void;
const graphs: ServiceGraph[] = [];

beforeEach(() => {
  ({ dir, cleanup } = tempDataDir());
});
afterEach(async () => {
  for (const g of graphs.splice(0)) await g.dispose();
  cleanup();
});

function graph(extra: Partial<ServiceGraphOptions> = {}): ServiceGraph {
  const g = testGraph(dir, extra);
  graphs.push(g);
  return g;
}

const nextWeek = () => {
  const d = new Date(Date.now() + 7 * 24 * 3600_000);
  return `${d.toISOString().slice(0, 10)}T14:00`;
};

describe('schedule, review and home in the composition root', () => {
  it('a saved log leaves only its time and outcome outside the vault, shown on the locked home screen', async () => {
    const g = graph();
    await g.vault.setup(passphrase);
    g.vault.confirmRecoveryKey();
    const saved = g.vault.save(sampleLog(1, { clientCode: 'AB-017' }));
    const plain = readFileSync(join(dir, 'last-check.json'), 'utf8');
    expect(Object.keys((JSON.parse(plain) as { value: object }).value).sort()).toEqual(['at', 'outcome']);
    expect(plain).not.toContain('AB-017');
    g.vault.lock();
    const summary = await g.handlers['home:summary']({});
    expect(summary.locked).toBe(true);
    expect(summary.lastCheck).toMatchObject({ outcome: saved.outcome, attention: null });
    expect(summary.reviewDue).toHaveLength(reviewCatalog.length);
    // A restart (a new graph on the same folder) starts from it: the tray reads it at start.
    expect(graph().lastCheck.get()).toEqual({ at: expect.any(String), outcome: saved.outcome });
  });

  it('an erasure request removes that client’s scheduled sessions with their logs, and leaves the others', async () => {
    const g = graph();
    await g.vault.setup(passphrase);
    g.vault.confirmRecoveryKey();
    const session = (clientCode: string) => ({
      start: nextWeek(),
      zone: 'UTC',
      durationMinutes: 50,
      platform: 'zoom' as const,
      repeat: 'weekly' as const,
      until: null,
      clientCode,
    });
    g.schedule.add(session('AB-017'));
    const other = g.schedule.add(session('CD-204'));
    g.schedule.add(session('ab-017 '));
    g.vault.save(sampleLog(2, { clientCode: 'AB-017' }));
    expect(g.vault.eraseClient('AB-017', 1).erased).toBe(1);
    expect(g.schedule.list().sessions).toEqual([other]);
    expect(JSON.stringify(g.vault.readDocument('schedule-clients'))).not.toMatch(/AB-017/i);
  });

  it('an erasure whose schedule cannot be written still erases the logs, and says the sessions are left', async () => {
    const g = graph();
    await g.vault.setup(passphrase);
    g.vault.confirmRecoveryKey();
    g.schedule.add({
      start: nextWeek(),
      zone: 'UTC',
      durationMinutes: 50,
      platform: 'zoom',
      repeat: 'weekly',
      until: null,
      clientCode: 'AB-017',
    });
    g.vault.save(sampleLog(2, { clientCode: 'AB-017' }));
    // A folder where schedule.json should be: the schedule's write fails as a broken disk would.
    rmSync(join(dir, 'schedule.json'));
    mkdirSync(join(dir, 'schedule.json'));
    expect(g.vault.eraseClient('AB-017', 1)).toMatchObject({ erased: 1, scheduleNotCleared: true });
    expect(g.vault.list({ client: 'AB-017' }).logs).toEqual([]);
  });

  it('a reminder names no client unless the therapist chose it in Settings', async () => {
    const shown: string[] = [];
    const g = graph({ reminders: { notifier: { show: (text) => void shown.push(text) }, onOpen: () => undefined } });
    await g.vault.setup(passphrase);
    g.vault.confirmRecoveryKey();
    const base = Date.now();
    const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString().slice(0, 16);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      g.schedule.add({
        start: at(30),
        zone: 'UTC',
        durationMinutes: 50,
        platform: 'zoom',
        repeat: 'none',
        until: null,
        clientCode: 'AB-017',
      });
      vi.advanceTimersByTime(20 * 60_000);
      g.settings.update({ reminderShowsClientCode: true });
      g.schedule.add({
        start: at(60),
        zone: 'UTC',
        durationMinutes: 50,
        platform: 'zoom',
        repeat: 'none',
        until: null,
        clientCode: 'CD-204',
      });
      vi.advanceTimersByTime(30 * 60_000);
    } finally {
      vi.useRealTimers();
    }
    expect(shown).toHaveLength(2);
    expect(shown[0]).toMatch(/^Session at \d\d:\d\d: check now$/);
    expect(shown[1]).toMatch(/^Session with CD-204 at \d\d:\d\d: check now$/);
  });

  it('the reminder engine runs only where a notifier is given, and labels the next session for the tray', async () => {
    expect(graph().reminders).toBeNull();
    const g = graph({ reminders: { notifier: { show: () => undefined }, onOpen: () => undefined } });
    await g.vault.setup(passphrase);
    g.vault.confirmRecoveryKey();
    expect(g.reminders?.nextSession()).toBeNull();
    g.schedule.add({
      start: nextWeek(),
      // The label is in the computer's own zone, so 14:00 there is 14:00 in the label wherever the tests run.
      zone: systemZone(),
      durationMinutes: 50,
      platform: 'zoom',
      repeat: 'none',
      until: null,
      clientCode: 'AB-017',
    });
    expect(g.reminders?.nextSession()?.label).toMatch(/^Next session: AB-017, .+14:00$/);
    g.vault.lock();
    expect(g.reminders?.nextSession()?.label).toMatch(/^Next session: (?!AB-017).+14:00$/);
    expect(g.review.dueReviewCount()).toBe(reviewCatalog.length);
  });
});
