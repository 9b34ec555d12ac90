import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';

export interface MainWindowConfig {
  readonly preloadPath: string;
  readonly isDev: boolean;
  readonly darkBackground: boolean;
}

/** Options for the one app window. Every security preference is written out, not left to defaults. */
export function mainWindowOptions(config: MainWindowConfig): BrowserWindowConstructorOptions {
  return {
    width: 980,
    height: 760,
    minWidth: 640,
    minHeight: 560,
    show: false,
    title: 'ReadyRoom',
    autoHideMenuBar: true,
    backgroundColor: config.darkBackground ? '#16191d' : '#f7f6f3',
    webPreferences: {
      preload: config.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: config.isDev,
      // Middle-click would otherwise open links in new windows (refused anyway by the guards).
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

/** Closing the window hides it; the app keeps running in the tray until Quit. */
export function hideOnClose(window: Pick<BrowserWindow, 'on' | 'hide'>, isQuitting: () => boolean): void {
  window.on('close', (event) => {
    if (isQuitting()) return;
    event.preventDefault();
    window.hide();
  });
}
