import { afterEach, describe, expect, it, vi } from 'vitest';

import { FakeNotification } from '../../fakes/fake-electron';

vi.mock('electron', () => ({ Notification: FakeNotification, default: { Notification: FakeNotification } }));

const { createElectronNotifier } = await import('../../../main/adapters/notification-adapter');

afterEach(() => FakeNotification.reset());

describe('createElectronNotifier', () => {
  it('shows a silent native notification with the title and body', () => {
    expect(createElectronNotifier().show({ title: 'Ready', body: 'All good.' })).toBe(true);
    expect(FakeNotification.instances).toHaveLength(1);
    const shown = FakeNotification.instances[0];
    expect(shown?.options).toEqual({ title: 'Ready', body: 'All good.', silent: true });
    expect(shown?.shown).toBe(true);
  });

  it('runs the click action when the notification is clicked, and not before', () => {
    const clicked = vi.fn();
    createElectronNotifier().show({ title: '3 things need attention', body: '…', onClick: clicked });
    expect(clicked).not.toHaveBeenCalled();
    FakeNotification.instances[0]?.emit('click');
    expect(clicked).toHaveBeenCalledTimes(1);
  });

  it('does nothing when a notification is closed unclicked', () => {
    const clicked = vi.fn();
    createElectronNotifier().show({ title: 'Ready', body: '…', onClick: clicked });
    FakeNotification.instances[0]?.emit('close');
    expect(clicked).not.toHaveBeenCalled();
  });

  it('says so, and shows nothing, where the desktop has no notifications', () => {
    FakeNotification.supported = false;
    expect(createElectronNotifier().show({ title: 'Ready', body: '…' })).toBe(false);
    expect(FakeNotification.instances).toEqual([]);
  });
});
