import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';

import { channelNames, type ChannelName } from '../../../shared/ipc/contract';
import { dispatch } from '../../../main/ipc/dispatch';
import type { HandlerTable } from '../../../main/ipc/handler-types';
import { createWindowEventSink, describeSender, registerIpcHandlers } from '../../../main/ipc/ipc-adapter';
import { isTrustedSender } from '../../../main/ipc/sender-check';
import {
  FakeIpcMain,
  FakeWebContents,
  fakeInvokeEvent,
  subFrame,
  topFrame,
  type FakeFrame,
} from '../../fakes/fake-electron';

const appPage = 'app://bundle/index.html';

function setup() {
  const ipcMain = new FakeIpcMain();
  const own = new FakeWebContents();
  const calls: { channel: ChannelName; request: unknown }[] = [];
  const handlers = Object.fromEntries(
    channelNames.map((channel) => [
      channel,
      (request: unknown) => {
        calls.push({ channel, request });
        return { from: channel };
      },
    ]),
  ) as unknown as HandlerTable;
  const isOwn = (contents: WebContents) => contents === own.asWebContents();
  const unregister = registerIpcHandlers(ipcMain, handlers, isOwn, isTrustedSender);
  const invoke = (channel: string, sender: FakeWebContents, frame: FakeFrame | null, payload: unknown = {}) =>
    ipcMain.invoke(channel, fakeInvokeEvent(sender, frame), payload);
  return { ipcMain, own, calls, unregister, invoke, handlers };
}

const forbidden = {
  ok: false,
  error: { code: 'FORBIDDEN', message: expect.any(String) as unknown },
};

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per contract channel', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channelNames].sort());
  });

  it.each(channelNames)('answers %s from our own top frame with exactly what dispatch returns', async (channel) => {
    const { own, invoke } = setup();
    const reference = setup();
    const expected = await dispatch(reference.handlers, channel, {});
    const result = await invoke(channel, own, topFrame(appPage), {});
    expect(result).toEqual(expected);
    expect(result).not.toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('passes a valid request from our own top frame to the service', async () => {
    const { own, calls, invoke } = setup();
    const result = await invoke('app:open-fix-link', own, topFrame(appPage), { checkId: 'security.firewall' });
    expect(result).toEqual({ ok: true, value: { from: 'app:open-fix-link' } });
    expect(calls).toEqual([{ channel: 'app:open-fix-link', request: { checkId: 'security.firewall' } }]);
  });

  it('validates payloads from trusted senders too', async () => {
    const { own, calls, invoke } = setup();
    const result = await invoke('app:open-fix-link', own, topFrame(appPage), { checkId: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(calls).toEqual([]);
  });

  it.each([
    ['another origin', topFrame('https://evil.example/')],
    ['another app host', topFrame('app://evil/index.html')],
    ['a look-alike host', topFrame('app://bundle.evil/index.html')],
    ['the test host origin', topFrame('http://127.0.0.1:4173/')],
    ['a file URL', topFrame('file:///tmp/index.html')],
    ['a sub-frame of our page', subFrame(appPage)],
    ['a foreign sub-frame', subFrame('https://evil.example/')],
    ['a frame that is gone', null],
  ])('refuses %s with FORBIDDEN and never calls the service', async (_label, frame) => {
    const { own, calls, invoke } = setup();
    for (const channel of channelNames) {
      expect(await invoke(channel, own, frame)).toEqual(forbidden);
    }
    expect(calls).toEqual([]);
  });

  it('refuses a webContents that is not our window, even showing our page', async () => {
    const { calls, invoke } = setup();
    const stranger = new FakeWebContents();
    for (const channel of channelNames) {
      expect(await invoke(channel, stranger, topFrame(appPage))).toEqual(forbidden);
    }
    expect(calls).toEqual([]);
  });

  it('checks the sender before the channel payload, so a bad payload from a stranger is FORBIDDEN', async () => {
    const { calls, invoke } = setup();
    const result = await invoke('settings:update', new FakeWebContents(), topFrame(appPage), { patch: 'x' });
    expect(result).toEqual(forbidden);
    expect(calls).toEqual([]);
  });

  it('removes every channel when unregistered, so the handlers can be registered again', () => {
    const { ipcMain, unregister } = setup();
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
    const handlers = {} as HandlerTable;
    expect(() =>
      registerIpcHandlers(
        ipcMain,
        handlers,
        () => true,
        () => true,
      ),
    ).not.toThrow();
    expect(ipcMain.handlers.size).toBe(channelNames.length);
  });
});

describe('describeSender', () => {
  it('reports the frame URL, whether it is the top frame and whether the webContents is ours', () => {
    const own = new FakeWebContents();
    const isOwn = (contents: WebContents) => contents === own.asWebContents();
    expect(describeSender(fakeInvokeEvent(own, topFrame(appPage)), isOwn)).toEqual({
      frameUrl: appPage,
      isTopFrame: true,
      isOwnWindow: true,
    });
    expect(describeSender(fakeInvokeEvent(new FakeWebContents(), subFrame('https://x.example/')), isOwn)).toEqual({
      frameUrl: 'https://x.example/',
      isTopFrame: false,
      isOwnWindow: false,
    });
    expect(describeSender(fakeInvokeEvent(own, null), isOwn)).toEqual({
      frameUrl: null,
      isTopFrame: false,
      isOwnWindow: true,
    });
  });
});

describe('createWindowEventSink', () => {
  it('sends the event to a live webContents', () => {
    const contents = new FakeWebContents();
    createWindowEventSink(() => contents.asWebContents()).emit('vault:locked', { reason: 'idle' });
    expect(contents.sent).toEqual([{ channel: 'vault:locked', args: [{ reason: 'idle' }] }]);
  });

  it('sends nothing when there is no window', () => {
    const sink = createWindowEventSink(() => null);
    expect(() => sink.emit('vault:locked', { reason: 'idle' })).not.toThrow();
  });

  it('sends nothing to a destroyed webContents', () => {
    const contents = new FakeWebContents();
    contents.destroy();
    createWindowEventSink(() => contents.asWebContents()).emit('app:navigate', { route: 'home' });
    expect(contents.sent).toEqual([]);
  });

  it('asks for the current window on every event', () => {
    const first = new FakeWebContents();
    const second = new FakeWebContents();
    let current: FakeWebContents | null = first;
    const sink = createWindowEventSink(() => current?.asWebContents() ?? null);
    sink.emit('app:navigate', { route: 'logs' });
    current = second;
    sink.emit('app:navigate', { route: 'settings' });
    expect(first.sent).toHaveLength(1);
    expect(second.sent).toEqual([{ channel: 'app:navigate', args: [{ route: 'settings' }] }]);
  });
});
