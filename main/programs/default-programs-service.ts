import { toOsName } from '../../shared/platform';
import { createSettingsService } from '../settings/settings-service';
import { confStoreFactory } from '../store/store-factory';
import { createProgramsService, type ProgramsService } from './programs-service';

export interface ProgramsServiceOptions {
  readonly dataDir: string;
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Builds the service from the CLI's context; tests pass their own factory. */
export type ProgramsServiceFactory = (options: ProgramsServiceOptions) => ProgramsService;

/** The real service outside Electron: settings from the data folder, this process as "self". */
export const createDefaultProgramsService: ProgramsServiceFactory = ({ dataDir, platform, env }) => {
  const os = toOsName(platform);
  if (!os) throw new Error(`Closing programs is not supported on ${platform}.`);
  const settings = createSettingsService(dataDir, confStoreFactory);
  return createProgramsService({
    os,
    dataDir,
    getSettings: () => settings.get(),
    ownPid: process.pid,
    env: { ...env },
  });
};
