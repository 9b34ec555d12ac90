import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';

import { scanContext } from '../../../../renderer/features/wizard/session-actions';
import { SessionForm, sessionProblems } from '../../../../renderer/features/wizard/session-form';
import { useWizardStore } from '../../../../renderer/stores/wizard-store';

beforeEach(() => {
  useWizardStore.getState().initialise({
    clientCode: '',
    sessionAt: '2026-03-02T10:00',
    platform: 'zoom',
    platformHost: '',
    modality: 'video',
  });
});

describe('SessionForm', () => {
  it('warns when the client code looks like a name, without blocking', async () => {
    render(<SessionForm showErrors />);
    await userEvent.type(screen.getByLabelText('Client code'), 'Jane Smith');
    expect(screen.getByText(/looks like a person's name/)).toBeTruthy();
    expect(sessionProblems(useWizardStore.getState().session).clientCode).toBeNull();
  });

  it('warns about an e-mail address used as a code', async () => {
    render(<SessionForm showErrors={false} />);
    await userEvent.type(screen.getByLabelText('Client code'), 'jane@example.org');
    expect(screen.getByText(/looks like an e-mail address/)).toBeTruthy();
  });

  it('shows a missing code as an error only once asked to', () => {
    const { rerender } = render(<SessionForm showErrors={false} />);
    expect(screen.queryByText('Enter a client code.')).toBeNull();
    rerender(<SessionForm showErrors />);
    expect(screen.getByText('Enter a client code.')).toBeTruthy();
    expect(screen.getByLabelText('Client code').getAttribute('aria-invalid')).toBe('true');
  });

  it('refuses a client code with a hidden character, even one that looks like an e-mail address', async () => {
    render(<SessionForm showErrors />);
    await userEvent.click(screen.getByLabelText('Client code'));
    await userEvent.paste('jane\u202e@example.org');
    expect(screen.getByText(/contains a hidden or control character/)).toBeTruthy();
    expect(sessionProblems(useWizardStore.getState().session).clientCode).toMatch(/hidden or control character/);
  });

  it("says why another platform's address cannot be used, and sends only the host of a pasted link to the scan", () => {
    const session = (platformHost: string) => ({
      ...useWizardStore.getState().session,
      platform: 'other' as const,
      platformHost,
    });
    expect(sessionProblems(session('localhost:9222')).platformHost).toMatch(/on this computer or a private network/);
    expect(sessionProblems(session('https://meet.example.org/room-17?pwd=1')).platformHost).toBeNull();
    expect(scanContext(session('https://meet.example.org/room-17?pwd=1'))).toEqual({
      platform: 'other',
      target: 'meet.example.org',
    });
    expect(scanContext(session('meet.example.org:8443'))).toEqual({
      platform: 'other',
      target: 'meet.example.org:8443',
    });
  });

  it('asks for the host of another platform', async () => {
    render(<SessionForm showErrors />);
    await userEvent.selectOptions(screen.getByLabelText('Video platform'), 'other');
    expect(screen.getByText(/Enter the web address to time, for example video\.example\.org/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Platform web address'), 'meet.example.org');
    expect(screen.queryByText(/Enter the web address to time/)).toBeNull();
    expect(useWizardStore.getState().session).toMatchObject({ platform: 'other', platformHost: 'meet.example.org' });
  });

  it("asks for the clinic's own Jane address, since Jane calls have no shared server to time", async () => {
    render(<SessionForm showErrors />);
    await userEvent.selectOptions(screen.getByLabelText('Video platform'), 'jane');
    expect(screen.getByText(/for example yourclinic\.janeapp\.com/, { selector: '.rr-field__error' })).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Your Jane address'), 'myclinic.janeapp.com');
    expect(useWizardStore.getState().session).toMatchObject({ platform: 'jane', platformHost: 'myclinic.janeapp.com' });
  });

  it('asks for no address for a platform whose call host ReadyRoom knows', async () => {
    render(<SessionForm showErrors />);
    await userEvent.selectOptions(screen.getByLabelText('Video platform'), 'simplepractice');
    expect(screen.queryByLabelText(/address/)).toBeNull();
  });

  it('offers every current platform and modality, and the time', async () => {
    render(<SessionForm showErrors={false} />);
    const options = [...(screen.getByLabelText('Video platform') as HTMLSelectElement).options].map(
      (o) => o.textContent,
    );
    expect(options).toEqual([
      'Zoom',
      'Zoom for Healthcare',
      'Microsoft Teams',
      'Google Meet',
      'doxy.me',
      'SimplePractice Telehealth',
      'TherapyNotes Telehealth',
      'Jane',
      'Whereby',
      'VSee',
      'NHS Attend Anywhere / Near Me',
      'Coviu',
      'Signal',
      'WhatsApp',
      'Another platform',
    ]);
    // Skype closed in May 2025: old logs still show it, but it is not offered.
    expect(options.join()).not.toMatch(/Skype/);
    await userEvent.click(screen.getByLabelText('Audio only'));
    expect(useWizardStore.getState().session.modality).toBe('audio');
    expect((screen.getByLabelText('Session time') as HTMLInputElement).value).toBe('2026-03-02T10:00');
  });

  it('hides the time in the quick check', () => {
    render(<SessionForm showErrors={false} showTime={false} />);
    expect(screen.queryByLabelText('Session time')).toBeNull();
  });
});
