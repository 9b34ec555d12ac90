import { join } from 'node:path';

import { Menu, Tray, nativeImage, nativeTheme } from 'electron';

import { buildTrayMenu, trayIconFile, type TrayActions } from './tray-menu';

/** Creates the tray icon and keeps its icon in step with the OS theme. */
export function createTray(assetsDir: string, actions: TrayActions): Tray {
  const iconPath = () => join(assetsDir, trayIconFile(process.platform, nativeTheme.shouldUseDarkColors));
  const image = nativeImage.createFromPath(iconPath());
  if (process.platform === 'darwin') image.setTemplateImage(true);
  const tray = new Tray(image);
  tray.setToolTip('ReadyRoom: check you are ready for a session');
  tray.setContextMenu(Menu.buildFromTemplate(buildTrayMenu(actions)));
  // A left click opens the full check on Windows and Linux; macOS shows the menu.
  tray.on('click', () => {
    if (process.platform !== 'darwin') actions.open('wizard');
  });
  nativeTheme.on('updated', () => {
    if (process.platform !== 'darwin') tray.setImage(nativeImage.createFromPath(iconPath()));
  });
  return tray;
}
