import type { ParsedRequestOf } from '../../shared/ipc/contract-kit';
import type { ChannelName, Contract, EventName, EventPayload, Res } from '../../shared/ipc/contract';

/** A handler receives the validated request; it may throw AppError for expected failures. */
export type Handler<K extends ChannelName> = (request: ParsedRequestOf<Contract[K]>) => Promise<Res<K>> | Res<K>;

export type HandlersFor<Keys extends ChannelName> = { readonly [K in Keys]: Handler<K> };

/** One handler per channel of the contract: the same table serves Electron IPC and the test host. */
export type HandlerTable = HandlersFor<ChannelName>;

/** Push events to the renderer: Electron webContents.send in the app, server-sent events in the test host. */
export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export const nullEventSink: EventSink = { emit: () => undefined };
