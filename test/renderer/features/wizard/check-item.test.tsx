import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { getCatalogEntry } from '../../../../shared/catalog/catalog';
import { CheckItem } from '../../../../renderer/features/wizard/check-item';
import { WizardContext } from '../../../../renderer/features/wizard/wizard-context';
import { useScanStore } from '../../../../renderer/stores/scan-store';
import { useWizardStore } from '../../../../renderer/stores/wizard-store';
import { checkResult, installWizardBridge } from './wizard-fixtures';
import { testAutomaticCatalog } from './test-catalog';

vi.mock('../../../../shared/catalog/automatic.catalog', async () => ({
  automaticCatalog: (await import('./test-catalog')).testAutomaticCatalog,
}));

const firewall = testAutomaticCatalog[3]!;

function renderItem(
  entryId: string,
  result = undefined as ReturnType<typeof checkResult> | undefined,
  os: 'win32' | 'linux' = 'win32',
) {
  const entry = getCatalogEntry(entryId);
  if (!entry) throw new Error(`no entry ${entryId}`);
  return render(
    <WizardContext.Provider value={{ os, goToStep: () => undefined }}>
      <ul>
        <CheckItem entry={entry} result={result} />
      </ul>
    </WizardContext.Provider>,
  );
}

describe('CheckItem', () => {
  it('shows a failed check with its result, why it matters and how to fix it on this OS', () => {
    installWizardBridge();
    renderItem(firewall.id, checkResult(firewall.id, 'fail', 'The firewall is off.'));
    expect(screen.getByRole('heading', { name: 'Firewall is on' })).toBeTruthy();
    expect(screen.getByText('Problem')).toBeTruthy();
    expect(screen.getByText('The firewall is off.')).toBeTruthy();
    expect(screen.getByText(/blocks unwanted connections \(NCSC\)/)).toBeTruthy();
    expect(screen.getByText('Open Windows Security.')).toBeTruthy();
  });

  it('opens the settings page through main by check id, never by URL', async () => {
    const bridge = installWizardBridge();
    renderItem(firewall.id, checkResult(firewall.id, 'fail'));
    await userEvent.click(screen.getByRole('button', { name: 'Open firewall settings' }));
    expect(bridge.calls.at(-1)).toEqual({ channel: 'app:open-fix-link', request: { checkId: 'security.firewall' } });
  });

  it('says so when the settings page could not be opened', async () => {
    installWizardBridge({}, { 'app:open-fix-link': () => ({ opened: false }) });
    renderItem(firewall.id, checkResult(firewall.id, 'warn'));
    await userEvent.click(screen.getByRole('button', { name: 'Open firewall settings' }));
    expect(await screen.findByText(/could not open that settings page/)).toBeTruthy();
  });

  it('hides the fix once the check passes', () => {
    installWizardBridge();
    renderItem(firewall.id, checkResult(firewall.id, 'pass'));
    expect(screen.getByText('OK')).toBeTruthy();
    expect(screen.queryByText('How to fix it')).toBeNull();
  });

  it('never shows an unknown result as OK, and offers the fix', () => {
    installWizardBridge();
    renderItem(firewall.id, checkResult(firewall.id, 'unknown'), 'linux');
    expect(screen.getByText('Could not check')).toBeTruthy();
    expect(screen.queryByText('OK')).toBeNull();
    expect(screen.getByText('Turn the firewall on.')).toBeTruthy();
  });

  it('checks one item again with the scan', async () => {
    const bridge = installWizardBridge({ 'security.firewall': 'pass' });
    renderItem(firewall.id, checkResult(firewall.id, 'fail'));
    await userEvent.click(screen.getByRole('button', { name: 'Check again: Firewall is on' }));
    expect(bridge.calls.find((c) => c.channel === 'scan:start')?.request).toEqual({ only: ['security.firewall'] });
    expect(useScanStore.getState().results['security.firewall']?.status).toBe('pass');
  });

  it('shows a check still running as checking, not as a result', async () => {
    const bridge = installWizardBridge();
    const scanStarts = () => bridge.calls.filter((c) => c.channel === 'scan:start');
    useScanStore.setState({ running: { 'security.firewall': true } });
    renderItem(firewall.id);
    expect(document.querySelector('[data-state="pending"]')?.textContent).toContain('Checking…');
    const again = screen.getByRole('button', { name: /Check again/ });
    expect(again.getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(again);
    expect(scanStarts()).toEqual([]);
  });

  it('lets the therapist confirm a manual item, in their own words', async () => {
    installWizardBridge();
    renderItem('room.private');
    expect(screen.getByText('Not confirmed yet')).toBeTruthy();
    await userEvent.click(screen.getByLabelText(/I am in a private room/));
    expect(useWizardStore.getState().confirmations['room.private']).toBe(true);
    expect(screen.getByText('Confirmed')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Check again/ })).toBeNull();
  });

  it('calls an untested media check "not tested yet"', () => {
    installWizardBridge();
    renderItem('media.microphone');
    expect(screen.getByText('Not tested yet')).toBeTruthy();
  });
});
