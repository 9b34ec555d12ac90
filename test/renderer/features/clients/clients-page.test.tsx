import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { ClientsPage } from '../../../../renderer/features/clients/clients-page';
import { applyProfileSave } from '../../../../shared/clients/client-profile';
import { sampleProfileInput } from '../../../fixtures/clients/sample-profiles';
import { installFakeVault } from '../vault/fake-vault';
import { installFakeClients } from './fake-clients';

function setup(withExisting = true) {
  const { bridge } = installFakeVault({ state: 'unlocked' });
  const existing = withExisting
    ? [applyProfileSave(null, sampleProfileInput({ codeWord: 'PELICAN-ZX' }), '2026-02-01T10:00:00.000Z').profile]
    : [];
  const profiles = installFakeClients(bridge, existing);
  return { bridge, profiles };
}

describe('ClientsPage', { timeout: 20_000 }, () => {
  it('lists each client with their usual country and zone, never the code word', async () => {
    setup();
    render(<ClientsPage />);
    const item = await screen.findByRole('listitem', { name: 'AB-017' });
    expect(item.textContent).toContain('United Kingdom');
    expect(item.textContent).toContain('Europe/London');
    expect(document.body.textContent).not.toContain('PELICAN');
  });

  it('adds a client, country and zone chosen from lists', async () => {
    const { profiles } = setup(false);
    const user = userEvent.setup();
    render(<ClientsPage />);
    await screen.findByText('No client is set up yet.');
    await user.click(screen.getByRole('button', { name: 'Set up a client' }));
    await user.type(screen.getByLabelText('Client code'), 'CD-204');
    await user.selectOptions(screen.getByLabelText('Country'), 'ES');
    await user.selectOptions(screen.getByLabelText('Time zone'), 'Europe/Madrid');
    await user.type(screen.getByLabelText('Back-up phone number'), '+34 600 000 000');
    await user.click(screen.getByLabelText('No, do not message them'));
    await user.click(screen.getByRole('button', { name: 'Save set-up' }));
    expect(await screen.findByText('Saved the set-up for CD-204.')).toBeTruthy();
    expect(profiles[0]).toMatchObject({
      clientCode: 'CD-204',
      usualCountry: 'ES',
      timeZone: 'Europe/Madrid',
      backupPhone: '+34 600 000 000',
      safeToMessage: 'no',
    });
  });

  it('ties each error to its field and moves the focus to the first one; nothing is sent', async () => {
    const { bridge } = setup(false);
    const user = userEvent.setup();
    render(<ClientsPage />);
    await user.click(await screen.findByRole('button', { name: 'Set up a client' }));
    const phone = screen.getByLabelText('Back-up phone number');
    await user.type(phone, 'ring me');
    await user.click(screen.getByRole('button', { name: 'Save set-up' }));
    const code = screen.getByLabelText('Client code');
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    const described = (phone.getAttribute('aria-describedby') ?? '').split(' ');
    const messages = described.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    expect(messages).toMatch(/should be a phone number/);
    await screen.findByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(code));
    expect(bridge.calls.some((c) => c.channel === 'clients:save')).toBe(false);
  });

  it('editing shows the code word hidden until asked, and saves a change', async () => {
    const { profiles } = setup();
    const user = userEvent.setup();
    render(<ClientsPage />);
    await user.click(await screen.findByRole('button', { name: 'Change the set-up for AB-017' }));
    const word = screen.getByLabelText('Safety code word (optional)');
    expect(word.getAttribute('type')).toBe('password');
    const show = screen.getByRole('button', { name: 'Show code word' });
    await user.click(show);
    expect(word.getAttribute('type')).toBe('text');
    expect(show.getAttribute('aria-pressed')).toBe('true');
    const region = screen.getByLabelText('Region or town');
    await user.clear(region);
    await user.type(region, 'York');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved the set-up for AB-017.')).toBeTruthy();
    expect(profiles[0]?.usualRegion).toBe('York');
    expect(profiles[0]?.codeWord).toBe('PELICAN-ZX');
    expect(profiles[0]?.history.at(-1)?.fields).toEqual(['usualRegion']);
    // The history shown names the fields changed, never their values.
    await user.click(await screen.findByRole('button', { name: 'Change the set-up for AB-017' }));
    await user.click(screen.getByText(/Changes to this set-up/));
    const history = screen.getByRole('list', { name: 'Changes to this set-up' });
    expect(history.textContent).toMatch(/changed \(usual region\)/);
    expect(history.textContent).toMatch(/set up \(/);
    expect(history.textContent).not.toContain('PELICAN');
  });

  it('deletes only after confirmation, with the focus on "Keep it" first', async () => {
    const { profiles } = setup();
    const user = userEvent.setup();
    render(<ClientsPage />);
    await user.click(await screen.findByRole('button', { name: 'Delete the set-up for AB-017' }));
    const question = screen.getByRole('group', { name: 'Delete the set-up for AB-017?' });
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Keep it' }));
    await user.keyboard('{Enter}');
    expect(profiles).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Delete the set-up for AB-017' }));
    await user.click(screen.getByRole('button', { name: 'Yes, delete it' }));
    expect(await screen.findByText('Deleted the set-up for AB-017.')).toBeTruthy();
    expect(profiles).toHaveLength(0);
  });
});

describe('ClientsPage focus', { timeout: 20_000 }, () => {
  it('the form takes the focus when it opens, and gives it back to "Set up a client" on cancel and on save', async () => {
    setup(false);
    const user = userEvent.setup();
    render(<ClientsPage />);
    await user.click(await screen.findByRole('button', { name: 'Set up a client' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Set up a new client' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Set up a client' }));

    await user.keyboard('{Enter}');
    await user.type(screen.getByLabelText('Client code'), 'CD-204');
    await user.click(screen.getByRole('button', { name: 'Save set-up' }));
    expect(await screen.findByText('Saved the set-up for CD-204.')).toBeTruthy();
    await screen.findByRole('listitem', { name: 'CD-204' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Set up a client' }));
  });

  it('after changing a set-up, on cancel and on save, the focus is back on its own "Change" button', async () => {
    setup();
    const user = userEvent.setup();
    render(<ClientsPage />);
    await user.click(await screen.findByRole('button', { name: 'Change the set-up for AB-017' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Set-up for AB-017' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Change the set-up for AB-017' }));

    await user.keyboard('{Enter}');
    const region = await screen.findByLabelText('Region or town');
    await user.clear(region);
    await user.type(region, 'York');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved the set-up for AB-017.')).toBeTruthy();
    // The list is read again after the save; the focus lands once it is drawn.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Change the set-up for AB-017' })),
    );
  });

  it('"Keep it" gives the focus back to "Delete"; once the set-up is deleted it goes to the page heading', async () => {
    setup();
    const user = userEvent.setup();
    render(<ClientsPage />);
    await user.click(await screen.findByRole('button', { name: 'Delete the set-up for AB-017' }));
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete the set-up for AB-017' }));

    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('button', { name: 'Yes, delete it' }));
    expect(await screen.findByText('Deleted the set-up for AB-017.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Client set-ups' }));
  });
});
