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
 * Which icon file suits this OS and theme. macOS uses a template image the system tints;
 * elsewhere "dark" means a light glyph for a dark taskbar. Electron picks the @2x file itself.
 */
export function trayIconFile(platform: NodeJS.Platform, darkTaskbar: boolean): string {
  if (platform === 'darwin') return 'trayTemplate.png';
  return darkTaskbar ? 'tray-dark.png' : 'tray-light.png';
}
