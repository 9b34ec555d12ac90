import { AppError } from '../../shared/errors';
import { createLogger, describeError } from '../logging/logger';
import { deserializeKeySlots, serializeKeySlots, type KeySlots } from './key-slots';
import type { VaultContext } from './vault-context';
import { isDamaged, messages, toWriteError } from './vault-errors';
import { isCode } from './vault-fs';
import { keySlotsBackupName, keySlotsPrimaryName } from './vault-paths';
import type { Quarantine } from './vault-quarantine';
import type { Session, Sessions } from './vault-session';
import { openVaultStore, type VaultStore } from './vault-stores';

const log = createLogger('vault');

/**
 * The key file on disk, kept in two copies (keyslots.json and keyslots.backup.json), each with
 * a checksum and a revision raised on every change, so a crash between the two writes or a
 * damaged copy never loses the key.
 */
export interface KeyFiles {
  /**
   * The valid copies at the newest revision; throws when the vault has none that can be read.
   * An older copy is left over from a change whose second write failed: its slots are no longer
   * in force (an old passphrase, a keychain turned off) and must not unlock, so it only serves
   * when the newer copy is damaged, and is brought up to date at the next unlock.
   */
  readCandidates(): KeySlots[];
  /** A new vault's first key file, both copies; on failure neither is left behind. */
  writeFirst(slots: KeySlots): void;
  /**
   * Writes the primary copy (this is the commit), then the backup copy (best effort, repaired at
   * unlock). A backup copy left behind at the older revision never unlocks (readCandidates).
   */
  write(s: Session, slots: KeySlots): void;
  /** After an unlock: bring a missing, damaged or older copy up to the newest valid one. */
  repair(current: KeySlots): void;
  /** Marks that a recovery key is being made and not yet confirmed as stored (before its slot is written). */
  markRecoveryKeyUnconfirmed(): void;
  /** The user has the recovery key: the mark goes. */
  clearRecoveryKeyUnconfirmed(): void;
  recoveryKeyUnconfirmed(): boolean;
  /** A setup that never finished: its recovery key was never confirmed and it holds no logs, so nothing is lost by starting again. */
  unfinished(): boolean;
  /** Removes an unfinished vault's key files, so setup can start again. */
  discardUnfinished(): void;
}

type SlotsRead = { readonly state: 'ok'; readonly slots: KeySlots } | { readonly state: 'missing' | 'damaged' };

export function createKeyFiles(ctx: VaultContext, sessions: Sessions, quarantine: Quarantine): KeyFiles {
  const { deps, fs, paths } = ctx;
  const copies = [
    [keySlotsPrimaryName, paths.keySlots.primary],
    [keySlotsBackupName, paths.keySlots.backup],
  ] as const;

  function readSlotsFile(path: string): SlotsRead {
    const bytes = fs.read(path);
    if (bytes === null) return { state: 'missing' };
    try {
      return { state: 'ok', slots: deserializeKeySlots(bytes.toString('utf8')) };
    } catch {
      return { state: 'damaged' };
    }
  }

  function keySlotsStore(name: string): VaultStore<KeySlots> {
    return openVaultStore<KeySlots>(deps.storeFactory, fs, {
      dir: paths.keySlots.dir,
      name,
      serialize: serializeKeySlots,
      deserialize: deserializeKeySlots,
    });
  }

  /** Opens a key-slot file for writing; a damaged copy is moved aside first, so it is never lost. */
  function openForWrite(name: string, path: string): VaultStore<KeySlots> {
    try {
      return keySlotsStore(name);
    } catch (error) {
      if (!isDamaged(error)) throw error;
      quarantine.moveAside(path, `${name}.json`, 'damaged');
      return keySlotsStore(name);
    }
  }

  return {
    readCandidates() {
      const read = copies.map(([, path]) => readSlotsFile(path));
      const valid = read.flatMap((c) => (c.state === 'ok' ? [c.slots] : []));
      if (valid.length === 0) {
        if (read.every((c) => c.state === 'missing') && !ctx.vaultExists())
          throw new AppError('NO_VAULT', messages.noVault);
        throw new AppError('CORRUPT', messages.keySlotsDamaged);
      }
      const newest = Math.max(...valid.map((c) => c.revision));
      return valid.filter((c) => c.revision === newest);
    },

    writeFirst(slots) {
      try {
        for (const [name, path] of copies) openForWrite(name, path).write(slots);
      } catch (error) {
        // A half-made vault holds no logs yet: remove it, so setup can simply be tried again.
        for (const [, path] of copies) fs.remove(path);
        throw toWriteError(error);
      }
    },

    write(s, slots) {
      sessions.confirmLock(s);
      fs.mkdir(paths.root);
      try {
        openForWrite(keySlotsPrimaryName, paths.keySlots.primary).write(slots);
      } catch (error) {
        throw toWriteError(error);
      }
      try {
        openForWrite(keySlotsBackupName, paths.keySlots.backup).write(slots);
      } catch (error) {
        log.warn('second copy of the key file could not be written; it will be repaired at the next unlock', {
          error: describeError(error),
        });
      }
    },

    markRecoveryKeyUnconfirmed() {
      fs.mkdir(paths.root);
      try {
        fs.createExclusive(paths.recoveryKeyUnconfirmed, '');
      } catch (error) {
        if (!isCode(error, 'EEXIST')) throw toWriteError(error);
      }
    },

    clearRecoveryKeyUnconfirmed() {
      try {
        fs.remove(paths.recoveryKeyUnconfirmed);
      } catch (error) {
        throw toWriteError(error);
      }
    },

    recoveryKeyUnconfirmed: () => fs.size(paths.recoveryKeyUnconfirmed) !== null,

    unfinished() {
      return (
        fs.size(paths.recoveryKeyUnconfirmed) !== null &&
        ctx.periodsOnDisk().length === 0 &&
        fs.list(paths.quarantineDir).length === 0
      );
    },

    discardUnfinished() {
      for (const [, path] of copies) fs.remove(path);
      fs.remove(paths.erasureKeyFile);
      log.info('removed the key file of a setup that never finished');
    },

    repair(current) {
      for (const [name, path] of copies) {
        const copy = readSlotsFile(path);
        if (copy.state === 'ok' && copy.slots.revision >= current.revision) continue;
        try {
          if (copy.state === 'damaged') quarantine.moveAside(path, `${name}.json`, 'damaged');
          openForWrite(name, path).write(current);
          log.info('repaired a copy of the key file', { copy: name, was: copy.state });
        } catch (error) {
          log.warn('could not repair a copy of the key file', { copy: name, error: describeError(error) });
        }
      }
    },
  };
}
