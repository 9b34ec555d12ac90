import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';

import { PrepSheetExport } from '../../../../renderer/features/safety/prep-sheet-export';
import { useSettingsStore } from '../../../../renderer/stores/settings-store';
import { AppError } from '../../../../shared/errors';
import { defaultSettings } from '../../../../shared/settings/settings';
import { createFakeBridge, installFakeBridge } from '../../../fakes/fake-bridge';

afterEach(() => {
  installFakeBridge(createFakeBridge());
});

describe('PrepSheetExport', () => {
  it('warns that the file is not encrypted before asking main to save, then sends the platform and format only', async () => {
    const user = userEvent.setup();
    const bridge = createFakeBridge();
    bridge.handle('safety:prep-sheet', (request) => ({ saved: true, format: request.format }));
    installFakeBridge(bridge);
    render(<PrepSheetExport />);
    await user.selectOptions(screen.getByLabelText('Video platform'), 'whereby');
    await user.click(screen.getByRole('radio', { name: 'Plain text' }));
    await user.click(screen.getByRole('button', { name: 'Save the preparation sheet…' }));
    expect(bridge.calls.filter((c) => c.channel === 'safety:prep-sheet')).toHaveLength(0);
    expect(screen.getByRole('alert').textContent).toMatch(/This file will not be encrypted/);
    await user.click(screen.getByRole('button', { name: 'Choose where to save' }));
    expect(bridge.calls.find((c) => c.channel === 'safety:prep-sheet')?.request).toEqual({
      platform: 'whereby',
      format: 'text',
    });
    expect(await screen.findByText('Saved the preparation sheet.')).toBeTruthy();
  });

  it('starts on the usual platform from Settings, also when the settings load after the page opened', () => {
    installFakeBridge(createFakeBridge());
    render(<PrepSheetExport />);
    act(() =>
      useSettingsStore.setState({ settings: { ...defaultSettings, defaultPlatform: 'whereby' }, loaded: true }),
    );
    expect((screen.getByLabelText('Video platform') as HTMLSelectElement).value).toBe('whereby');
  });

  it('says nothing was saved when the dialog is cancelled, and shows a failure in plain words', async () => {
    const user = userEvent.setup();
    const bridge = createFakeBridge();
    bridge.handle('safety:prep-sheet', (request) => ({ saved: false, format: request.format }));
    installFakeBridge(bridge);
    const { unmount } = render(<PrepSheetExport />);
    await user.click(screen.getByRole('button', { name: 'Save the preparation sheet…' }));
    await user.click(screen.getByRole('button', { name: 'Choose where to save' }));
    expect(await screen.findByText('Nothing was saved.')).toBeTruthy();
    unmount();

    bridge.handle('safety:prep-sheet', () => {
      throw new AppError('DISK_FULL', 'The export could not be saved because the disk is full.');
    });
    render(<PrepSheetExport />);
    await user.click(screen.getByRole('button', { name: 'Save the preparation sheet…' }));
    await user.click(screen.getByRole('button', { name: 'Choose where to save' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/disk is full/);
  });
});
