import type { BrowserWindow, Dialog } from 'electron';

import type { ExportFormat } from '../../shared/ipc/vault.contract';
import { exportExtensions } from '../export/log-export';
import type { ExportDialogPort } from '../ipc/handlers/log-export.handlers';

type SaveFormat = ExportFormat | 'text';

const filterNames: Record<SaveFormat, string> = {
  pdf: 'PDF report',
  csv: 'CSV spreadsheet',
  json: 'JSON data',
  text: 'Plain text',
};
const extensions: Record<SaveFormat, string> = { ...exportExtensions, text: 'txt' };

/** The native save dialog for exports: the user picks the file, the renderer never sees a path. */
export function createExportDialogs(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  getWindow: () => BrowserWindow | null,
): ExportDialogPort {
  return {
    async chooseExportDestination(suggestedName, format) {
      const options = {
        title: 'Save the export (it will not be encrypted)',
        defaultPath: suggestedName,
        filters: [{ name: filterNames[format], extensions: [extensions[format]] }],
      };
      const window = getWindow();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
