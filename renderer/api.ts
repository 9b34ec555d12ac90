import type { ChannelName, EventName, EventPayload, Req, Res } from '../shared/ipc/contract';
import type { ReadyRoomBridge } from '../shared/ipc/bridge';
import type { IpcResult } from '../shared/result';

declare global {
  interface Window {
    /** Exposed by the preload in the app, or by the test host's bridge script in a browser. */
    readonly readyroom?: ReadyRoomBridge;
  }
}

const missingBridge: IpcResult<never> = {
  ok: false,
  error: { code: 'UNAVAILABLE', message: 'ReadyRoom could not reach its background service. Please restart it.' },
};

/** Calls main through the bridge; always resolves with a result, never throws. */
export async function call<K extends ChannelName>(channel: K, request: Req<K>): Promise<IpcResult<Res<K>>> {
  const bridge = window.readyroom;
  if (!bridge) return missingBridge;
  try {
    return await bridge.invoke(channel, request);
  } catch {
    return missingBridge;
  }
}

/** Subscribes to a push event from main; returns the unsubscribe function. */
export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return window.readyroom?.on(event, listener) ?? (() => undefined);
}
