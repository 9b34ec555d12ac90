import { basename } from 'node:path';

import { AppError } from '../../shared/errors';
import type { ChannelName } from '../../shared/ipc/contract';
import { toOsName } from '../../shared/platform';
import { createAppHandlers } from '../ipc/handlers/app.handlers';
import { createProgramsHandlers } from '../ipc/handlers/programs.handlers';
import { createScanHandlers } from '../ipc/handlers/scan.handlers';
import type { EventSink, HandlersFor, HandlerTable } from '../ipc/handler-types';
import type { ExecFn } from '../platform/exec';
import { createScanService, type ScanService } from '../probes/scan-service';
import { createProgramsService, type ProgramsService } from '../programs/programs-service';
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
  /** ReadyRoom's own processes (Electron: main, renderer, GPU…), never listed or closed. */
  readonly ownPids?: () => readonly number[];
}

export interface ServiceGraph {
  readonly settings: SettingsService;
  readonly programs: ProgramsService;
  readonly scan: ScanService;
  readonly handlers: HandlerTable;
  /** Stops timers and releases locks. */
  dispose(): Promise<void>;
}

/** The composition root: builds the services once and the one handler table over them. */
export function createServiceGraph(options: ServiceGraphOptions): ServiceGraph {
  const settings = createSettingsService(options.dataDir, options.storeFactory);
  const os = toOsName(options.platform);
  const ownPids = () => [process.pid, ...(options.ownPids?.() ?? [])];
  const programs: ProgramsService = os
    ? createProgramsService({
        os,
        dataDir: options.dataDir,
        exec: options.exec,
        getSettings: () => settings.get(),
        ownPid: process.pid,
        excludePids: ownPids,
      })
    : unsupportedPrograms(options.platform);
  const scan = createScanService({
    os: options.platform,
    exec: options.exec,
    listPrograms: (request) => programs.list(request),
    getSettings: () => settings.get(),
    ownPids,
    win32: { ownExeNames: [basename(process.execPath)] },
  });
  const handlers: HandlerTable = {
    ...createAppHandlers({
      version: options.appVersion,
      platform: options.platform,
      testHost: options.testHost,
      settings,
      openExternal: options.openExternal,
    }),
    ...createScanHandlers(scan, options.events),
    ...createProgramsHandlers(programs),
    ...notYetWired([
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
      'logs:backup',
      'logs:restore',
    ] as const),
  };
  return { settings, programs, scan, handlers, dispose: async () => undefined };
}

/** On an OS we do not support, listing programs says so instead of pretending nothing runs. */
function unsupportedPrograms(platform: string): ProgramsService {
  const refuse = (): never => {
    throw new AppError('UNAVAILABLE', `ReadyRoom cannot list or close programs on ${platform}.`);
  };
  return { list: refuse, close: refuse, closed: refuse, reopen: refuse } as unknown as ProgramsService;
}

// TEMPORARY while the vault is merged in this change; removed before it lands.
function notYetWired<K extends ChannelName>(channels: readonly K[]): HandlersFor<K> {
  const out: Partial<Record<K, () => never>> = {};
  for (const channel of channels)
    out[channel] = () => {
      throw new AppError('UNAVAILABLE', 'This part of ReadyRoom is not connected yet.');
    };
  return out as unknown as HandlersFor<K>;
}
