import { app } from 'electron';

import { createLoginItem } from '../login-item/index';
import type { LoginItem } from '../login-item/login-item-types';

/** The login item through Electron's app; in development Electron must be told which app folder to load. */
export function createElectronLoginItem(platform: NodeJS.Platform = process.platform): LoginItem {
  return createLoginItem({
    platform,
    app,
    execPath: process.execPath,
    linux: { env: process.env, args: app.isPackaged ? [] : [app.getAppPath()] },
  });
}
