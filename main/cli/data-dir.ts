import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where ReadyRoom keeps its data: the same folder Electron's app.getPath('userData') gives
 * for productName "ReadyRoom", so the CLI and the app share one vault.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: Readonly<Record<string, string | undefined>> = process.env,
  home: string = homedir(),
): string {
  if (env.READYROOM_DATA_DIR) return env.READYROOM_DATA_DIR;
  switch (platform) {
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'ReadyRoom');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'ReadyRoom');
    default:
      return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'ReadyRoom');
  }
}
