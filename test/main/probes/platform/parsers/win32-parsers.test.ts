import { describe, expect, it } from 'vitest';

import { tryParseJson } from '../../../../../main/probes/platform/parsers/common-parsers';
import {
  classifyWindowsAdapter,
  decodeProductState,
  parseBitLocker,
  parseNetshSignal,
  parsePowercfgValues,
  parseWindowsAntivirus,
  parseWindowsAudioOutput,
  parseWindowsBattery,
  parseWindowsFirewall,
  parseWindowsMediaInUse,
  parseWindowsNotifications,
  parseWindowsRemote,
  parseWindowsRoute,
  parseWindowsScreenLock,
  parseWindowsUsers,
  parseWindowsVersion,
  parseWindowsVoice,
  systemTimeValue,
  windowsTraffic,
} from '../../../../../main/probes/platform/parsers/win32-parsers';
import { parseWindowsBatch } from '../../../../../main/probes/platform/win32-batch';
import { fixture } from '../../helpers/probe-test-kit';

const laptop = tryParseJson(fixture('win32', 'batch-en-laptop-wifi.json')) as Record<string, unknown>;
const desktop = parseWindowsBatch(fixture('win32', 'batch-de-desktop-vpn.txt'))!.sections as Record<string, unknown>;
const server = tryParseJson(fixture('win32', 'batch-server-single-objects.json')) as Record<string, unknown>;

describe('parseWindowsRoute', () => {
  it('picks the lowest-metric default route and classifies Wi-Fi by its physical medium', () => {
    expect(parseWindowsRoute(laptop.network)).toEqual({
      primary: { name: 'Wi-Fi', kind: 'wifi' },
      physical: { name: 'Wi-Fi', kind: 'wifi' },
    });
  });

  it('reports a VPN as the default route with the wired link underneath', () => {
    expect(parseWindowsRoute(desktop.network)).toEqual({
      primary: { name: 'WireGuard Tunnel', kind: 'vpn' },
      physical: { name: 'Ethernet', kind: 'wired' },
    });
  });

  it('reads a single route and adapter that PowerShell emitted as objects, not arrays', () => {
    expect(parseWindowsRoute(server.network)?.primary).toEqual({ name: 'Cellular', kind: 'cellular' });
  });

  it('returns no primary link when there is no default route', () => {
    expect(parseWindowsRoute({ routes: [], adapters: [] })).toEqual({ primary: null, physical: null });
  });

  it('returns null for garbage', () => {
    expect(parseWindowsRoute('garbage')).toBeNull();
  });

  it('classifies virtual switches as other, not wired', () => {
    expect(classifyWindowsAdapter({ description: 'Hyper-V Virtual Ethernet Adapter', media: '802.3', ndis: 14 })).toBe(
      'other',
    );
  });
});

describe('parseNetshSignal', () => {
  it('reads the signal percentage, RSSI and security from English output', () => {
    expect(parseNetshSignal(laptop.wifi as string)).toEqual({ percent: 72, dbm: -64, open: false });
  });

  it('reads the percentage from French output, where a space precedes the % sign', () => {
    const fr = parseNetshSignal(fixture('win32', 'netsh-wlan-fr.txt'));
    expect(fr.percent).toBe(38);
    expect(fr.dbm).toBeNull();
  });

  it('flags an open network', () => {
    expect(parseNetshSignal(fixture('win32', 'netsh-wlan-en-open.txt'))).toMatchObject({ percent: 91, open: true });
  });

  it('finds no signal when Windows withholds it for lack of location permission', () => {
    expect(parseNetshSignal(fixture('win32', 'netsh-wlan-location-denied.txt'))).toEqual({
      percent: null,
      dbm: null,
      open: null,
    });
  });

  it('finds nothing in empty output', () => {
    expect(parseNetshSignal('')).toEqual({ percent: null, dbm: null, open: null });
  });
});

