import type { IpcResult } from '../result';
import type { ChannelName, EventName, EventPayload, Req, Res } from './contract';
// Names only (no zod): the preload bundles this file.
import { isListedChannel as isChannelName, isListedEvent as isEventName } from './names';

/** The `window.readyroom` object, derived from the contract. */
export interface ReadyRoomBridge {
  invoke<K extends ChannelName>(channel: K, request: Req<K>): Promise<IpcResult<Res<K>>>;
  /** Subscribes to a push event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The transport under the bridge: Electron IPC in the app, HTTP in the browser test host. */
export interface BridgeTransport {
  invoke(channel: string, request: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

/** Builds the bridge; refuses channels and events outside the contract before anything is sent. */
export function createBridge(transport: BridgeTransport): ReadyRoomBridge {
  return Object.freeze({
    invoke: (channel, request) => {
      if (!isChannelName(channel)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'UNKNOWN_CHANNEL', message: 'That request is not part of ReadyRoom.' },
        } as const);
      }
      return transport.invoke(channel, request ?? {}) as Promise<never>;
    },
    on: (event, listener) => {
      if (!isEventName(event) || typeof listener !== 'function') return () => undefined;
      return transport.subscribe(event, (payload) => listener(payload as never));
    },
  } satisfies ReadyRoomBridge);
}
