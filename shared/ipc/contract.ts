import { appChannels, appEvents } from './app.contract';
import { clientsChannels } from './clients.contract';
import { homeChannels } from './home.contract';
import { incidentsChannels } from './incidents.contract';
import { reviewChannels } from './review.contract';
import { safetyChannels } from './safety.contract';
import { scheduleChannels } from './schedule.contract';
import type { ChannelMap, EventMap, PayloadOf, RequestOf, ResponseOf } from './contract-kit';
import { loginItemChannels } from './login-item.contract';
import type { ListedChannelName, ListedEventName } from './names';
import { programsChannels, programsEvents } from './programs.contract';
import { scanChannels, scanEvents } from './scan.contract';
import { vaultChannels, vaultEvents } from './vault.contract';

/** The one IPC contract: main registers handlers from it, the preload and test bridge expose it. */
export const contract = {
  ...appChannels,
  ...scanChannels,
  ...programsChannels,
  ...vaultChannels,
  ...scheduleChannels,
  ...reviewChannels,
  ...homeChannels,
  ...loginItemChannels,
  ...incidentsChannels,
  ...clientsChannels,
  ...safetyChannels,
} as const satisfies ChannelMap;

export const events = {
  ...appEvents,
  ...scanEvents,
  ...programsEvents,
  ...vaultEvents,
} as const satisfies EventMap;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type EventName = keyof typeof events;
export type Req<K extends ChannelName> = RequestOf<Contract[K]>;
export type Res<K extends ChannelName> = ResponseOf<Contract[K]>;
export type EventPayload<E extends EventName> = PayloadOf<(typeof events)[E]>;

/** Fails to compile when names.ts and the contract disagree, in either direction. */
type SameKeys<A extends PropertyKey, B extends PropertyKey> = [Exclude<A, B>, Exclude<B, A>] extends [never, never]
  ? true
  : { missing: Exclude<A, B>; extra: Exclude<B, A> };
export const namesMatchContract: SameKeys<ChannelName, ListedChannelName> = true;
export const namesMatchEvents: SameKeys<EventName, ListedEventName> = true;

export const channelNames = Object.keys(contract) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
