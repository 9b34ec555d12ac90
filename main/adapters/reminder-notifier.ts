import type { Notification as ElectronNotification, NotificationConstructorOptions } from 'electron';

import type { Notifier } from '../schedule/reminder-engine';

type NotificationClass = {
  new (options: NotificationConstructorOptions): ElectronNotification;
  isSupported(): boolean;
};

/** Session reminders as native notifications; silent where the OS has none. */
export function createReminderNotifier(Notification: NotificationClass): Notifier {
  // Held until clicked or closed: a collected notification can lose its click handler (Windows).
  const shown = new Set<ElectronNotification>();
  return {
    show(text, onClick) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title: 'ReadyRoom', body: text });
      shown.add(notification);
      notification.on('click', () => {
        shown.delete(notification);
        onClick();
      });
      notification.on('close', () => shown.delete(notification));
      notification.show();
    },
  };
}
