import { createDefaultProgramsService } from '../../programs/default-programs-service';
import { createSettingsService } from '../../settings/settings-service';
import { confStoreFactory } from '../../store/store-factory';
import {
  checkScanSaveArgs,
  createScanSaveHook,
  scanSaveOptions,
  scanSaveUsage,
  type VaultCliDeps,
} from '../../vault/vault-cli';
import type { CliCommand, CliOptionValues } from '../cli-types';
import { createCaptureCommand } from './capture.command';
import { liveCaptureSources } from './capture-live';
import { closeCommand } from './close.command';
import { createLogsCommand } from './logs.command';
import { programsCommand } from './programs.command';
import { reopenCommand } from './reopen.command';
import { buildCliScanService, createScanCommand } from './scan.command';
import { replayScanServiceFor, scanReplayOptions, scanReplayUsage } from './scan-replay';
import { settingsCommand } from './settings.command';
import { appVersion } from './app-version';

const dataDirOf = (options: CliOptionValues, fallback: string) =>
  typeof options['data-dir'] === 'string' ? options['data-dir'] : fallback;

const vaultDeps: VaultCliDeps = {
  appVersion,
  getSettings: (dataDir) => createSettingsService(dataDir, confStoreFactory).get(),
};

/** `scan` with the real programs listing, the user's settings, `--save` into the vault, or `--replay` of a capture. */
const scanCommand = createScanCommand({
  extraOptions: { ...scanSaveOptions, ...scanReplayOptions },
  extraUsage: `${scanSaveUsage}\n\n${scanReplayUsage}`,
  async createScanService(context, options) {
    // A replay reads only the capture folder: no settings, no programs, nothing of this computer.
    const replay = await replayScanServiceFor(options);
    if (replay) return replay;
    const dataDir = dataDirOf(options, context.defaultDataDir);
    const settings = createSettingsService(dataDir, confStoreFactory);
    const programs = createDefaultProgramsService({ dataDir, platform: context.platform, env: context.env, settings });
    return buildCliScanService(context, {
      listPrograms: (request) => programs.list(request),
      getSettings: () => settings.get(),
    });
  },
  beforeScan: checkScanSaveArgs,
  afterScan: createScanSaveHook(vaultDeps),
});

/** Every CLI command, in the order `--help` lists them. */
export const commands: readonly CliCommand[] = [
  scanCommand,
  programsCommand,
  closeCommand,
  reopenCommand,
  createLogsCommand(vaultDeps),
  createCaptureCommand({ appVersion, live: liveCaptureSources }),
  settingsCommand,
];