describe('parseWindowsBattery', () => {
  it('reads a discharging battery', () => {
    expect(parseWindowsBattery(laptop.battery)).toEqual({ battery: { percent: 64, onBattery: true } });
  });

  it('treats an empty list as a desktop without a battery', () => {
    expect(parseWindowsBattery(desktop.battery)).toEqual({ battery: null });
  });

  it('reads a single battery object on mains power', () => {
    expect(parseWindowsBattery(server.battery)).toEqual({ battery: { percent: 100, onBattery: false } });
  });
});

describe('windowsTraffic', () => {
  it('computes bytes per second on the named adapter between the two samples', () => {
    const t = windowsTraffic(laptop.netStart, laptop.netEnd, 'Wi-Fi', 1000);
    expect(t).toEqual({ rxBytesPerSec: 200000, txBytesPerSec: 40000 });
  });

  it('returns null when the adapter is missing', () => {
    expect(windowsTraffic(laptop.netStart, laptop.netEnd, 'Ethernet 9', 1000)).toBeNull();
  });
});

describe('decodeProductState', () => {
  it.each([
    [266240, true, true],
    [266256, true, false],
    [262144, false, true],
    [393472, false, true],
    [397568, true, true],
  ])('decodes %i', (state, enabled, upToDate) => {
    expect(decodeProductState(state)).toEqual({ enabled, upToDate });
  });
});

describe('parseWindowsFirewall', () => {
  it('is on when every profile is on', () => {
    const fw = parseWindowsFirewall({
      profiles: laptop.firewallProfiles,
      categories: laptop.networkCategories,
      registry: laptop.firewallRegistry,
      products: laptop.firewallProducts,
    });
    expect(fw).toEqual({ state: 'on', provider: 'Windows Firewall', offProfiles: [] });
  });

  it('is off when the active network (Public, given as a number) has its profile off', () => {
    const fw = parseWindowsFirewall({
      profiles: desktop.firewallProfiles,
      categories: desktop.networkCategories,
      registry: desktop.firewallRegistry,
      products: desktop.firewallProducts,
    });
    expect(fw).toEqual({ state: 'off', provider: 'Windows Firewall', offProfiles: ['Public'] });
  });

  it('is partly on when only an inactive profile is off', () => {
    const fw = parseWindowsFirewall({
      profiles: desktop.firewallProfiles,
      categories: ['Private'],
      registry: null,
      products: [],
    });
    expect(fw?.state).toBe('partly');
  });

  it('counts a third-party firewall that is on', () => {
    const fw = parseWindowsFirewall({
      profiles: desktop.firewallProfiles,
      categories: ['Public'],
      registry: null,
      products: [{ name: 'Norton Firewall', state: 266256 }],
    });
    expect(fw).toMatchObject({ state: 'on', provider: 'Norton Firewall' });
  });

  it('falls back to the registry, where policy overrides the local value', () => {
    const fw = parseWindowsFirewall({
      profiles: server.firewallProfiles,
      categories: server.networkCategories,
      registry: server.firewallRegistry,
      products: undefined,
    });
    expect(fw).toMatchObject({ state: 'off', offProfiles: ['Public'] });
  });

  it('returns null when nothing is readable', () => {
    expect(
      parseWindowsFirewall({ profiles: undefined, categories: undefined, registry: undefined, products: undefined }),
    ).toBeNull();
  });
});

describe('parseWindowsAntivirus', () => {
  it('merges Defender status into its Security Center entry', () => {
    expect(parseWindowsAntivirus(laptop.antivirusProducts, laptop.defender)?.products).toEqual([
      { name: 'Windows Defender', enabled: true, upToDate: true, definitionsAgeDays: 0 },
    ]);
  });

  it('reports a third-party product on while Defender is off and stale', () => {
    const av = parseWindowsAntivirus(desktop.antivirusProducts, desktop.defender);
    expect(av?.products).toEqual([
      { name: 'Windows Defender', enabled: false, upToDate: false, definitionsAgeDays: 20 },
      { name: 'Norton 360', enabled: true, upToDate: true, definitionsAgeDays: null },
    ]);
  });

  it('returns null when neither Security Center nor Defender answered', () => {
    expect(parseWindowsAntivirus(undefined, undefined)).toBeNull();
  });
});

