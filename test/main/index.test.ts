import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { MenuItem, MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { channelNames } from '../../shared/ipc/contract';
import {
  createFakeElectron,
  FakeWebContents,
  fakeInvokeEvent,
  subFrame,
  topFrame,
  type FakeBrowserWindow,
  type FakeElectron,
  type FakeElectronOptions,
  type RequestDetails,
} from '../fakes/fake-electron';

const appPage = 'app://bundle/index.html';
let userData: string;

/** Lets promise callbacks (the `whenReady().then(bootstrap)` chain) run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Imports main/index.ts afresh against a new fake electron, then lets the app become ready. */
async function startMain(options: Partial<FakeElectronOptions> = {}): Promise<FakeElectron> {
  vi.resetModules();
  let becomeReady = () => undefined as void;
  const gate = new Promise<void>((resolve) => {
    becomeReady = resolve;
  });
  const electron = createFakeElectron({
    userData,
    appPath: join(import.meta.dirname, '../..'),
    ready: gate,
    ...options,
  });
  vi.doMock('electron', () => electron.module);
  await import('../../main/index');
  // main installs a stderr log sink; keep this test's output clean.
  const logger = await import('../../main/logging/logger');
  logger.setLogSink(logger.createMemorySink());
  becomeReady();
  await settle();
  return electron;
}

function trayItem(electron: FakeElectron, label: string): MenuItemConstructorOptions {
  const item = electron.trays[0]?.menu?.template.find((entry) => entry.label === label);
  if (!item) throw new Error(`no tray item ${label}`);
  return item;
}

function clickTray(electron: FakeElectron, label: string): void {
  trayItem(electron, label).click?.({} as MenuItem, undefined, {} as KeyboardEvent);
}

/** Lets a new window finish loading its page and become ready to show. */
function finishLoading(window: FakeBrowserWindow | undefined): FakeBrowserWindow {
  if (!window) throw new Error('no window was created');
  window.webContents.emit('did-finish-load');
  window.emit('ready-to-show');
  return window;
}

/** Opens the window from the tray, as the user would, and lets it load. */
function openWindow(electron: FakeElectron): FakeBrowserWindow {
  clickTray(electron, 'Check readiness now…');
  return finishLoading(electron.windows.at(-1));
}

beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'readyroom-main-'));
  // As if started at login: most scenarios begin with the app waiting in the tray.
  process.argv.push('--hidden');
  vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
});

afterEach(() => {
  process.argv = process.argv.filter((arg) => arg !== '--hidden');
  vi.doUnmock('electron');
  vi.resetModules();
  vi.unstubAllEnvs();
  rmSync(userData, { recursive: true, force: true });
});

describe('main/index before ready', () => {
  it('enables the sandbox and registers app:// as privileged before the app is ready', async () => {
    const electron = await startMain({ ready: new Promise<void>(() => undefined) });
    expect(electron.calls).toContain('app.enableSandbox');
    expect(electron.calls).toContain('protocol.registerSchemesAsPrivileged');
    expect(electron.calls).not.toContain('ready');
    expect(electron.calls.indexOf('app.enableSandbox')).toBeLessThan(electron.calls.indexOf('app.whenReady'));
    expect(electron.calls.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(
      electron.calls.indexOf('app.whenReady'),
    );
    expect(electron.protocol.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) as unknown },
    ]);
  });

  it('registers nothing that needs ready until the app is ready', async () => {
    const electron = await startMain({ ready: new Promise<void>(() => undefined) });
    expect(electron.protocol.handlers.size).toBe(0);
    expect(electron.ipcMain.handlers.size).toBe(0);
    expect(electron.session.defaultSession.requestHandler).toBeNull();
    expect(electron.trays).toEqual([]);
  });

  it('asks for the single-instance lock', async () => {
    const electron = await startMain();
    expect(electron.calls).toContain('app.requestSingleInstanceLock');
  });

  it('quits at once when another ReadyRoom holds the lock', async () => {
    const electron = await startMain({ gotLock: false });
    expect(electron.quitCount).toBe(1);
    expect(electron.calls).not.toContain('app.whenReady');
    expect(electron.ipcMain.handlers.size).toBe(0);
    expect(electron.trays).toEqual([]);
    expect(electron.windows).toEqual([]);
  });
});

