import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';

import { buildSaveRequest } from '../../../../renderer/features/wizard/log-builder';
import { SessionForm } from '../../../../renderer/features/wizard/session-form';
import { useSessionSafetyStore } from '../../../../renderer/stores/session-safety-store';
import { useSettingsStore } from '../../../../renderer/stores/settings-store';
import { useVaultSessionStore } from '../../../../renderer/stores/vault-session-store';
import { toLocalInput } from '../../../../renderer/lib/local-time';
import { useWizardStore } from '../../../../renderer/stores/wizard-store';
import { applyProfileSave } from '../../../../shared/clients/client-profile';
import { AppError } from '../../../../shared/errors';
import type { VaultStatus } from '../../../../shared/ipc/vault.contract';
import { defaultSettings } from '../../../../shared/settings/settings';
import { createFakeBridge, installFakeBridge, type FakeBridge } from '../../../fakes/fake-bridge';
import { sampleProfileInput } from '../../../fixtures/clients/sample-profiles';
import { installFakeClients } from './fake-clients';

let bridge: FakeBridge;

function start(utc: string, covered: string[] = ['GB']) {
  useWizardStore.getState().initialise({
    clientCode: '',
    sessionAt: toLocalInput(new Date(utc)),
    platform: 'zoom',
    platformHost: '',
    modality: 'video',
  });
  useSettingsStore.setState({ settings: { ...defaultSettings, coveredCountries: covered }, loaded: true });
}

beforeEach(() => {
  bridge = createFakeBridge();
  installFakeBridge(bridge);
  installFakeClients(bridge, [
    applyProfileSave(null, sampleProfileInput({ codeWord: 'PELICAN-ZX' }), '2026-02-01T10:00:00.000Z').profile,
  ]);
});