describe('parseBitLocker', () => {
  it.each([
    [1, 'on'],
    [2, 'off'],
    [3, 'encrypting'],
    [4, 'decrypting'],
    [5, 'suspended'],
    [6, 'locked'],
    [7, 'off'],
    [8, 'waiting'],
  ])('maps %i to %s', (value, state) => {
    expect(parseBitLocker({ drive: 'C:', value })?.state).toBe(state);
  });

  it('returns null when the property is empty', () => {
    expect(parseBitLocker(server.bitlocker)).toBeNull();
  });
});

describe('parsePowercfgValues', () => {
  it('reads AC and DC from English output', () => {
    const pc = (laptop.powercfg as Record<'videoIdle' | 'standbyIdle' | 'consoleLock', string>).standbyIdle;
    expect(parsePowercfgValues(pc)).toEqual({ ac: 1800, dc: 600 });
  });

  it('reads AC and DC from German output by position', () => {
    const pc = (desktop.powercfg as Record<'videoIdle' | 'standbyIdle' | 'consoleLock', string>).videoIdle;
    expect(parsePowercfgValues(pc)).toEqual({ ac: 600, dc: 300 });
  });

  it('returns null when the setting does not exist', () => {
    expect(
      parsePowercfgValues(
        (desktop.powercfg as Record<'videoIdle' | 'standbyIdle' | 'consoleLock', string>).consoleLock,
      ),
    ).toBeNull();
  });
});

describe('parseWindowsScreenLock', () => {
  it('uses sleep with sign-in on wake-up when the screen saver has no password (battery side)', () => {
    const r = parseWindowsScreenLock({
      screenSaver: laptop.screenSaver,
      lockPolicy: laptop.lockPolicy,
      powercfg: laptop.powercfg,
      onBattery: true,
    });
    expect(r?.facts).toEqual({
      lockAfterMinutes: 10,
      displayOffMinutes: 3,
      autoLogin: false,
      lockDisabled: false,
      mechanism: 'sleep',
    });
  });

  it('uses the mains values when plugged in', () => {
    const r = parseWindowsScreenLock({
      screenSaver: laptop.screenSaver,
      lockPolicy: laptop.lockPolicy,
      powercfg: laptop.powercfg,
      onBattery: false,
    });
    expect(r?.facts.lockAfterMinutes).toBe(30);
  });

  it('uses a password-protected screen saver when sleep is off', () => {
    const r = parseWindowsScreenLock({
      screenSaver: desktop.screenSaver,
      lockPolicy: desktop.lockPolicy,
      powercfg: desktop.powercfg,
      onBattery: false,
    });
    expect(r?.facts).toMatchObject({ lockAfterMinutes: 10, mechanism: 'screen saver', displayOffMinutes: 10 });
  });

  it('reports auto-logon and a disabled lock', () => {
    const r = parseWindowsScreenLock({
      screenSaver: laptop.screenSaver,
      lockPolicy: { autoAdminLogon: '1', disableLockWorkstation: 1 },
      powercfg: laptop.powercfg,
      onBattery: false,
    });
    expect(r?.facts).toMatchObject({ autoLogin: true, lockDisabled: true });
  });

  it('returns null when nothing could be read', () => {
    expect(
      parseWindowsScreenLock({ screenSaver: undefined, lockPolicy: undefined, powercfg: undefined, onBattery: false }),
    ).toBeNull();
  });
});

describe('parseWindowsVersion', () => {
  it('names Windows 11 by build even though ProductName says Windows 10', () => {
    expect(parseWindowsVersion(laptop.os)).toEqual({
      family: 'windows',
      name: 'Windows 11 24H2',
      version: '10.0.26100.4351',
      build: 26100,
      edition: 'Professional',
      distroId: null,
    });
  });

  it('keeps Windows 10 22H2 Home', () => {
    expect(parseWindowsVersion(desktop.os)).toMatchObject({ name: 'Windows 10 22H2', build: 19045, edition: 'Core' });
  });

  it('uses the product name on Windows Server', () => {
    expect(parseWindowsVersion(server.os)?.name).toBe('Windows Server 2022 Standard');
  });

  it('returns null without a build number', () => {
    expect(parseWindowsVersion({})).toBeNull();
  });
});

