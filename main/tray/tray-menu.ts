import type { MenuItemConstructorOptions } from 'electron';

import type { AppRoute } from '../../shared/ipc/app.contract';

export interface TrayActions {
  open(route: AppRoute): void;
  quit(): void;
}

/** The tray menu, as data: built here, turned into a Menu by the tray service. */
export function buildTrayMenu(actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { id: 'check', label: 'Check readiness now…', click: () => actions.open('wizard') },
    { id: 'quick', label: 'Quick check', click: () => actions.open('quick') },
    { type: 'separator' },
    { id: 'logs', label: 'Past logs', click: () => actions.open('logs') },
    { id: 'settings', label: 'Settings', click: () => actions.open('settings') },
    { type: 'separator' },
    { id: 'quit', label: 'Quit', click: () => actions.quit() },
  ];
}

/**
 * Which icon file suits this OS and taskbar. macOS uses a template image the system tints;
 * elsewhere "dark" means a light glyph for a dark taskbar. Windows gets a multi-size .ico;
 * on Linux Electron picks the @2x PNG itself.
 */
export function trayIconFile(platform: NodeJS.Platform, darkTaskbar: boolean): string {
  if (platform === 'darwin') return 'trayTemplate.png';
  const variant = darkTaskbar ? 'tray-dark' : 'tray-light';
  return platform === 'win32' ? `${variant}.ico` : `${variant}.png`;
}

/**
 * Parses `reg query ...\\Personalize /v SystemUsesLightTheme`: the taskbar's own theme, which
 * differs from the app theme on a default Windows 10 (dark taskbar, light apps). Null when unreadable.
 */
export function parseSystemUsesLightTheme(regOutput: string): boolean | null {
  const match = /SystemUsesLightTheme\s+REG_DWORD\s+0x([0-9a-f]+)/i.exec(regOutput);
  return match?.[1] === undefined ? null : Number.parseInt(match[1], 16) !== 0;
}
