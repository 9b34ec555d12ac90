import { resolve } from 'node:path';

import { defaultSettings, settingsProblem, type Settings } from '../../../shared/settings/settings';
import { formatThreshold, getThresholdSpec } from '../../../shared/settings/thresholds';
import { createSettingsService } from '../../settings/settings-service';
import { confStoreFactory } from '../../store/store-factory';
import { parseCommandArgs } from '../cli-args';
import { exitCodes, UsageError, type CliCommand } from '../cli-types';

const usage = `Usage: settings get [KEY] [--json] [--data-dir DIR]
       settings set KEY VALUE [--data-dir DIR]

Reads and writes ReadyRoom's settings on this computer, for clinic IT. Values are checked
exactly as the Settings screen checks them: a value that is refused changes nothing (exit 2).

  get            every setting, one "key = value" line each (thresholds with their default and source)
  get KEY        one setting's value
  set KEY VALUE  a number, true/false, text, "forever" (no limit) for retentionYears, or JSON for lists
  --json         print JSON
  --data-dir DIR ReadyRoom's data folder (default: the app's)

Keys are dotted paths, for example:
  thresholds.wifi.warnBelowDbm  thresholds.battery.failBelowPercent  thresholds.screenLock.warnAfterMinutes
  idleLockMinutes  retentionYears  defaultPlatform  notApplicable`;

type Path = readonly string[];

function leafPaths(value: unknown, prefix: Path = []): Path[] {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, inner]) => leafPaths(inner, [...prefix, key]));
  }
  return [prefix];
}

/** Every key `settings get` lists and `settings set` accepts. */
export const settingKeys: readonly string[] = leafPaths(defaultSettings).map((p) => p.join('.'));

function read(settings: unknown, path: Path): unknown {
  let value: unknown = settings;
  for (const key of path) value = (value as Record<string, unknown>)[key];
  return value;
}

function write(settings: unknown, path: Path, next: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return next;
  const current = settings as Record<string, unknown>;
  return { ...current, [key]: write(current[key], rest, next) };
}

/** VALUE as text, turned into the type the setting holds; a mismatch is one plain line. */
export function parseSettingValue(key: string, current: unknown, text: string): unknown {
  if (key === 'retentionYears' && /^(forever|never|null)$/i.test(text.trim())) return null;
  if (typeof current === 'number' || key === 'retentionYears') {
    const trimmed = text.trim().replace(/^−/, '-');
    const number = trimmed === '' ? Number.NaN : Number(trimmed);
    if (!Number.isFinite(number)) throw new UsageError(`${key} must be a number, not "${text}".`);
    return number;
  }
  if (typeof current === 'boolean') {
    if (/^(true|yes|on|1)$/i.test(text.trim())) return true;
    if (/^(false|no|off|0)$/i.test(text.trim())) return false;
    throw new UsageError(`${key} must be true or false.`);
  }
  if (Array.isArray(current)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new UsageError(`${key} must be a JSON list, for example '[]'.`);
    }
  }
  return text;
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function describe(key: string, value: unknown): string {
  const spec = key.startsWith('thresholds.') ? getThresholdSpec(key.slice('thresholds.'.length)) : undefined;
  if (!spec) return `${key} = ${show(value)}`;
  return `${key} = ${show(value)}   (default ${formatThreshold(spec, spec.default)}; ${spec.source})`;
}

/** `readyroom settings get|set`: the same settings service and validation as the app. */
export const settingsCommand: CliCommand = {
  name: 'settings',
  summary: 'Read or change settings, including the check thresholds (for clinic IT).',
  usage,
  async run(argv, context) {
    // parseArgs reads "-60" as an option; no option of ours starts with a digit, so keep such values as values.
    const negative = '\u0000';
    const { values, positionals: raw } = parseCommandArgs(
      argv.map((a) => (/^-\d/.test(a) ? `${negative}${a}` : a)),
      {
        json: { type: 'boolean' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    );
    const positionals = raw.map((p) => (p.startsWith(negative) ? p.slice(1) : p));
    if (values.help) {
      context.io.stdout(`${usage}\n`);
      return exitCodes.ok;
    }
    const [action, key, value, ...extra] = positionals;
    if (action !== 'get' && action !== 'set')
      throw new UsageError('Use "settings get [KEY]" or "settings set KEY VALUE".');
    if (key !== undefined && !settingKeys.includes(key)) {
      throw new UsageError(`Unknown setting "${key}". Run "settings get" to see them all.`);
    }
    const dataDir = values['data-dir'] !== undefined ? resolve(values['data-dir']) : context.defaultDataDir;
    const service = createSettingsService(dataDir, confStoreFactory);
    const settings = service.get();

    if (action === 'get') {
      if (value !== undefined) throw new UsageError('"settings get" takes at most one key.');
      if (key !== undefined) {
        const found = read(settings, key.split('.'));
        context.io.stdout(values.json ? `${JSON.stringify({ [key]: found })}\n` : `${show(found)}\n`);
      } else {
        context.io.stdout(
          values.json
            ? `${JSON.stringify(settings, null, 2)}\n`
            : `${settingKeys.map((k) => describe(k, read(settings, k.split('.')))).join('\n')}\n`,
        );
      }
      return exitCodes.ok;
    }

    if (key === undefined || value === undefined || extra.length > 0) {
      throw new UsageError('"settings set" needs a key and one value: settings set KEY VALUE.');
    }
    const path = key.split('.');
    const candidate = write(settings, path, parseSettingValue(key, read(settings, path), value)) as Settings;
    const problem = settingsProblem(candidate);
    if (problem) throw new UsageError(`${problem} Nothing was changed.`);
    const top = path[0] as keyof Settings;
    const saved = service.update({ [top]: candidate[top] });
    context.io.stdout(
      values.json ? `${JSON.stringify({ [key]: read(saved, path) })}\n` : `${describe(key, read(saved, path))}\n`,
    );
    return exitCodes.ok;
  },
};
