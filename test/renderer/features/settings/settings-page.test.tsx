import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';

import { AppError } from '../../../../shared/errors';
import { defaultSettings, type Settings } from '../../../../shared/settings/settings';
import { SettingsPage } from '../../../../renderer/features/settings/settings-page';
import { createFakeBridge, installFakeBridge, type FakeBridge } from '../../../fakes/fake-bridge';

describe('SettingsPage', () => {
  let bridge: FakeBridge;
  let stored: Settings;
  beforeEach(() => {
    stored = defaultSettings;
    bridge = createFakeBridge({
      'settings:get': () => stored,
      'settings:update': ({ patch }) => {
        stored = { ...stored, ...patch } as Settings;
        return stored;
      },
    });
    installFakeBridge(bridge);
  });

  it('saves the chosen retention and confirms it', async () => {
    const user = userEvent.setup();
    render(<SettingsPage />);
    await user.selectOptions(await screen.findByLabelText('Keep readiness logs for'), '3');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(stored.retentionYears).toBe(3);
  });

  it('asks for the platform address when "another platform" is chosen, and refuses a malformed one', async () => {
    const user = userEvent.setup();
    render(<SettingsPage />);
    await user.selectOptions(await screen.findByLabelText('Usual video platform'), 'other');
    await user.type(screen.getByLabelText('Address of your platform'), 'not a host!');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText(/should look like/)).toBeTruthy();
    expect(bridge.calls.some((c) => c.channel === 'settings:update')).toBe(false);
  });

  it('refuses to turn on the speed test without an https address', async () => {
    const user = userEvent.setup();
    render(<SettingsPage />);
    await user.click(await screen.findByLabelText('Measure my connection speed during checks'));
    await user.type(screen.getByLabelText('Download test address (https)'), 'http://example.org/file');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText(/must start with https:\/\//)).toBeTruthy();
    expect(stored.throughput.enabled).toBe(false);
  });

  it.each([
    ['this computer', 'localhost:9222', /on this computer or a private network/],
    ['the cloud metadata address', '169.254.169.254', /on this computer or a private network/],
    ['an SSH port', 'meet.example.org:22', /^Port 22 /],
  ])('refuses %s as the platform address, saying why, without saving', async (_label, address, reason) => {
    const user = userEvent.setup();
    render(<SettingsPage />);
    await user.selectOptions(await screen.findByLabelText('Usual video platform'), 'other');
    await user.type(screen.getByLabelText('Address of your platform'), address);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText(reason)).toBeTruthy();
    expect(bridge.calls.some((c) => c.channel === 'settings:update')).toBe(false);
  });

  it('refuses a speed-test address on a private network', async () => {
    const user = userEvent.setup();
    render(<SettingsPage />);
    await user.click(await screen.findByLabelText('Measure my connection speed during checks'));
    await user.type(screen.getByLabelText('Download test address (https)'), 'https://192.168.1.10/file');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText(/on this computer or a private network/)).toBeTruthy();
    expect(bridge.calls.some((c) => c.channel === 'settings:update')).toBe(false);
  });

  it('shows a refusal from main as it is worded', async () => {
    bridge.handle('settings:update', () => {
      throw new AppError('BAD_REQUEST', 'The speed-test address must start with https:// (from main).');
    });
    const user = userEvent.setup();
    render(<SettingsPage />);
    await user.selectOptions(await screen.findByLabelText('Keep readiness logs for'), '3');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('The speed-test address must start with https:// (from main).')).toBeTruthy();
  });

  it('lists the addresses allowed so far and withdraws one; saving the form never sends them', async () => {
    stored = { ...defaultSettings, approvedHosts: ['meet.example.org:443', 'speed.example.net:443'] };
    bridge.handle('settings:forget-host', ({ target }) => {
      stored = { ...stored, approvedHosts: stored.approvedHosts.filter((h) => h !== target) };
      return stored;
    });
    const user = userEvent.setup();
    render(<SettingsPage />);
    const section = await screen.findByRole('region', { name: 'Addresses ReadyRoom may contact' });
    expect(section.textContent).toContain('meet.example.org:443');
    await user.click(screen.getByRole('button', { name: 'Remove meet.example.org:443' }));
    expect(
      await screen.findByText('Removed meet.example.org:443. ReadyRoom will ask again before contacting it.'),
    ).toBeTruthy();
    expect(section.textContent).not.toContain('meet.example.org:443 Remove');
    expect(screen.queryByRole('button', { name: 'Remove meet.example.org:443' })).toBeNull();
    expect(stored.approvedHosts).toEqual(['speed.example.net:443']);

    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved.');
    const saves = bridge.calls.filter((c) => c.channel === 'settings:update');
    expect(saves).toHaveLength(1);
    expect(Object.keys((saves[0]?.request as { patch: object }).patch)).not.toContain('approvedHosts');
    expect(stored.approvedHosts).toEqual(['speed.example.net:443']);
  });

  it('stores the always- and never-suggest program lists one per line', async () => {
    const user = userEvent.setup();
    render(<SettingsPage />);
    await user.type(await screen.findByLabelText(/Always suggest closing/), 'Dropbox{enter}Steam');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved.');
    expect(stored.programs.alwaysSuggest).toEqual(['Dropbox', 'Steam']);
  });
});
