import { beforeEach, describe, expect, it } from 'vitest';

import { AppError } from '../../../shared/errors';
import { defaultSettings } from '../../../shared/settings/settings';
import { useSettingsStore } from '../../../renderer/stores/settings-store';
import { createFakeBridge, installFakeBridge, type FakeBridge } from '../../fakes/fake-bridge';

describe('settings store', () => {
  let bridge: FakeBridge;
  beforeEach(() => {
    bridge = createFakeBridge({
      'settings:get': () => ({ ...defaultSettings, theme: 'dark' }),
      'settings:update': ({ patch }) => ({ ...defaultSettings, ...patch }),
    });
    installFakeBridge(bridge);
  });

  it('starts from the defaults until loaded', () => {
    expect(useSettingsStore.getState().settings).toEqual(defaultSettings);
    expect(useSettingsStore.getState().loaded).toBe(false);
  });

  it('loads the settings from main', async () => {
    await useSettingsStore.getState().load();
    expect(useSettingsStore.getState().settings.theme).toBe('dark');
    expect(useSettingsStore.getState().loaded).toBe(true);
  });

  it('keeps the previous settings and records the error when an update is refused', async () => {
    bridge.handle('settings:update', () => {
      throw new AppError('BAD_REQUEST', 'The request was not valid.');
    });
    const saved = await useSettingsStore.getState().update({ idleLockMinutes: 5 });
    expect(saved).toBe(false);
    expect(useSettingsStore.getState().settings.idleLockMinutes).toBe(defaultSettings.idleLockMinutes);
    expect(useSettingsStore.getState().error).toEqual({ code: 'BAD_REQUEST', message: 'The request was not valid.' });
  });

  it('applies an accepted update', async () => {
    expect(await useSettingsStore.getState().update({ idleLockMinutes: 5 })).toBe(true);
    expect(useSettingsStore.getState().settings.idleLockMinutes).toBe(5);
    expect(bridge.calls.at(-1)).toEqual({ channel: 'settings:update', request: { patch: { idleLockMinutes: 5 } } });
  });
});
