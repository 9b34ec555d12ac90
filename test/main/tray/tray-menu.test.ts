import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { MenuItem, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';

import type { AppRoute } from '../../../shared/ipc/app.contract';
import { buildTrayMenu, trayIconFile, type TrayActions } from '../../../main/tray/tray-menu';

class RecordingActions implements TrayActions {
  readonly done: string[] = [];
  open(route: AppRoute): void {
    this.done.push(`open:${route}`);
  }
  quit(): void {
    this.done.push('quit');
  }
}

function click(item: MenuItemConstructorOptions): void {
  item.click?.({} as MenuItem, undefined, {} as KeyboardEvent);
}

const labelled = (items: MenuItemConstructorOptions[]) => items.filter((item) => item.type !== 'separator');

describe('buildTrayMenu', () => {
  it('lists exactly the five entries, in order', () => {
    const items = labelled(buildTrayMenu(new RecordingActions()));
    expect(items.map((item) => item.label)).toEqual([
      'Check readiness now…',
      'Quick check',
      'Past logs',
      'Settings',
      'Quit',
    ]);
  });

  it.each([
    ['Check readiness now…', 'open:wizard'],
    ['Quick check', 'open:quick'],
    ['Past logs', 'open:logs'],
    ['Settings', 'open:settings'],
    ['Quit', 'quit'],
  ])('"%s" does %s and nothing else', (label, expected) => {
    const actions = new RecordingActions();
    const item = buildTrayMenu(actions).find((entry) => entry.label === label);
    expect(item).toBeDefined();
    if (item) click(item);
    expect(actions.done).toEqual([expected]);
  });

  it('does nothing while the menu is only being built', () => {
    const actions = new RecordingActions();
    buildTrayMenu(actions);
    expect(actions.done).toEqual([]);
  });

  it('separates the checks, the screens and Quit', () => {
    const kinds = buildTrayMenu(new RecordingActions()).map((item) => (item.type === 'separator' ? '|' : 'item'));
    expect(kinds).toEqual(['item', 'item', '|', 'item', 'item', '|', 'item']);
  });
});

describe('trayIconFile', () => {
  it('uses the template image on macOS whatever the theme', () => {
    expect(trayIconFile('darwin', false)).toBe('trayTemplate.png');
    expect(trayIconFile('darwin', true)).toBe('trayTemplate.png');
  });

  it('uses a multi-size .ico on Windows: a light glyph for a dark taskbar, a dark one for a light taskbar', () => {
    expect(trayIconFile('win32', true)).toBe('tray-dark.ico');
    expect(trayIconFile('win32', false)).toBe('tray-light.ico');
  });

  it.each(['linux', 'freebsd'] as const)('uses PNGs on %s, light glyph on a dark panel', (platform) => {
    expect(trayIconFile(platform, true)).toBe('tray-dark.png');
    expect(trayIconFile(platform, false)).toBe('tray-light.png');
  });

  it.each([
    ['darwin', false],
    ['win32', true],
    ['win32', false],
    ['linux', true],
    ['linux', false],
  ] as const)('names a file that exists in assets/ (%s, dark %s), with a @2x variant for PNGs', (platform, dark) => {
    const file = trayIconFile(platform, dark);
    const assets = join(import.meta.dirname, '../../../assets');
    expect(existsSync(join(assets, file))).toBe(true);
    if (file.endsWith('.png')) expect(existsSync(join(assets, file.replace(/\.png$/, '@2x.png')))).toBe(true);
  });
});
