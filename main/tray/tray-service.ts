import { join } from 'node:path';

import { Menu, Tray, nativeImage, nativeTheme } from 'electron';

import type { AppRoute } from '../../shared/ipc/app.contract';
import type { ProblemLink } from '../../shared/tray/quick-check-notice';
import { trayMenuModel, type NextSessionInfo, type TrayCommand } from '../../shared/tray/tray-menu-model';
import { incidentLine, trayIconFile, trayState, trayTooltip } from '../../shared/tray/tray-state';
import { runCommand } from '../platform/exec';
import type { LastCheckTracker } from './last-check-tracker';
import type { QuickCheckService } from './quick-check-service';
import { parseSystemUsesLightTheme, toElectronMenu } from './tray-menu';

const personalizeKey = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize';
/** How often the icon and menu are brought up to date without an event (a check going stale, the next session). */
const refreshMs = 60_000;

export interface TrayDeps {
  readonly assetsDir: string;
  open(route: AppRoute, problem?: ProblemLink): void;
  quit(): void;
  lockLogs(): void;
  vaultUnlocked(): boolean;
  readonly quickCheck: QuickCheckService;
  readonly lastCheck: LastCheckTracker;
  /** The next scheduled session; the schedule provides it, null while none is planned. */
  nextSession(): NextSessionInfo | null;
  /** How many practice-review items are due (said in the tooltip). */
  reviewDue(): number;
  /** Deadlines of incidents awaiting a decision, open or closed (kept outside the vault, so known while it is locked). */
  incidentDeadlines(): readonly string[];
}

/**
 * Whether the taskbar or top bar is dark. Windows: its own registry value (the app theme can
 * differ). Linux: GNOME and most panels are dark whatever the app theme, so assume dark.
 */
async function isTaskbarDark(): Promise<boolean> {
  if (process.platform === 'linux') return true;
  if (process.platform !== 'win32') return nativeTheme.shouldUseDarkColors;
  // Absolute path: Windows looks in the current folder before PATH for a bare name.
  const reg = join(process.env.SystemRoot ?? 'C:\\Windows', 'System32', 'reg.exe');
  const result = await runCommand(reg, ['query', personalizeKey, '/v', 'SystemUsesLightTheme'], { timeoutMs: 2000 });
  const light = result.ok ? parseSystemUsesLightTheme(result.stdout) : null;
  return light === null ? true : !light;
}

/** Creates the tray icon; its picture, tooltip and menu follow the last check, the vault and the OS theme. */
export interface TrayHandle {
  /** Brings the icon, tooltip and menu up to date (the vault locked, a quick check started). */
  refresh(): void;
  destroy(): void;
}

export async function createTray(deps: TrayDeps): Promise<TrayHandle> {
  let dark = await isTaskbarDark();
  const image = () => {
    const state = trayState(deps.lastCheck.get(), new Date());
    const icon = nativeImage.createFromPath(join(deps.assetsDir, trayIconFile(state, process.platform, dark)));
    if (process.platform === 'darwin') icon.setTemplateImage(true);
    return icon;
  };
  const tray = new Tray(image());
  const run = (command: TrayCommand) => {
    switch (command) {
      case 'check':
        return deps.open('wizard');
      case 'quick':
        return void deps.quickCheck.run();
      case 'next-session':
        return deps.open('home');
      case 'crisis':
        return deps.open('crisis');
      case 'incidents':
        return deps.open('incidents');
      case 'logs':
        return deps.open('logs');
      case 'settings':
        return deps.open('settings');
      case 'lock':
        return deps.lockLogs();
      case 'quit':
        return deps.quit();
    }
  };
  const refresh = () => {
    if (tray.isDestroyed()) return;
    tray.setImage(image());
    const now = new Date();
    const incidentDeadlines = deps.incidentDeadlines();
    tray.setToolTip(trayTooltip(deps.lastCheck.get(), { now, reviewDue: deps.reviewDue(), incidentDeadlines }));
    const model = trayMenuModel({
      nextSession: deps.nextSession(),
      incident: incidentLine(incidentDeadlines, now),
      quickCheckRunning: deps.quickCheck.running,
      vaultUnlocked: deps.vaultUnlocked(),
    });
    tray.setContextMenu(Menu.buildFromTemplate(toElectronMenu(model, run)));
  };
  refresh();
  const unsubscribe = deps.lastCheck.subscribe(refresh);
  const timer = setInterval(refresh, refreshMs);
  timer.unref();
  // A left click opens the full check on Windows and Linux; macOS shows the menu.
  tray.on('click', () => {
    if (process.platform !== 'darwin') deps.open('wizard');
  });
  nativeTheme.on('updated', () => {
    if (process.platform === 'darwin') return;
    void isTaskbarDark().then((value) => {
      dark = value;
      refresh();
    });
  });
  return {
    refresh,
    destroy() {
      clearInterval(timer);
      unsubscribe();
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
