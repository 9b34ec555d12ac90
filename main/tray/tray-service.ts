import { join } from 'node:path';

import { Menu, Tray, nativeImage, nativeTheme } from 'electron';

import { runCommand } from '../platform/exec';
import { buildTrayMenu, parseSystemUsesLightTheme, trayIconFile, type TrayActions } from './tray-menu';

const personalizeKey = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize';

/**
 * Whether the taskbar or top bar is dark. Windows: its own registry value (the app theme can
 * differ). Linux: GNOME and most panels are dark whatever the app theme, so assume dark.
 */
async function isTaskbarDark(): Promise<boolean> {
  if (process.platform === 'linux') return true;
  if (process.platform !== 'win32') return nativeTheme.shouldUseDarkColors;
  // Absolute path: Windows looks in the current folder before PATH for a bare name.
  const reg = join(process.env.SystemRoot ?? 'C:\\Windows', 'System32', 'reg.exe');
  const result = await runCommand(reg, ['query', personalizeKey, '/v', 'SystemUsesLightTheme'], { timeoutMs: 2000 });
  const light = result.ok ? parseSystemUsesLightTheme(result.stdout) : null;
  return light === null ? true : !light;
}

/** Creates the tray icon and keeps its icon in step with the OS theme. */
export async function createTray(assetsDir: string, actions: TrayActions): Promise<Tray> {
  const iconPath = async () => join(assetsDir, trayIconFile(process.platform, await isTaskbarDark()));
  const image = nativeImage.createFromPath(await iconPath());
  if (process.platform === 'darwin') image.setTemplateImage(true);
  const tray = new Tray(image);
  tray.setToolTip('ReadyRoom: check you are ready for a session');
  tray.setContextMenu(Menu.buildFromTemplate(buildTrayMenu(actions)));
  // A left click opens the full check on Windows and Linux; macOS shows the menu.
  tray.on('click', () => {
    if (process.platform !== 'darwin') actions.open('wizard');
  });
  nativeTheme.on('updated', () => {
    if (process.platform === 'darwin') return;
    void iconPath().then((path) => {
      if (!tray.isDestroyed()) tray.setImage(nativeImage.createFromPath(path));
    });
  });
  return tray;
}
