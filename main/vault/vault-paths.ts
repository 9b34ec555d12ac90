import { join } from 'node:path';

/** Where each vault file lives under the app's data folder. */
export interface VaultPaths {
  readonly root: string;
  readonly logsDir: string;
  readonly indexDir: string;
  /** One empty marker per month being written; left behind only by a crash, then repaired. */
  readonly pendingDir: string;
  /** Files that could not be read, moved here unchanged. */
  readonly quarantineDir: string;
  readonly lockFile: string;
  /**
   * Present from the moment a new recovery key is made until the user says it is stored; a vault
   * still marked so and without logs is unfinished (a setup cut short) and may be set up again.
   */
  readonly recoveryKeyUnconfirmed: string;
  /**
   * The key that files erasure records, sealed by the data key. Written when the data key is
   * first replaced (until then it is derived from the data key), so records made before still match.
   */
  readonly erasureKeyFile: string;
  /** Small encrypted records beside the logs (vault-documents.ts). */
  readonly documentsDir: string;
  /** Month files re-encrypted under a new data key wait here until the key file names that key. */
  readonly rekeyDir: string;
  readonly keySlots: { readonly dir: string; readonly primary: string; readonly backup: string };
}

export const keySlotsPrimaryName = 'keyslots';
export const keySlotsBackupName = 'keyslots.backup';

export function vaultPaths(dataDir: string): VaultPaths {
  const root = join(dataDir, 'vault');
  return {
    root,
    logsDir: join(root, 'logs'),
    indexDir: join(root, 'index'),
    pendingDir: join(root, 'pending'),
    quarantineDir: join(root, 'quarantine'),
    lockFile: join(root, 'vault.lock'),
    recoveryKeyUnconfirmed: join(root, 'recovery-key-unconfirmed'),
    erasureKeyFile: join(root, 'erasure-key.json'),
    documentsDir: join(root, 'documents'),
    rekeyDir: join(root, 'rekey'),
    keySlots: {
      dir: root,
      primary: join(root, `${keySlotsPrimaryName}.json`),
      backup: join(root, `${keySlotsBackupName}.json`),
    },
  };
}

/** Temp files of an interrupted atomic write (atomically's and ours); safe to remove while we hold the lock. */
export function isTempFileName(name: string): boolean {
  return /\.tmp-\d{10}[0-9a-f]{6}$/.test(name) || /^\..+\.[0-9a-f]{12}\.tmp$/.test(name);
}
