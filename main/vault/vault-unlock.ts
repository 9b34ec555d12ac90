import { randomBytes } from 'node:crypto';

import { AppError } from '../../shared/errors';
import type { UnlockRequest } from '../../shared/ipc/vault.contract';
import { createLogger, describeError } from '../logging/logger';
import type { KeyFiles } from './key-files';
import {
  createPassphraseSlot,
  createRecoverySlot,
  keySlotsFormat,
  unwrapWithKeychain,
  unwrapWithPassphrase,
  unwrapWithRecoveryKey,
  type KeychainPort,
  type KeySlots,
} from './key-slots';
import { generateRecoveryKey, parseRecoveryKey } from './recovery-key';
import type { VaultCheck } from './vault-check';
import type { VaultContext } from './vault-context';
import { randomKey, wipe } from './vault-crypto';
import { checkNewPassphrase, messages, notWritable, toWriteError, type ReadOnlyReason } from './vault-errors';
import type { Retention } from './vault-retention';
import type { VaultRekey } from './vault-rekey';
import type { Sessions } from './vault-session';

const log = createLogger('vault');

export interface UnlockOptions {
  readonly readOnly?: boolean;
}

export interface KeychainState {
  readonly available: boolean;
  readonly reason: string | null;
}

/** Creating the vault, and opening it with a passphrase, the recovery key or the OS keychain. */
export interface VaultUnlock {
  /** Creates the vault and starts a session; the recovery key is returned this once and never stored. */
  setup(passphrase: string): Promise<{ readonly recoveryKey: string }>;
  /**
   * Opens the vault (a no-op when it is open), then checks and tidies it. `readOnly` opens it
   * without the write lock, for commands that only read (nothing is checked, tidied or written);
   * a folder that cannot be written (read-only, no permission, disk full) opens read-only too.
   */
  unlock(request: UnlockRequest, options?: UnlockOptions): Promise<void>;
  /** Checks a passphrase or recovery key without unlocking or touching anything on disk. */
  verify(request: UnlockRequest): Promise<boolean>;
  /** Whether the OS keychain can hold an unlock key here, and if not, why in plain words. */
  keychainState(): KeychainState;
}

