import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

/**
 * Where ReadyRoom keeps its data: the same folder Electron's app.getPath('userData') gives
 * for productName "ReadyRoom", so the CLI and the app share one vault.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: Readonly<Record<string, string | undefined>> = process.env,
  home: string = homedir(),
): string {
  const path = platform === 'win32' ? win32 : posix;
  // Empty or relative values are ignored, as Electron ignores them, so CLI and app agree.
  const absolute = (value: string | undefined) => (value && path.isAbsolute(value) ? value : undefined);
  const override = absolute(env.READYROOM_DATA_DIR);
  if (override) return override;
  switch (platform) {
    case 'win32':
      return path.join(absolute(env.APPDATA) ?? path.join(home, 'AppData', 'Roaming'), 'ReadyRoom');
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'ReadyRoom');
    default:
      return path.join(absolute(env.XDG_CONFIG_HOME) ?? path.join(home, '.config'), 'ReadyRoom');
  }
}
