import type { WebContents } from 'electron';

import { createLogger } from '../logging/logger';

const log = createLogger('navigation');

/**
 * The renderer is a single page: it never navigates, opens windows or hosts webviews.
 * Applied to every webContents the app creates.
 */
export function installNavigationGuards(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  contents.on('will-navigate', (event) => {
    log.warn('blocked a navigation');
    event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    log.warn('blocked a frame navigation');
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    log.warn('blocked a redirect');
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    log.warn('blocked a webview');
    event.preventDefault();
  });
  contents.setWindowOpenHandler(() => {
    log.warn('blocked a new window');
    return { action: 'deny' };
  });
}
