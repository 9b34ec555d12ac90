import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';

import { channelNames } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/result';
import { createLogger } from '../logging/logger';
import { dispatch } from './dispatch';
import type { EventSink, HandlerTable } from './handler-types';
import type { SenderInfo } from './sender-check';

const log = createLogger('ipc');

const forbidden: IpcResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This request did not come from ReadyRoom’s own window.' },
};

/** Reads who sent an invoke; senderFrame can be null once its frame navigated or was destroyed. */
export function describeSender(
  event: IpcMainInvokeEvent,
  isOwnWebContents: (contents: WebContents) => boolean,
): SenderInfo {
  const frame = event.senderFrame;
  return {
    frameUrl: frame ? frame.url : null,
    isTopFrame: frame !== null && frame.parent === null,
    isOwnWindow: isOwnWebContents(event.sender),
  };
}

/**
 * Registers one ipcMain handler per contract channel. Each call is refused unless the sender
 * passes `isTrusted`, then goes through the shared dispatcher. Returns an unregister function.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: HandlerTable,
  isOwnWebContents: (contents: WebContents) => boolean,
  isTrusted: (sender: SenderInfo) => boolean,
): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrusted(describeSender(event, isOwnWebContents))) {
        log.warn('refused IPC from an untrusted sender', { channel });
        return forbidden;
      }
      return dispatch(handlers, channel, payload);
    });
  }
  return () => {
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}

/** Push events go only to our main window, and only while it exists. */
export function createWindowEventSink(getContents: () => WebContents | null): EventSink {
  return {
    emit(event, payload) {
      const contents = getContents();
      if (contents && !contents.isDestroyed()) contents.send(event, payload);
    },
  };
}
