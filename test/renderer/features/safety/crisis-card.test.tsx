import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { CrisisCardPage } from '../../../../renderer/features/safety/crisis-card-page';
import { CrisisCard } from '../../../../renderer/features/safety/crisis-card';
import { useRouteStore } from '../../../../renderer/stores/route-store';
import { useSessionSafetyStore } from '../../../../renderer/stores/session-safety-store';
import { useWizardStore } from '../../../../renderer/stores/wizard-store';
import { noCrisisLineText } from '../../../../shared/safety/emergency-numbers';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('CrisisCard', () => {
  it('shows the session’s client, back-up phone, location today, the country’s numbers and the plan', () => {
    useSessionSafetyStore.getState().update({
      clientCode: 'AB-017',
      country: 'GB',
      locationToday: 'at home, Leeds',
      backupPhone: '07700 900123',
      emergencyContact: 'GP surgery, 0113 496 0000',
    });
    render(<CrisisCard />);
    expect(screen.getByRole('heading', { name: 'Crisis card: United Kingdom' })).toBeTruthy();
    expect(screen.getByText('AB-017')).toBeTruthy();
    expect(screen.getByText('07700 900123')).toBeTruthy();
    expect(screen.getByText('at home, Leeds')).toBeTruthy();
    expect(screen.getByText('GP surgery, 0113 496 0000')).toBeTruthy();
    expect(screen.getByText('999 or 112')).toBeTruthy();
    expect(screen.getByText('116 123')).toBeTruthy();
    expect(screen.getByText(/Source: Samaritans \(https:\/\/www\.samaritans\.org\/\)/)).toBeTruthy();
    const plan = screen.getByRole('region', { name: 'If the video drops' });
    expect(within(plan).getByText(/not proof of a bad connection/)).toBeTruthy();
    expect(within(plan).getByRole('heading', { name: 'Phone the back-up number' })).toBeTruthy();
    expect(within(plan).getByText(/ACTO guidance, 2020/)).toBeTruthy();
    // A country is known, so no picker until asked for.
    expect(screen.queryByLabelText('Where is your client today?')).toBeNull();
  });

  it('says plainly when no crisis line is confirmed for the country', () => {
    useSessionSafetyStore.getState().update({ country: 'BG' });
    render(<CrisisCard />);
    expect(screen.getByText(noCrisisLineText)).toBeTruthy();
    expect(screen.getByText('112')).toBeTruthy();
  });

  it('says what is missing instead of leaving blanks', () => {
    render(<CrisisCard />);
    expect(screen.getByText('No client chosen for this session')).toBeTruthy();
    expect(screen.getByText(/Not given: agree a number with your client/)).toBeTruthy();
    expect(screen.getByText(/Not recorded: add one to the client’s set-up under Clients/)).toBeTruthy();
    expect(screen.getByText(/Not given: confirm where your client is/)).toBeTruthy();
    expect(screen.getByText(/Choose your client’s country today/)).toBeTruthy();
  });

  it('offers a country picker when the session holds no country, and shows that country’s numbers once chosen', async () => {
    const user = userEvent.setup();
    render(<CrisisCard />);
    await user.selectOptions(screen.getByLabelText('Where is your client today?'), 'IE');
    expect(useSessionSafetyStore.getState().country).toBe('IE');
    expect(screen.getByRole('heading', { name: 'Crisis card: Ireland' })).toBeTruthy();
    expect(screen.getByText('112 or 999')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Choose another country' }));
    await user.selectOptions(screen.getByLabelText('Where is your client today?'), 'AQ');
    expect(screen.getByText(/ReadyRoom has no emergency numbers for Antarctica/)).toBeTruthy();
  });
});

describe('CrisisCard and the check being prepared', () => {
  it('records a country chosen on the card as the client’s country in the check for the same client', async () => {
    useWizardStore.getState().updateSession({ clientCode: 'AB-017', clientCountry: 'GB' });
    useSessionSafetyStore.getState().update({ clientCode: 'AB-017', country: 'GB' });
    const user = userEvent.setup();
    render(<CrisisCard />);
    await user.click(screen.getByRole('button', { name: 'Choose another country' }));
    await user.selectOptions(screen.getByLabelText('Where is your client today?'), 'ES');
    expect(useWizardStore.getState().session.clientCountry).toBe('ES');
  });

  it('shows the check’s country for its client however the code was typed, and a new choice changes the check’s', async () => {
    // The session step keeps the code as typed ("ab-017 "); the card's is the code as stored.
    useWizardStore.getState().updateSession({ clientCode: 'ab-017 ', clientCountry: 'GB' });
    useSessionSafetyStore.getState().update({ clientCode: 'AB-017', country: 'FR' });
    const user = userEvent.setup();
    render(<CrisisCard />);
    expect(screen.getByRole('heading', { name: 'Crisis card: United Kingdom' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Choose another country' }));
    await user.selectOptions(screen.getByLabelText('Where is your client today?'), 'ES');
    expect(useWizardStore.getState().session.clientCountry).toBe('ES');
    expect(screen.getByRole('heading', { name: 'Crisis card: Spain' })).toBeTruthy();
  });

  it('leaves the check alone when the card is about another client, or no check is being prepared', async () => {
    useWizardStore.getState().updateSession({ clientCode: 'CD-204' });
    useSessionSafetyStore.getState().update({ clientCode: 'AB-017' });
    const user = userEvent.setup();
    const { unmount } = render(<CrisisCard />);
    await user.selectOptions(screen.getByLabelText('Where is your client today?'), 'ES');
    expect(useWizardStore.getState().session.clientCountry).toBeUndefined();
    unmount();
    useWizardStore.getState().updateSession({ clientCode: '' });
    useSessionSafetyStore.getState().clear();
    render(<CrisisCard />);
    await user.selectOptions(screen.getByLabelText('Where is your client today?'), 'IE');
    expect(useWizardStore.getState().session.clientCountry).toBeUndefined();
  });
});

describe('CrisisCardPage', () => {
  it('prints the card alone', async () => {
    const user = userEvent.setup();
    let classDuringPrint = '';
    vi.spyOn(window, 'print').mockImplementation(() => {
      classDuringPrint = document.body.className;
    });
    render(<CrisisCardPage />);
    await user.click(screen.getByRole('button', { name: 'Print the crisis card' }));
    expect(classDuringPrint).toContain('rr-printing-crisis');
    expect(document.body.className).not.toContain('rr-printing-crisis');
  });

  it('goes back to the check', async () => {
    const user = userEvent.setup();
    render(<CrisisCardPage />);
    await user.click(screen.getByRole('button', { name: 'Back to the check' }));
    expect(useRouteStore.getState().route).toBe('wizard');
  });
});
