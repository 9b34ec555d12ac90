import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';

import { VaultSecurityPanel } from '../../../../renderer/features/vault/vault-security-panel';
import { useVaultSessionStore } from '../../../../renderer/stores/vault-session-store';
import { installFakeVault, newRecoveryKey, rightPassphrase, type FakeVaultState } from './fake-vault';

async function renderUnlocked(initial: Partial<FakeVaultState> = {}) {
  const fake = installFakeVault({ state: 'unlocked', ...initial });
  await useVaultSessionStore.getState().refresh();
  render(<VaultSecurityPanel />);
  return fake;
}

describe('VaultSecurityPanel', () => {
  it('explains what losing both passphrase and recovery key means', async () => {
    await renderUnlocked();
    expect(screen.getByText(/If you lose both, nobody can open them again/)).toBeTruthy();
  });

  it('changes the passphrase after checking the current one and the new one', async () => {
    const { vault } = await renderUnlocked();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Current passphrase'), 'wrong current passphrase');
    await user.type(screen.getByLabelText('New passphrase'), 'lantern orbit pickle monsoon');
    await waitFor(() => expect(screen.getByText(/Strength:/).textContent).toMatch(/strong/i));
    await user.type(screen.getByLabelText('Type the new passphrase again'), 'lantern orbit pickle monsoon');
    await user.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/not right/);
    expect(document.activeElement).toBe(screen.getByLabelText('Current passphrase'));
    await user.clear(screen.getByLabelText('Current passphrase'));
    await user.type(screen.getByLabelText('Current passphrase'), rightPassphrase);
    await user.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect(await screen.findByText(/Your passphrase has been changed/)).toBeTruthy();
    expect(vault.passphrase).toBe('lantern orbit pickle monsoon');
    expect((screen.getByLabelText('Current passphrase') as HTMLInputElement).value).toBe('');
  });

  it('refuses a weak new passphrase without asking main', async () => {
    const { bridge } = await renderUnlocked();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Current passphrase'), rightPassphrase);
    await user.type(screen.getByLabelText('New passphrase'), 'abc');
    await user.type(screen.getByLabelText('Type the new passphrase again'), 'abc');
    await user.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/stronger/);
    expect(bridge.calls.some((c) => c.channel === 'vault:change-passphrase')).toBe(false);
  });

  it('turns the keychain on only with the passphrase, and off without it, with its trade-off explained', async () => {
    const { vault, bridge } = await renderUnlocked();
    const user = userEvent.setup();
    const box = screen.getByLabelText("Unlock my logs with this computer's keychain") as HTMLInputElement;
    expect(box.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/Anyone who can sign in to this computer as you could then open your logs/)).toBeTruthy();
    await user.click(box);
    // Nothing is asked of main until the passphrase is given.
    expect(bridge.calls.some((c) => c.channel === 'vault:set-keychain')).toBe(false);
    const field = screen.getByLabelText('Your passphrase, to turn this on');
    expect(document.activeElement).toBe(field);
    await user.type(field, 'someone else guessing{Enter}');
    expect(await screen.findByText(/not right/)).toBeTruthy();
    expect(vault.keychain.enabled).toBe(false);
    await user.clear(field);
    await user.type(field, `${rightPassphrase}{Enter}`);
    await waitFor(() => expect(vault.keychain.enabled).toBe(true));
    expect(box.checked).toBe(true);
    expect(screen.queryByLabelText('Your passphrase, to turn this on')).toBeNull();
    await user.click(box);
    await waitFor(() => expect(vault.keychain.enabled).toBe(false));
    expect(bridge.calls.filter((c) => c.channel === 'vault:set-keychain').at(-1)?.request).toEqual({ enabled: false });
  });

  it('shows why the keychain cannot be used and keeps the switch off', async () => {
    await renderUnlocked({
      keychain: {
        available: false,
        enabled: false,
        reason: 'This computer has no secure keychain for ReadyRoom to use.',
      },
    });
    const box = screen.getByLabelText("Unlock my logs with this computer's keychain") as HTMLInputElement;
    expect(box.disabled).toBe(true);
    expect(screen.getByText(/no secure keychain/)).toBeTruthy();
  });

  it('makes a new data key after a passphrase check, then shows the new recovery key once', async () => {
    const { vault } = await renderUnlocked();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Make a new data key' }));
    expect(screen.getByText('Type your passphrase first.')).toBeTruthy();
    await user.type(screen.getByLabelText('Your passphrase'), 'not my passphrase');
    await user.click(screen.getByRole('button', { name: 'Make a new data key' }));
    expect(await screen.findByText(/not right/)).toBeTruthy();
    expect(vault.dataKeyChanges).toBe(0);
    await user.clear(screen.getByLabelText('Your passphrase'));
    await user.type(screen.getByLabelText('Your passphrase'), rightPassphrase);
    await user.click(screen.getByRole('button', { name: 'Make a new data key' }));
    expect(await screen.findByRole('heading', { name: 'Your recovery key' })).toBeTruthy();
    expect(vault.dataKeyChanges).toBe(1);
    expect(screen.getByLabelText(`Recovery key: ${newRecoveryKey.split('-').join(' ')}`)).toBeTruthy();
    await user.click(screen.getByLabelText(/I have printed or written down my recovery key/));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(vault.recoveryKeyConfirmations).toBe(1));
    expect(screen.queryByRole('heading', { name: 'Your recovery key' })).toBeNull();
  });

  it('makes a new recovery key, and says when the current one was never confirmed', async () => {
    const { bridge } = await renderUnlocked({ recoveryKeyUnconfirmed: true });
    const user = userEvent.setup();
    expect(screen.getByText(/never confirmed as written down/)).toBeTruthy();
    await user.type(screen.getByLabelText('Your passphrase'), `${rightPassphrase}{Enter}`);
    expect(await screen.findByRole('heading', { name: 'Your recovery key' })).toBeTruthy();
    expect(bridge.calls.some((c) => c.channel === 'vault:new-recovery-key')).toBe(true);
  });

  it('has no accessibility violations, with the notice of an unconfirmed recovery key', async () => {
    await renderUnlocked({ recoveryKeyUnconfirmed: true });
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
