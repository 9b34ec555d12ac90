import { createDarwinLoginItem } from './darwin';
import { createLinuxLoginItem, type LinuxLoginItemDeps } from './linux';
import { unsupportedLoginItem, type LoginItem, type LoginItemApp } from './login-item-types';
import { createWin32LoginItem } from './win32';

export interface LoginItemDeps {
  readonly platform: NodeJS.Platform;
  readonly app: LoginItemApp;
  readonly execPath: string;
  readonly linux: Omit<LinuxLoginItemDeps, 'command'>;
}

/** The login item for this OS; elsewhere one that says it is not offered. */
export function createLoginItem(deps: LoginItemDeps): LoginItem {
  switch (deps.platform) {
    case 'win32':
      return createWin32LoginItem(deps.app, deps.execPath);
    case 'darwin':
      return createDarwinLoginItem(deps.app);
    case 'linux':
      return createLinuxLoginItem({ ...deps.linux, command: deps.linux.env.APPIMAGE ?? deps.execPath });
    default:
      return unsupportedLoginItem('Starting at login is not available on this system.');
  }
}
