import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { EraseClient } from '../../../../renderer/features/logs/erase-client';
import { installFakeVault, storedLog, type FakeVaultState } from '../vault/fake-vault';

function setup(initial: Partial<FakeVaultState> = {}) {
  const fake = installFakeVault({
    state: 'unlocked',
    logs: [storedLog(1, { clientCode: 'AB-017' }), storedLog(2, { clientCode: 'CD-002' })],
    ...initial,
  });
  const user = userEvent.setup();
  render(<EraseClient />);
  const section = screen.getByRole('region', { name: "Erase a client's logs" });
  return { ...fake, user, section };
}

describe('EraseClient', () => {
  it('says which months it could not erase from when a month cannot be read', async () => {
    const { user, section, vault } = setup({ unreadablePeriods: ['2026-02'] });
    await user.type(within(section).getByLabelText('Client code'), 'AB-017');
    await user.click(within(section).getByRole('button', { name: 'Find their logs' }));
    expect(
      await within(section).findByText(/February 2026 could not be read, so ReadyRoom cannot erase this client's logs/),
    ).toBeTruthy();
    await user.type(within(section).getByLabelText(/Type 1 to confirm/), '1');
    await user.click(within(section).getByRole('button', { name: 'Erase 1 log' }));
    const done = await within(section).findByRole('status');
    expect(done.textContent).toMatch(/Erased 1 log\./);
    expect(done.textContent).toMatch(
      /February 2026 could not be read, so any logs of this client code in them were not erased/,
    );
    expect(done.textContent).toMatch(/restoring a backup will not bring this client's earlier logs back/);
    expect(vault.logs.map((l) => l.clientCode)).toEqual(['CD-002']);
  });

  it('offers to record an erasure when no readable log has the code but a month cannot be read', async () => {
    const { user, section, bridge } = setup({ unreadablePeriods: ['2026-02'] });
    await user.type(within(section).getByLabelText('Client code'), 'ZZ-1');
    await user.click(within(section).getByRole('button', { name: 'Find their logs' }));
    expect(await within(section).findByText('No logs you can read have the client code ZZ-1.')).toBeTruthy();
    await user.type(within(section).getByLabelText('Type 0 to confirm you want to record the erasure'), '0');
    await user.click(within(section).getByRole('button', { name: 'Record the erasure' }));
    expect((await within(section).findByRole('status')).textContent).toMatch(/Erased 0 logs\./);
    expect(bridge.calls.filter((c) => c.channel === 'logs:erase-client').map((c) => c.request)).toEqual([
      { client: 'ZZ-1', expectedCount: 0 },
    ]);
  });

  it('refuses a typed code with a hidden character, plainly, without asking main', async () => {
    const { user, section, bridge } = setup();
    const input = within(section).getByLabelText('Client code');
    await user.click(input);
    await user.paste('AB\u200b-017');
    await user.click(within(section).getByRole('button', { name: 'Find their logs' }));
    expect(await within(section).findByText(/contains a hidden or control character/)).toBeTruthy();
    expect(bridge.calls.some((c) => c.channel === 'logs:list' || c.channel === 'logs:erase-client')).toBe(false);
  });

  it('looks a code up in the form it is stored in (NFC)', async () => {
    const { user, section, bridge } = setup({ logs: [storedLog(1, { clientCode: 'Zo\u00eb-1' })] });
    await user.click(within(section).getByLabelText('Client code'));
    await user.paste('Zoe\u0308-1');
    await user.click(within(section).getByRole('button', { name: 'Find their logs' }));
    expect(await within(section).findByText('1 log has the client code Zo\u00eb-1.')).toBeTruthy();
    expect(bridge.calls.find((c) => c.channel === 'logs:list')?.request).toEqual({ client: 'Zo\u00eb-1' });
  });

  it('says plainly when no log has the code and every month can be read', async () => {
    const { user, section, bridge } = setup();
    await user.type(within(section).getByLabelText('Client code'), 'ZZ-1');
    await user.click(within(section).getByRole('button', { name: 'Find their logs' }));
    expect(await within(section).findByText('No logs have the client code ZZ-1.')).toBeTruthy();
    expect(bridge.calls.some((c) => c.channel === 'logs:erase-client')).toBe(false);
  });

  it('names the incidents whose own words still hold the erased code', async () => {
    const { user, section, bridge } = setup();
    bridge.handle('logs:erase-client', () => ({
      erased: 1,
      incompletePeriods: [],
      incidentsNamingClient: ['inc-0000000a'],
    }));
    await user.type(within(section).getByLabelText('Client code'), 'AB-017');
    await user.click(within(section).getByRole('button', { name: 'Find their logs' }));
    await user.type(await within(section).findByLabelText(/Type 1 to confirm/), '1');
    await user.click(within(section).getByRole('button', { name: 'Erase 1 log' }));
    const done = await within(section).findByRole('status');
    expect(done.textContent).toMatch(
      /the words you wrote in this incident still name it: inc-0000000a\. Change those words in the incident log\./,
    );
  });

  it('says how many other logs’ notes may still name the erased code, and what can be done', async () => {
    const { user, section, bridge } = setup();
    bridge.handle('logs:erase-client', () => ({
      erased: 1,
      incompletePeriods: [],
      logsNamingClient: ['202603-a', '202603-b'],
    }));
    await user.type(within(section).getByLabelText('Client code'), 'AB-017');
    await user.click(within(section).getByRole('button', { name: 'Find their logs' }));
    await user.type(await within(section).findByLabelText(/Type 1 to confirm/), '1');
    await user.click(within(section).getByRole('button', { name: 'Erase 1 log' }));
    const done = await within(section).findByRole('status');
    expect(done.textContent).toMatch(/The notes of 2 other logs may still name this code/);
    expect(done.textContent).toMatch(/delete those logs if the code must not stay/);
  });

  it('says so when the other logs’ notes could not be searched, rather than nothing', async () => {
    const { user, section, bridge } = setup();
    bridge.handle('logs:erase-client', () => ({ erased: 1, incompletePeriods: [], notesNotSearched: true }));
    await user.type(within(section).getByLabelText('Client code'), 'AB-017');
    await user.click(within(section).getByRole('button', { name: 'Find their logs' }));
    await user.type(await within(section).findByLabelText(/Type 1 to confirm/), '1');
    await user.click(within(section).getByRole('button', { name: 'Erase 1 log' }));
    const done = await within(section).findByRole('status');
    expect(done.textContent).toMatch(/could not search your other logs' notes for this code just now/);
    expect(done.textContent).not.toMatch(/may still name this code/);
  });

  it('says when the client set-up could not be removed with the logs', async () => {
    const { user, section, bridge } = setup();
    bridge.handle('logs:erase-client', () => ({ erased: 1, incompletePeriods: [], profileNotCleared: true }));
    await user.type(within(section).getByLabelText('Client code'), 'AB-017');
    await user.click(within(section).getByRole('button', { name: 'Find their logs' }));
    await user.type(await within(section).findByLabelText(/Type 1 to confirm/), '1');
    await user.click(within(section).getByRole('button', { name: 'Erase 1 log' }));
    const done = await within(section).findByRole('status');
    expect(done.textContent).toMatch(/set-up \(back-up phone, emergency contact, code word\) is still kept/);
  });
});
