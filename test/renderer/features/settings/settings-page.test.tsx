import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';

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

  it('saves the usual session length the checks for restarts, backups and sleep judge against', async () => {
    const user = userEvent.setup();
    render(<SettingsPage />);
    await user.selectOptions(await screen.findByLabelText('Usual session length'), '50');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(stored.sessionMinutes).toBe(50);
  });

  it('asks for the platform address when "another platform" is chosen, and refuses a malformed one', async () => {
    const user = userEvent.setup();
    render(<SettingsPage />);
    await user.selectOptions(await screen.findByLabelText('Usual video platform'), 'other');
    await user.type(screen.getByLabelText('Platform web address'), 'not a host!');
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
    expect(await screen.findByText(/https:\/\/ address/)).toBeTruthy();
    expect(stored.throughput.enabled).toBe(false);
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
