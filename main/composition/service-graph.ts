import { AppError } from '../../shared/errors';
import type { ChannelName } from '../../shared/ipc/contract';
import { createAppHandlers } from '../ipc/handlers/app.handlers';
import type { EventSink, HandlersFor, HandlerTable } from '../ipc/handler-types';
import type { ExecFn } from '../platform/exec';
import { createSettingsService, type SettingsService } from '../settings/settings-service';
import type { StoreFactory } from '../store/store-factory';

/** Everything the services need from their host (Electron app, CLI or browser test host). */
export interface ServiceGraphOptions {
  readonly dataDir: string;
  readonly platform: NodeJS.Platform;
  readonly appVersion: string;
  readonly exec: ExecFn;
  readonly storeFactory: StoreFactory;
  readonly events: EventSink;
  readonly testHost: boolean;
  readonly openExternal?: (url: string) => Promise<void>;
}

export interface ServiceGraph {
  readonly settings: SettingsService;
  readonly handlers: HandlerTable;
  /** Stops timers and releases locks. */
  dispose(): Promise<void>;
}

/** The composition root: builds the services once and the one handler table over them. */
export function createServiceGraph(options: ServiceGraphOptions): ServiceGraph {
  const settings = createSettingsService(options.dataDir, options.storeFactory);
  const handlers: HandlerTable = {
    ...createAppHandlers({
      version: options.appVersion,
      platform: options.platform,
      testHost: options.testHost,
      settings,
      openExternal: options.openExternal,
    }),
    ...notYetWired([
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
      'logs:save',
      'logs:list',
      'logs:get',
      'logs:add-addendum',
      'logs:delete',
      'logs:erase-client',
    ] as const),
  };
  return { settings, handlers, dispose: async () => undefined };
}

// TEMPORARY while the domain services are merged in this change; removed before it lands.
function notYetWired<K extends ChannelName>(channels: readonly K[]): HandlersFor<K> {
  const out: Partial<Record<K, () => never>> = {};
  for (const channel of channels)
    out[channel] = () => {
      throw new AppError('UNAVAILABLE', 'This part of ReadyRoom is not connected yet.');
    };
  return out as unknown as HandlersFor<K>;
}
