import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeEach, describe, expect, it } from 'vitest';

import type { LoginItemStatus } from '../../../../shared/ipc/login-item.contract';
import { defaultSettings, type Settings } from '../../../../shared/settings/settings';
import { SettingsPage } from '../../../../renderer/features/settings/settings-page';
import { createFakeBridge, installFakeBridge, type FakeBridge } from '../../../fakes/fake-bridge';

let bridge: FakeBridge;
let stored: Settings;
let login: LoginItemStatus;

beforeEach(() => {
  stored = defaultSettings;
  login = { supported: true, enabled: false };
  bridge = createFakeBridge({
    'settings:get': () => stored,
    'settings:update': ({ patch }) => {
      stored = { ...stored, ...patch } as Settings;
      return stored;
    },
    'vault:status': () => ({
      state: 'locked',
      keychain: { available: false, enabled: false, reason: null },
      unreadablePeriods: [],
      idleLockMinutes: 15,
    }),
    'login-item:get': () => login,
    'login-item:set': ({ enabled }) => {
      login = { supported: true, enabled };
      return login;
    },
  });
  installFakeBridge(bridge);
});

const selectedTab = () => screen.getAllByRole('tab').find((tab) => tab.getAttribute('aria-selected') === 'true');

describe('Settings sections', () => {
  it('lists the sections as tabs, in order, with Sessions shown first', async () => {
    render(<SettingsPage />);
    const tabs = await screen.findAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual([
      'Sessions',
      'Checks',
      'Security',
      'Data',
      'Start at login',
      'Appearance',
    ]);
    expect(selectedTab()?.textContent).toBe('Sessions');
    expect(screen.getByRole('tabpanel', { name: 'Sessions' })).toBeTruthy();
    expect(screen.getByLabelText('Usual video platform')).toBeTruthy();
  });

  it('moves between sections by keyboard alone: arrows, Home and End, and Tab into the section', async () => {
    const user = userEvent.setup();
    render(<SettingsPage />);
    await screen.findAllByRole('tab');
    // The page heading has focus on arrival; Tab reaches the selected tab (the only one in the Tab order).
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Sessions' }));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Checks' }));
    expect(selectedTab()?.textContent).toBe('Checks');
    expect(screen.getByRole('tabpanel', { name: 'Checks' })).toBeTruthy();
    await user.keyboard('{End}');
    expect(selectedTab()?.textContent).toBe('Appearance');
    await user.keyboard('{ArrowRight}');
    expect(selectedTab()?.textContent).toBe('Sessions');
    await user.keyboard('{ArrowLeft}');
    expect(selectedTab()?.textContent).toBe('Appearance');
    await user.keyboard('{Home}');
    expect(selectedTab()?.textContent).toBe('Sessions');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Usual video platform'));
  });

  it('keeps what was typed in one section while another is shown, and saves both together', async () => {
    const user = userEvent.setup();
    render(<SettingsPage />);
    await user.selectOptions(await screen.findByLabelText('Usual session length'), '50');
    await user.click(screen.getByRole('tab', { name: 'Appearance' }));
    await user.selectOptions(screen.getByLabelText('Theme'), 'dark');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(stored.sessionMinutes).toBe(50);
    expect(stored.theme).toBe('dark');
  });

  it('shows the section of a refused box when saving from another', async () => {
    const user = userEvent.setup();
    render(<SettingsPage />);
    await user.click(await screen.findByRole('tab', { name: 'Checks' }));
    const battery = screen.getByLabelText('Battery: a problem when running on battery below (%)');
    await user.clear(battery);
    await user.type(battery, '150');
    await user.click(screen.getByRole('tab', { name: 'Appearance' }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText(/must be a whole number from 5 % to 95 %\. Nothing was saved\./)).toBeTruthy();
    expect(selectedTab()?.textContent).toBe('Checks');
    expect(bridge.calls.some((c) => c.channel === 'settings:update')).toBe(false);
  });

  it('puts locking, the keychain, the passphrase and the recovery key under Security', async () => {
    const user = userEvent.setup();
    render(<SettingsPage />);
    await user.click(await screen.findByRole('tab', { name: 'Security' }));
    const panel = screen.getByRole('tabpanel', { name: 'Security' });
    expect(within(panel).getByLabelText('Lock the log vault after this many idle minutes')).toBeTruthy();
    expect(within(panel).getByRole('region', { name: 'Protecting your logs' })).toBeTruthy();
  });

  it('turns start at login on only when asked, and off again', async () => {
    const user = userEvent.setup();
    render(<SettingsPage />);
    await user.click(await screen.findByRole('tab', { name: 'Start at login' }));
    const box = await screen.findByLabelText('Start ReadyRoom when I log in');
    expect((box as HTMLInputElement).checked).toBe(false);
    expect(bridge.calls.some((c) => c.channel === 'login-item:set')).toBe(false);
    await user.click(box);
    expect(await screen.findByText('ReadyRoom will start in the tray when you log in.')).toBeTruthy();
    expect(login.enabled).toBe(true);
    await user.click(box);
    expect(await screen.findByText('ReadyRoom will no longer start when you log in.')).toBeTruthy();
    expect(login.enabled).toBe(false);
  });

  it('says why start at login is not offered where it cannot be set', async () => {
    login = { supported: false, enabled: false, reason: 'Starting at login can be set only in the ReadyRoom app.' };
    const user = userEvent.setup();
    render(<SettingsPage />);
    await user.click(await screen.findByRole('tab', { name: 'Start at login' }));
    expect(await screen.findByText('Starting at login can be set only in the ReadyRoom app.')).toBeTruthy();
    expect(screen.queryByLabelText('Start ReadyRoom when I log in')).toBeNull();
  });

  it('has no accessibility violations in any section', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    const { container } = render(<SettingsPage />);
    for (const tab of await screen.findAllByRole('tab')) {
      await user.click(tab);
      container.querySelector('details')?.setAttribute('open', '');
      const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
      expect({ section: tab.textContent, violations: result.violations.map((v) => v.id) }).toEqual({
        section: tab.textContent,
        violations: [],
      });
    }
  });
});