describe('the client in the session step', { timeout: 20_000 }, () => {
  it('hides a revealed code word, and forgets it, when the logs lock', async () => {
    start('2026-06-10T13:00:00Z');
    const user = userEvent.setup();
    render(<SessionForm showErrors={false} />);
    await user.type(screen.getByLabelText('Client code'), 'ab-017');
    const panel = await screen.findByRole('region', { name: 'About ab-017' });
    await user.click(await within(panel).findByRole('button', { name: 'Show code word' }));
    expect(await within(panel).findByText('PELICAN-ZX')).toBeTruthy();
    act(() => useVaultSessionStore.setState({ status: { state: 'locked' } as VaultStatus }));
    expect(document.body.textContent).not.toContain('PELICAN');
    expect(within(panel).getByRole('button', { name: 'Show code word' })).toBeTruthy();
    act(() => useVaultSessionStore.setState({ status: { state: 'unlocked' } as VaultStatus }));
    // Unlocked again, it stays hidden until asked for once more.
    expect(document.body.textContent).not.toContain('PELICAN');
  });

  it('shows what the set-up holds, never the code word until asked, and confirms the usual place', async () => {
    start('2026-06-10T13:00:00Z');
    const user = userEvent.setup();
    render(<SessionForm showErrors={false} />);
    await user.type(screen.getByLabelText('Client code'), 'ab-017');
    const panel = await screen.findByRole('region', { name: 'About ab-017' });
    expect(await within(panel).findByText('+44 20 7946 0000')).toBeTruthy();
    expect(within(panel).getByText('Leeds, United Kingdom')).toBeTruthy();
    expect(within(panel).getByText('GP surgery (Dr Example), 0113 496 0000')).toBeTruthy();
    expect(within(panel).getByText('Yes, it is safe to message them')).toBeTruthy();
    expect(document.body.textContent).not.toContain('PELICAN');
    expect(
      bridge.calls.filter((c) => c.channel === 'clients:get').every((c) => !('withCodeWord' in (c.request as object))),
    ).toBe(true);

    await user.click(within(panel).getByRole('button', { name: 'Show code word' }));
    expect(await within(panel).findByText('PELICAN-ZX')).toBeTruthy();
    await user.click(within(panel).getByRole('button', { name: 'Hide code word' }));
    expect(document.body.textContent).not.toContain('PELICAN');

    const question = within(panel).getByRole('group', { name: 'Is ab-017 in the usual place today?' });
    await user.click(within(question).getByLabelText(/^Yes/));
    expect(useSessionSafetyStore.getState()).toMatchObject({
      clientCode: 'ab-017',
      locationToday: 'Leeds, United Kingdom',
      backupPhone: '+44 20 7946 0000',
    });
    // The country today is kept once, in the check (the crisis card reads it from there).
    expect(useWizardStore.getState().session.clientCountry).toBe('GB');
    expect(useSessionSafetyStore.getState().country).toBeNull();
    // 13:00 UTC is 14:00 in London in June: an ordinary hour, in a covered country.
    expect(within(panel).getByText(/14:00 for the client/)).toBeTruthy();
    expect(within(panel).queryByText(/not among the countries/)).toBeNull();
  });

  it('a changed location fills the store and the log, points out an unusual hour and warns (not blocks) when not covered', async () => {
    start('2026-06-10T20:30:00Z');
    const user = userEvent.setup();
    render(<SessionForm showErrors={false} />);
    await user.type(screen.getByLabelText('Client code'), 'AB-017');
    const panel = await screen.findByRole('region', { name: 'About AB-017' });
    await within(panel).findByText('+44 20 7946 0000');
    await user.click(within(panel).getByLabelText('No, somewhere else today'));
    await user.selectOptions(within(panel).getByLabelText('Country today'), 'ES');
    await user.type(within(panel).getByLabelText('Where they are today, in your words'), 'Hotel, Madrid');
    await user.selectOptions(within(panel).getByLabelText('Their time zone today'), 'Europe/Madrid');
    expect(useSessionSafetyStore.getState()).toMatchObject({
      clientCode: 'AB-017',
      locationToday: 'Hotel, Madrid',
      backupPhone: '+44 20 7946 0000',
    });
    expect(useWizardStore.getState().session.clientCountry).toBe('ES');
    // 20:30 UTC is 22:30 in Madrid in summer.
    expect(within(panel).getByText(/22:30 for the client/)).toBeTruthy();
    expect(within(panel).getByText(/late in the evening for your client/)).toBeTruthy();
    expect(within(panel).getByRole('alert').textContent).toMatch(/Spain, which is not among the countries/);

    const request = buildSaveRequest({
      catalog: [],
      session: useWizardStore.getState().session,
      scanId: null,
      results: {},
      confirmations: {},
      judgements: {},
      programsClosed: [],
      note: '',
      now: new Date(),
    });
    expect(request.session.clientCountry).toBe('ES');
    expect(JSON.stringify(request)).not.toMatch(/PELICAN|Madrid|7946/);
  });

  it('before the place question is answered, the crisis card already has the client, back-up phone and emergency contact, not a place', async () => {
    start('2026-06-10T13:00:00Z');
    const user = userEvent.setup();
    render(<SessionForm showErrors={false} />);
    await user.type(screen.getByLabelText('Client code'), 'AB-017');
    const panel = await screen.findByRole('region', { name: 'About AB-017' });
    await within(panel).findByText('+44 20 7946 0000');
    expect(useSessionSafetyStore.getState()).toMatchObject({
      clientCode: 'AB-017',
      backupPhone: '+44 20 7946 0000',
      emergencyContact: 'GP surgery (Dr Example), 0113 496 0000',
      country: null,
      locationToday: '',
    });
    expect(useWizardStore.getState().session.clientCountry).toBeUndefined();
  });

  it('a client without a set-up can still be given a country; another code clears what was said', async () => {
    start('2026-06-10T13:00:00Z', []);
    const user = userEvent.setup();
    render(<SessionForm showErrors={false} />);
    const code = screen.getByLabelText('Client code');
    await user.type(code, 'CD-204');
    const panel = await screen.findByRole('region', { name: 'About CD-204' });
    expect(await within(panel).findByText(/has no set-up yet/)).toBeTruthy();
    await user.selectOptions(within(panel).getByLabelText("CD-204's country for this session"), 'FR');
    expect(useWizardStore.getState().session.clientCountry).toBe('FR');
    expect(within(panel).getByText(/have not listed the countries/)).toBeTruthy();
    await user.clear(code);
    await user.type(code, 'EF-1');
    expect(useWizardStore.getState().session.clientCountry).toBeUndefined();
    expect(useSessionSafetyStore.getState().clientCode).toBeNull();
  });

  it('a country given for one client (from the crisis card alone) is not carried to the next client typed in', async () => {
    start('2026-06-10T13:00:00Z', []);
    const user = userEvent.setup();
    render(<SessionForm showErrors={false} />);
    const code = screen.getByLabelText('Client code');
    await user.type(code, 'CD-204');
    await screen.findByRole('region', { name: 'About CD-204' });
    // As the crisis card does when it was opened without a client of its own.
    act(() => {
      useSessionSafetyStore.getState().clear();
      useWizardStore.getState().updateSession({ clientCountry: 'FR' });
    });
    await user.clear(code);
    await user.type(code, 'GH-404');
    await screen.findByRole('region', { name: 'About GH-404' });
    expect(useWizardStore.getState().session.clientCountry).toBeUndefined();
  });

  it('with the logs locked, says so plainly and still asks for the country', async () => {
    start('2026-06-10T13:00:00Z');
    bridge.handle('clients:get', () => {
      throw new AppError('LOCKED', 'Your logs are locked.');
    });
    const user = userEvent.setup();
    render(<SessionForm showErrors={false} />);
    await user.type(screen.getByLabelText('Client code'), 'AB-017');
    const panel = await screen.findByRole('region', { name: 'About AB-017' });
    expect(await within(panel).findByText(/Your logs are locked, so AB-017's set-up/)).toBeTruthy();
    expect(within(panel).getByLabelText("AB-017's country for this session")).toBeTruthy();
  });
});
