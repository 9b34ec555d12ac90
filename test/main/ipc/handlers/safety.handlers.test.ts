import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { createPrepSheetExport } from '../../../../main/export/prep-sheet-export';
import { createSafetyHandlers } from '../../../../main/ipc/handlers/safety.handlers';
import { isAppError } from '../../../../shared/errors';

const dir = mkdtempSync(join(tmpdir(), 'readyroom-safety-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('safety:prep-sheet', () => {
  it('asks where to save with the suggested name and format, then writes the sheet there', async () => {
    const asked: { name: string; format: string }[] = [];
    const handlers = createSafetyHandlers({
      prepSheets: createPrepSheetExport(),
      dialogs: {
        chooseExportDestination: (name, format) => {
          asked.push({ name, format });
          return Promise.resolve(join(dir, 'sheet.txt'));
        },
      },
    });
    await expect(handlers['safety:prep-sheet']({ platform: 'doxy-me', format: 'text' })).resolves.toEqual({
      saved: true,
      format: 'text',
    });
    expect(asked).toEqual([{ name: 'Getting ready for your session (doxy.me).txt', format: 'text' }]);
    expect(readFileSync(join(dir, 'sheet.txt'), 'utf8')).toContain('doxy.me');
  });

  it('saves nothing when the dialog is cancelled', async () => {
    const handlers = createSafetyHandlers({
      prepSheets: createPrepSheetExport(),
      dialogs: { chooseExportDestination: () => Promise.resolve(null) },
    });
    await expect(handlers['safety:prep-sheet']({ platform: 'zoom', format: 'pdf' })).resolves.toEqual({
      saved: false,
      format: 'pdf',
    });
  });

  it('answers UNAVAILABLE where there is no save dialog', async () => {
    const handlers = createSafetyHandlers({ prepSheets: createPrepSheetExport() });
    const error: unknown = await Promise.resolve()
      .then(() => handlers['safety:prep-sheet']({ platform: 'zoom', format: 'pdf' }))
      .catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('UNAVAILABLE');
  });
});
