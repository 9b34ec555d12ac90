import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { getCatalogEntry } from '../../../../shared/catalog/catalog';
import { defaultSettings, type Settings } from '../../../../shared/settings/settings';
import { CheckItem } from '../../../../renderer/features/wizard/check-item';
import { WizardContext } from '../../../../renderer/features/wizard/wizard-context';
import { useSettingsStore } from '../../../../renderer/stores/settings-store';
import { useWizardStore } from '../../../../renderer/stores/wizard-store';
import { checkResult, installWizardBridge } from './wizard-fixtures';

vi.mock('../../../../shared/catalog/automatic.catalog', async () => ({
  automaticCatalog: (await import('./test-catalog')).testAutomaticCatalog,
}));

function renderItem(entryId: string, result?: ReturnType<typeof checkResult>) {
  const entry = getCatalogEntry(entryId);
  if (!entry) throw new Error(`no entry ${entryId}`);
  return render(
    <WizardContext.Provider value={{ os: 'win32', goToStep: () => undefined }}>
      <ul>
        <CheckItem entry={entry} result={result} />
      </ul>
    </WizardContext.Provider>,
  );
}

const item = (title: string) => screen.getByRole('heading', { name: title }).closest('li') as HTMLElement;

describe('"I checked this myself"', () => {
  it('settles an unknown advice check in one click, shown as checked by you and never as OK, with an optional note', async () => {
    installWizardBridge();
    renderItem('security.firewall', checkResult('security.firewall', 'unknown', 'Could not read the firewall.'));
    const li = item('Firewall is on');
    expect(within(li).getByText('Could not check')).toBeTruthy();
    await userEvent.click(within(li).getByRole('button', { name: 'I checked this myself: Firewall is on' }));
    expect(within(li).getByText('Checked by you')).toBeTruthy();
    expect(within(li).queryByText('OK')).toBeNull();
    // What ReadyRoom saw stays on screen beside the judgement.
    expect(within(li).getByText('Could not read the firewall.')).toBeTruthy();
    expect(within(li).getByText('ReadyRoom could not check this here.')).toBeTruthy();
    await userEvent.type(within(li).getByLabelText('Note for the log (optional)'), 'Windows Security says on');
    expect(useWizardStore.getState().judgements['security.firewall']).toMatchObject({
      kind: 'confirmed',
      note: 'Windows Security says on',
    });
    await userEvent.click(within(li).getByRole('button', { name: 'Undo: Firewall is on' }));
    expect(within(li).getByText('Could not check')).toBeTruthy();
    expect(useWizardStore.getState().judgements).toEqual({});
  });

  it('asks for a note on a blocker before it counts', async () => {
    installWizardBridge();
    renderItem('connection.quality', checkResult('connection.quality', 'unknown'));
    const li = item('Connection is steady');
    await userEvent.click(within(li).getByRole('button', { name: /^I checked this myself/ }));
    const form = within(li).getByRole('form', { name: /Checked by you/ });
    await userEvent.click(within(form).getByRole('button', { name: 'I checked this myself' }));
    expect(within(form).getByRole('alert').textContent).toMatch(/add a short note/);
    expect(useWizardStore.getState().judgements).toEqual({});
    await userEvent.type(within(form).getByLabelText(/How do you know it is fine/), 'Zoom test call was clear');
    await userEvent.click(within(form).getByRole('button', { name: 'I checked this myself' }));
    expect(within(li).getByText('Checked by you')).toBeTruthy();
    expect(within(li).getByText('Note: Zoom test call was clear')).toBeTruthy();
  });

  it('is not offered when ReadyRoom found a problem or the check passed', () => {
    installWizardBridge();
    renderItem('security.firewall', checkResult('security.firewall', 'fail'));
    expect(screen.queryByRole('button', { name: /I checked this myself/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Not applicable: Firewall is on' })).toBeTruthy();
  });
});

describe('"Not applicable, because…"', () => {
  it('needs a reason, records it with the note, and can be remembered for this computer in Settings', async () => {
    const bridge = installWizardBridge(
      {},
      { 'settings:update': ({ patch }) => ({ ...defaultSettings, ...patch }) as Settings },
    );
    renderItem('security.firewall', checkResult('security.firewall', 'fail'));
    const li = item('Firewall is on');
    await userEvent.click(within(li).getByRole('button', { name: 'Not applicable: Firewall is on' }));
    const form = within(li).getByRole('form', { name: 'Not applicable: Firewall is on' });
    await userEvent.click(within(form).getByRole('button', { name: 'Mark as not applicable' }));
    expect(within(form).getByRole('alert').textContent).toBe('Choose why it does not apply.');
    await userEvent.click(within(form).getByLabelText("Managed by my clinic's IT"));
    await userEvent.type(within(form).getByLabelText('Say more (optional)'), 'Sophos, run by the practice');
    await userEvent.click(within(form).getByLabelText('Remember for this computer'));
    await userEvent.click(within(form).getByRole('button', { name: 'Mark as not applicable' }));
    const update = bridge.calls.find((c) => c.channel === 'settings:update');
    expect(update?.request).toEqual({
      patch: {
        notApplicable: [
          {
            id: 'security.firewall',
            reason: 'managed-by-clinic',
            note: 'Sophos, run by the practice',
            since: expect.any(String),
          },
        ],
      },
    });
    expect(await within(li).findByText('Not applicable')).toBeTruthy();
    expect(within(li).getByText(/Kept for this computer/)).toBeTruthy();
    // Remembered, not a session judgement: main applies it to this log and later ones.
    expect(useWizardStore.getState().judgements).toEqual({});
    await userEvent.click(within(li).getByRole('button', { name: 'Forget for this computer: Firewall is on' }));
    expect(bridge.calls.at(-1)?.request).toEqual({ patch: { notApplicable: [] } });
    expect(await within(li).findByText('Problem')).toBeTruthy();
  });

  it('asks for words when the reason is "another reason"', async () => {
    installWizardBridge();
    renderItem('security.firewall', checkResult('security.firewall', 'unknown'));
    await userEvent.click(screen.getByRole('button', { name: 'Not applicable: Firewall is on' }));
    await userEvent.click(screen.getByLabelText(/Another reason/));
    expect(screen.getByLabelText('Say more (needed)')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Mark as not applicable' }));
    expect(screen.getByRole('alert').textContent).toMatch(/Say in the note why/);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement?.textContent).toBe('I checked this myself');
  });

  it('is never offered for the client location or emergency contacts, but is for other questions', () => {
    installWizardBridge();
    act(() => useWizardStore.getState().updateSession({ clientCode: 'AB-017' }));
    renderItem('safeguarding.client-location');
    expect(screen.getByLabelText('I know where client AB-017 is for this session (the exact location).')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Not applicable/ })).toBeNull();
    renderItem('connection.household');
    expect(screen.getByRole('button', { name: /Not applicable: Others at home/ })).toBeTruthy();
  });

  it('shows a reason kept in Settings on an item it applies to', () => {
    installWizardBridge();
    act(() =>
      useSettingsStore.setState({
        settings: {
          ...defaultSettings,
          notApplicable: [
            { id: 'connection.household', reason: 'dedicated-room', note: '', since: '2026-01-02T09:00:00Z' },
          ],
        },
      }),
    );
    renderItem('connection.household');
    expect(
      screen.getByText('Not applicable since 2 Jan 2026: I work from a dedicated room with no one else at home.'),
    ).toBeTruthy();
  });
});
