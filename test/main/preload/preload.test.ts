import { tmpdir } from 'node:os';

import { afterEach, describe, expect, it, vi } from 'vitest';

import type { ReadyRoomBridge } from '../../../shared/ipc/bridge';
import { createFakeElectron, type FakeElectron } from '../../fakes/fake-electron';

/** Runs the preload against a fresh fake electron and returns what it exposed. */
async function loadPreload(): Promise<{ electron: FakeElectron; bridge: ReadyRoomBridge }> {
  vi.resetModules();
  const electron = createFakeElectron({ userData: tmpdir() });
  vi.doMock('electron', () => electron.module);
  await import('../../../main/preload/index');
  const bridge = electron.contextBridge.exposed.get('readyroom') as ReadyRoomBridge;
  return { electron, bridge };
}

afterEach(() => {
  vi.doUnmock('electron');
  vi.resetModules();
});

describe('preload', () => {
  it('exposes exactly one key, readyroom', async () => {
    const { electron } = await loadPreload();
    expect([...electron.contextBridge.exposed.keys()]).toEqual(['readyroom']);
  });

  it('exposes only invoke and on, never ipcRenderer or send', async () => {
    const { bridge, electron } = await loadPreload();
    expect(Reflect.ownKeys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(typeof bridge.invoke).toBe('function');
    expect(typeof bridge.on).toBe('function');
    expect(Object.values(bridge)).not.toContain(electron.ipcRenderer);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('forwards a contract channel to ipcRenderer.invoke and returns its answer', async () => {
    const { bridge, electron } = await loadPreload();
    electron.ipcRenderer.answer = () => ({ ok: true, value: { name: 'ReadyRoom' } });
    const result = await bridge.invoke('app:info', {});
    expect(result).toEqual({ ok: true, value: { name: 'ReadyRoom' } });
    expect(electron.ipcRenderer.invocations).toEqual([{ channel: 'app:info', args: [{}] }]);
  });

  it.each(['nope:nothing', 'electron-store-get-data', '__proto__', 'toString', ''])(
    'answers UNKNOWN_CHANNEL for %j without calling ipcRenderer.invoke',
    async (channel) => {
      const { bridge, electron } = await loadPreload();
      const result = await (bridge.invoke as (channel: string, request: unknown) => Promise<unknown>)(channel, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      expect(electron.ipcRenderer.invocations).toEqual([]);
      expect(electron.ipcRenderer.sendCalls).toEqual([]);
    },
  );

  it('gives listeners the payload only, never the IPC event', async () => {
    const { bridge, electron } = await loadPreload();
    const received: unknown[][] = [];
    bridge.on('vault:locked', (...args: unknown[]) => void received.push(args));
    const ipcEvent = { sender: electron.ipcRenderer, senderId: 0, ports: [] };
    electron.ipcRenderer.emit('vault:locked', ipcEvent, { reason: 'idle' });
    expect(received).toEqual([[{ reason: 'idle' }]]);
  });

  it('removes the IPC listener when the page unsubscribes', async () => {
    const { bridge, electron } = await loadPreload();
    const received: unknown[] = [];
    const unsubscribe = bridge.on('scan:finished', (payload) => void received.push(payload));
    expect(electron.ipcRenderer.listenerCount('scan:finished')).toBe(1);
    unsubscribe();
    expect(electron.ipcRenderer.listenerCount('scan:finished')).toBe(0);
    electron.ipcRenderer.emit('scan:finished', {}, { scanId: 's1', durationMs: 5 });
    expect(received).toEqual([]);
  });

  it('keeps other subscriptions when one unsubscribes', async () => {
    const { bridge, electron } = await loadPreload();
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = bridge.on('app:navigate', (payload) => void first.push(payload));
    bridge.on('app:navigate', (payload) => void second.push(payload));
    stopFirst();
    electron.ipcRenderer.emit('app:navigate', {}, { route: 'logs' });
    expect(first).toEqual([]);
    expect(second).toEqual([{ route: 'logs' }]);
  });

  it.each(['not-an-event', 'electron-store-get-data', 'app:info'])(
    'does not listen to %j, which is not a contract event',
    async (event) => {
      const { bridge, electron } = await loadPreload();
      const unsubscribe = (bridge.on as (event: string, listener: () => void) => () => void)(event, () => undefined);
      expect(electron.ipcRenderer.listenerCount(event)).toBe(0);
      expect(() => unsubscribe()).not.toThrow();
    },
  );
});
