import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { AppError } from '../../../../shared/errors';
import { ProgramsPanel } from '../../../../renderer/features/wizard/programs-panel';
import { useProgramsStore } from '../../../../renderer/stores/programs-store';
import { installWizardBridge, programRows } from './wizard-fixtures';

async function renderLoaded(neverSuggest: string[] = []) {
  render(<ProgramsPanel />);
  await useProgramsStore.getState().load('zoom', neverSuggest);
}

describe('ProgramsPanel', () => {
  it('lists programs with why to close them, pre-selected from settings', async () => {
    installWizardBridge();
    await renderLoaded(['Steam']);
    const dropbox = screen.getByLabelText(/Dropbox/) as HTMLInputElement;
    const steam = screen.getByLabelText(/Steam/) as HTMLInputElement;
    expect(dropbox.checked).toBe(true);
    expect(steam.checked).toBe(false);
    expect(screen.getByText('Syncs files in the background.')).toBeTruthy();
    expect(screen.getByText(/offer to open again the programs it closed/)).toBeTruthy();
  });

  it('closes the selected programs and shows each result', async () => {
    const bridge = installWizardBridge();
    await renderLoaded();
    await userEvent.click(screen.getByLabelText(/Steam/));
    await userEvent.click(screen.getByRole('button', { name: 'Close selected (1)' }));
    expect(bridge.calls.find((c) => c.channel === 'programs:close')?.request).toEqual({ ids: ['p_dropbox001'] });
    const dropboxItem = screen.getByLabelText(/Dropbox/).closest('li') as HTMLElement;
    expect(within(dropboxItem).getByText('Closed')).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('1 closed. You can move on.');
    expect(bridge.calls.some((c) => c.channel === 'scan:start')).toBe(true);
  });

  it('offers force only for stragglers, after a warning about unsaved work', async () => {
    const bridge = installWizardBridge(
      {},
      {
        'programs:close': (req) => ({
          results: req.ids.map((id) => ({
            id,
            name: id,
            outcome: id === 'p_steam00001' && !req.force ? ('still-running' as const) : ('closed' as const),
            message: '',
          })),
        }),
      },
    );
    await renderLoaded();
    expect(screen.queryByRole('button', { name: /Force close/ })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Close selected (2)' }));
    expect(screen.getByText('Still open')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: /Force close the ones still open/ }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toMatch(/Steam did not close/);
    expect(dialog.textContent).toMatch(/lose work you have not saved/);
    expect(document.activeElement?.tagName).toBe('H4');
    expect(bridge.calls.filter((c) => c.channel === 'programs:close')).toHaveLength(1);

    await userEvent.click(within(dialog).getByRole('button', { name: /Force close, I have saved my work/ }));
    expect(bridge.calls.filter((c) => c.channel === 'programs:close').at(-1)?.request).toEqual({
      ids: ['p_steam00001'],
      force: true,
    });
    expect(screen.queryByText('Still open')).toBeNull();
  });

  it('closes nothing when the force warning is cancelled', async () => {
    const bridge = installWizardBridge(
      {},
      {
        'programs:close': (req) => ({
          results: req.ids.map((id) => ({ id, name: id, outcome: 'still-running' as const, message: '' })),
        }),
      },
    );
    await renderLoaded();
    await userEvent.click(screen.getByRole('button', { name: 'Close selected (2)' }));
    await userEvent.click(screen.getByRole('button', { name: /Force close the ones still open/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/Force close the ones still open/));
    expect(bridge.calls.filter((c) => c.channel === 'programs:close')).toHaveLength(1);
  });

  it('does not say "You can move on" when a program could not be closed', async () => {
    installWizardBridge(
      {},
      {
        'programs:close': (req) => ({
          results: req.ids.map((id) => ({
            id,
            name: id,
            outcome: id === 'p_steam00001' ? ('refused' as const) : ('closed' as const),
            message: 'Runs as another user.',
          })),
        }),
      },
    );
    await renderLoaded();
    await userEvent.click(screen.getByRole('button', { name: 'Close selected (2)' }));
    expect(document.activeElement?.textContent).toBe('1 closed. 1 could not be closed: close it yourself.');
    expect(screen.queryByText(/You can move on/)).toBeNull();
  });

  it('offers to look for programs again when they could not be listed', async () => {
    const bridge = installWizardBridge();
    bridge.handle('programs:list', () => {
      throw new AppError('INTERNAL', 'The process list timed out.');
    });
    await renderLoaded();
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not list your programs/);
    bridge.handle('programs:list', () => ({ programs: programRows }));
    await userEvent.click(screen.getByRole('button', { name: 'Look for programs again' }));
    expect(await screen.findByLabelText(/Dropbox/)).toBeTruthy();
    expect(bridge.calls.filter((c) => c.channel === 'programs:list')).toHaveLength(2);
  });

  it('says when nothing needs closing', async () => {
    installWizardBridge({}, { 'programs:list': () => ({ programs: [] }) });
    await renderLoaded();
    expect(await screen.findByText(/No programs worth closing/)).toBeTruthy();
  });

  it('cannot select a program ReadyRoom cannot close', async () => {
    const bridge = installWizardBridge(
      {},
      {
        'programs:list': () => ({
          programs: [{ ...programRows[0]!, closable: false, reason: 'Runs as another user.' }],
        }),
      },
    );
    await renderLoaded();
    expect((screen.getByLabelText(/Dropbox/) as HTMLInputElement).disabled).toBe(true);
    const close = screen.getByRole('button', { name: 'Close selected (0)' });
    expect(close.getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(close);
    expect(bridge.calls.some((c) => c.channel === 'programs:close')).toBe(false);
  });
});
