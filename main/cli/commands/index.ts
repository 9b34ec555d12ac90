import { createCliServices } from '../cli-services';
import type { CliCommand, CliOptionValues } from '../cli-types';
import { checkScanSaveArgs, createScanSaveHook, scanSaveOptions, scanSaveUsage, type VaultCliDeps } from '../vault-cli';
import { createCaptureCommand } from './capture.command';
import { createClientsCommand } from './clients.command';
import { liveCaptureSources } from './capture-live';
import { appVersion } from './app-version';
import { closeCommand } from './close.command';
import { createIncidentCommand } from './incident.command';
import { crisisCardCommand } from './crisis-card.command';
import { createLogsCommand } from './logs.command';
import { prepSheetCommand } from './prep-sheet.command';
import { programsCommand } from './programs.command';
import { reopenCommand } from './reopen.command';
import { createScanCommand } from './scan.command';
import { createScheduleCommand } from './schedule.command';
import { replayScanServiceFor, scanReplayOptions, scanReplayUsage } from './scan-replay';
import { settingsCommand } from './settings.command';

const dataDirOf = (options: CliOptionValues, fallback: string) =>
  typeof options['data-dir'] === 'string' ? options['data-dir'] : fallback;

const vaultDeps: VaultCliDeps = { appVersion };

/** `scan` with the real programs listing, the user's settings, `--save` into the vault, or `--replay` of a capture. */
const scanCommand = createScanCommand({
  extraOptions: { ...scanSaveOptions, ...scanReplayOptions },
  extraUsage: `${scanSaveUsage}\n\n${scanReplayUsage}`,
  async createScanService(context, options) {
    // A replay reads only the capture folder: no settings, no programs, nothing of this computer.
    const replay = await replayScanServiceFor(options);
    if (replay) return replay;
    return createCliServices(context, dataDirOf(options, context.defaultDataDir)).scan;
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
  createScheduleCommand(vaultDeps),
  createIncidentCommand(vaultDeps),
  createClientsCommand(vaultDeps),
  createCaptureCommand({ appVersion, live: liveCaptureSources }),
  settingsCommand,
  crisisCardCommand,
  prepSheetCommand,
];
