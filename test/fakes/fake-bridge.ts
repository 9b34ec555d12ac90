import { AppError } from '../../shared/errors';
import type { ReadyRoomBridge } from '../../shared/ipc/bridge';
import type { ChannelName, EventName, EventPayload, Req, Res } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/result';

type FakeHandler<K extends ChannelName> = (request: Req<K>) => Res<K> | Promise<Res<K>>;
export type FakeHandlers = { [K in ChannelName]?: FakeHandler<K> };

export interface FakeBridge extends ReadyRoomBridge {
  /** Every invoke, in order. */
  readonly calls: { channel: ChannelName; request: unknown }[];
  /** Replaces or adds a handler. */
  handle<K extends ChannelName>(channel: K, handler: FakeHandler<K>): void;
  /** Pushes an event to the subscribed listeners, like main does. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

/**
 * A typed stand-in for window.readyroom in jsdom tests. Handlers may throw AppError to
 * simulate a failure; a channel with no handler answers UNAVAILABLE.
 */
export function createFakeBridge(initial: FakeHandlers = {}): FakeBridge {
  const handlers: FakeHandlers = { ...initial };
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: { channel: ChannelName; request: unknown }[] = [];
  return {
    calls,
    handle(channel, handler) {
      (handlers as Record<string, unknown>)[channel] = handler;
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    async invoke<K extends ChannelName>(channel: K, request: Req<K>): Promise<IpcResult<Res<K>>> {
      calls.push({ channel, request });
      const handler = handlers[channel] as FakeHandler<K> | undefined;
      if (!handler) return { ok: false, error: { code: 'UNAVAILABLE', message: `No fake for ${channel}` } };
      try {
        return { ok: true, value: await handler(request) };
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toData() };
        return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong.' } };
      }
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
}

/** Installs the fake as window.readyroom for the current test. */
export function installFakeBridge(bridge: FakeBridge): void {
  Object.defineProperty(window, 'readyroom', { value: bridge, configurable: true, writable: true });
}
