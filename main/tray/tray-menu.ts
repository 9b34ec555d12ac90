import type { MenuItemConstructorOptions } from 'electron';

import type { TrayCommand, TrayMenuItem } from '../../shared/tray/tray-menu-model';

/** The pure menu model as Electron menu items; each click runs its command. */
export function toElectronMenu(
  model: readonly TrayMenuItem[],
  run: (command: TrayCommand) => void,
): MenuItemConstructorOptions[] {
  return model.map((item) =>
    item.kind === 'separator'
      ? { type: 'separator' }
      : { id: item.command, label: item.label, enabled: item.enabled, click: () => run(item.command) },
  );
}

/**
 * Parses `reg query ...\\Personalize /v SystemUsesLightTheme`: the taskbar's own theme, which
 * differs from the app theme on a default Windows 10 (dark taskbar, light apps). Null when unreadable.
 */
export function parseSystemUsesLightTheme(regOutput: string): boolean | null {
  const match = /SystemUsesLightTheme\s+REG_DWORD\s+0x([0-9a-f]+)/i.exec(regOutput);
  return match?.[1] === undefined ? null : Number.parseInt(match[1], 16) !== 0;
}
