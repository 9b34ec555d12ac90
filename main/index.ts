import { join } from 'node:path';

import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  nativeTheme,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
  type WebContents,
} from 'electron';

import type { AppRoute } from '../shared/ipc/app.contract';
import type { ProblemLink } from '../shared/tray/quick-check-notice';
import type { NextSessionInfo } from '../shared/tray/tray-menu-model';
import { createBackupDialogs } from './adapters/backup-dialogs';
import { createExportDialogs } from './adapters/export-dialogs';
import { electronStoreFactory } from './adapters/electron-store-factory';
import { createElectronLoginItem } from './adapters/login-item-adapter';
import { createElectronNotifier } from './adapters/notification-adapter';
import { lockOnSuspendOrScreenLock } from './adapters/power-monitor-locks';
import { createSafeStorageKeychain } from './adapters/safe-storage-keychain';
import { createServiceGraph, type ServiceGraph } from './composition/service-graph';
import { createWindowEventSink, registerIpcHandlers } from './ipc/ipc-adapter';
import { appOrigin, isTrustedSender, type SenderInfo } from './ipc/sender-check';
import { createLogger, createStderrSink, describeError, setLogSink } from './logging/logger';
import { runCommand } from './platform/exec';
import { handleAppProtocol, registerAppScheme } from './windows/app-protocol';
import { hideOnClose, mainWindowOptions } from './windows/main-window';
import { createKeepOnTop } from './windows/keep-on-top';
import { installNavigationGuards } from './windows/navigation-guards';
import { installPermissionHandlers } from './windows/permissions';
import { createLastCheckTracker } from './tray/last-check-tracker';
import { createQuickCheckService } from './tray/quick-check-service';
import { createTray, type TrayHandle } from './tray/tray-service';

setLogSink(createStderrSink(app.isPackaged ? 'warn' : 'info'));
const log = createLogger('app');

/** electron-vite sets this in `npm run dev`; the renderer then comes from its local dev server. */
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

let mainWindow: BrowserWindow | null = null;
let graph: ServiceGraph | null = null;
let quitting = false;
// Held at module level so the tray icon is not garbage-collected.
let tray: TrayHandle | null = null;
const lastCheck = createLastCheckTracker();
const loginItem = createElectronLoginItem();

/** The schedule's next session for the tray menu (no client code while the logs are locked). */
const nextSession = (): NextSessionInfo | null => graph?.reminders?.nextSession() ?? null;

app.enableSandbox();
registerAppScheme(protocol);

app.on('web-contents-created', (_event, contents) => installNavigationGuards(contents));

if (!app.requestSingleInstanceLock()) {
  // Another ReadyRoom is running: it gets our `second-instance` event and shows itself.
  app.quit();
} else {
  app.on('second-instance', () => showWindow('home'));
  app.on('before-quit', () => {
    quitting = true;
  });
  // Closing the window never quits: ReadyRoom lives in the tray.
  app.on('window-all-closed', () => undefined);
  app
    .whenReady()
    .then(bootstrap)
    .catch((error: unknown) => {
      log.error('start-up failed', { error: describeError(error) });
      app.exit(1);
    });
}

function isOwnWebContents(contents: WebContents | null): boolean {
  return contents !== null && mainWindow !== null && !mainWindow.isDestroyed() && contents === mainWindow.webContents;
}

function trusted(sender: SenderInfo): boolean {
  if (isTrustedSender(sender)) return true;
  // Development only: the page is served by the local Vite server.
  if (devServerUrl && sender.isOwnWindow && sender.isTopFrame && sender.frameUrl) {
    try {
      return new URL(sender.frameUrl).origin === new URL(devServerUrl).origin;
    } catch {
      return false;
    }
  }
  return false;
}

