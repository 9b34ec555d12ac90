import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  defaultSettings,
  settingsPatchSchema,
  type Settings,
  type SettingsPatch,
} from '../../../shared/settings/settings';
import { createSettingsService, sanitize } from '../../../main/settings/settings-service';
import Conf from 'conf';

import {
  baseStoreOptions,
  confStoreFactory,
  type KeyValueStore,
  type StoreFactory,
  type StoreOptions,
} from '../../../main/store/store-factory';

/**
 * conf configured the way electron-store configures it in the app (`name` becomes conf's
 * `configName`), so the service's own logic is checked even where confStoreFactory differs.
 */
const electronStoreLikeFactory: StoreFactory = <T extends Record<string, unknown>>(options: StoreOptions<T>) =>
  new Conf<T>({ ...baseStoreOptions(options), configName: options.name }) as unknown as KeyValueStore<T>;

let dir: string;
const file = () => join(dir, 'settings.json');
const readStored = () => JSON.parse(readFileSync(file(), 'utf8')) as { settings?: unknown };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'readyroom-settings-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe.each([
  ['confStoreFactory', confStoreFactory],
  ['conf configured like electron-store', electronStoreLikeFactory],
] as const)('createSettingsService over %s', (_name, storeFactory) => {
  it('keeps its data in settings.json in the data folder', () => {
    createSettingsService(dir, storeFactory).update({ theme: 'dark' });
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('reports a full disk plainly and keeps the file and the settings as they were', () => {
    const service = createSettingsService(dir, storeFactory);
    service.update({ theme: 'dark' });
    const before = readFileSync(file(), 'utf8');
    const full = createSettingsService(dir, storeFactory, undefined, () => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    expect(() => full.update({ theme: 'light' })).toThrow(expect.objectContaining({ code: 'DISK_FULL' }));
    expect(full.get().theme).toBe('dark');
    expect(readFileSync(file(), 'utf8')).toBe(before);
  });

  it('starts from the defaults on first run', () => {
    expect(createSettingsService(dir, storeFactory).get()).toEqual(defaultSettings);
  });

  it('persists an update that a new service reads back', () => {
    const first = createSettingsService(dir, storeFactory);
    const updated = first.update({
      theme: 'dark',
      idleLockMinutes: 30,
      programs: { alwaysSuggest: ['Dropbox'], neverSuggest: [] },
    });
    expect(updated).toMatchObject({ theme: 'dark', idleLockMinutes: 30 });
    const second = createSettingsService(dir, storeFactory);
    expect(second.get()).toEqual({
      ...defaultSettings,
      theme: 'dark',
      idleLockMinutes: 30,
      programs: { alwaysSuggest: ['Dropbox'], neverSuggest: [] },
    });
  });

  it('replaces a whole top-level value on update and keeps the others', () => {
    const service = createSettingsService(dir, storeFactory);
    service.update({ throughput: { enabled: true, downloadUrl: 'https://example.org/10MB.bin', uploadUrl: '' } });
    service.update({ theme: 'light' });
    expect(service.get()).toMatchObject({
      theme: 'light',
      throughput: { enabled: true, downloadUrl: 'https://example.org/10MB.bin', uploadUrl: '' },
    });
  });

  it('falls back to the default for one invalid value and keeps the valid ones', () => {
    writeFileSync(
      file(),
      JSON.stringify({
        settings: {
          ...defaultSettings,
          theme: 'neon',
          idleLockMinutes: 45,
          retentionYears: 5,
          defaultPlatform: 'teams',
        },
      }),
    );
    expect(createSettingsService(dir, storeFactory).get()).toEqual({
      ...defaultSettings,
      idleLockMinutes: 45,
      defaultPlatform: 'teams',
    });
  });

  it('drops unknown keys and fills in missing ones', () => {
    writeFileSync(file(), JSON.stringify({ settings: { theme: 'dark', telemetry: true } }));
    const settings = createSettingsService(dir, storeFactory).get();
    expect(settings).toEqual({ ...defaultSettings, theme: 'dark' });
    expect(settings).not.toHaveProperty('telemetry');
  });

  it('gives settings saved before the session length existed 60 minutes, and keeps lengths within 15 to 240', () => {
    const { sessionMinutes: _added, ...older } = defaultSettings;
    writeFileSync(file(), JSON.stringify({ settings: { ...older, idleLockMinutes: 20 } }));
    const service = createSettingsService(dir, storeFactory);
    expect(service.get()).toMatchObject({ sessionMinutes: 60, idleLockMinutes: 20 });
    expect(() => service.update({ sessionMinutes: 5 })).toThrow();
    expect(service.update({ sessionMinutes: 50 }).sessionMinutes).toBe(50);
  });

  it('uses the defaults when the stored settings are not an object', () => {
    writeFileSync(file(), JSON.stringify({ settings: 'dark' }));
    expect(createSettingsService(dir, storeFactory).get()).toEqual(defaultSettings);
  });

  it('moves a corrupt settings.json aside, keeping its content, and uses the defaults', () => {
    const corrupt = '{"settings": {"theme": "dark"'; // cut off mid-write
    writeFileSync(file(), corrupt);
    const when = new Date('2026-03-02T09:00:00Z');
    const service = createSettingsService(dir, storeFactory, () => when);
    expect(service.get()).toEqual(defaultSettings);
    const aside = join(dir, `settings.json.corrupt-${when.getTime()}`);
    expect(readFileSync(aside, 'utf8')).toBe(corrupt);
    expect(readdirSync(dir).filter((name) => name.includes('corrupt'))).toEqual([
      `settings.json.corrupt-${when.getTime()}`,
    ]);
  });

  it('can save again after a corrupt file was moved aside', () => {
    writeFileSync(file(), 'not json at all');
    const service = createSettingsService(dir, storeFactory, () => new Date(1));
    service.update({ theme: 'dark' });
    expect(readStored()).toMatchObject({ settings: { theme: 'dark' } });
  });

  it('writes the file readable by the user only (0600)', () => {
    createSettingsService(dir, storeFactory).update({ theme: 'dark' });
    expect(statSync(file()).mode & 0o777).toBe(0o600);
  });

  it.each<[string, SettingsPatch]>([
    ['an out-of-range number', { idleLockMinutes: 0 }],
    ['an unknown theme', { theme: 'neon' as Settings['theme'] }],
    ['an unknown key', { telemetry: true } as unknown as SettingsPatch],
    [
      'a nested unknown key',
      { throughput: { enabled: true, downloadUrl: '', uploadUrl: '', extra: 1 } } as unknown as SettingsPatch,
    ],
  ])('throws on %s and changes nothing, in memory or on disk', (_label, patch) => {
    const service = createSettingsService(dir, storeFactory);
    service.update({ theme: 'dark' });
    const before = readFileSync(file(), 'utf8');
    let notified = 0;
    service.onChange(() => void (notified += 1));
    expect(() => service.update(patch)).toThrow();
    expect(readFileSync(file(), 'utf8')).toBe(before);
    expect(service.get()).toEqual({ ...defaultSettings, theme: 'dark' });
    expect(notified).toBe(0);
  });

  it('tells listeners about each update until they unsubscribe', () => {
    const service = createSettingsService(dir, storeFactory);
    const seen: string[] = [];
    const stop = service.onChange((settings) => void seen.push(settings.theme));
    service.update({ theme: 'dark' });
    stop();
    service.update({ theme: 'light' });
    expect(seen).toEqual(['dark']);
  });
});

describe('sanitize', () => {
  it('returns the defaults for anything that is not an object', () => {
    for (const raw of [undefined, null, 'x', 3, true]) expect(sanitize(raw)).toEqual(defaultSettings);
  });

  it('keeps each valid key on its own', () => {
    expect(sanitize({ theme: 'dark', idleLockMinutes: 'soon' })).toEqual({ ...defaultSettings, theme: 'dark' });
  });

  it('turns a usual platform that has closed (Skype) into "another platform", keeping the rest', () => {
    expect(sanitize({ defaultPlatform: 'skype', theme: 'dark' })).toEqual({
      ...defaultSettings,
      theme: 'dark',
      defaultPlatform: 'other',
    });
    expect(sanitize({ defaultPlatform: 'signal' }).defaultPlatform).toBe('signal');
  });
});

describe('settings: thresholds and remembered "not applicable"', () => {
  const since = '2026-03-01T09:00:00.000Z';

  it('refuses an out-of-range threshold with a one-line reason and keeps the file and settings as they were', () => {
    const service = createSettingsService(dir, confStoreFactory);
    service.update({ theme: 'dark' });
    const before = readFileSync(file(), 'utf8');
    const thresholds = { ...defaultSettings.thresholds, battery: { failBelowPercent: 0 } };
    expect(() => service.update({ thresholds })).toThrow(
      /^Battery: a problem when running on battery below must be a whole number from 5 % to 95 %\. Your settings are unchanged\.$/,
    );
    expect(readFileSync(file(), 'utf8')).toBe(before);
    expect(service.get().thresholds).toEqual(defaultSettings.thresholds);
  });

  it('keeps the valid thresholds and remembered items of a hand-edited file, one bad value costing only itself', () => {
    writeFileSync(
      file(),
      JSON.stringify({
        settings: {
          thresholds: { battery: { failBelowPercent: 45 }, wifi: { warnBelowDbm: 12 } },
          notApplicable: [
            { id: 'security.antivirus', reason: 'managed-by-clinic', note: '', since },
            { id: 'safeguarding.client-location', reason: 'other', note: 'never', since },
            { id: 'security.antivirus', reason: 'other', note: 'again', since },
            { id: 'connection.quality', reason: 'managed-by-clinic', note: '', since },
          ],
        },
      }),
    );
    const settings = createSettingsService(dir, confStoreFactory).get();
    expect(settings.thresholds.battery.failBelowPercent).toBe(45);
    expect(settings.thresholds.wifi).toEqual(defaultSettings.thresholds.wifi);
    // The client's location can never be "not applicable"; a blocker needs its note; the first of a pair wins.
    expect(settings.notApplicable).toEqual([
      { id: 'security.antivirus', reason: 'managed-by-clinic', note: '', since },
    ]);
  });

  it('refuses to remember "not applicable" for the client safety items or a blocker without a note', () => {
    const service = createSettingsService(dir, confStoreFactory);
    expect(() =>
      service.update({ notApplicable: [{ id: 'safeguarding.emergency-contacts', reason: 'other', note: 'x', since }] }),
    ).toThrow(/cannot be marked not applicable/);
    expect(() =>
      service.update({ notApplicable: [{ id: 'connection.quality', reason: 'managed-by-clinic', note: ' ', since }] }),
    ).toThrow(/needs a note/);
    expect(service.get().notApplicable).toEqual([]);
  });
});

describe('addresses in settings', () => {
  const service = () => createSettingsService(dir, confStoreFactory);
  const refusal = (work: () => unknown) => {
    try {
      work();
    } catch (error) {
      return { code: (error as { code?: string }).code, message: (error as Error).message };
    }
    return null;
  };

  it('keeps the other platform as host[:port], without the path of a pasted meeting link', () => {
    expect(
      service().update({ otherPlatformHost: 'https://Meet.Example.org/room-17?pwd=secret' }).otherPlatformHost,
    ).toBe('meet.example.org');
    expect(service().update({ otherPlatformHost: 'meet.example.org:8443' }).otherPlatformHost).toBe(
      'meet.example.org:8443',
    );
    expect(readFileSync(file(), 'utf8')).not.toContain('secret');
  });

  it.each(['localhost:9222', '169.254.169.254', '192.168.1.1', 'fileserver', 'meet.example.org:22'])(
    'refuses the other platform %s with a plain reason and keeps the old value',
    (address) => {
      const settings = service();
      settings.update({ otherPlatformHost: 'meet.example.org' });
      expect(refusal(() => settings.update({ otherPlatformHost: address }))).toMatchObject({ code: 'BAD_REQUEST' });
      expect(settings.get().otherPlatformHost).toBe('meet.example.org');
    },
  );

  it('refuses a speed-test address that is not https, with a clear message', () => {
    const settings = service();
    const patch = { throughput: { enabled: true, downloadUrl: 'http://speed.example.net/file', uploadUrl: '' } };
    expect(refusal(() => settings.update(patch))).toEqual({
      code: 'BAD_REQUEST',
      message: 'The speed-test address must start with https:// so the test cannot be read or redirected on the way.',
    });
    const upload = {
      throughput: { enabled: true, downloadUrl: 'https://speed.example.net/f', uploadUrl: 'https://10.0.0.8/up' },
    };
    expect(refusal(() => settings.update(upload))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/private network/),
    });
    expect(settings.get().throughput).toEqual(defaultSettings.throughput);
    expect(settings.update({ throughput: { ...upload.throughput, uploadUrl: '' } }).throughput.downloadUrl).toBe(
      'https://speed.example.net/f',
    );
  });

  it('does not re-judge an older value the patch leaves unchanged, so it never blocks another change', () => {
    writeFileSync(
      file(),
      JSON.stringify({
        settings: {
          ...defaultSettings,
          otherPlatformHost: 'old-intranet-name',
          throughput: { enabled: true, downloadUrl: 'http://speed.example.net/f', uploadUrl: '' },
        },
      }),
    );
    const settings = service();
    const { otherPlatformHost, throughput } = settings.get();
    expect(settings.update({ otherPlatformHost, throughput, theme: 'dark' }).theme).toBe('dark');
  });

  it('remembers approvals as host:port, lists them, and forgets them', () => {
    const settings = service();
    expect(settings.approveHost('Meet.Example.org:443').approvedHosts).toEqual(['meet.example.org:443']);
    expect(settings.approveHost('meet.example.org:443').approvedHosts).toEqual(['meet.example.org:443']);
    settings.approveHost('speed.example.net:8443');
    expect(service().get().approvedHosts).toEqual(['meet.example.org:443', 'speed.example.net:8443']);
    expect(settings.forgetHost('meet.example.org:443').approvedHosts).toEqual(['speed.example.net:8443']);
    expect(service().get().approvedHosts).toEqual(['speed.example.net:8443']);
  });

  it.each([
    '127.0.0.1:9222',
    'localhost:443',
    'fd00:ec2::254',
    '[fd00:ec2::254]:80',
    'https://meet.example.org/',
    'meet.example.org:25',
  ])('refuses to approve %s', (target) => {
    const settings = service();
    expect(refusal(() => settings.approveHost(target))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(settings.get().approvedHosts).toEqual([]);
  });

  it('takes approvals only through their own calls, never a settings patch', () => {
    expect(settingsPatchSchema.safeParse({ approvedHosts: ['evil.example:443'] }).success).toBe(false);
  });

  it('drops an approval an older version or a hand edit left for an address ReadyRoom would now refuse', () => {
    expect(
      sanitize({ approvedHosts: ['meet.example.org:443', '127.0.0.1:9222', 'MEET.example.org:443', 'junk'] })
        .approvedHosts,
    ).toEqual(['meet.example.org:443']);
  });
});
