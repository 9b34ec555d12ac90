import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { autostartDir, autostartEntry, createLinuxLoginItem, quoteExecArgument } from '../../../main/login-item/linux';
import { createFakeElectron, type FakeElectron } from '../../fakes/fake-electron';

let electron: FakeElectron;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'readyroom-login-'));
  electron = createFakeElectron({ userData: dir, appPath: '/opt/ReadyRoom/resources/app.asar', isPackaged: true });
  vi.doMock('electron', () => electron.module);
});

afterEach(() => {
  vi.doUnmock('electron');
  vi.resetModules();
  rmSync(dir, { recursive: true, force: true });
});

/** The Electron adapter for one OS, against the fake electron module. */
async function electronLoginItem(platform: NodeJS.Platform) {
  vi.resetModules();
  const { createElectronLoginItem } = await import('../../../main/adapters/login-item-adapter');
  return createElectronLoginItem(platform);
}

describe('start at login on Windows', () => {
  it('is off until the therapist turns it on, and asks Electron nothing to change before then', async () => {
    const item = await electronLoginItem('win32');
    expect(await item.status()).toEqual({ supported: true, enabled: false });
    expect(electron.loginItems.setCalls).toEqual([]);
  });

  it('registers this program with --hidden, and reads it back with the same path and arguments', async () => {
    const item = await electronLoginItem('win32');
    expect(await item.setEnabled(true)).toEqual({ supported: true, enabled: true });
    expect(electron.loginItems.setCalls).toEqual([
      { openAtLogin: true, enabled: true, path: process.execPath, args: ['--hidden'] },
    ]);
    expect(electron.loginItems.getCalls.at(-1)).toEqual({ path: process.execPath, args: ['--hidden'] });
  });

  it('removes the entry when turned off in Settings', async () => {
    const item = await electronLoginItem('win32');
    await item.setEnabled(true);
    expect(await item.setEnabled(false)).toEqual({ supported: true, enabled: false });
    expect(electron.loginItems.setCalls.at(-1)).toEqual({
      openAtLogin: false,
      enabled: false,
      path: process.execPath,
      args: ['--hidden'],
    });
  });

  it('reports off when the user disabled it in Task Manager’s Startup tab', async () => {
    const item = await electronLoginItem('win32');
    await item.setEnabled(true);
    electron.loginItems.disabledByUser = true;
    expect((await item.status()).enabled).toBe(false);
  });

  it('knows a start at login by its --hidden flag', async () => {
    const item = await electronLoginItem('win32');
    expect(item.startedAtLogin(['ReadyRoom.exe', '--hidden'])).toBe(true);
    expect(item.startedAtLogin(['ReadyRoom.exe'])).toBe(false);
  });
});

describe('start at login on macOS', () => {
  it('registers the app as a login item and removes it again', async () => {
    const item = await electronLoginItem('darwin');
    expect(await item.setEnabled(true)).toEqual({ supported: true, enabled: true });
    expect(await item.setEnabled(false)).toEqual({ supported: true, enabled: false });
    expect(electron.loginItems.setCalls).toEqual([{ openAtLogin: true }, { openAtLogin: false }]);
  });

  it('says when macOS waits for the user’s approval in System Settings', async () => {
    const item = await electronLoginItem('darwin');
    await item.setEnabled(true);
    electron.loginItems.status = 'requires-approval';
    const status = await item.status();
    expect(status.enabled).toBe(false);
    expect(status.reason).toMatch(/Login Items/);
  });

  it('knows a start at login from macOS itself, which passes no arguments', async () => {
    const item = await electronLoginItem('darwin');
    expect(item.startedAtLogin(['ReadyRoom'])).toBe(false);
    electron.loginItems.wasOpenedAtLogin = true;
    expect(item.startedAtLogin(['ReadyRoom'])).toBe(true);
  });
});

describe('start at login elsewhere', () => {
  it('is not offered on a system without a login item', async () => {
    const item = await electronLoginItem('freebsd');
    expect(await item.setEnabled(true)).toMatchObject({ supported: false, enabled: false });
    expect(electron.loginItems.setCalls).toEqual([]);
  });
});

