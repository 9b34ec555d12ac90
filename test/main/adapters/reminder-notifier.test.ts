import { EventEmitter } from 'node:events';

import type { NotificationConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';

import { createReminderNotifier } from '../../../main/adapters/reminder-notifier';

/** Stands in for Electron's Notification: records what was shown, and can be clicked. */
function fakeNotificationClass(supported = true) {
  const shown: FakeNotification[] = [];
  class FakeNotification extends EventEmitter {
    readonly options: NotificationConstructorOptions;
    constructor(options: NotificationConstructorOptions) {
      super();
      this.options = options;
    }
    static isSupported(): boolean {
      return supported;
    }
    show(): void {
      shown.push(this);
    }
  }
  return { Notification: FakeNotification, shown };
}

describe('reminder notifier (Electron Notification adapter)', () => {
  it('shows the reminder text as a native notification and runs onClick when it is clicked', () => {
    const { Notification, shown } = fakeNotificationClass();
    let opened = 0;
    const notifier = createReminderNotifier(Notification as never);
    notifier.show('Session at 14:00: check now', () => (opened += 1));
    expect(shown.map((n) => [n.options.title, n.options.body])).toEqual([['ReadyRoom', 'Session at 14:00: check now']]);
    shown[0]?.emit('click');
    expect(opened).toBe(1);
  });

  it('shows nothing where the OS has no notifications', () => {
    const { Notification, shown } = fakeNotificationClass(false);
    createReminderNotifier(Notification as never).show('Session at 14:00: check now', () => undefined);
    expect(shown).toEqual([]);
  });
});
