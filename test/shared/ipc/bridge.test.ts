import { describe, expect, it } from 'vitest';

import { createBridge, type BridgeTransport } from '../../../shared/ipc/bridge';
import { channelNames, eventNames } from '../../../shared/ipc/contract';

/** A transport that records what the bridge sends and lets a test push events. */
class RecordingTransport implements BridgeTransport {
  readonly invoked: { channel: string; request: unknown }[] = [];
  readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  answer: unknown = { ok: true, value: 'answer' };

  invoke(channel: string, request: unknown): Promise<unknown> {
    this.invoked.push({ channel, request });
    return Promise.resolve(this.answer);
  }
  subscribe(event: string, listener: (payload: unknown) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return () => set.delete(listener);
  }
  push(event: string, payload: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }
}

type LooseInvoke = (channel: unknown, request?: unknown) => Promise<unknown>;
type LooseOn = (event: unknown, listener: unknown) => () => void;

describe('createBridge', () => {
  it('exposes invoke and on only, and cannot be changed', () => {
    const bridge = createBridge(new RecordingTransport());
    expect(Reflect.ownKeys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it.each(channelNames)('sends %s through the transport and returns its answer', async (channel) => {
    const transport = new RecordingTransport();
    const result = await (createBridge(transport).invoke as LooseInvoke)(channel, { a: 1 });
    expect(result).toEqual({ ok: true, value: 'answer' });
    expect(transport.invoked).toEqual([{ channel, request: { a: 1 } }]);
  });

  it.each([undefined, null])('sends {} when the request is %s', async (request) => {
    const transport = new RecordingTransport();
    await (createBridge(transport).invoke as LooseInvoke)('app:info', request);
    expect(transport.invoked).toEqual([{ channel: 'app:info', request: {} }]);
  });

  it.each([
    'nope:nothing',
    '',
    'APP:INFO',
    'scan:result',
    '__proto__',
    'constructor',
    'toString',
    42,
    null,
    undefined,
    {},
  ])('answers UNKNOWN_CHANNEL for %j without using the transport', async (channel) => {
    const transport = new RecordingTransport();
    const result = await (createBridge(transport).invoke as LooseInvoke)(channel, {});
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: expect.any(String) as unknown } });
    expect(transport.invoked).toEqual([]);
  });

  it.each(eventNames)('delivers %s payloads to a listener until it unsubscribes', (event) => {
    const transport = new RecordingTransport();
    const received: unknown[] = [];
    const unsubscribe = (createBridge(transport).on as LooseOn)(event, (payload: unknown) => received.push(payload));
    transport.push(event, { n: 1 });
    unsubscribe();
    transport.push(event, { n: 2 });
    expect(received).toEqual([{ n: 1 }]);
    expect(transport.listeners.get(event)?.size).toBe(0);
  });

  it.each(['not-an-event', 'app:info', '__proto__', 42])(
    'does not subscribe to %j, which is not a contract event',
    (event) => {
      const transport = new RecordingTransport();
      const unsubscribe = (createBridge(transport).on as LooseOn)(event, () => undefined);
      expect(transport.listeners.size).toBe(0);
      expect(() => unsubscribe()).not.toThrow();
    },
  );

  it.each([null, 'listener', {}])('does not subscribe with a listener that is not a function (%j)', (listener) => {
    const transport = new RecordingTransport();
    const unsubscribe = (createBridge(transport).on as LooseOn)('vault:locked', listener);
    expect(transport.listeners.size).toBe(0);
    expect(() => unsubscribe()).not.toThrow();
  });

  it('calls the listener with the payload as its only argument', () => {
    const transport = new RecordingTransport();
    const calls: unknown[][] = [];
    createBridge(transport).on('vault:locked', (...args: unknown[]) => void calls.push(args));
    transport.push('vault:locked', { reason: 'idle' });
    expect(calls).toEqual([[{ reason: 'idle' }]]);
  });
});

describe('names.ts', () => {
  it('lists exactly the contract’s channels and events, so the preload refuses nothing real', async () => {
    const { channelNames, eventNames } = await import('../../../shared/ipc/contract');
    const { channelNameList, eventNameList } = await import('../../../shared/ipc/names');
    expect([...channelNameList].sort()).toEqual([...channelNames].sort());
    expect([...eventNameList].sort()).toEqual([...eventNames].sort());
  });
});
