import { describe, expect, it } from 'vitest';

import { followVaultLocks, useVaultSessionStore } from '../../../renderer/stores/vault-session-store';
import { installFakeVault, recoveryKey, rightPassphrase } from '../features/vault/fake-vault';

describe('useVaultSessionStore', () => {
  it('loads the status and keeps the recovery key only until it is confirmed', async () => {
    const { vault } = installFakeVault({ state: 'absent' });
    await useVaultSessionStore.getState().refresh();
    expect(useVaultSessionStore.getState().status?.state).toBe('absent');
    expect(await useVaultSessionStore.getState().setup(rightPassphrase)).toEqual({ ok: true });
    expect(useVaultSessionStore.getState().recoveryKey).toBe(recoveryKey);
    expect(useVaultSessionStore.getState().status?.state).toBe('unlocked');
    expect(vault.recoveryKeyConfirmations).toBe(0);
    await useVaultSessionStore.getState().confirmRecoveryKeyStored();
    expect(useVaultSessionStore.getState().recoveryKey).toBeNull();
    // Main is told too, so the vault stops counting as a setup that never finished.
    expect(vault.recoveryKeyConfirmations).toBe(1);
  });

  it('returns failures as data and keeps the state as it was', async () => {
    installFakeVault({ state: 'locked' });
    await useVaultSessionStore.getState().refresh();
    const result = await useVaultSessionStore.getState().unlock({ method: 'passphrase', passphrase: 'nope nope nope' });
    expect(result).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(useVaultSessionStore.getState().status?.state).toBe('locked');
  });

  it('follows locks announced by main, remembering why', async () => {
    const { bridge } = installFakeVault({ state: 'unlocked' });
    await useVaultSessionStore.getState().refresh();
    const stop = followVaultLocks();
    bridge.emit('vault:locked', { reason: 'suspend' });
    expect(useVaultSessionStore.getState().status?.state).toBe('locked');
    expect(useVaultSessionStore.getState().lockedReason).toBe('suspend');
    await useVaultSessionStore.getState().unlock({ method: 'passphrase', passphrase: rightPassphrase });
    expect(useVaultSessionStore.getState().lockedReason).toBeNull();
    stop();
    bridge.emit('vault:locked', { reason: 'idle' });
    expect(useVaultSessionStore.getState().status?.state).toBe('unlocked');
  });

  it('records why the status could not be read', async () => {
    const { bridge } = installFakeVault();
    bridge.handle('vault:status', () => {
      throw new Error('down');
    });
    await useVaultSessionStore.getState().refresh();
    expect(useVaultSessionStore.getState().status).toBeNull();
    expect(useVaultSessionStore.getState().loadError?.code).toBe('INTERNAL');
  });
});
