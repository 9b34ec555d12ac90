import { create } from 'zustand';

import type { ErrorData } from '../../shared/errors';
import type { LockReason, SetKeychainRequest, UnlockRequest, VaultStatus } from '../../shared/ipc/vault.contract';
import { call, subscribe } from '../api';
import { registerStoreReset } from './reset-stores';

export type ActionResult = { readonly ok: true } | { readonly ok: false; readonly error: ErrorData };

type VaultSessionState = {
  /** null until main has answered once. */
  readonly status: VaultStatus | null;
  readonly loading: boolean;
  /** Why the status could not be read (main unreachable). */
  readonly loadError: ErrorData | null;
  /** Shown once right after setup, until the user says it is stored; never persisted. */
  readonly recoveryKey: string | null;
  /** Why the vault last locked by itself (idle, sleep), to say so on the unlock screen. */
  readonly lockedReason: LockReason | null;
  refresh(): Promise<void>;
  setup(passphrase: string): Promise<ActionResult>;
  unlock(request: UnlockRequest): Promise<ActionResult>;
  lock(): Promise<void>;
  changePassphrase(current: string, next: string): Promise<ActionResult>;
  /** On needs the passphrase; off does not. */
  setKeychain(request: SetKeychainRequest): Promise<ActionResult>;
  /** A new recovery key (needs the passphrase); shown like the first one until confirmed. */
  newRecoveryKey(passphrase: string): Promise<ActionResult>;
  /** Every log re-encrypted under a new key; also gives a new recovery key, shown the same way. */
  newDataKey(passphrase: string): Promise<ActionResult>;
  /** The user has written the key down: main stops marking it unconfirmed, and it is forgotten here. */
  confirmRecoveryKeyStored(): Promise<void>;
};

const initial = { status: null, loading: false, loadError: null, recoveryKey: null, lockedReason: null };

export const useVaultSessionStore = create<VaultSessionState>()((set, get) => ({
  ...initial,
  async refresh() {
    set({ loading: true });
    const result = await call('vault:status', {});
    if (result.ok) set({ status: result.value, loading: false, loadError: null });
    else set({ loading: false, loadError: result.error });
  },
  async setup(passphrase) {
    const result = await call('vault:setup', { passphrase });
    if (!result.ok) return result;
    set({ status: result.value.status, recoveryKey: result.value.recoveryKey, lockedReason: null });
    return { ok: true };
  },
  async unlock(request) {
    const result = await call('vault:unlock', request);
    if (!result.ok) return result;
    set({ status: result.value, lockedReason: null });
    return { ok: true };
  },
  async lock() {
    const result = await call('vault:lock', {});
    if (result.ok) set({ status: result.value, lockedReason: null });
    else await get().refresh();
  },
  async changePassphrase(current, next) {
    const result = await call('vault:change-passphrase', { current, next });
    if (!result.ok) return result;
    set({ status: result.value });
    return { ok: true };
  },
  async setKeychain(request) {
    const result = await call('vault:set-keychain', request);
    if (!result.ok) return result;
    set({ status: result.value });
    return { ok: true };
  },
  async newRecoveryKey(passphrase) {
    const result = await call('vault:new-recovery-key', { passphrase });
    if (!result.ok) return result;
    set({ status: result.value.status, recoveryKey: result.value.recoveryKey });
    return { ok: true };
  },
  async newDataKey(passphrase) {
    const result = await call('vault:new-data-key', { passphrase });
    if (!result.ok) return result;
    set({ status: result.value.status, recoveryKey: result.value.recoveryKey });
    return { ok: true };
  },
  async confirmRecoveryKeyStored() {
    set({ recoveryKey: null });
    const result = await call('vault:confirm-recovery-key', {});
    if (result.ok) set({ status: result.value });
  },
}));

/** Main locked the vault (idle, sleep, screen lock, another window): follow it. Returns the unsubscribe. */
export function followVaultLocks(): () => void {
  return subscribe('vault:locked', ({ reason }) => {
    const { status } = useVaultSessionStore.getState();
    useVaultSessionStore.setState({
      status: status ? { ...status, state: 'locked' } : status,
      lockedReason: reason === 'manual' ? null : reason,
    });
    if (!status) void useVaultSessionStore.getState().refresh();
  });
}

registerStoreReset(() => useVaultSessionStore.setState(initial));
