import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';

import { LogsPage } from '../../../../renderer/features/logs/logs-page';
import { installFakeVault, rightPassphrase, storedLog, type FakeVaultState } from '../vault/fake-vault';
import { giveListScrollerAHeight } from './list-layout';

giveListScrollerAHeight();

function logs() {
  return [
    storedLog(1, { clientCode: 'AB-017', note: 'Door shut, headphones on.' }),
    storedLog(2, { clientCode: 'CD-002' }),
    storedLog(3, {
      clientCode: 'AB-017',
      addenda: [{ kind: 'session-ended', endedAt: '2026-03-04T10:30:00.000Z', at: '2026-03-04T10:31:00.000Z' }],
    }),
  ];
}

function setup(initial: Partial<FakeVaultState> = {}) {
  const fake = installFakeVault({ state: 'unlocked', logs: logs(), ...initial });
  const user = userEvent.setup();
  const view = render(<LogsPage />);
  return { ...fake, user, ...view };
}

const list = () => screen.getByRole('listbox', { name: /Readiness logs/ });
const rows = () => within(list()).queryAllByRole('option');

describe('LogsPage', () => {
  it('asks to unlock first, then lists the logs newest first', async () => {
    const { user } = setup({ state: 'locked' });
    expect(await screen.findByText(/Unlock them to see your past logs/)).toBeTruthy();
    await user.type(screen.getByLabelText('Passphrase'), `${rightPassphrase}{Enter}`);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(within(rows()[0] as HTMLElement).getByText('AB-017')).toBeTruthy();
    expect(rows()[0]?.textContent).toMatch(/4 Mar 2026/);
    expect(screen.getByText('3 logs.')).toBeTruthy();
  });

  it('shows a code an older version saved with hidden characters as <U+…>, in the list and the log', async () => {
    const { user } = setup({
      logs: [storedLog(1, { clientCode: 'lee@x.org\u202egro' }), storedLog(2, { clientCode: 'AB\u200b-017' })],
    });
    await waitFor(() => expect(rows()).toHaveLength(2));
    const table = list();
    expect(within(table).getByText('lee@x.org<U+202E>gro')).toBeTruthy();
    expect(within(table).getByText('AB<U+200B>-017')).toBeTruthy();
    expect(table.textContent).not.toMatch(/[\u200b\u202e]/);
    // The filter suggests each code as it looks, which finds it.
    const suggestions = [...document.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'));
    expect(suggestions).toEqual(['AB-017', 'lee@x.orggro']);
    await user.click(within(table).getByRole('option', { name: /, lee@x\.org<U\+202E>gro,/ }));
    expect(await screen.findByRole('heading', { name: /Log for lee@x\.org<U\+202E>gro/ })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/[\u200b\u202e]/);
  });

  it('has no accessibility violations in the list', async () => {
    const { container } = setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });

  it('filters by client code and by date as they are typed, and clears back to every log', async () => {
    const { user } = setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    const client = screen.getByLabelText('Client code', { selector: 'input[list]' });
    await user.type(client, 'ab-017');
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(screen.getByText('2 of 3 logs match.')).toBeTruthy();
    expect(document.activeElement).toBe(client);
    await user.type(screen.getByLabelText('From'), '2026-03-03');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]?.textContent).toMatch(/4 Mar 2026/);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    // The button went with the filters; focus is on the first field, not lost.
    expect(document.activeElement).toBe(client);
  });

  it('shows a log saved on Skype, which has since closed, with its closing date', async () => {
    const { user } = setup({ logs: [storedLog(5, { clientCode: 'OLD-1', platform: 'skype' })] });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(within(rows()[0] as HTMLElement).getByText('Skype (closed May 2025)')).toBeTruthy();
    await user.click(rows()[0] as HTMLElement);
    expect(await screen.findByText(/Skype \(closed May 2025\), video/)).toBeTruthy();
  });

  it('opens one log with its checks, note and later additions, and goes back', async () => {
    const { user } = setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.click(rows()[0] as HTMLElement);
    const heading = await screen.findByRole('heading', { name: /Log for AB-017/ });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText(/Session ended at 4 Mar 2026/)).toBeTruthy();
    expect(screen.getAllByText(/Result \d+ for this check/).length).toBeGreaterThan(5);
    expect(screen.getByText('Dropbox, Spotify')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Back to the list/ }));
    await waitFor(() => expect(rows()).toHaveLength(3));
  });

  it('adds a note without changing the original', async () => {
    const { user, vault } = setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.click(rows()[2] as HTMLElement);
    await screen.findByRole('heading', { name: /Log for AB-017/ });
    await user.type(screen.getByLabelText('Add a note to this log'), 'Client asked to move the next session.');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    expect(await screen.findByText(/Note added/)).toBeTruthy();
    expect(screen.getByText(/: Client asked to move the next session\./)).toBeTruthy();
    expect(vault.logs.find((l) => l.clientCode === 'AB-017' && l.note.startsWith('Door'))?.addenda).toHaveLength(1);
  });

  it('deletes one log only after a second, explicit confirmation', async () => {
    const { user, vault } = setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.click(rows()[1] as HTMLElement);
    await user.click(await screen.findByRole('button', { name: 'Delete this log…' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete the log' }));
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(vault.logs).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Delete this log…' }));
    await user.click(screen.getByRole('button', { name: 'Delete the log' }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(vault.logs.map((l) => l.clientCode)).toEqual(['AB-017', 'AB-017']);
  });

  it('keeps only logs and reports: security, backup and erasure are in Settings', async () => {
    setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.queryByRole('region', { name: 'Protecting your logs' })).toBeNull();
    expect(screen.queryByRole('region', { name: "Erase a client's logs" })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Back up my logs…' })).toBeNull();
  });

  it('says when the logs are open read-only, and why', async () => {
    setup({ readOnly: 'Your disk is full, so your logs are open read-only.' });
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByText('Your disk is full, so your logs are open read-only.')).toBeTruthy();
  });

  it('says a month whose file is gone is missing, not set aside', async () => {
    setup({ missingPeriods: ['2026-01'] });
    expect(await screen.findByText(/Some logs are missing: January 2026/)).toBeTruthy();
    expect(screen.getByText(/something deleted or moved it/)).toBeTruthy();
    expect(screen.queryByText(/set it aside/)).toBeNull();
  });

  it('explains months that could not be read', async () => {
    setup({ unreadablePeriods: ['2026-02'] });
    expect(await screen.findByText(/Some logs could not be read: February 2026/)).toBeTruthy();
    expect(screen.getByText(/restoring it \(in Settings, under Data\) brings the missing logs back/)).toBeTruthy();
  });

  it('refreshes the list when main reports a change', async () => {
    const { bridge, vault } = setup();
    await waitFor(() => expect(rows()).toHaveLength(3));
    vault.logs.push(storedLog(12, { clientCode: 'NEW-1' }));
    act(() => bridge.emit('logs:changed', { reason: 'saved' }));
    await waitFor(() => expect(rows()).toHaveLength(4));
  });

  it('never says "Nothing" needed attention on a log that is not ready', async () => {
    // Every check passed, but the questions were never answered (as `scan --save` used to store it).
    const passing = storedLog(4).checks.map((c) => ({ ...c, status: 'pass' as const }));
    const cliLog = storedLog(4, { clientCode: 'EF-301', checks: passing, confirmations: [], outcome: 'not-ready' });
    setup({ logs: [cliLog] });
    await waitFor(() => expect(rows()).toHaveLength(1));
    const row = rows()[0] as HTMLElement;
    expect(row.textContent).toMatch(/Not ready/);
    expect(row.textContent).not.toMatch(/Nothing/);
    expect(row.textContent).toMatch(/ and \d+ more/);
  });

  it('shows the therapist judgements in the list and the log, apart from what ReadyRoom saw', async () => {
    const base = storedLog(5, { clientCode: 'GH-404' });
    const checks = base.checks.map((c) =>
      c.id === 'security.firewall'
        ? { ...c, status: 'unknown' as const, summary: 'Could not read the firewall.' }
        : c.id === 'security.antivirus'
          ? { ...c, status: 'fail' as const }
          : c,
    );
    const log = storedLog(5, {
      clientCode: 'GH-404',
      checks,
      judgements: [
        { id: 'security.firewall', kind: 'confirmed', note: 'Windows Security shows it on', at: base.createdAt },
        {
          id: 'security.antivirus',
          kind: 'not-applicable',
          reason: 'managed-by-clinic',
          note: 'Practice laptop',
          at: base.createdAt,
          remembered: true,
        },
      ],
    });
    const { user } = setup({ logs: [log] });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]?.textContent).toMatch(/1 checked by you, 1 not applicable/);
    await user.click(screen.getByRole('option', { name: /, GH-404,/ }));
    await screen.findByRole('heading', { name: /Log for GH-404/ });
    const firewall = screen.getByText('Could not read the firewall.').closest('li') as HTMLElement;
    expect(within(firewall).getByText('Could not check')).toBeTruthy();
    expect(within(firewall).getByText('Checked by you')).toBeTruthy();
    expect(firewall.textContent).toMatch(/You checked this yourself .*Note: Windows Security shows it on/);
    const antivirus = firewall.parentElement?.querySelector('[data-judgement="not-applicable"]') as HTMLElement;
    expect(antivirus.textContent).toMatch(
      /Managed by my clinic's IT \(kept for this computer since .*\)\. Note: Practice laptop/,
    );
  });
});