describe('parseWindowsUsers', () => {
  it('counts enabled accounts other than the built-in ones', () => {
    expect(parseWindowsUsers(laptop.users, laptop.entraProfiles)).toEqual({ humanAccounts: 1, guestEnabled: false });
    expect(parseWindowsUsers(desktop.users, desktop.entraProfiles)).toEqual({ humanAccounts: 3, guestEnabled: false });
  });

  it('adds Entra ID profiles', () => {
    expect(parseWindowsUsers([], 2)).toEqual({ humanAccounts: 2, guestEnabled: null });
  });

  it('returns null when nothing was listed', () => {
    expect(parseWindowsUsers(undefined, 0)).toBeNull();
  });
});

describe('parseWindowsVoice', () => {
  it('lists voice activation when it is on', () => {
    expect(parseWindowsVoice(desktop.voice)).toHaveLength(1);
  });

  it('is empty when off or forbidden by policy', () => {
    expect(parseWindowsVoice(laptop.voice)).toEqual([]);
    expect(parseWindowsVoice(server.voice)).toEqual([]);
  });
});

describe('parseWindowsMediaInUse', () => {
  it('keeps only the file name of desktop programs and leaves out our own executable', () => {
    expect(parseWindowsMediaInUse(laptop.mediaInUse, ['electron.exe'])).toEqual({
      microphone: ['Zoom.exe'],
      camera: [],
    });
  });

  it('names packaged apps by their package name', () => {
    expect(parseWindowsMediaInUse(server.mediaInUse, [])).toEqual({
      microphone: [],
      camera: ['Microsoft.WindowsCamera'],
    });
  });

  it('never keeps the user folder from the registry key', () => {
    expect(JSON.stringify(parseWindowsMediaInUse(laptop.mediaInUse, []))).not.toContain('jane');
  });
});

describe('parseWindowsNotifications', () => {
  it('reads notifications switched off as quiet', () => {
    expect(parseWindowsNotifications(desktop.notifications)).toEqual({
      doNotDisturb: true,
      source: 'all notifications off',
    });
  });

  it('returns null when notifications are on, since Focus itself is unreadable', () => {
    expect(parseWindowsNotifications(laptop.notifications)).toBeNull();
  });
});

describe('parseWindowsAudioOutput', () => {
  it('picks the active endpoint most recently made default', () => {
    expect(parseWindowsAudioOutput(laptop.audio)).toEqual({
      name: 'Headphones — Jabra Evolve2 65',
      kind: 'headphones',
      basis: 'form factor 3',
    });
  });

  it('reads a role time wrapped as {value, Count}', () => {
    expect(parseWindowsAudioOutput(desktop.audio)?.kind).toBe('speakers');
  });

  it('returns null when no endpoint is active', () => {
    expect(parseWindowsAudioOutput(server.audio)).toBeNull();
  });

  it('decodes SYSTEMTIME bytes, also as base64', () => {
    const bytes = [0xea, 0x07, 11, 0, 0, 0, 28, 0, 8, 0, 0, 0, 1, 0, 0, 0];
    expect(systemTimeValue(bytes)).toBe(Date.UTC(2026, 10, 28, 8, 0, 1));
    expect(systemTimeValue(btoa(String.fromCharCode(...bytes)))).toBe(Date.UTC(2026, 10, 28, 8, 0, 1));
    expect(systemTimeValue('garbage!')).toBe(0);
  });
});

describe('parseWindowsRemote', () => {
  it('reads Remote Desktop allowed and an RDP session', () => {
    expect(parseWindowsRemote(desktop.remote)).toEqual({ remoteDesktopEnabled: true, remoteSession: true });
    expect(parseWindowsRemote(laptop.remote)).toEqual({ remoteDesktopEnabled: false, remoteSession: false });
    expect(parseWindowsRemote(server.remote)).toEqual({ remoteDesktopEnabled: null, remoteSession: null });
  });
});
