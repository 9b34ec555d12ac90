import { randomBytes } from 'node:crypto';

import { AppError } from '../../../shared/errors';
import type { RestoreOutcome } from '../../../shared/ipc/vault.contract';
import type { VaultService } from '../../vault/vault-service';
import type { HandlersFor } from '../handler-types';

/** Native file dialogs, so the renderer never names a path. The app passes Electron's dialog. */
export interface BackupDialogPort {
  /** Where to save a backup; null when the user cancels. */
  chooseBackupDestination(suggestedName: string): Promise<string | null>;
  /** Which backup to restore; null when the user cancels. */
  chooseBackupSource(): Promise<string | null>;
}

export interface VaultHandlerDeps {
  /** Absent where there is no window (the browser test host): backup and restore answer UNAVAILABLE. */
  readonly dialogs?: BackupDialogPort;
  readonly clock?: { now(): Date };
}

export type VaultChannel =
  | 'vault:status'
  | 'vault:setup'
  | 'vault:unlock'
  | 'vault:lock'
  | 'vault:change-passphrase'
  | 'vault:set-keychain'
  | 'vault:confirm-recovery-key'
  | 'vault:new-recovery-key'
  | 'vault:new-data-key'
  | 'logs:list'
  | 'logs:search-notes'
  | 'logs:get'
  | 'logs:add-addendum'
  | 'logs:delete'
  | 'logs:erase-client'
  | 'logs:backup'
  | 'logs:restore';

export const backupFileExtension = 'rrbackup';

/** "ReadyRoom backup 2026-03-15.rrbackup" */
export function suggestedBackupName(date: Date): string {
  return `ReadyRoom backup ${date.toISOString().slice(0, 10)}.${backupFileExtension}`;
}

/** Requests arrive validated by the contract (dispatch); these only route them to the vault. */
export function createVaultHandlers(vault: VaultService, deps: VaultHandlerDeps = {}): HandlersFor<VaultChannel> {
  const clock = deps.clock ?? { now: () => new Date() };
  // A restore that needs the old passphrase is finished by a second call; the file chosen in
  // the first is remembered here under a random token (only the latest one).
  let pendingRestore: { token: string; path: string } | null = null;

  function requireDialogs(): BackupDialogPort {
    if (!deps.dialogs)
      throw new AppError('UNAVAILABLE', 'Backups need the ReadyRoom app; they are not available here.');
    return deps.dialogs;
  }

  function requireUnlocked(): void {
    if (vault.status().state !== 'unlocked')
      throw new AppError('LOCKED', 'Your logs are locked. Unlock them with your passphrase first.');
  }

  return {
    'vault:status': () => vault.status(),
    'vault:setup': ({ passphrase }) => vault.setup(passphrase),
    'vault:unlock': (request) => vault.unlock(request),
    'vault:lock': () => vault.lock('manual'),
    'vault:change-passphrase': ({ current, next }) => vault.changePassphrase(current, next),
    'vault:set-keychain': (request) => vault.setKeychain(request),
    'vault:confirm-recovery-key': () => vault.confirmRecoveryKey(),
    'vault:new-recovery-key': ({ passphrase }) => vault.newRecoveryKey(passphrase),
    'vault:new-data-key': ({ passphrase }) => vault.newDataKey(passphrase),
    'logs:list': (query) => vault.list(query),
    'logs:search-notes': ({ text }) => vault.searchNotes(text),
    'logs:get': ({ id }) => vault.get(id),
    'logs:add-addendum': ({ id, addendum }) => vault.addAddendum(id, addendum),
    'logs:delete': ({ id }) => vault.delete(id),
    'logs:erase-client': ({ client, expectedCount }) => vault.eraseClient(client, expectedCount),
    'logs:backup': async () => {
      const dialogs = requireDialogs();
      requireUnlocked();
      const path = await dialogs.chooseBackupDestination(suggestedBackupName(clock.now()));
      if (!path) return { saved: false, count: 0, unreadablePeriods: [] };
      return vault.backup(path);
    },
    'logs:restore': async ({ token, secret }): Promise<RestoreOutcome> => {
      const dialogs = requireDialogs();
      requireUnlocked();
      let path: string;
      if (token) {
        if (!pendingRestore || pendingRestore.token !== token) {
          throw new AppError('NOT_FOUND', 'Please choose the backup file again.');
        }
        path = pendingRestore.path;
      } else {
        const chosen = await dialogs.chooseBackupSource();
        if (!chosen) return { status: 'cancelled' };
        path = chosen;
      }
      const result = await vault.restore(path, secret);
      if (result.status === 'needs-secret') {
        pendingRestore = { token: randomBytes(16).toString('hex'), path };
        return { status: 'needs-secret', token: pendingRestore.token };
      }
      pendingRestore = null;
      return result;
    },
  };
}