async function bootstrap(): Promise<void> {
  const rendererDir = join(import.meta.dirname, '../renderer');
  handleAppProtocol(protocol, rendererDir);
  installPermissionHandlers(session.defaultSession, isOwnWebContents);

  const notifier = createElectronNotifier();
  graph = createServiceGraph({
    dataDir: app.getPath('userData'),
    platform: process.platform,
    appVersion: app.getVersion(),
    exec: runCommand,
    storeFactory: electronStoreFactory,
    events: withTrayRefresh(createWindowEventSink(() => mainWindow?.webContents ?? null)),
    testHost: false,
    openExternal: (url) => shell.openExternal(url),
    keepOnTop: createKeepOnTop(() => mainWindow),
    ownPids: () => app.getAppMetrics().map((metric) => metric.pid),
    keychain: createSafeStorageKeychain(safeStorage, process.platform),
    dialogs: createBackupDialogs(dialog, () => mainWindow),
    exportDialogs: createExportDialogs(dialog, () => mainWindow),
    reminders: {
      // Silent, like every ReadyRoom notification: a reminder can arrive during the session before.
      notifier: { show: (text, onClick) => void notifier.show({ title: 'ReadyRoom', body: text, onClick }) },
      onOpen: () => showWindow('wizard'),
    },
    loginItem,
    onLogSaved: ({ outcome, savedAt }) => lastCheck.set({ outcome, checkedAt: savedAt, computerOnly: false }),
  });
  const vault = graph.vault;
  // The tray starts from the last saved check (time and outcome only), so a restart does not say "not checked".
  const saved = graph.lastCheck.get();
  if (saved) lastCheck.set({ outcome: saved.outcome, checkedAt: saved.at, computerOnly: false });
  lockOnSuspendOrScreenLock(powerMonitor, (reason) => vault.lock(reason));
  // Reminders that fell due during sleep are judged at once on waking, not when a late timer fires.
  powerMonitor.on('resume', () => graph?.reminders?.wake());
  // electron-store registers a sync IPC listener for renderer-side use; we never use it there.
  ipcMain.removeAllListeners('electron-store-get-data');
  registerIpcHandlers(ipcMain, graph.handlers, isOwnWebContents, trusted);

  const assetsDir = app.isPackaged ? join(process.resourcesPath, 'assets') : join(app.getAppPath(), 'assets');
  const settings = graph.settings;
  const quickCheck = createQuickCheckService({
    scan: graph.scan,
    getSettings: () => settings.get(),
    notifier,
    openProblem: (problem) => showWindow('wizard', problem ?? undefined),
    onChecked: (last) => lastCheck.set(last),
    onRunningChange: () => tray?.refresh(),
  });
  tray = await createTray({
    assetsDir,
    open: showWindow,
    quit: () => app.quit(),
    lockLogs: () => vault.lock('manual'),
    vaultUnlocked: () => vault.status().state === 'unlocked',
    quickCheck,
    lastCheck,
    nextSession,
    reviewDue: () => graph?.review.dueReviewCount() ?? 0,
    incidentDeadlines: () => graph?.incidents.pendingDeadlines().map((d) => d.deadline) ?? [],
  });
  // A new, decided or closed incident changes the tray's clock at once, not at the next minute.
  graph.incidents.onChange(() => tray?.refresh());
  // Opened by the user, show the window; started at login, wait in the tray.
  if (!loginItem.startedAtLogin(process.argv)) showWindow('home');
  app.on('will-quit', () => {
    tray?.destroy();
    graph?.vault.lock('quit');
    void graph?.dispose();
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(
    mainWindowOptions({
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      isDev: !app.isPackaged,
      darkBackground: nativeTheme.shouldUseDarkColors,
    }),
  );
  hideOnClose(window, () => quitting);
  // macOS: a menu-bar app (LSUIElement) shows its Dock icon only while the window is open.
  window.on('hide', () => app.dock?.hide());
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(devServerUrl ?? `${appOrigin}/index.html`);
  return window;
}

/** Vault and log events change the tray menu (Lock logs): refresh it as they pass to the window. */
function withTrayRefresh(sink: ReturnType<typeof createWindowEventSink>): ReturnType<typeof createWindowEventSink> {
  return {
    emit(event, payload) {
      sink.emit(event, payload);
      // Not per check result: a scan sends one for each of its checks, and none changes the tray.
      if (event !== 'scan:result') tray?.refresh();
    },
  };
}

function showWindow(route: AppRoute, problem?: ProblemLink): void {
  const navigation = problem ? { route, problem } : { route };
  void app.dock?.show();
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createWindow();
    const window = mainWindow;
    window.once('ready-to-show', () => {
      window.show();
      if (process.platform === 'darwin') app.focus({ steal: true });
    });
    // The page subscribes to app:navigate once loaded, so send the route after the load.
    window.webContents.once('did-finish-load', () => window.webContents.send('app:navigate', navigation));
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
  if (process.platform === 'darwin') app.focus({ steal: true });
  mainWindow.webContents.send('app:navigate', navigation);
}
