import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { AppError } from '../../../../shared/errors';
import { defaultSettings } from '../../../../shared/settings/settings';
import { SettingsPage } from '../../../../renderer/features/settings/settings-page';
import { installFakeVault, storedLog, type FakeVaultState } from '../vault/fake-vault';

/** Settings, Data section, with the logs unlocked (moved here from Past logs with the panels). */
async function setup(initial: Partial<FakeVaultState> = {}) {
  const fake = installFakeVault({
    state: 'unlocked',
    logs: [
      storedLog(1, { clientCode: 'AB-017' }),
      storedLog(2, { clientCode: 'CD-002' }),
      storedLog(3, { clientCode: 'AB-017' }),
    ],
    ...initial,
  });
  fake.bridge.handle('settings:get', () => defaultSettings);
  const user = userEvent.setup();
  render(<SettingsPage />);
  await user.click(await screen.findByRole('tab', { name: 'Data' }));
  return { ...fake, user };
}

describe('Settings, Data', () => {
  it('erases a client after the count is typed, and recounts when it changed meanwhile', async () => {
    const { user, vault } = await setup();
    const section = await screen.findByRole('region', { name: "Erase a client's logs" });
    await user.type(within(section).getByLabelText('Client code'), 'ab-017');
    await user.click(within(section).getByRole('button', { name: 'Find their logs' }));
    const confirm = await within(section).findByLabelText(/Type 2 to confirm/);
    expect(document.activeElement).toBe(confirm);
    await user.type(confirm, '3');
    await user.click(within(section).getByRole('button', { name: 'Erase 2 logs' }));
    expect((await within(section).findByRole('alert')).textContent).toMatch(/Type 2 to confirm/);
    expect(vault.logs).toHaveLength(3);

    // Another log for the client arrives before the user confirms.
    vault.logs.push(storedLog(9, { clientCode: 'AB-017' }));
    await user.clear(confirm);
    await user.type(confirm, '2');
    await user.click(within(section).getByRole('button', { name: 'Erase 2 logs' }));
    expect(await within(section).findByLabelText(/Type 3 to confirm/)).toBeTruthy();
    expect(vault.logs).toHaveLength(4);

    await user.type(within(section).getByLabelText(/Type 3 to confirm/), '3');
    await user.click(within(section).getByRole('button', { name: 'Erase 3 logs' }));
    expect(await within(section).findByText('Erased 3 logs.')).toBeTruthy();
    expect(vault.logs.map((l) => l.clientCode)).toEqual(['CD-002']);
  });

  it('says when no logs have that client code', async () => {
    const { user } = await setup();
    const section = await screen.findByRole('region', { name: "Erase a client's logs" });
    await user.type(within(section).getByLabelText('Client code'), 'ZZ-1');
    await user.click(within(section).getByRole('button', { name: 'Find their logs' }));
    expect(await within(section).findByText('No logs have the client code ZZ-1.')).toBeTruthy();
  });

  it('backs up and reports the count; a cancelled dialog makes no backup', async () => {
    const { user, vault } = await setup({ backupAnswer: { saved: true, count: 3, unreadablePeriods: [] } });
    await user.click(await screen.findByRole('button', { name: 'Back up my logs…' }));
    expect(await screen.findByText(/Saved an encrypted backup of 3 logs/)).toBeTruthy();
    vault.backupAnswer = { saved: false, count: 0, unreadablePeriods: [] };
    await user.click(screen.getByRole('button', { name: 'Back up my logs…' }));
    expect(await screen.findByText('No backup was made.')).toBeTruthy();
    vault.backupAnswer = new AppError('DISK_FULL', 'Your disk is full, so ReadyRoom could not save this.');
    await user.click(screen.getByRole('button', { name: 'Back up my logs…' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/disk is full/);
  });

  it('restores a backup made with other keys after asking for them', async () => {
    const { user, bridge } = await setup({
      restoreAnswers: [
        { status: 'needs-secret', token: 'a'.repeat(32) },
        new AppError('WRONG_PASSPHRASE', 'That passphrase does not open this backup.'),
        {
          status: 'restored',
          added: 4,
          updated: 1,
          unchanged: 2,
          skippedDeleted: 1,
          skippedOld: 0,
          invalid: 0,
          unreadablePeriods: [],
          documents: {
            incidents: { added: 2, skipped: 0, invalid: 0 },
            'client-profiles': { added: 1, skipped: 3, invalid: 0 },
            'practice-review': { added: 0, skipped: 4, invalid: 1 },
          },
        },
      ],
    });
    await user.click(await screen.findByRole('button', { name: 'Restore from a backup…' }));
    expect(await screen.findByRole('heading', { name: 'This backup was made with other keys' })).toBeTruthy();
    await user.type(screen.getByLabelText("The backup's passphrase"), 'old one');
    await user.click(screen.getByRole('button', { name: 'Restore' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/does not open this backup/);
    await user.click(screen.getByLabelText('Recovery key'));
    await user.type(screen.getByLabelText("The backup's recovery key"), 'ABCD EFGH');
    await user.click(screen.getByRole('button', { name: 'Restore' }));
    expect(
      await screen.findByText(
        /Restored 4 logs; added later notes to 1; 2 were already here; 1 you had deleted or erased stayed deleted; brought back 2 incidents and 1 client set-up; 1 entry of the incident log, client set-ups or practice review could not be read by this version of ReadyRoom\. Nothing here was removed\./,
      ),
    ).toBeTruthy();
    const last = bridge.calls.filter((c) => c.channel === 'logs:restore').at(-1)?.request;
    expect(last).toEqual({ token: 'a'.repeat(32), secret: { method: 'recovery-key', recoveryKey: 'ABCD EFGH' } });
  });

  it('asks to unlock before backup, restore or erasure while the logs are locked', async () => {
    await setup({ state: 'locked' });
    const panel = screen.getByRole('tabpanel', { name: 'Data' });
    expect(await within(panel).findByText(/back up, restore or erase logs/)).toBeTruthy();
    expect(within(panel).queryByRole('button', { name: 'Back up my logs…' })).toBeNull();
    await waitFor(() => expect(within(panel).getByLabelText('Keep readiness logs for')).toBeTruthy());
  });
});