export function createVaultUnlock(
  ctx: VaultContext,
  sessions: Sessions,
  keyFiles: KeyFiles,
  rekey: VaultRekey,
  check: VaultCheck,
  retention: Retention,
): VaultUnlock {
  const { deps } = ctx;

  function keychainState(): KeychainState {
    if (!deps.keychain) {
      return { available: false, reason: "Unlocking without typing needs the ReadyRoom app; it isn't available here." };
    }
    let status: ReturnType<KeychainPort['status']>;
    try {
      status = deps.keychain.status();
    } catch {
      return { available: false, reason: "Your computer's keychain is not available right now." };
    }
    if (status.backend === 'basic_text') {
      return {
        available: false,
        reason:
          'This computer has no secure keychain for ReadyRoom to use (only a plain-text store, which would not protect your key), so you will need to type your passphrase.',
      };
    }
    if (!status.available)
      return { available: false, reason: status.reason ?? "Your computer's keychain is not available right now." };
    return { available: true, reason: null };
  }

  async function unwrapDek(
    candidates: readonly KeySlots[],
    request: UnlockRequest,
  ): Promise<{ dek: Buffer; slots: KeySlots } | null> {
    const tried = new Set<string>();
    for (const slots of candidates) {
      let dek: Buffer | null = null;
      if (request.method === 'passphrase') {
        const key = JSON.stringify(slots.slots.passphrase);
        if (tried.has(key)) continue;
        tried.add(key);
        dek = await unwrapWithPassphrase(slots, request.passphrase);
      } else if (request.method === 'recovery-key') {
        const bytes = parseRecoveryKey(request.recoveryKey);
        if (!bytes) return null;
        dek = unwrapWithRecoveryKey(slots, bytes);
        wipe(bytes);
      } else {
        if (!slots.slots.keychain) continue;
        if (!deps.keychain || !keychainState().available) return null;
        dek = unwrapWithKeychain(slots, deps.keychain);
      }
      if (dek) return { dek, slots };
    }
    return null;
  }

  function unlockFailure(request: UnlockRequest, candidates: readonly KeySlots[]): AppError {
    if (request.method === 'passphrase') return new AppError('WRONG_PASSPHRASE', messages.wrongPassphrase);
    if (request.method === 'recovery-key') return new AppError('WRONG_RECOVERY_KEY', messages.wrongRecoveryKey);
    if (!candidates.some((c) => c.slots.keychain)) return new AppError('UNAVAILABLE', messages.keychainOff);
    const state = keychainState();
    return new AppError(
      'UNAVAILABLE',
      state.available ? messages.keychainFailed : (state.reason ?? messages.keychainFailed),
    );
  }

  return {
    keychainState,

    async setup(passphrase) {
      return sessions.exclusive(async () => {
        if (sessions.current) throw new AppError('VAULT_EXISTS', messages.exists);
        checkNewPassphrase(passphrase);
        const exists = () => ctx.vaultExists() && !keyFiles.unfinished();
        if (exists()) throw new AppError('VAULT_EXISTS', messages.exists);
        // Hold the lock from the start, so two first runs cannot both create a vault.
        let token: string;
        try {
          token = sessions.takeLock();
        } catch (error) {
          throw toWriteError(error);
        }
        const dek = randomKey();
        const recovery = generateRecoveryKey();
        try {
          if (exists()) throw new AppError('VAULT_EXISTS', messages.exists);
          // A setup cut short before its recovery key was shown, holding no logs: start again.
          if (ctx.vaultExists()) keyFiles.discardUnfinished();
          keyFiles.markRecoveryKeyUnconfirmed();
          const vaultId = randomBytes(16).toString('hex');
          const slots: KeySlots = {
            format: keySlotsFormat,
            vaultId,
            revision: 1,
            createdAt: ctx.now().toISOString(),
            slots: {
              passphrase: await createPassphraseSlot(dek, vaultId, passphrase, ctx.kdf),
              recovery: createRecoverySlot(dek, vaultId, recovery.bytes),
            },
          };
          keyFiles.writeFirst(slots);
          sessions.start(dek, slots, rekey.loadErasureKey(dek, vaultId), token);
          ctx.ensureDirs();
          log.info('vault created');
          return { recoveryKey: recovery.text };
        } catch (error) {
          wipe(dek);
          sessions.releaseLock(token);
          throw error;
        } finally {
          wipe(recovery.bytes);
        }
      });
    },

    async unlock(request, options = {}) {
      return sessions.exclusive(async () => {
        if (sessions.current) {
          sessions.touch();
          return;
        }
        const candidates = keyFiles.readCandidates();
        const opened = await unwrapDek(candidates, request);
        if (!opened) throw unlockFailure(request, candidates);
        let token: string | null = null;
        let readOnly: ReadOnlyReason | null = options.readOnly ? 'requested' : null;
        if (!readOnly) {
          try {
            token = sessions.takeLock();
          } catch (error) {
            readOnly = notWritable(error);
            if (!readOnly) {
              wipe(opened.dek);
              throw error;
            }
            log.warn('the data folder cannot be written; the logs are open read-only', { why: readOnly });
          }
        }
        const vaultId = opened.slots.vaultId;
        if (!readOnly) {
          try {
            rekey.finishInterrupted(opened.dek, vaultId);
          } catch (error) {
            log.warn('could not finish an interrupted change of the data key', { error: describeError(error) });
          }
        }
        const s = sessions.start(opened.dek, opened.slots, rekey.loadErasureKey(opened.dek, vaultId), token, readOnly);
        if (readOnly) {
          log.info('vault unlocked read-only', { method: request.method, why: readOnly });
          return;
        }
        try {
          keyFiles.repair(opened.slots);
          check.run(s);
          retention.purgeExpired(s);
        } catch (error) {
          log.warn('unlock maintenance did not finish', { error: describeError(error) });
        }
        log.info('vault unlocked', { method: request.method });
      });
    },

    async verify(request) {
      return sessions.exclusive(async () => {
        const candidates = keyFiles.readCandidates();
        const opened = await unwrapDek(candidates, request);
        if (!opened) return false;
        wipe(opened.dek);
        return true;
      });
    },
  };
}
