import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';

import { hiddenFlag, type LoginItem } from './login-item-types';

export interface LinuxLoginItemDeps {
  /** The command to start ReadyRoom: for an AppImage its own file ($APPIMAGE), not the mounted binary. */
  readonly command: string;
  /** Arguments before --hidden (in development, the app folder Electron must load). */
  readonly args?: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homeDir?: string;
}

const autostartFileName = 'readyroom.desktop';

/** $XDG_CONFIG_HOME/autostart, or ~/.config/autostart; a relative XDG_CONFIG_HOME is ignored, as the spec says. */
export function autostartDir(env: LinuxLoginItemDeps['env'], home = homedir()): string {
  const configHome = env.XDG_CONFIG_HOME;
  return join(configHome && isAbsolute(configHome) ? configHome : join(home, '.config'), 'autostart');
}

// Desktop Entry spec, "The Exec key": an argument holding any of these must be quoted.
const reserved = /[\s"'\\><~|&;$*?#()`]/;

/** One Exec argument, quoted and escaped as the Desktop Entry spec asks. */
export function quoteExecArgument(argument: string): string {
  // eslint-disable-next-line no-control-regex -- control characters cannot be written in an Exec line.
  if (/[\u0000-\u001f\u007f]/.test(argument)) throw new Error('The program path holds a control character.');
  // A literal % is %% (field codes start with %).
  const percent = argument.replaceAll('%', '%%');
  if (!reserved.test(percent) && percent !== '') return percent;
  // Inside quotes: backslash before " ` $ \; then the value's own string escaping doubles each backslash.
  const quoted = `"${percent.replace(/(["`$\\])/g, '\\$1')}"`;
  return quoted.replaceAll('\\', '\\\\');
}

/** The autostart entry's text: starts ReadyRoom hidden in the tray. */
export function autostartEntry(command: string, args: readonly string[]): string {
  const exec = [command, ...args, hiddenFlag].map(quoteExecArgument).join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=ReadyRoom',
    'Comment=Before-session readiness checks, waiting in the tray',
    `Exec=${exec}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Linux: an XDG autostart .desktop file, which GNOME, KDE, Xfce and most others read at login. */
export function createLinuxLoginItem(deps: LinuxLoginItemDeps): LoginItem {
  const file = join(autostartDir(deps.env, deps.homeDir), autostartFileName);
  const status = async () => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return { supported: true, enabled: false };
    }
    // Hidden=true is the spec's way for a user to switch an entry off without deleting it.
    const hidden = /^Hidden\s*=\s*true\s*$/m.test(text);
    const disabled = /^X-GNOME-Autostart-enabled\s*=\s*false\s*$/m.test(text);
    return { supported: true, enabled: !hidden && !disabled };
  };
  return {
    status,
    async setEnabled(enabled) {
      if (!enabled) {
        await rm(file, { force: true });
        return status();
      }
      await mkdir(dirname(file), { recursive: true, mode: 0o700 });
      // Written beside and renamed, so a full disk never leaves half an entry.
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        await writeFile(temporary, autostartEntry(deps.command, deps.args ?? []), { mode: 0o644 });
        await rename(temporary, file);
      } finally {
        await rm(temporary, { force: true });
      }
      return status();
    },
    startedAtLogin: (argv) => argv.includes(hiddenFlag),
  };
}
