import { createServiceGraph, type ServiceGraph } from '../composition/service-graph';
import { runCommand } from '../platform/exec';
import { confStoreFactory } from '../store/store-factory';
import type { VaultServiceDeps } from '../vault/vault-service';
import type { CliContext } from './cli-types';
import { appVersion as currentAppVersion } from './commands/app-version';
import type { ProgramsServiceFactory } from './programs-cli';

export interface CliServicesOptions {
  readonly appVersion?: string;
  /** Test hooks for the vault, such as a cheaper scrypt cost. */
  readonly vaultOverrides?: Partial<VaultServiceDeps>;
}

/**
 * The services for one data folder, built by the same composition root as the app and the test
 * host: conf instead of electron-store, this process's environment, no window to send events to,
 * no keychain (safeStorage needs Electron) and no idle lock (each command ends by itself).
 */
export function createCliServices(
  context: Pick<CliContext, 'platform' | 'env'>,
  dataDir: string,
  options: CliServicesOptions = {},
): ServiceGraph {
  return createServiceGraph({
    dataDir,
    platform: context.platform,
    appVersion: options.appVersion ?? currentAppVersion,
    exec: runCommand,
    storeFactory: confStoreFactory,
    env: context.env,
    testHost: false,
    idleLock: false,
    ...(options.vaultOverrides ? { vaultOverrides: options.vaultOverrides } : {}),
  });
}

/** The programs commands' service: the composition root's, for the data folder they were given. */
export const createDefaultProgramsService: ProgramsServiceFactory = ({ dataDir, platform, env }) =>
  createCliServices({ platform, env }, dataDir).programs;
