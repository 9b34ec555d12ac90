import type { BrowserWindow, Dialog } from 'electron';

import { backupFileExtension, type BackupDialogPort } from '../ipc/handlers/vault.handlers';

/** Native save/open dialogs for vault backups: the user picks the file, the renderer never sees a path. */
export function createBackupDialogs(
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>,
  getWindow: () => BrowserWindow | null,
): BackupDialogPort {
  const filters = [{ name: 'ReadyRoom backup', extensions: [backupFileExtension] }];
  return {
    async chooseBackupDestination(suggestedName) {
      const options = { title: 'Save an encrypted backup of your logs', defaultPath: suggestedName, filters };
      const window = getWindow();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseBackupSource() {
      const options = {
        title: 'Choose a ReadyRoom backup to restore',
        filters,
        properties: ['openFile' as const],
      };
      const window = getWindow();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
