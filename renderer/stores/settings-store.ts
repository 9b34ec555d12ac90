import { create } from 'zustand';

import type { ErrorData } from '../../shared/errors';
import { defaultSettings, type Settings, type SettingsPatch } from '../../shared/settings/settings';
import { call } from '../api';
import { registerStoreReset } from './reset-stores';

type SettingsState = {
  readonly settings: Settings;
  readonly loaded: boolean;
  readonly error: ErrorData | null;
  load(): Promise<void>;
  update(patch: SettingsPatch): Promise<boolean>;
  /** Remembers that the therapist allowed ReadyRoom to contact this "host:port". */
  approveHost(target: string): Promise<boolean>;
  forgetHost(target: string): Promise<boolean>;
};

const initial = { settings: defaultSettings, loaded: false, error: null };

export const useSettingsStore = create<SettingsState>()((set) => ({
  ...initial,
  async approveHost(target) {
    const result = await call('settings:approve-host', { target });
    set(result.ok ? { settings: result.value, error: null } : { error: result.error });
    return result.ok;
  },
  async forgetHost(target) {
    const result = await call('settings:forget-host', { target });
    set(result.ok ? { settings: result.value, error: null } : { error: result.error });
    return result.ok;
  },
  async load() {
    const result = await call('settings:get', {});
    if (result.ok) set({ settings: result.value, loaded: true, error: null });
    else set({ error: result.error, loaded: true });
  },
  async update(patch) {
    const result = await call('settings:update', { patch });
    if (result.ok) {
      set({ settings: result.value, error: null });
      return true;
    }
    set({ error: result.error });
    return false;
  },
}));

registerStoreReset(() => useSettingsStore.setState(initial));
