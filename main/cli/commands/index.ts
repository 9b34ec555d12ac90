import { createSettingsService } from '../../settings/settings-service';
import { createDefaultProgramsService } from '../../programs/default-programs-service';
import { confStoreFactory } from '../../store/store-factory';
import type { CliCommand } from '../cli-types';
import { closeCommand } from './close.command';
import { programsCommand } from './programs.command';
import { reopenCommand } from './reopen.command';
import { buildCliScanService, createScanCommand } from './scan.command';

/** `scan` with the real programs listing and the user's settings from the data folder. */
const scanCommand = createScanCommand({
  extraOptions: { 'data-dir': { type: 'string' } },
  createScanService(context, options) {
    const dataDir = typeof options['data-dir'] === 'string' ? options['data-dir'] : context.defaultDataDir;
    const settings = createSettingsService(dataDir, confStoreFactory);
    const programs = createDefaultProgramsService({ dataDir, platform: context.platform, env: context.env });
    return buildCliScanService(context, {
      listPrograms: (request) => programs.list(request),
      getSettings: () => settings.get(),
    });
  },
});

/** Every CLI command, in the order `--help` lists them. */
export const commands: readonly CliCommand[] = [scanCommand, programsCommand, closeCommand, reopenCommand];
