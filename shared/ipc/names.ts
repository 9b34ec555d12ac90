/**
 * The names of every channel and event, without their schemas, so the sandboxed preload can
 * refuse unknown names without bundling zod. contract.ts checks at compile time that these
 * lists and the contract name exactly the same channels and events.
 */
export const channelNameList = [
  'app:info',
  'app:open-fix-link',
  'app:keep-on-top',
  'settings:get',
  'settings:update',
  'settings:approve-host',
  'settings:forget-host',
  'scan:start',
  'scan:run',
  'programs:list',
  'programs:close',
  'programs:closed',
  'programs:reopen',
  'vault:status',
  'vault:setup',
  'vault:unlock',
  'vault:lock',
  'vault:change-passphrase',
  'vault:set-keychain',
  'vault:confirm-recovery-key',
  'vault:new-recovery-key',
  'vault:new-data-key',
  'logs:save',
  'logs:list',
  'logs:search-notes',
  'logs:get',
  'logs:add-addendum',
  'logs:delete',
  'logs:erase-client',
  'logs:backup',
  'logs:restore',
  'logs:export',
  'schedule:list',
  'schedule:upcoming',
  'schedule:add',
  'schedule:update',
  'schedule:delete',
  'review:get',
  'review:update',
  'home:summary',
  'login-item:get',
  'login-item:set',
  'incidents:list',
  'incidents:add',
  'incidents:update',
  'incidents:close',
  'incidents:decide',
  'incidents:open-ico-guide',
  'clients:list',
  'clients:get',
  'clients:save',
  'clients:delete',
  'safety:prep-sheet',
] as const;

export const eventNameList = ['app:navigate', 'scan:result', 'scan:finished', 'vault:locked', 'logs:changed'] as const;

export type ListedChannelName = (typeof channelNameList)[number];
export type ListedEventName = (typeof eventNameList)[number];

const channelSet: ReadonlySet<string> = new Set(channelNameList);
const eventSet: ReadonlySet<string> = new Set(eventNameList);

export function isListedChannel(name: unknown): name is ListedChannelName {
  return typeof name === 'string' && channelSet.has(name);
}

export function isListedEvent(name: unknown): name is ListedEventName {
  return typeof name === 'string' && eventSet.has(name);
}
