import { toOsName } from '../../shared/platform';
import { createSettingsService, type SettingsService } from '../settings/settings-service';
import { confStoreFactory } from '../store/store-factory';
import { createProgramsService, type ProgramsService } from './programs-service';
import { createUnsupportedProgramsService } from './unsupported-programs';

export interface ProgramsServiceOptions {
  readonly dataDir: string;
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Settings already open for this data folder; read from it when absent. */
  readonly settings?: SettingsService;
}

/** Builds the service from the CLI's context; tests pass their own factory. */
export type ProgramsServiceFactory = (options: ProgramsServiceOptions) => ProgramsService;

/** The real service outside Electron: settings from the data folder, this process as "self". */
export const createDefaultProgramsService: ProgramsServiceFactory = ({ dataDir, platform, env, settings: open }) => {
  const os = toOsName(platform);
  if (!os) return createUnsupportedProgramsService(platform);
  const settings = open ?? createSettingsService(dataDir, confStoreFactory);
  return createProgramsService({
    os,
    dataDir,
    getSettings: () => settings.get(),
    ownPid: process.pid,
    env: { ...env },
  });
};
