import { existsSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { AppError } from '../../shared/errors';
import { addressText, checkPlatformAddress, checkSpeedTestUrl } from '../../shared/network/network-address';
import { parseHostTarget } from '../../shared/session/host-target';
import { isRetiredPlatform } from '../../shared/session/platforms';
import {
  defaultSettings,
  maxApprovedHosts,
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
  /** Refuses (BAD_REQUEST, in plain words) an address ReadyRoom would not contact. */
  update(patch: SettingsPatch): Settings;
  /** Remembers that the therapist allowed ReadyRoom to contact this "host:port". */
  approveHost(target: string): Settings;
  forgetHost(target: string): Settings;
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

  const write = (next: Settings): Settings => {
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
  };

  return {
    get: () => current,
    update(patch) {
      const candidate = { ...current, ...checkedAddresses(patch, current) };
      const problem = settingsProblem(candidate);
      if (problem) throw new AppError('BAD_REQUEST', `${problem} Your settings are unchanged.`);
      return write(settingsSchema.parse(candidate));
    },
    approveHost(target) {
      const key = approvalKey(target);
      if (current.approvedHosts.includes(key)) return current;
      if (current.approvedHosts.length >= maxApprovedHosts)
        throw new AppError(
          'BAD_REQUEST',
          'ReadyRoom keeps at most 100 addresses: remove one you no longer use in Settings.',
        );
      log.info('address approved for connection checks');
      return write({ ...current, approvedHosts: [...current.approvedHosts, key] });
    },
    forgetHost(target) {
      const check = checkPlatformAddress(target);
      const key = check.ok ? check.key : target;
      return write({ ...current, approvedHosts: current.approvedHosts.filter((h) => h !== key && h !== target) });
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
  // A country code this version does not know (or a repeat) costs only itself.
  if (Array.isArray(source.coveredCountries)) {
    const valid = source.coveredCountries.filter(
      (code): code is string =>
        typeof code === 'string' && settingsSchema.shape.coveredCountries.element.safeParse(code).success,
    );
    result.coveredCountries = [...new Set(valid)].slice(0, 250);
  }
  // An approval for an address ReadyRoom would now refuse (edited by hand, or from an older version) is dropped.
  result.approvedHosts = (result.approvedHosts as string[]).filter((key) => {
    const check = checkPlatformAddress(key);
    return check.ok && check.key === key;
  });
  return settingsSchema.parse(result);
}

/** The canonical "host:port" of an address the therapist approves; refuses any ReadyRoom would not contact. */
function approvalKey(target: string): string {
  const check = parseHostTarget(target) ? checkPlatformAddress(target) : null;
  if (!check?.ok) throw new AppError('BAD_REQUEST', check?.reason ?? 'That is not an address ReadyRoom can contact.');
  return check.key;
}

/**
 * The addresses in a patch, checked as the therapist typed them: the other platform's address is
 * kept as "host[:port]" (a pasted meeting link loses its path), speed-test addresses must be
 * https on an internet host. Values the patch leaves as they are are not re-judged, so an older
 * setting never blocks an unrelated change.
 */
function checkedAddresses(patch: SettingsPatch, current: Settings): SettingsPatch {
  const out: { -readonly [K in keyof SettingsPatch]: SettingsPatch[K] } = { ...patch };
  const host = patch.otherPlatformHost?.trim();
  if (host !== undefined && host !== '' && host !== current.otherPlatformHost) {
    const check = checkPlatformAddress(host);
    if (!check.ok) throw new AppError('BAD_REQUEST', check.reason);
    out.otherPlatformHost = addressText(check.target);
  }
  if (patch.throughput) {
    for (const field of ['downloadUrl', 'uploadUrl'] as const) {
      const url = patch.throughput[field].trim();
      if (url === '' || url === current.throughput[field]) continue;
      const check = checkSpeedTestUrl(url);
      if (!check.ok) throw new AppError('BAD_REQUEST', check.reason);
    }
    if (patch.throughput.enabled && patch.throughput.downloadUrl.trim() === '')
      throw new AppError('BAD_REQUEST', 'To run the speed test, give the https:// address of a file to download.');
  }
  return out;
}
