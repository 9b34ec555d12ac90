import { isAbsolute, join, win32 } from 'node:path';

import { describe, expect, it } from 'vitest';

import { defaultDataDir } from '../../../main/cli/data-dir';

const home = '/home/therapist';

describe('defaultDataDir', () => {
  it('uses %APPDATA%\\ReadyRoom on Windows', () => {
    const appData = 'C:\\Users\\therapist\\AppData\\Roaming';
    expect(defaultDataDir('win32', { APPDATA: appData }, home)).toBe(win32.join(appData, 'ReadyRoom'));
  });

  it('falls back to AppData/Roaming under the home folder on Windows without APPDATA', () => {
    expect(defaultDataDir('win32', {}, home)).toBe(win32.join(home, 'AppData', 'Roaming', 'ReadyRoom'));
  });

  it('uses Library/Application Support on macOS', () => {
    expect(defaultDataDir('darwin', {}, home)).toBe(join(home, 'Library', 'Application Support', 'ReadyRoom'));
  });

  it('uses ~/.config/ReadyRoom on Linux', () => {
    expect(defaultDataDir('linux', {}, home)).toBe(join(home, '.config', 'ReadyRoom'));
  });

  it('follows XDG_CONFIG_HOME on Linux', () => {
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/data/config' }, home)).toBe(join('/data/config', 'ReadyRoom'));
  });

  it('ignores an empty XDG_CONFIG_HOME, as Electron does, instead of using a relative folder', () => {
    const dir = defaultDataDir('linux', { XDG_CONFIG_HOME: '' }, home);
    expect(dir).toBe(join(home, '.config', 'ReadyRoom'));
  });

  it('treats other Unix systems like Linux', () => {
    expect(defaultDataDir('freebsd', {}, home)).toBe(join(home, '.config', 'ReadyRoom'));
  });

  it.each(['win32', 'darwin', 'linux'] as const)('lets READYROOM_DATA_DIR override the folder on %s', (platform) => {
    expect(defaultDataDir(platform, { READYROOM_DATA_DIR: '/srv/readyroom', APPDATA: 'C:\\x' }, home)).toBe(
      '/srv/readyroom',
    );
  });

  it('ignores an empty READYROOM_DATA_DIR', () => {
    expect(defaultDataDir('darwin', { READYROOM_DATA_DIR: '' }, home)).toBe(
      join(home, 'Library', 'Application Support', 'ReadyRoom'),
    );
  });

  it('gives an absolute path by default on this machine', () => {
    expect(isAbsolute(defaultDataDir(process.platform, {}))).toBe(true);
  });
});
