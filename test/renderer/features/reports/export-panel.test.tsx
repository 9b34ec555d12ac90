import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';

import { ExportPanel } from '../../../../renderer/features/reports/export-panel';
import { AppError } from '../../../../shared/errors';
import type { Req, Res } from '../../../../shared/ipc/contract';
import { createFakeBridge, installFakeBridge, type FakeBridge } from '../../../fakes/fake-bridge';

type ExportHandler = (request: Req<'logs:export'>) => Res<'logs:export'>;

function install(handler: ExportHandler): FakeBridge {
  const bridge = createFakeBridge();
  bridge.handle('logs:export', handler);
  installFakeBridge(bridge);
  return bridge;
}

afterEach(() => {
  installFakeBridge(createFakeBridge());
});

describe('ExportPanel', () => {
  it('says the file will not be encrypted before asking main to save, and sends no path', async () => {
    const user = userEvent.setup();
    const bridge = install((request) => ({ saved: true, format: request.format, count: 12, unreadablePeriods: [] }));
    render(<ExportPanel from="2026-03-01" to="2026-03-31" client="AB-017" periodText="the dates chosen above" />);
    await user.click(screen.getByRole('radio', { name: /Spreadsheet \(CSV\)/ }));
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    expect(bridge.calls.filter((c) => c.channel === 'logs:export')).toHaveLength(0);
    expect(screen.getByRole('alert').textContent).toMatch(/This file will not be encrypted/);
    await user.click(screen.getByRole('button', { name: 'Choose where to save' }));
    expect(bridge.calls.find((c) => c.channel === 'logs:export')?.request).toEqual({
      format: 'csv',
      from: '2026-03-01',
      to: '2026-03-31',
      client: 'AB-017',
      includeClientCodes: false,
    });
    expect(await screen.findByText('Saved the spreadsheet with 12 logs.')).toBeTruthy();
  });

  it('mentions client codes in the warning when they are included, and asks for them', async () => {
    const user = userEvent.setup();
    const bridge = install((request) => ({ saved: true, format: request.format, count: 1, unreadablePeriods: [] }));
    render(<ExportPanel periodText="all the logs listed" />);
    await user.click(screen.getByLabelText('Include client codes'));
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    expect(screen.getByRole('alert').textContent).toMatch(/include client codes/);
    await user.click(screen.getByRole('button', { name: 'Choose where to save' }));
    expect(bridge.calls.find((c) => c.channel === 'logs:export')?.request).toEqual({
      format: 'pdf',
      includeClientCodes: true,
    });
  });

  it('writes nothing on Cancel, says so when the dialog was cancelled, and shows a failure in words', async () => {
    const user = userEvent.setup();
    let answer: 'cancel' | 'full' = 'cancel';
    const bridge = install((request) => {
      if (answer === 'full') throw new AppError('DISK_FULL', 'The export could not be saved because the disk is full.');
      return { saved: false, format: request.format, count: 0, unreadablePeriods: [] };
    });
    render(<ExportPanel periodText="all the logs listed" />);
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(bridge.calls).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    await user.click(screen.getByRole('button', { name: 'Choose where to save' }));
    expect(await screen.findByText('Nothing was saved.')).toBeTruthy();
    answer = 'full';
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    await user.click(screen.getByRole('button', { name: 'Choose where to save' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/disk is full/);
  });
});
