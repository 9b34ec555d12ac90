import { existsSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { AppError } from '../../shared/errors';
import { isRetiredPlatform } from '../../shared/session/platforms';
import {
  defaultSettings,
  rememberedNotApplicableListSchema,
  settingsProblem,
  settingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../shared/settings/settings';
import { sanitizeThresholds } from '../../shared/settings/thresholds';
import { createLogger, describeError } from '../logging/logger';
import type { KeyValueStore, StoreFactory } from '../store/store-factory';
import { nodeVaultFs } from '../vault/vault-fs';

const log = createLogger('settings');

export interface SettingsService {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
  /** Called after every successful update. */
  onChange(listener: (settings: Settings) => void): () => void;
}

type SettingsFile = { settings?: unknown };

/**
 * Preferences in a plain store (they name no client). A damaged file is moved aside, not
 * wiped, and the defaults are used; an unknown or invalid key falls back to its default.
 */
export function createSettingsService(
  dataDir: string,
  storeFactory: StoreFactory,
  now: () => Date = () => new Date(),
  writeFile: (path: string, data: string) => void = (path, data) => {
    nodeVaultFs.mkdir(dirname(path));
    nodeVaultFs.writeAtomic(path, data);
  },
): SettingsService {
  const store = openStore(dataDir, storeFactory, now);
  const listeners = new Set<(settings: Settings) => void>();
  let current = sanitize(store.get('settings'));

  return {
    get: () => current,
    update(patch) {
      const candidate = { ...current, ...patch };
      const problem = settingsProblem(candidate);
      if (problem) throw new AppError('BAD_REQUEST', `${problem} Your settings are unchanged.`);
      const next = settingsSchema.parse(candidate);
      // Written in conf's format by the vault's checked writer: conf's own writer can leave a file
      // cut short on a full disk. On failure the old file and the old settings stay as they were.
      try {
        writeFile(store.path, `${JSON.stringify({ settings: next }, undefined, '\t')}\n`);
      } catch (error) {
        log.warn('settings could not be saved', { error: describeError(error) });
        const code = (error as NodeJS.ErrnoException).code;
        const full = code === 'ENOSPC' || code === 'EDQUOT';
        throw new AppError(
          full ? 'DISK_FULL' : 'INTERNAL',
          full
            ? 'Your settings could not be saved because the disk is full. Your previous settings are unchanged.'
            : 'Your settings could not be saved. Your previous settings are unchanged.',
        );
      }
      current = next;
      for (const listener of listeners) listener(current);
      return current;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function openStore(dataDir: string, storeFactory: StoreFactory, now: () => Date): KeyValueStore<SettingsFile> {
  const options = { name: 'settings', cwd: dataDir } as const;
  try {
    return storeFactory<SettingsFile>(options);
  } catch (error) {
    const file = join(dataDir, 'settings.json');
    log.warn('settings file could not be read; moving it aside and using defaults', { error: describeError(error) });
    if (existsSync(file)) renameSync(file, `${file}.corrupt-${now().getTime()}`);
    return storeFactory<SettingsFile>(options);
  }
}

/** Keeps each valid key and replaces the rest with defaults, so one bad value costs only itself. */
export function sanitize(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null) return defaultSettings;
  const source = { ...(raw as Record<string, unknown>) };
  // A platform that closed (Skype, May 2025) becomes "another platform", so the therapist is asked for
  // the address they use now instead of being silently switched to some other service.
  if (typeof source.defaultPlatform === 'string' && isRetiredPlatform(source.defaultPlatform)) {
    source.defaultPlatform = 'other';
  }
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(defaultSettings) as (keyof Settings)[]) {
    const parsed = settingsSchema.shape[key].safeParse(source[key]);
    result[key] = parsed.success ? parsed.data : defaultSettings[key];
  }
  // Lists and groups of limits: one bad entry or value costs only itself.
  result.thresholds = sanitizeThresholds(source.thresholds);
  if (Array.isArray(source.notApplicable)) {
    result.notApplicable = source.notApplicable
      .filter((item, index, all) => {
        const ok = rememberedNotApplicableListSchema.safeParse([item]).success;
        const id = (item as { id?: unknown }).id;
        return ok && all.findIndex((other) => (other as { id?: unknown }).id === id) === index;
      })
      .slice(0, 60);
  }
  return settingsSchema.parse(result);
}
