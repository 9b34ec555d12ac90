import { describe, expect, it, vi } from 'vitest';

import {
  dayBoundary,
  firstPageSize,
  followLogChanges,
  noteSearchDelayMs,
  useLogsStore,
} from '../../../renderer/stores/logs-store';
import { installFakeVault, storedLog } from '../features/vault/fake-vault';

function seeded() {
  return installFakeVault({
    state: 'unlocked',
    logs: [
      storedLog(1, { clientCode: 'AB-1' }),
      storedLog(2, { clientCode: 'CD-2' }),
      storedLog(5, { clientCode: 'AB-1' }),
    ],
  });
}

describe('useLogsStore', () => {
  it('turns date inputs into local day boundaries', () => {
    const start = new Date(dayBoundary('2026-03-15', false) ?? '');
    const end = new Date(dayBoundary('2026-03-15', true) ?? '');
    expect([start.getFullYear(), start.getMonth(), start.getDate(), start.getHours()]).toEqual([2026, 2, 15, 0]);
    expect([end.getDate(), end.getHours(), end.getMinutes(), end.getMilliseconds()]).toEqual([15, 23, 59, 999]);
    expect(dayBoundary('', false)).toBeUndefined();
    expect(dayBoundary('15/03/2026', false)).toBeUndefined();
  });

  it('shows the newest logs first, then every log, and filters them in memory', async () => {
    const { bridge } = seeded();
    useLogsStore.getState().setFilter({ client: ' ab-1 ', from: '2026-03-03', to: '' });
    await useLogsStore.getState().load();
    const lists = bridge.calls.filter((c) => c.channel === 'logs:list').map((c) => c.request);
    expect(lists).toEqual([{ limit: firstPageSize }, {}]);
    const state = useLogsStore.getState();
    expect(state.complete).toBe(true);
    expect(state.all).toHaveLength(3);
    expect(state.logs.map((l) => l.clientCode)).toEqual(['AB-1']);
    // Another filter needs no new request.
    useLogsStore.getState().setFilter({ client: '', from: '' });
    expect(useLogsStore.getState().logs).toHaveLength(3);
    expect(bridge.calls.filter((c) => c.channel === 'logs:list')).toHaveLength(2);
  });

  it('sends a note search once typing pauses, keeps the last matches meanwhile, and combines it with other filters', async () => {
    vi.useFakeTimers();
    try {
      const { bridge } = installFakeVault({
        state: 'unlocked',
        logs: [
          storedLog(1, { note: 'Builders next door.' }),
          storedLog(2, { note: 'Quiet.' }),
          storedLog(3, { note: 'Builders again, moved rooms.' }),
        ],
      });
      await useLogsStore.getState().load();
      const store = () => useLogsStore.getState();
      store().setFilter({ notes: 'bui' });
      store().setFilter({ notes: 'builders' });
      expect(store().searchingNotes).toBe(true);
      expect(store().logs).toHaveLength(3);
      await vi.advanceTimersByTimeAsync(noteSearchDelayMs + 10);
      expect(bridge.calls.filter((c) => c.channel === 'logs:search-notes').map((c) => c.request)).toEqual([
        { text: 'builders' },
      ]);
      expect(store().searchingNotes).toBe(false);
      const builders = [storedLog(3).id, storedLog(1).id];
      expect(store().logs.map((l) => l.id)).toEqual(builders);
      // Combined with another filter, in memory.
      store().setFilter({ client: storedLog(1).clientCode });
      expect(store().logs.map((l) => l.id)).toEqual([storedLog(1).id]);
      store().setFilter({ outcome: 'ready-with-advice' });
      expect(store().logs).toEqual([]);
      store().setFilter({ client: '', outcome: '', notes: '' });
      expect(store().logs).toHaveLength(3);
      expect(store().searchingNotes).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('opens, annotates and deletes a log, keeping the list in step', async () => {
    const { vault } = seeded();
    await useLogsStore.getState().load();
    const id = vault.logs[0]?.id ?? '';
    await useLogsStore.getState().open(id);
    expect(useLogsStore.getState().selected?.id).toBe(id);
    const noted = await useLogsStore.getState().addNote(id, 'later');
    expect(noted.ok).toBe(true);
    expect(useLogsStore.getState().selected?.addenda).toHaveLength(1);
    expect(await useLogsStore.getState().remove(id)).toEqual({ ok: true, value: true });
    expect(useLogsStore.getState().selected).toBeNull();
    expect(useLogsStore.getState().logs.map((l) => l.id)).not.toContain(id);
    await useLogsStore.getState().open(id);
    expect(useLogsStore.getState().selectedError?.code).toBe('NOT_FOUND');
  });

  it('counts and erases a client, and reloads', async () => {
    seeded();
    await useLogsStore.getState().load();
    expect(await useLogsStore.getState().countClient('ab-1')).toEqual({ ok: true, value: 2 });
    expect(await useLogsStore.getState().eraseClient('ab-1', 1)).toMatchObject({ ok: false, error: { code: 'STALE' } });
    expect(await useLogsStore.getState().eraseClient('ab-1', 2)).toEqual({ ok: true, value: 2 });
    expect(useLogsStore.getState().logs.map((l) => l.clientCode)).toEqual(['CD-2']);
  });

  it('reloads an open list when main says the logs changed, and not before it was opened', async () => {
    const { bridge, vault } = seeded();
    const stop = followLogChanges();
    bridge.emit('logs:changed', { reason: 'saved' });
    expect(bridge.calls.filter((c) => c.channel === 'logs:list')).toHaveLength(0);
    await useLogsStore.getState().load();
    vault.logs.push(storedLog(9, { clientCode: 'NEW' }));
    bridge.emit('logs:changed', { reason: 'saved' });
    await new Promise((r) => setTimeout(r, 0));
    expect(useLogsStore.getState().logs).toHaveLength(4);
    stop();
  });
});
