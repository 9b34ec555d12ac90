import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';

import { defaultSettings, type Settings } from '../../../../shared/settings/settings';
import { Button } from '../../../../renderer/components/button';
import { LockButton } from '../../../../renderer/features/vault/lock-button';
import { VaultGate } from '../../../../renderer/features/vault/vault-gate';
import { installFakeVault, recoveryKey, rightPassphrase } from './fake-vault';

function Protected() {
  return (
    <>
      <LockButton />
      <VaultGate purpose="save this readiness log">
        <Button variant="primary">Save and start session</Button>
      </VaultGate>
    </>
  );
}

async function noAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

describe('VaultGate: first run', () => {
  it('asks for a strong passphrase, then shows the recovery key once, then what it protects', async () => {
    const { bridge } = installFakeVault({ state: 'absent' });
    const user = userEvent.setup();
    const { container } = render(<Protected />);
    expect(await screen.findByRole('heading', { name: 'Protect your readiness logs' })).toBeTruthy();
    expect(screen.getByText(/If you lose both, nobody can open them again/)).toBeTruthy();
    await noAxeViolations(container);

    const pass = screen.getByLabelText('Choose a passphrase');
    const again = screen.getByLabelText('Type it again');
    await user.type(pass, 'password123');
    expect(await screen.findByText(/Strength:/)).toBeTruthy();
    await user.type(again, 'password123');
    await user.click(screen.getByRole('button', { name: 'Create my encrypted logs' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/stronger passphrase/);
    expect(document.activeElement).toBe(pass);
    expect(bridge.calls.some((c) => c.channel === 'vault:setup')).toBe(false);

    await user.clear(pass);
    await user.type(pass, rightPassphrase);
    await waitFor(() => expect(screen.getByText(/Strength:/).textContent).toMatch(/Strong|Very strong/));
    await user.clear(again);
    await user.type(again, `${rightPassphrase}x`);
    await user.click(screen.getByRole('button', { name: 'Create my encrypted logs' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/different/);
    expect(document.activeElement).toBe(again);

    await user.clear(again);
    await user.type(again, rightPassphrase);
    await user.click(screen.getByRole('button', { name: 'Create my encrypted logs' }));
    const heading = await screen.findByRole('heading', { name: 'Your recovery key' });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByLabelText(`Recovery key: ${recoveryKey.split('-').join(' ')}`)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save and start session' })).toBeNull();
    await noAxeViolations(container);

    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    await user.click(screen.getByRole('button', { name: 'Print the recovery key' }));
    expect(print).toHaveBeenCalledOnce();

    const cont = screen.getByRole('button', { name: 'Continue' }) as HTMLButtonElement;
    expect(cont.disabled).toBe(true);
    await user.click(screen.getByLabelText(/I have printed or written down my recovery key/));
    await user.click(cont);
    const save = await screen.findByRole('button', { name: 'Save and start session' });
    expect(document.activeElement).toBe(save);
    expect(screen.queryByText(/ABCD/)).toBeNull();
    expect(bridge.calls.find((c) => c.channel === 'vault:setup')?.request).toEqual({ passphrase: rightPassphrase });
  });
});

describe('VaultGate: locked', () => {
  it('unlocks with the passphrase, saying plainly when it is wrong', async () => {
    installFakeVault({ state: 'locked' });
    const user = userEvent.setup();
    const { container } = render(<Protected />);
    expect(await screen.findByText(/Unlock them to save this readiness log/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Lock logs/ })).toBeNull();
    await noAxeViolations(container);
    const field = screen.getByLabelText('Passphrase');
    await user.type(field, 'not it at all');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/not right/);
    expect(document.activeElement).toBe(field);
    await user.clear(field);
    await user.type(field, `${rightPassphrase}{Enter}`);
    const save = await screen.findByRole('button', { name: 'Save and start session' });
    expect(document.activeElement).toBe(save);
    expect(screen.getByRole('button', { name: /Lock logs/ })).toBeTruthy();
  });

  it('offers the recovery key instead of the passphrase', async () => {
    const { bridge } = installFakeVault({ state: 'locked' });
    const user = userEvent.setup();
    render(<Protected />);
    await user.click(await screen.findByRole('button', { name: /forgot my passphrase/ }));
    const field = screen.getByLabelText('Recovery key');
    expect(document.activeElement).toBe(field);
    await user.type(field, `${recoveryKey.toLowerCase().replace(/-/g, ' ')}{Enter}`);
    expect(await screen.findByRole('button', { name: 'Save and start session' })).toBeTruthy();
    expect(bridge.calls.find((c) => c.channel === 'vault:unlock')?.request).toMatchObject({ method: 'recovery-key' });
  });

  it('shows the keychain button only when it is turned on and available', async () => {
    installFakeVault({ state: 'locked', keychain: { available: true, enabled: true, reason: null } });
    const user = userEvent.setup();
    render(<Protected />);
    await user.click(await screen.findByRole('button', { name: "Unlock with this computer's keychain" }));
    expect(await screen.findByRole('button', { name: 'Save and start session' })).toBeTruthy();
  });

  it('hides the keychain button when the keychain is off', async () => {
    installFakeVault({ state: 'locked', keychain: { available: true, enabled: false, reason: null } });
    render(<Protected />);
    await screen.findByLabelText('Passphrase');
    expect(screen.queryByRole('button', { name: /keychain/ })).toBeNull();
  });

  it('locks with the lock button, and follows a lock made by main (idle) with the reason', async () => {
    const { bridge } = installFakeVault({ state: 'unlocked' });
    const user = userEvent.setup();
    render(<Protected />);
    await user.click(await screen.findByRole('button', { name: /Lock logs/ }));
    expect(await screen.findByLabelText('Passphrase')).toBeTruthy();
    await user.type(screen.getByLabelText('Passphrase'), `${rightPassphrase}{Enter}`);
    await screen.findByRole('button', { name: 'Save and start session' });
    act(() => bridge.emit('vault:locked', { reason: 'idle' }));
    expect(await screen.findByText(/locked because ReadyRoom was not used for a while/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save and start session' })).toBeNull();
  });

  it('says when the background service cannot be reached, and can try again', async () => {
    const { bridge } = installFakeVault({ state: 'unlocked' });
    bridge.handle('vault:status', () => {
      throw new Error('gone');
    });
    const user = userEvent.setup();
    render(<Protected />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Something went wrong|could not reach/i);
    bridge.handle('vault:status', () => ({
      state: 'unlocked',
      keychain: { available: false, enabled: false, reason: null },
      unreadablePeriods: [],
      idleLockMinutes: 15,
    }));
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Save and start session' })).toBeTruthy();
  });
});

describe('VaultGate: starting at login, offered once after setup', () => {
  async function setUpLogs(options: { offered?: boolean } = {}) {
    const fake = installFakeVault({ state: 'absent' });
    let settings = { ...defaultSettings, startAtLoginOffered: options.offered ?? false };
    let enabled = false;
    fake.bridge.handle('settings:get', () => settings);
    fake.bridge.handle('settings:update', ({ patch }) => {
      settings = { ...settings, ...patch } as Settings;
      return settings;
    });
    fake.bridge.handle('login-item:get', () => ({ supported: true, enabled }));
    fake.bridge.handle('login-item:set', (request) => {
      enabled = request.enabled;
      return { supported: true, enabled };
    });
    const user = userEvent.setup();
    render(<Protected />);
    await user.type(await screen.findByLabelText('Choose a passphrase'), rightPassphrase);
    await user.type(screen.getByLabelText('Type it again'), rightPassphrase);
    await user.click(screen.getByRole('button', { name: 'Create my encrypted logs' }));
    await user.click(await screen.findByLabelText(/I have printed or written down my recovery key/));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('button', { name: 'Save and start session' });
    return { ...fake, user, settings: () => settings, enabled: () => enabled };
  }

  it('asks once, after the recovery key; on "Start at login" it turns it on and remembers the answer', async () => {
    const { user, bridge, settings, enabled } = await setUpLogs();
    const offer = await screen.findByRole('region', { name: 'Start ReadyRoom when you log in?' });
    // The protected action keeps the focus; the offer waits below it.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Save and start session' }));
    expect(bridge.calls.some((c) => c.channel === 'login-item:set')).toBe(false);
    await user.click(within(offer).getByRole('button', { name: 'Start at login' }));
    expect(await within(offer).findByText(/ReadyRoom will start in the tray when you log in\./)).toBeTruthy();
    expect(enabled()).toBe(true);
    expect(settings().startAtLoginOffered).toBe(true);
  }, 30_000);

  it('remembers "Not now" and leaves starting at login off', async () => {
    const { user, settings, enabled } = await setUpLogs();
    const offer = await screen.findByRole('region', { name: 'Start ReadyRoom when you log in?' });
    await user.click(within(offer).getByRole('button', { name: 'Not now' }));
    expect(await within(offer).findByText(/You can change this in Settings/)).toBeTruthy();
    expect(enabled()).toBe(false);
    expect(settings().startAtLoginOffered).toBe(true);
  }, 30_000);

  it('does not ask again once answered', async () => {
    const { bridge } = await setUpLogs({ offered: true });
    await waitFor(() => expect(bridge.calls.some((c) => c.channel === 'login-item:get')).toBe(true));
    expect(screen.queryByRole('region', { name: 'Start ReadyRoom when you log in?' })).toBeNull();
  }, 30_000);
});
