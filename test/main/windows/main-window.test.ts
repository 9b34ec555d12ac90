import type { BrowserWindow } from 'electron';
import { describe, expect, it } from 'vitest';

import { hideOnClose, mainWindowOptions, type MainWindowConfig } from '../../../main/windows/main-window';
import { FakeBrowserWindow } from '../../fakes/fake-electron';

const config: MainWindowConfig = { preloadPath: '/app/out/preload/index.cjs', isDev: false, darkBackground: false };

describe('mainWindowOptions', () => {
  const prefs = mainWindowOptions(config).webPreferences ?? {};

  it('isolates the page from the preload and sandboxes the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
  });

  it('gives no Node.js to the page, its workers or its sub-frames', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and refuses insecure content, experimental features and webviews', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('loads the given preload', () => {
    expect(prefs.preload).toBe(config.preloadPath);
  });

  it('offers devtools only in development', () => {
    expect(mainWindowOptions({ ...config, isDev: false }).webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions({ ...config, isDev: true }).webPreferences?.devTools).toBe(true);
  });

  it('keeps the security settings the same in development', () => {
    const dev = mainWindowOptions({ ...config, isDev: true }).webPreferences ?? {};
    expect({ ...dev, devTools: false }).toEqual({ ...prefs, devTools: false });
  });

  it('starts hidden and picks a background for the theme', () => {
    expect(mainWindowOptions(config).show).toBe(false);
    expect(mainWindowOptions({ ...config, darkBackground: true }).backgroundColor).not.toBe(
      mainWindowOptions(config).backgroundColor,
    );
  });
});

describe('hideOnClose', () => {
  function setup(quitting: { value: boolean }) {
    const window = new FakeBrowserWindow();
    window.visible = true;
    hideOnClose(window as unknown as BrowserWindow, () => quitting.value);
    return window;
  }

  it('hides the window instead of closing it', () => {
    const window = setup({ value: false });
    expect(window.close()).toBe(false);
    expect(window.visible).toBe(false);
    expect(window.isDestroyed()).toBe(false);
  });

  it('lets the window close while the app is quitting', () => {
    const window = setup({ value: true });
    expect(window.close()).toBe(true);
    expect(window.isDestroyed()).toBe(true);
  });

  it('reads the quitting flag at close time', () => {
    const quitting = { value: false };
    const window = setup(quitting);
    expect(window.close()).toBe(false);
    quitting.value = true;
    expect(window.close()).toBe(true);
  });
});
