import type { MenuItem, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';

import { parseSystemUsesLightTheme, toElectronMenu } from '../../../main/tray/tray-menu';
import { trayMenuModel, type TrayCommand } from '../../../shared/tray/tray-menu-model';

function click(item: MenuItemConstructorOptions | undefined): void {
  item?.click?.({} as MenuItem, undefined, {} as KeyboardEvent);
}

const model = trayMenuModel({
  nextSession: { label: 'today at 14:00' },
  quickCheckRunning: false,
  vaultUnlocked: true,
});

describe('toElectronMenu', () => {
  it('keeps the model’s entries, labels and separators in order', () => {
    const items = toElectronMenu(model, () => undefined);
    expect(items.map((item) => (item.type === 'separator' ? '—' : item.label))).toEqual([
      'Check readiness now…',
      'Quick check',
      '—',
      'Next session: today at 14:00',
      'Crisis card…',
      '—',
      'Past logs',
      'Settings',
      'Lock logs',
      '—',
      'Quit ReadyRoom',
    ]);
  });

  it.each([
    ['Check readiness now…', 'check'],
    ['Quick check', 'quick'],
    ['Next session: today at 14:00', 'next-session'],
    ['Crisis card…', 'crisis'],
    ['Past logs', 'logs'],
    ['Settings', 'settings'],
    ['Lock logs', 'lock'],
    ['Quit ReadyRoom', 'quit'],
  ] as const)('"%s" runs %s and nothing else', (label, command) => {
    const ran: TrayCommand[] = [];
    const items = toElectronMenu(model, (c) => ran.push(c));
    click(items.find((item) => item.label === label));
    expect(ran).toEqual([command]);
  });

  it('runs nothing while the menu is only being built', () => {
    const ran: TrayCommand[] = [];
    toElectronMenu(model, (c) => ran.push(c));
    expect(ran).toEqual([]);
  });

  it('passes on a greyed-out entry as disabled', () => {
    const running = trayMenuModel({ nextSession: null, quickCheckRunning: true, vaultUnlocked: false });
    const items = toElectronMenu(running, () => undefined);
    expect(items.find((item) => item.id === 'quick')?.enabled).toBe(false);
    expect(items.find((item) => item.id === 'lock')?.enabled).toBe(false);
  });
});

describe('parseSystemUsesLightTheme', () => {
  it('reads the taskbar theme from reg query output', () => {
    const out =
      '\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize\r\n    SystemUsesLightTheme    REG_DWORD    0x0\r\n';
    expect(parseSystemUsesLightTheme(out)).toBe(false);
    expect(parseSystemUsesLightTheme(out.replace('0x0', '0x1'))).toBe(true);
    expect(
      parseSystemUsesLightTheme('ERROR: The system was unable to find the specified registry key or value.'),
    ).toBeNull();
  });
});
