import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createLogExport } from '../../../../main/export/log-export';
import { createLogExportHandlers, type ExportDialogPort } from '../../../../main/ipc/handlers/log-export.handlers';
import type { VaultService } from '../../../../main/vault/vault-service';
import { AppError } from '../../../../shared/errors';
import { sampleLog } from '../../../fixtures/vault/sample-logs';
import { makeVault, passphrase, tempDataDir } from '../../vault/vault-test-kit';

let data: ReturnType<typeof tempDataDir>;
let out: ReturnType<typeof tempDataDir>;
let vault: VaultService;

beforeEach(async () => {
  data = tempDataDir();
  out = tempDataDir();
  vault = makeVault(data.dir);
  await vault.setup(passphrase);
  vault.save(sampleLog(1));
});
afterEach(() => {
  vault.lock();
  data.cleanup();
  out.cleanup();
});

function handlers(dialogs?: ExportDialogPort) {
  const exporter = createLogExport({ vault, getSettings: () => ({ practiceName: '' }), appVersion: '0', os: null });
  return createLogExportHandlers({ vault, exporter, ...(dialogs ? { dialogs } : {}) })['logs:export'];
}

const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));

describe('logs:export handler', () => {
  it('saves where the dialog says, under the name main suggests', async () => {
    const asked: string[] = [];
    const exportLogs = handlers({
      chooseExportDestination: (name, format) => {
        asked.push(`${format}:${name}`);
        return Promise.resolve(join(out.dir, name));
      },
    });
    const result = await exportLogs({ format: 'csv', includeClientCodes: false, from: '2026-01-01', to: '2026-12-31' });
    expect(result).toEqual({ saved: true, format: 'csv', count: 1, unreadablePeriods: [] });
    expect(asked).toEqual(['csv:ReadyRoom logs 2026-01-01 to 2026-12-31.csv']);
    expect(existsSync(join(out.dir, 'ReadyRoom logs 2026-01-01 to 2026-12-31.csv'))).toBe(true);
  });

  it('writes nothing when the user cancels the dialog', async () => {
    const exportLogs = handlers({ chooseExportDestination: () => Promise.resolve(null) });
    expect(await exportLogs({ format: 'pdf', includeClientCodes: false })).toEqual({
      saved: false,
      format: 'pdf',
      count: 0,
      unreadablePeriods: [],
    });
  });

  it('is unavailable without a save dialog, and refused while the vault is locked', async () => {
    await expect(
      Promise.resolve()
        .then(() => handlers()({ format: 'json', includeClientCodes: false }))
        .catch(codeOf),
    ).resolves.toBe('UNAVAILABLE');
    vault.lock();
    const exportLogs = handlers({ chooseExportDestination: () => Promise.resolve(join(out.dir, 'x.json')) });
    await expect(
      Promise.resolve()
        .then(() => exportLogs({ format: 'json', includeClientCodes: false }))
        .catch(codeOf),
    ).resolves.toBe('LOCKED');
    expect(existsSync(join(out.dir, 'x.json'))).toBe(false);
  });
});
