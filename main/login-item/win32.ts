import { hiddenFlag, type LoginItem, type LoginItemApp } from './login-item-types';

/**
 * Windows: a Run entry in the user's registry, written by Electron, that starts the app with
 * --hidden. The same path and arguments are passed when reading it back, or Windows reports
 * another entry's state.
 */
export function createWin32LoginItem(app: LoginItemApp, execPath: string): LoginItem {
  const entry = { path: execPath, args: [hiddenFlag] };
  const status = () => {
    const settings = app.getLoginItemSettings(entry);
    // Turned off in Task Manager's Startup tab: the entry exists but does not run.
    return Promise.resolve({ supported: true, enabled: settings.openAtLogin && settings.executableWillLaunchAtLogin });
  };
  return {
    status,
    setEnabled(enabled) {
      app.setLoginItemSettings({ openAtLogin: enabled, enabled, ...entry });
      return status();
    },
    startedAtLogin: (argv) => argv.includes(hiddenFlag),
  };
}
