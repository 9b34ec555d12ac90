import { hiddenFlag, type LoginItem, type LoginItemApp } from './login-item-types';

/**
 * macOS: a login item registered through Electron (SMAppService on macOS 13 and later). macOS
 * passes no arguments to a login item, so a start at login is told by `wasOpenedAtLogin`.
 */
export function createDarwinLoginItem(app: LoginItemApp): LoginItem {
  const status = () => {
    const settings = app.getLoginItemSettings();
    if (settings.status === 'requires-approval') {
      return Promise.resolve({
        supported: true,
        enabled: false,
        reason: 'macOS is waiting for you to allow ReadyRoom in System Settings, General, Login Items.',
      });
    }
    return Promise.resolve({ supported: true, enabled: settings.openAtLogin });
  };
  return {
    status,
    setEnabled(enabled) {
      app.setLoginItemSettings({ openAtLogin: enabled });
      return status();
    },
    startedAtLogin: (argv) => argv.includes(hiddenFlag) || app.getLoginItemSettings().wasOpenedAtLogin,
  };
}
