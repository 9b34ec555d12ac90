import { Notification } from 'electron';

import { createLogger, describeError } from '../logging/logger';

const log = createLogger('notification');

export interface NotificationRequest {
  readonly title: string;
  readonly body: string;
  /** Called when the therapist clicks the notification (not when it is dismissed). */
  readonly onClick?: () => void;
}

/** Shows native notifications; false when this desktop has no notification service. */
export interface NotifierPort {
  show(request: NotificationRequest): boolean;
}

/**
 * Electron's Notification at the edge. Each shown notification is held until it is clicked or
 * closed: one that is garbage-collected first loses its click handler.
 */
export function createElectronNotifier(): NotifierPort {
  const shown = new Set<Notification>();
  return {
    show(request) {
      if (!Notification.isSupported()) {
        log.warn('notifications are not supported on this desktop');
        return false;
      }
      try {
        // Silent: a sound could carry into a session that has already started.
        const notification = new Notification({ title: request.title, body: request.body, silent: true });
        shown.add(notification);
        const release = () => shown.delete(notification);
        notification.on('click', () => {
          release();
          request.onClick?.();
        });
        notification.on('close', release);
        notification.on('failed', release);
        notification.show();
        return true;
      } catch (error) {
        log.warn('could not show a notification', { error: describeError(error) });
        return false;
      }
    },
  };
}
