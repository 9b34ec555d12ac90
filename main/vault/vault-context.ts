import type { LogsChangeReason } from '../../shared/ipc/vault.contract';
import type { Settings } from '../../shared/settings/settings';
import type { EventSink } from '../ipc/handler-types';
import { createLogger, describeError } from '../logging/logger';
import type { StoreFactory } from '../store/store-factory';
import type { KeychainPort } from './key-slots';
import { isPeriod } from './log-ids';
import type { DocumentMergers } from './vault-documents';
import { defaultScryptParams, type ScryptParams } from './vault-crypto';
import { nodeVaultFs, type VaultFs } from './vault-fs';
import { currentProcess, type ProcessInfo } from './vault-lock-file';
import { vaultPaths, type VaultPaths } from './vault-paths';

const log = createLogger('vault');

/** Schedules the idle lock; the app passes real timers, the CLI none. */
export interface IdleTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** setTimeout that does not keep Node alive on its own. */
export const nodeIdleTimers: IdleTimers = {
  set(callback, ms) {
    const handle = setTimeout(callback, ms);
    handle.unref();
    return handle;
  },
  clear(handle) {
    clearTimeout(handle as NodeJS.Timeout);
  },
};

export interface VaultServiceDeps {
  /** The app's data folder; the vault lives in its "vault" subfolder. */
  readonly dataDir: string;
  readonly appVersion: string;
  /** electron-store in the app, conf in Node: the same options either way. */
  readonly storeFactory: StoreFactory;
  readonly keychain?: KeychainPort;
  readonly clock?: { now(): Date };
  /** Omit (CLI) for no idle lock. */
  readonly timers?: IdleTimers;
  /** Omit (CLI without settings) to skip the retention purge rather than guess a setting. */
  readonly getSettings?: () => Pick<Settings, 'idleLockMinutes' | 'retentionYears'>;
  readonly events?: EventSink;
  /** scrypt cost for new passphrase slots; tests pass cheaper ones. */
  readonly kdf?: ScryptParams;
  readonly fs?: VaultFs;
  readonly processInfo?: ProcessInfo;
  /**
   * How a restore adds the backup's incident log, client set-ups and practice review to ours.
   * Omit (tests of the logs alone) and a restore leaves every document as it is, counting its
   * entries as unreadable.
   */
  readonly documentMergers?: DocumentMergers;
}

/** What every part of the vault shares: its folder, its file operations, the clock and the event sink. */
export interface VaultContext {
  readonly deps: VaultServiceDeps;
  readonly fs: VaultFs;
  readonly paths: VaultPaths;
  readonly kdf: ScryptParams;
  readonly me: ProcessInfo;
  now(): Date;
  /** Events only inform the window; a closed one must not make a finished save look failed. */
  emit(send: (events: EventSink) => void): void;
  emitChanged(reason: LogsChangeReason): void;
  /** Creates the vault's folders (user-only). */
  ensureDirs(): void;
  /** Every month that has a logs or an index file, oldest first. */
  periodsOnDisk(): string[];
  /** Whether anything of a vault is here: a key file or a month file. */
  vaultExists(): boolean;
}

export function createVaultContext(deps: VaultServiceDeps): VaultContext {
  const fs = deps.fs ?? nodeVaultFs;
  const clock = deps.clock ?? { now: () => new Date() };
  const paths = vaultPaths(deps.dataDir);

  function emit(send: (events: EventSink) => void): void {
    if (!deps.events) return;
    try {
      send(deps.events);
    } catch (error) {
      log.warn('could not deliver a vault event', { error: describeError(error) });
    }
  }

  function periodsOnDisk(): string[] {
    const names = new Set<string>();
    for (const dir of [paths.logsDir, paths.indexDir]) {
      for (const name of fs.list(dir)) {
        const period = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
        if (isPeriod(period)) names.add(period);
      }
    }
    return [...names].sort();
  }

  return {
    deps,
    fs,
    paths,
    kdf: deps.kdf ?? defaultScryptParams,
    me: deps.processInfo ?? currentProcess,
    now: () => clock.now(),
    emit,
    emitChanged: (reason) => emit((events) => events.emit('logs:changed', { reason })),
    ensureDirs() {
      for (const dir of [paths.root, paths.logsDir, paths.indexDir, paths.pendingDir]) fs.mkdir(dir);
    },
    periodsOnDisk,
    vaultExists() {
      return (
        fs.read(paths.keySlots.primary) !== null ||
        fs.read(paths.keySlots.backup) !== null ||
        periodsOnDisk().length > 0
      );
    },
  };
}
