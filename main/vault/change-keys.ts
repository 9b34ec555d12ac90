import { AppError } from '../../shared/errors';
import { createLogger } from '../logging/logger';
import type { KeyFiles } from './key-files';
import { createKeychainSlot, createPassphraseSlot, unwrapWithPassphrase, type KeySlots } from './key-slots';
import type { VaultContext } from './vault-context';
import { wipe } from './vault-crypto';
import { checkNewPassphrase, messages } from './vault-errors';
import type { Session, Sessions } from './vault-session';
import type { VaultUnlock } from './vault-unlock';

const log = createLogger('vault');

/** Changing how the data key is unlocked: a new passphrase, the OS keychain on or off. */
export interface ChangeKeys {
  changePassphrase(s: Session, current: string, next: string): Promise<void>;
  setKeychain(s: Session, enabled: boolean): void;
}

export function createChangeKeys(
  ctx: VaultContext,
  sessions: Sessions,
  keyFiles: KeyFiles,
  unlock: VaultUnlock,
): ChangeKeys {
  const { deps } = ctx;
  return {
    async changePassphrase(s, current, next) {
      checkNewPassphrase(next);
      if (current === next) throw new AppError('BAD_REQUEST', messages.samePassphrase);
      const dekCopy = Buffer.from(s.dek);
      try {
        const check = await unwrapWithPassphrase(s.slots, current);
        const matches = check !== null && check.equals(dekCopy);
        wipe(check);
        if (!matches) throw new AppError('WRONG_PASSPHRASE', messages.wrongPassphrase);
        const slot = await createPassphraseSlot(dekCopy, s.slots.vaultId, next, ctx.kdf);
        if (sessions.current !== s) throw new AppError('LOCKED', messages.locked);
        const updated: KeySlots = {
          ...s.slots,
          revision: s.slots.revision + 1,
          slots: { ...s.slots.slots, passphrase: slot },
        };
        keyFiles.write(s, updated);
        s.slots = updated;
        log.info('passphrase changed');
      } finally {
        wipe(dekCopy);
      }
    },

    setKeychain(s, enabled) {
      if (enabled) {
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
        const updated: KeySlots = {
          ...s.slots,
          revision: s.slots.revision + 1,
          slots: { ...s.slots.slots, keychain: slot },
        };
        keyFiles.write(s, updated);
        s.slots = updated;
      } else if (s.slots.slots.keychain) {
        const { keychain: _removed, ...rest } = s.slots.slots;
        const updated: KeySlots = { ...s.slots, revision: s.slots.revision + 1, slots: rest };
        keyFiles.write(s, updated);
        s.slots = updated;
      }
    },
  };
}
