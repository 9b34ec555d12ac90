import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeEach, describe, expect, it } from 'vitest';

import { AppError } from '../../../../shared/errors';
import { defaultSettings, type Settings } from '../../../../shared/settings/settings';
import { SettingsPage } from '../../../../renderer/features/settings/settings-page';
import { createFakeBridge, installFakeBridge, type FakeBridge } from '../../../fakes/fake-bridge';

/** Shows a section by its tab, as a person would. */
async function openSection(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(await screen.findByRole('tab', { name }));
}

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
    await openSection(user, 'Data');
    await user.selectOptions(await screen.findByLabelText('Keep readiness logs for'), '3');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(stored.retentionYears).toBe(3);
  });

  it('saves the practice name printed on reports, trimmed, and refuses one with a hidden character', async () => {
    const user = userEvent.setup();
    render(<SettingsPage />);
    await openSection(user, 'Data');
    const field = await screen.findByLabelText('Practice name');
    await user.type(field, '  Northside Counselling ');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(stored.practiceName).toBe('Northside Counselling');
    await user.clear(field);
    await user.type(field, 'North\u200Bside');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect((await screen.findByText(/one line of visible text/)).textContent).toMatch(/Nothing was saved/);
    expect(stored.practiceName).toBe('Northside Counselling');
    expect(field.getAttribute('aria-invalid')).toBe('true');
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
    await openSection(user, 'Checks');
    await user.click(await screen.findByLabelText('Measure my connection speed during checks'));
    await user.type(screen.getByLabelText('Download test address (https)'), 'http://example.org/file');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText(/must start with https:\/\//)).toBeTruthy();
    expect(stored.throughput.enabled).toBe(false);
  });

  it.each([
    ['this computer', 'other', 'Platform web address', 'localhost:9222', /on this computer or a private network/],
    [
      'the cloud metadata address',
      'other',
      'Platform web address',
      '169.254.169.254',
      /on this computer or a private network/,
    ],
    ['an SSH port', 'other', 'Platform web address', 'meet.example.org:22', /^Port 22 /],
    ['this computer, for Jane', 'jane', 'Your Jane address', 'localhost', /on this computer or a private network/],
  ])(
    'refuses %s as the platform address, saying why, without saving',
    async (_label, platform, label, address, reason) => {
      const user = userEvent.setup();
      render(<SettingsPage />);
      await user.selectOptions(await screen.findByLabelText('Usual video platform'), platform);
      await user.type(screen.getByLabelText(label), address);
      await user.click(screen.getByRole('button', { name: 'Save settings' }));
      expect(await screen.findByText(reason)).toBeTruthy();
      expect(bridge.calls.some((c) => c.channel === 'settings:update')).toBe(false);
    },
  );

  it('refuses a speed-test address on a private network', async () => {
    const user = userEvent.setup();
    render(<SettingsPage />);
    await openSection(user, 'Checks');
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
    await openSection(user, 'Data');
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
    await openSection(user, 'Checks');
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
    await openSection(user, 'Checks');
    await user.type(await screen.findByLabelText(/Always suggest closing/), 'Dropbox{enter}Steam');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved.');
    expect(stored.programs.alwaysSuggest).toEqual(['Dropbox', 'Steam']);
  });

  it('shows each threshold with its default and source, refuses nonsense in words and sends nothing', async () => {
    const user = userEvent.setup();
    render(<SettingsPage />);
    await openSection(user, 'Checks');
    const battery = await screen.findByLabelText('Battery: a problem when running on battery below (%)');
    expect(document.getElementById(battery.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(
      /^Default 30 %\. Source: ReadyRoom's choice; NHS video-consultation advice/,
    );
    await user.clear(battery);
    await user.type(battery, '150');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(
      await screen.findByText(
        'Battery: a problem when running on battery below must be a whole number from 5 % to 95 %. Nothing was saved.',
      ),
    ).toBeTruthy();
    expect(battery.getAttribute('aria-invalid')).toBe('true');
    expect(bridge.calls.some((c) => c.channel === 'settings:update')).toBe(false);
  });

  it('saves a threshold, and puts back the defaults on request', async () => {
    const user = userEvent.setup();
    render(<SettingsPage />);
    await openSection(user, 'Checks');
    const warn = await screen.findByLabelText('Wi-Fi signal: needs attention below (dBm)');
    await user.clear(warn);
    await user.type(warn, '-65');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved.');
    expect(stored.thresholds.wifi).toEqual({ warnBelowDbm: -65, failBelowDbm: -70 });
    await user.click(screen.getByRole('button', { name: 'Put back the defaults' }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved.');
    expect(stored.thresholds).toEqual(defaultSettings.thresholds);
  });

  it('lists what is kept "not applicable" for this computer, and takes one back at once', async () => {
    stored = {
      ...defaultSettings,
      notApplicable: [
        { id: 'security.antivirus', reason: 'managed-by-clinic', note: 'Sophos', since: '2026-01-05T09:00:00.000Z' },
      ],
    };
    const user = userEvent.setup();
    render(<SettingsPage />);
    await openSection(user, 'Checks');
    expect((await screen.findByText('Antivirus is on and up to date')).closest('li')?.textContent).toMatch(
      /Managed by my clinic's IT\. Sophos \(since 5 Jan 2026\)/,
    );
    await user.click(screen.getByRole('button', { name: 'Take back: Antivirus is on and up to date' }));
    expect(await screen.findByText('"Antivirus is on and up to date" applies again from the next check.')).toBeTruthy();
    expect(stored.notApplicable).toEqual([]);
    // Saving the rest of the form never brings it back.
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Settings saved.');
    expect(stored.notApplicable).toEqual([]);
  });

  it('has no accessibility violations with the advanced limits and the kept list shown', async () => {
    stored = {
      ...defaultSettings,
      notApplicable: [
        { id: 'security.antivirus', reason: 'other', note: 'Linux, no ClamAV', since: '2026-01-05T09:00:00.000Z' },
      ],
    };
    const user = userEvent.setup();
    const { container } = render(<SettingsPage />);
    await openSection(user, 'Checks');
    await screen.findByText('Antivirus is on and up to date');
    container.querySelector('details')?.setAttribute('open', '');
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