describe('main/index after ready', () => {
  it('registers a handler for every contract channel, and only those', async () => {
    const electron = await startMain();
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...channelNames].sort());
  });

  it('removes electron-store’s unchecked renderer IPC listener', async () => {
    const electron = await startMain();
    expect(electron.ipcMain.listeners.has('electron-store-get-data')).toBe(false);
  });

  it('installs the permission handlers on the default session', async () => {
    const { session } = await startMain();
    expect(session.defaultSession.requestHandler).not.toBeNull();
    expect(session.defaultSession.checkHandler).not.toBeNull();
    expect(session.defaultSession.deviceHandler).not.toBeNull();
  });

  it('serves app:// from the renderer folder with the CSP, and refuses traversal', async () => {
    const { protocol } = await startMain();
    expect([...protocol.handlers.keys()]).toEqual(['app']);
    const page = await protocol.fetch(appPage);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const escape = await protocol.fetch('app://bundle/..%2f..%2fpackage.json');
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain('"name"');
  });

  it('installs the navigation guards on every new webContents', async () => {
    const electron = await startMain();
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      contents.emit(name, { preventDefault: () => void (prevented = true) });
      expect(prevented, name).toBe(true);
    }
    expect(contents.windowOpenHandler?.({} as never)).toEqual({ action: 'deny' });
  });

  it('creates a tray with its entries and no window yet', async () => {
    const electron = await startMain();
    expect(electron.trays).toHaveLength(1);
    const labels = electron.trays[0]?.menu?.template
      .filter((item) => item.type !== 'separator')
      .map((item) => item.label);
    expect(labels).toEqual([
      'Check readiness now…',
      'Quick check',
      'Crisis card…',
      'Past logs',
      'Settings',
      'Lock logs',
      'Quit ReadyRoom',
    ]);
    // No logs set up yet: nothing to lock.
    expect(trayItem(electron, 'Lock logs').enabled).toBe(false);
    expect(electron.windows).toEqual([]);
  });

  it('shows "not checked yet" in the tray icon and in words before any check', async () => {
    const electron = await startMain();
    const tray = electron.trays[0];
    // On first run every practice-review item is due, and the tooltip says so on its own line.
    expect(tray?.tooltip).toBe('ReadyRoom: not checked yet\nPractice review: 9 items due');
    // Linux panels are dark: the light glyph, generated into assets/.
    expect(tray?.image.path).toBe(join(import.meta.dirname, '../../assets/tray-unchecked-dark.png'));
  });

  it('stays in the tray when started at login, and opens no window', async () => {
    const electron = await startMain();
    expect(electron.windows).toEqual([]);
    expect(electron.loginItems.setCalls).toEqual([]);
  });

  it('shows the home window when the user starts ReadyRoom, rather than hiding in the tray', async () => {
    process.argv = process.argv.filter((arg) => arg !== '--hidden');
    const electron = await startMain();
    const window = finishLoading(electron.windows[0]);
    expect(electron.windows).toHaveLength(1);
    expect(window.loadedUrls).toEqual([appPage]);
    expect(window.webContents.sent).toContainEqual({ channel: 'app:navigate', args: [{ route: 'home' }] });
  });

  it('opens the window from the tray with the secure options, loading app://bundle/index.html', async () => {
    const electron = await startMain();
    const window = openWindow(electron);
    expect(window.loadedUrls).toEqual([appPage]);
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
    expect(window.options.webPreferences?.preload).toMatch(/preload[/\\]index\.cjs$/);
    expect(window.visible).toBe(true);
    expect(window.webContents.sent).toEqual([{ channel: 'app:navigate', args: [{ route: 'wizard' }] }]);
  });

  it('turns devtools off in a packaged build', async () => {
    // Electron sets process.resourcesPath; main reads the packaged tray icons from there.
    const electronProcess = process as { resourcesPath: string };
    const saved = electronProcess.resourcesPath;
    electronProcess.resourcesPath = userData;
    try {
      const electron = await startMain({ isPackaged: true });
      const window = openWindow(electron);
      expect(window.options.webPreferences?.devTools).toBe(false);
    } finally {
      electronProcess.resourcesPath = saved;
    }
  });

  it('reuses the window and routes it from the other tray entries', async () => {
    const electron = await startMain();
    const window = openWindow(electron);
    clickTray(electron, 'Past logs');
    clickTray(electron, 'Settings');
    expect(electron.windows).toHaveLength(1);
    expect(window.webContents.sent.map((message) => message.args[0])).toEqual([
      { route: 'wizard' },
      { route: 'logs' },
      { route: 'settings' },
    ]);
  });

  it('opens the crisis card from the tray, and keeps the window small and on top only when the page asks', async () => {
    const electron = await startMain();
    const window = openWindow(electron);
    clickTray(electron, 'Crisis card…');
    expect(window.webContents.sent.at(-1)?.args[0]).toEqual({ route: 'crisis' });
    expect(window.alwaysOnTop.flag).toBe(false);
    const event = fakeInvokeEvent(window.webContents, topFrame(appPage));
    expect(await electron.ipcMain.invoke('app:keep-on-top', event, { on: true })).toEqual({
      ok: true,
      value: { on: true },
    });
    expect(window.alwaysOnTop).toEqual({ flag: true, level: 'floating' });
    expect(window.bounds).toEqual({ x: 80, y: 60, width: 420, height: 620 });
    await electron.ipcMain.invoke('app:keep-on-top', event, { on: false });
    expect(window.alwaysOnTop.flag).toBe(false);
    expect(window.bounds).toEqual({ x: 80, y: 60, width: 980, height: 760 });
  });

  it('shows the window when a second instance starts', async () => {
    const electron = await startMain();
    electron.app.emit('second-instance');
    const window = finishLoading(electron.windows[0]);
    expect(window.visible).toBe(true);
    expect(window.webContents.sent).toEqual([{ channel: 'app:navigate', args: [{ route: 'home' }] }]);
  });

  it('hides the window on close and really closes it once quitting', async () => {
    const electron = await startMain();
    const window = openWindow(electron);
    expect(window.close()).toBe(false);
    expect(window.visible).toBe(false);
    electron.app.emit('before-quit');
    expect(window.close()).toBe(true);
  });

  it('sends the route to a new window only once its page has loaded', async () => {
    const electron = await startMain();
    clickTray(electron, 'Past logs');
    const window = electron.windows[0];
    expect(window?.webContents.sent).toEqual([]);
    finishLoading(window);
    expect(window?.webContents.sent).toEqual([{ channel: 'app:navigate', args: [{ route: 'logs' }] }]);
  });

  it('removes the tray icon when the app quits', async () => {
    const electron = await startMain();
    electron.app.emit('will-quit');
    expect(electron.trays[0]?.isDestroyed()).toBe(true);
  });

  it('quits from the tray', async () => {
    const electron = await startMain();
    clickTray(electron, 'Quit ReadyRoom');
    expect(electron.quitCount).toBe(1);
  });

  it('answers IPC from the window’s own top frame and refuses anyone else', async () => {
    const electron = await startMain();
    const window = openWindow(electron);
    const ok = await electron.ipcMain.invoke('app:info', fakeInvokeEvent(window.webContents, topFrame(appPage)), {});
    expect(ok).toEqual({
      ok: true,
      value: { name: 'ReadyRoom', version: '1.2.3', os: expect.anything() as unknown, testHost: false },
    });
    const refused = [
      fakeInvokeEvent(new FakeWebContents(), topFrame(appPage)),
      fakeInvokeEvent(window.webContents, subFrame(appPage)),
      fakeInvokeEvent(window.webContents, topFrame('https://evil.example/')),
      fakeInvokeEvent(window.webContents, null),
    ];
    for (const event of refused) {
      expect(await electron.ipcMain.invoke('app:info', event, {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
  });

  it('refuses IPC before any window exists', async () => {
    const electron = await startMain();
    const result = await electron.ipcMain.invoke(
      'app:info',
      fakeInvokeEvent(new FakeWebContents(), topFrame(appPage)),
      {},
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it.each(['suspend', 'lock-screen'])('locks the vault when the computer sends %s', async (signal) => {
    const electron = await startMain();
    const window = openWindow(electron);
    const event = fakeInvokeEvent(window.webContents, topFrame(appPage));
    const setup = await electron.ipcMain.invoke('vault:setup', event, { passphrase: 'correct horse battery staple' });
    expect(setup).toMatchObject({ ok: true, value: { status: { state: 'unlocked' } } });
    // A setup is finished once its recovery key is confirmed as written down (until then it counts as none).
    await electron.ipcMain.invoke('vault:confirm-recovery-key', event, {});
    electron.powerMonitor.emit(signal);
    expect(await electron.ipcMain.invoke('vault:status', event, {})).toMatchObject({
      ok: true,
      value: { state: 'locked' },
    });
  });

  it('offers keychain unlock through safeStorage with a real keyring', async () => {
    const electron = await startMain();
    const event = fakeInvokeEvent(openWindow(electron).webContents, topFrame(appPage));
    expect(await electron.ipcMain.invoke('vault:status', event, {})).toMatchObject({
      ok: true,
      value: { keychain: { available: true } },
    });
  });

  it('refuses keychain unlock when Linux safeStorage falls back to basic_text', async () => {
    const electron = await startMain({ keychainBackend: 'basic_text' });
    const event = fakeInvokeEvent(openWindow(electron).webContents, topFrame(appPage));
    const status = await electron.ipcMain.invoke('vault:status', event, {});
    expect(status).toMatchObject({ ok: true, value: { keychain: { available: false } } });
    expect((status as { value: { keychain: { reason: string } } }).value.keychain.reason).toMatch(/keychain/i);
  });

  it('keeps settings in the userData folder', async () => {
    const electron = await startMain();
    const window = openWindow(electron);
    const event = fakeInvokeEvent(window.webContents, topFrame(appPage));
    const updated = await electron.ipcMain.invoke('settings:update', event, { patch: { theme: 'dark' } });
    expect(updated).toMatchObject({ ok: true, value: { theme: 'dark' } });
    const { readFileSync } = await import('node:fs');
    expect(JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8'))).toMatchObject({
      settings: { theme: 'dark' },
    });
  });

  it('grants the camera and microphone only to the app page in its own window', async () => {
    const electron = await startMain();
    const window = openWindow(electron);
    const session = electron.session.defaultSession;
    const details = (url: string) =>
      ({ isMainFrame: true, requestingUrl: url, mediaTypes: ['audio', 'video'] }) as RequestDetails;
    expect(await session.request(window.webContents, 'media', details(appPage))).toBe(true);
    expect(await session.request(new FakeWebContents(), 'media', details(appPage))).toBe(false);
    expect(await session.request(window.webContents, 'media', details('https://evil.example/'))).toBe(false);
    expect(await session.request(window.webContents, 'geolocation', details(appPage))).toBe(false);
  });

  it('denies the camera to a closed window', async () => {
    const electron = await startMain();
    const window = openWindow(electron);
    electron.app.emit('before-quit');
    window.close();
    const details = { isMainFrame: true, requestingUrl: appPage, mediaTypes: ['video'] } as RequestDetails;
    expect(await electron.session.defaultSession.request(window.webContents, 'media', details)).toBe(false);
  });

  it('exits with code 1 when start-up fails after ready', async () => {
    // A file where the data folder should be: the settings store cannot be opened.
    const blocked = join(userData, 'not-a-folder');
    writeFileSync(blocked, 'x');
    const electron = await startMain({ userData: blocked });
    expect(electron.exitCode).toBe(1);
  });
});