describe('start at login on Linux (XDG autostart)', () => {
  const env = () => ({ XDG_CONFIG_HOME: join(dir, 'config') });
  const file = () => join(dir, 'config', 'autostart', 'readyroom.desktop');

  it('writes an autostart entry that starts ReadyRoom hidden, readable by desktop sessions', async () => {
    const item = createLinuxLoginItem({ command: '/opt/ReadyRoom/readyroom', env: env(), homeDir: dir });
    expect(await item.status()).toEqual({ supported: true, enabled: false });
    expect(await item.setEnabled(true)).toEqual({ supported: true, enabled: true });
    expect(readFileSync(file(), 'utf8')).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.0',
        'Name=ReadyRoom',
        'Comment=Before-session readiness checks, waiting in the tray',
        'Exec=/opt/ReadyRoom/readyroom --hidden',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
    expect(statSync(file()).mode & 0o777).toBe(0o644);
  });

  it('removes the file when turned off, and turning off twice is fine', async () => {
    const item = createLinuxLoginItem({ command: '/usr/bin/readyroom', env: env(), homeDir: dir });
    await item.setEnabled(true);
    expect(await item.setEnabled(false)).toEqual({ supported: true, enabled: false });
    expect(existsSync(file())).toBe(false);
    expect(await item.setEnabled(false)).toEqual({ supported: true, enabled: false });
  });

  it('starts an AppImage from its own file, not from its temporary mount', async () => {
    const { createLoginItem } = await import('../../../main/login-item/index');
    const item = createLoginItem({
      platform: 'linux',
      app: electron.app as never,
      execPath: '/tmp/.mount_ReadyRxyz/readyroom',
      linux: { env: { ...env(), APPIMAGE: '/home/sam/Apps/ReadyRoom 1.0.AppImage' }, homeDir: dir },
    });
    await item.setEnabled(true);
    expect(readFileSync(file(), 'utf8')).toContain('Exec="/home/sam/Apps/ReadyRoom 1.0.AppImage" --hidden\n');
  });

  it('uses ~/.config/autostart without XDG_CONFIG_HOME, and ignores a relative one', () => {
    expect(autostartDir({}, '/home/sam')).toBe('/home/sam/.config/autostart');
    expect(autostartDir({ XDG_CONFIG_HOME: 'relative/config' }, '/home/sam')).toBe('/home/sam/.config/autostart');
    expect(autostartDir({ XDG_CONFIG_HOME: '/srv/cfg' }, '/home/sam')).toBe('/srv/cfg/autostart');
  });

  it('reports off when the user hid the entry (Hidden=true) without deleting it', async () => {
    mkdirSync(join(dir, 'config', 'autostart'), { recursive: true });
    writeFileSync(file(), `${autostartEntry('/usr/bin/readyroom', [])}Hidden=true\n`);
    const item = createLinuxLoginItem({ command: '/usr/bin/readyroom', env: env(), homeDir: dir });
    expect((await item.status()).enabled).toBe(false);
  });

  it('leaves no temporary file behind', async () => {
    const item = createLinuxLoginItem({ command: '/usr/bin/readyroom', args: ['/dev/app'], env: env(), homeDir: dir });
    await item.setEnabled(true);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(join(dir, 'config', 'autostart'))).toEqual(['readyroom.desktop']);
    expect(readFileSync(file(), 'utf8')).toContain('Exec=/usr/bin/readyroom /dev/app --hidden\n');
  });
});

describe('quoteExecArgument (Desktop Entry spec, the Exec key)', () => {
  it.each([
    ['/usr/bin/readyroom', '/usr/bin/readyroom'],
    ['--hidden', '--hidden'],
    ['/opt/Ready Room/readyroom', '"/opt/Ready Room/readyroom"'],
    // A literal percent sign is doubled, quoted or not.
    ['/opt/100%/readyroom', '/opt/100%%/readyroom'],
    // Inside quotes " ` $ and \ take a backslash; the string escaping then doubles every backslash.
    ['/opt/a"b', '"/opt/a\\\\"b"'],
    ['/opt/$HOME', '"/opt/\\\\$HOME"'],
    ['/opt/a\\b', '"/opt/a\\\\\\\\b"'],
    ["/opt/it's", '"/opt/it\'s"'],
    ['', '""'],
  ])('writes %j as %s', (argument, expected) => {
    expect(quoteExecArgument(argument)).toBe(expected);
  });

  it('refuses a path with a line break, which would end the Exec line', () => {
    expect(() => quoteExecArgument('/opt/evil\nExec=rm')).toThrow(/control character/);
  });
});
