import { AppError } from '../../shared/errors';
import type { SetKeychainRequest } from '../../shared/ipc/vault.contract';
import { createLogger } from '../logging/logger';
import type { KeyFiles } from './key-files';
import {
  createKeychainSlot,
  createPassphraseSlot,
  createRecoverySlot,
  unwrapWithPassphrase,
  type KeySlots,
} from './key-slots';
import { generateRecoveryKey } from './recovery-key';
import type { VaultContext } from './vault-context';
import { wipe } from './vault-crypto';
import { checkNewPassphrase, messages } from './vault-errors';
import type { Session, Sessions } from './vault-session';
import type { VaultUnlock } from './vault-unlock';

const log = createLogger('vault');

/** Changing how the data key is unlocked: a new passphrase, a new recovery key, the OS keychain on or off. */
export interface ChangeKeys {
  changePassphrase(s: Session, current: string, next: string): Promise<void>;
  /** On needs the current passphrase (proved first); off needs nothing. */
  setKeychain(s: Session, request: SetKeychainRequest): Promise<void>;
  /**
   * Replaces the recovery key (the current passphrase proves it is the owner); the old one stops
   * opening the vault. Returned this once; marked unconfirmed until the user says it is stored.
   */
  newRecoveryKey(s: Session, passphrase: string): Promise<string>;
  /** Refuses (WRONG_PASSPHRASE) unless this passphrase opens the key the session holds. */
  provePassphrase(s: Session, passphrase: string): Promise<void>;
  /** The user has stored the recovery key shown last (also after the vault locked meanwhile). */
  confirmRecoveryKey(s: Session | null): void;
}

export function createChangeKeys(
  ctx: VaultContext,
  sessions: Sessions,
  keyFiles: KeyFiles,
  unlock: VaultUnlock,
): ChangeKeys {
  const { deps } = ctx;

  /** Refuses unless this passphrase opens the key this session holds. */
  async function provePassphrase(s: Session, passphrase: string): Promise<void> {
    const check = await unwrapWithPassphrase(s.slots, passphrase);
    try {
      // Locked meanwhile (idle, sleep): its key is wiped, so say that, not "wrong passphrase".
      if (sessions.current !== s) throw new AppError('LOCKED', messages.locked);
      if (check === null || !check.equals(s.dek)) throw new AppError('WRONG_PASSPHRASE', messages.wrongPassphrase);
    } finally {
      wipe(check);
    }
  }

  /** Writes the next revision of the key file with these slots; the session follows only once it is on disk. */
  function commitSlots(s: Session, slots: KeySlots['slots']): void {
    const updated: KeySlots = { ...s.slots, revision: s.slots.revision + 1, slots };
    keyFiles.write(s, updated);
    s.slots = updated;
  }

  return {
    provePassphrase,

    async newRecoveryKey(s, passphrase) {
      sessions.confirmLock(s);
      await provePassphrase(s, passphrase);
      const recovery = generateRecoveryKey();
      try {
        // Marked first: a crash before the key is shown leaves a vault that says so.
        keyFiles.markRecoveryKeyUnconfirmed();
        commitSlots(s, { ...s.slots.slots, recovery: createRecoverySlot(s.dek, s.slots.vaultId, recovery.bytes) });
        log.info('recovery key replaced');
        return recovery.text;
      } finally {
        wipe(recovery.bytes);
      }
    },

    confirmRecoveryKey(s) {
      // The mark only says the user has the key; removing it needs no key, so an idle lock
      // while the key was being written down does not undo the setup.
      if (s) sessions.confirmLock(s);
      keyFiles.clearRecoveryKeyUnconfirmed();
    },

    async changePassphrase(s, current, next) {
      checkNewPassphrase(next);
      if (current === next) throw new AppError('BAD_REQUEST', messages.samePassphrase);
      await provePassphrase(s, current);
      // A copy: the session's key is wiped if it locks while the new slot is being derived.
      const dekCopy = Buffer.from(s.dek);
      try {
        const slot = await createPassphraseSlot(dekCopy, s.slots.vaultId, next, ctx.kdf);
        if (sessions.current !== s) throw new AppError('LOCKED', messages.locked);
        commitSlots(s, { ...s.slots.slots, passphrase: slot });
        log.info('passphrase changed');
      } finally {
        wipe(dekCopy);
      }
    },

    async setKeychain(s, request) {
      if (request.enabled) {
        await provePassphrase(s, request.passphrase);
        const state = unlock.keychainState();
        if (!state.available || !deps.keychain)
          throw new AppError('UNAVAILABLE', state.reason ?? messages.keychainFailed);
        let slot;
        try {
          slot = createKeychainSlot(s.dek, s.slots.vaultId, deps.keychain, deps.keychain.status().backend ?? null);
        } catch {
          throw new AppError(
            'UNAVAILABLE',
            "Your computer's keychain did not accept ReadyRoom's key. You can keep using your passphrase.",
          );
        }
        commitSlots(s, { ...s.slots.slots, keychain: slot });
      } else if (s.slots.slots.keychain) {
        const { keychain: _removed, ...rest } = s.slots.slots;
        commitSlots(s, rest);
      }
    },
  };
}
