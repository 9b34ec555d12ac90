import { describe, expect, it } from 'vitest';

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
import { capturedBatchParts, capturedNetsh } from '../../helpers/probe-test-kit';

// The batch parts of the Windows captures in test/fixtures/captures/ (each says where its outputs come from).
const laptop = await capturedBatchParts('windows-hand-written');
const desktop = await capturedBatchParts('windows10-de-desktop-vpn');
const server = await capturedBatchParts('windows-server-2022-single-objects');
const unsafe = await capturedBatchParts('windows10-unsafe-laptop');
const managed = await capturedBatchParts('windows11-ps51-wrapped-managed');
const snoozed = await capturedBatchParts('windows10-fr-livebox-defender-snoozed');
/** A pasted `netsh wlan show interfaces` of a capture. */
const netsh = capturedNetsh;
const pc = (parts: Record<string, unknown>) =>
  parts.powercfg as Record<'videoIdle' | 'standbyIdle' | 'consoleLock', string>;

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
    const fr = parseNetshSignal(netsh('windows10-fr-livebox-defender-snoozed'));
    expect(fr.percent).toBe(38);
    expect(fr.dbm).toBeNull();
  });

  it('flags an open network', () => {
    expect(parseNetshSignal(netsh('windows11-laptop-timed-out'))).toMatchObject({ percent: 91, open: true });
  });

  it('finds no signal when Windows withholds it for lack of location permission', () => {
    expect(parseNetshSignal(netsh('windows11-ps51-wrapped-managed'))).toEqual({
      percent: null,
      dbm: null,
      open: null,
    });
  });

  it('finds nothing in empty output', () => {
    expect(parseNetshSignal('')).toEqual({ percent: null, dbm: null, open: null });
  });

  // Issue 9, defect 6: open Wi-Fi was only recognised by the English word "Open".
  it.each([
    ['Spanish (real)', netsh('windows-netsh-es-open'), 81],
    ['French (real)', netsh('windows10-unsafe-laptop', 'pasted/netsh-wlan-show-interfaces-fr.txt'), 80],
    ['French', netsh('windows10-fr-livebox-defender-snoozed'), 38],
  ])('recognises an open network by its cipher and authentication in %s', (_name, text, percent) => {
    expect(parseNetshSignal(text)).toEqual({ percent, dbm: null, open: true });
  });

  it('reads a German WPA2-Enterprise network as secured', () => {
    expect(parseNetshSignal(netsh('windows-netsh-de-enterprise'))).toEqual({
      percent: 43,
      dbm: null,
      open: false,
    });
  });

  it('does not call a network open when the security lines are missing or cut off', () => {
    const es = netsh('windows-netsh-es-open');
    expect(parseNetshSignal(es.slice(0, es.indexOf('Cifrado'))).open).toBeNull();
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

  // Issue 9, defect 4: the PowerShell 5.1 wrapper read as "plugged in".
  it('unwraps the PowerShell 5.1 {value, Count} wrapper: 12 % on battery is not "plugged in"', () => {
    expect(parseWindowsBattery(managed.battery)).toEqual({
      battery: { percent: 12, onBattery: true },
    });
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['an unknown status', [{ status: 11, charge: 80 }]],
    ['a status given as text', [{ status: '2', charge: 80 }]],
    ['an object without a status', {}],
  ])('is unknown (null), never "plugged in", for %s', (_name, value) => {
    expect(parseWindowsBattery(value)).toBeNull();
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

  it('returns null, not a quiet line, when a counter is missing, text or went backwards', () => {
    const start = [{ name: 'Wi-Fi', rx: 1000, tx: 1000 }];
    expect(windowsTraffic(start, [{ name: 'Wi-Fi', rx: 2000 }], 'Wi-Fi', 1000)).toBeNull();
    expect(windowsTraffic(start, [{ name: 'Wi-Fi', rx: '2000', tx: 2000 }], 'Wi-Fi', 1000)).toBeNull();
    expect(windowsTraffic(start, [{ name: 'Wi-Fi', rx: 10, tx: 2000 }], 'Wi-Fi', 1000)).toBeNull();
  });
});

describe('decodeProductState', () => {
  it.each([
    [266240, 'on', true],
    [266256, 'on', false],
    [262144, 'off', true],
    [393472, 'off', true],
    [397568, 'on', true],
    [401664, 'snoozed', true],
    [274432, 'expired', true],
  ])('decodes %i', (state, run, upToDate) => {
    expect(decodeProductState(state)).toEqual({ state: run, upToDate });
  });

  // Issue 9, defect 3: testing one bit counted an expired product (state nibble 3) as on.
  it('reads the real states seen on Windows machines by their state nibble', () => {
    const state = (parts: Record<string, unknown>, i = 0) =>
      (parts.antivirusProducts as { state: number }[] | undefined)?.[i]?.state;
    expect(decodeProductState(state(laptop))?.state).toBe('on'); // 397568
    expect(decodeProductState(state(desktop))?.state).toBe('off'); // 393472
    expect(decodeProductState(state(snoozed))?.state).toBe('snoozed'); // 401664
  });

  it.each([['397568'], [null], [-1], [1.5], [0x1000000]])('returns null for %s', (value) => {
    expect(decodeProductState(value)).toBeNull();
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

  // Issue 9, defect 4: with the wrapper unread, a stale registry value passed an active Public profile that is off.
  it('unwraps the PowerShell 5.1 wrapper and finds the Public profile off', () => {
    expect(
      parseWindowsFirewall({
        profiles: managed.firewallProfiles,
        categories: managed.networkCategories,
        registry: managed.firewallRegistry,
        products: managed.firewallProducts,
      }),
    ).toEqual({ state: 'off', provider: 'Windows Firewall', offProfiles: ['Public'] });
  });

  // Found by the property test: a wrapper that could not be undone fell back to a stale registry saying "on".
  it('is unknown, not the answer of the registry, when the firewall profiles came in a shape it cannot read', () => {
    const oddWrapper = { ...(managed.firewallProfiles as object), Count: '3' };
    const input = {
      profiles: oddWrapper,
      categories: managed.networkCategories,
      registry: managed.firewallRegistry,
      products: managed.firewallProducts,
    };
    expect(parseWindowsFirewall(input)).toBeNull();
    expect(parseWindowsFirewall({ ...input, profiles: null })).toBeNull();
    expect(parseWindowsFirewall({ ...input, profiles: [{ enabled: 'True' }] })).toBeNull();
    // Only a cmdlet that gave no answer at all lets the registry stand in.
    expect(parseWindowsFirewall({ ...input, profiles: undefined })).toMatchObject({ state: 'on' });
  });

  it('judges every profile when the networks in use cannot be read', () => {
    const fw = parseWindowsFirewall({
      profiles: [
        { name: 'Domain', enabled: 'False' },
        { name: 'Private', enabled: 'True' },
        { name: 'Public', enabled: 'True' },
      ],
      categories: undefined,
      registry: undefined,
      products: [],
    });
    expect(fw).toMatchObject({ state: 'off', offProfiles: ['Domain'] });
  });

  it('does not count an expired third-party firewall', () => {
    const fw = parseWindowsFirewall({
      profiles: desktop.firewallProfiles,
      categories: ['Public'],
      registry: null,
      products: [{ name: 'Norton Firewall', state: 274432 }],
    });
    expect(fw).toMatchObject({ state: 'off', provider: 'Windows Firewall' });
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

  // Issue 9, defect 3: passive mode still reports protection on, and that answer overwrote Security Center's "off".
  it('does not count Defender in passive mode, whatever its switches say', () => {
    const av = parseWindowsAntivirus(managed.antivirusProducts, managed.defender);
    expect(av?.products).toEqual([
      { name: 'Windows Defender (passive mode)', enabled: false, upToDate: true, definitionsAgeDays: 0 },
    ]);
    expect(av?.defenderStandsBack).toBe(true);
  });

  it('does not count a product whose Security Center state is expired', () => {
    // The unsafe laptop's Defender part failed (the service is not running), so only Security Center answers.
    expect(unsafe.defender).toBeUndefined();
    const av = parseWindowsAntivirus(unsafe.antivirusProducts, unsafe.defender);
    expect(av?.products.filter((x) => x.enabled)).toEqual([]);
    expect(av?.products.map((x) => x.name)).toContain('Norton 360 (expired)');
  });

  it('keeps Security Center\'s "off" for Defender even when Defender itself says on', () => {
    const av = parseWindowsAntivirus([{ name: 'Windows Defender', state: 393472 }], {
      service: true,
      antivirus: true,
      realtime: true,
      signatureAgeDays: 0,
    });
    expect(av?.products[0]?.enabled).toBe(false);
  });

  it('treats malformed Security Center answers as unread', () => {
    expect(parseWindowsAntivirus('garbage', undefined)).toBeNull();
    expect(
      parseWindowsAntivirus({ value: [{ name: 'X', state: 397568 }], Count: 1 }, undefined)?.products[0],
    ).toMatchObject({ name: 'X', enabled: true });
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

  it('returns null when the property is empty, or text instead of a number', () => {
    expect(parseBitLocker(server.bitlocker)).toBeNull();
    expect(parseBitLocker({ drive: 'C:', value: '1' })).toBeNull();
  });
});

describe('parsePowercfgValues', () => {
  it('reads AC and DC from English output', () => {
    expect(parsePowercfgValues(pc(laptop).standbyIdle)).toEqual({ ac: 1800, dc: 600 });
    expect(parsePowercfgValues(pc(laptop).videoIdle)).toEqual({ ac: 300, dc: 180 });
    expect(parsePowercfgValues(pc(unsafe).standbyIdle)).toEqual({ ac: 600, dc: 300 });
  });

  it('reads AC and DC from German output by layout', () => {
    expect(parsePowercfgValues(pc(desktop).videoIdle)).toEqual({ ac: 600, dc: 300 });
  });

  it('reads the sign-in-on-wake setting shown by /qh', () => {
    expect(parsePowercfgValues(pc(laptop).consoleLock)).toEqual({ ac: 1, dc: 1 }); // real
    expect(parsePowercfgValues(pc(unsafe).consoleLock)).toEqual({ ac: 0, dc: 0 });
  });

  it('returns null when the setting does not exist or is hidden from /query', () => {
    expect(parsePowercfgValues(pc(desktop).consoleLock)).toBeNull();
    expect(parsePowercfgValues(pc(managed).consoleLock)).toBeNull(); // real
  });

  it('returns null for output cut off before the DC line, never reading the range lines as values', () => {
    const text = pc(laptop).videoIdle;
    for (const cut of ['Current DC', 'Current AC', 'Possible Settings units', 'Possible Settings increment']) {
      expect(parsePowercfgValues(text.slice(0, text.indexOf(cut))), cut).toBeNull();
    }
  });
});

describe('parseWindowsScreenLock', () => {
  const enough = 10;
  /** The laptop's settings on battery, with some replaced. */
  const lock = (over: Partial<Parameters<typeof parseWindowsScreenLock>[0]>) =>
    parseWindowsScreenLock({
      screenSaver: laptop.screenSaver,
      lockPolicy: laptop.lockPolicy,
      powercfg: laptop.powercfg,
      onBattery: true,
      enoughMinutes: enough,
      ...over,
    });
  const withPowercfg = (extra: Record<string, unknown>) => ({
    ...(laptop.powercfg as Record<string, unknown>),
    ...extra,
  });

  it('uses sleep with sign-in on wake-up when the screen saver has no password (battery side)', () => {
    const r = lock({});
    expect(r).toMatchObject({
      state: 'known',
      facts: { lockAfterMinutes: 10, displayOffMinutes: 3, autoLogin: false, lockDisabled: false, mechanism: 'sleep' },
    });
  });

  it('uses the mains values when plugged in', () => {
    const r = lock({ onBattery: false });
    expect(r?.state === 'known' && r.facts.lockAfterMinutes).toBe(30);
  });

  it('takes the longer timeout when the power source is unknown', () => {
    const r = lock({ onBattery: null });
    expect(r?.state === 'known' && r.facts.lockAfterMinutes).toBe(30);
  });

  it('uses a password-protected screen saver when sleep is off', () => {
    const r = lock({
      screenSaver: desktop.screenSaver,
      lockPolicy: desktop.lockPolicy,
      powercfg: desktop.powercfg,
      onBattery: false,
    });
    expect(r).toMatchObject({ facts: { lockAfterMinutes: 10, mechanism: 'screen saver', displayOffMinutes: 10 } });
  });

  it('reports auto-logon and a disabled lock', () => {
    const r = lock({ lockPolicy: { autoAdminLogon: '1', disableLockWorkstation: 1 }, onBattery: false });
    expect(r).toMatchObject({ facts: { autoLogin: true, lockDisabled: true } });
  });

  it('returns null when nothing could be read', () => {
    expect(lock({ screenSaver: undefined, lockPolicy: undefined, powercfg: undefined, onBattery: false })).toBeNull();
  });

  // Issue 9, defect 1: the hidden CONSOLELOCK setting printed only a header and was taken as "sign-in required".
  it('is unknown when sleep would lock but Windows hides whether it asks for a password on wake-up', () => {
    const r = lock({ powercfg: withPowercfg({ consoleLock: pc(managed).consoleLock }) });
    expect(r).toMatchObject({ state: 'unknown' });
    expect(r?.state === 'unknown' && r.reason).toMatch(/password when the computer wakes/);
  });

  it('does not count sleep as a lock when sign-in on wake-up is "Never"', () => {
    const r = lock({ powercfg: withPowercfg({ consoleLock: pc(unsafe).consoleLock }) });
    expect(r).toMatchObject({ state: 'known', facts: { lockAfterMinutes: null, mechanism: 'none' } });
  });

  // With sign-in on wake-up "Never", the screen turning off asks for no password: the check must fail, not warn.
  it('does not offer the display turning off as a possible lock when sign-in on wake-up is "Never"', () => {
    const r = lock({ powercfg: withPowercfg({ consoleLock: pc(unsafe).consoleLock }) });
    expect(r).toMatchObject({ state: 'known', facts: { lockAfterMinutes: null, displayOffMinutes: null } });
    expect(lock({})).toMatchObject({ state: 'known', facts: { displayOffMinutes: 3 } });
  });

  it('is unknown, not "never locks", when the sleep setting is there but cannot be read', () => {
    // A powercfg output pasted with its line breaks lost: its layout can no longer be read.
    const flattened = pc(laptop).standbyIdle.replace(/\s*\n\s*/g, '   ');
    const r = lock({ powercfg: withPowercfg({ standbyIdle: flattened, videoIdle: flattened }) });
    expect(r).toMatchObject({ state: 'unknown', reason: 'Windows did not report when the computer goes to sleep' });
  });

  it('lets the "require a password on wake-up" policy override the power plan', () => {
    const r = lock({ powercfg: withPowercfg({ consoleLockPolicy: { ac: 0, dc: 0 } }) });
    expect(r).toMatchObject({ state: 'known', facts: { lockAfterMinutes: null } });
  });

  // Issue 9, defect 2: ScreenSaveActive=1 with no screen saver file is "(None)", even with leftover values.
  it('does not count a screen saver set to "(None)" as a lock, despite leftover password and timeout values', () => {
    const r = parseWindowsScreenLock({
      screenSaver: unsafe.screenSaver,
      lockPolicy: laptop.lockPolicy,
      powercfg: withPowercfg({ standbyIdle: pc(laptop).standbyIdle.replace(/0x[0-9a-f]{8}(?=\n|$)/g, '0x00000000') }),
      onBattery: true,
      enoughMinutes: enough,
    });
    expect(r).toMatchObject({ state: 'known', facts: { lockAfterMinutes: null, mechanism: 'none' } });
  });

  it('is unknown when whether Windows signs in by itself could not be read', () => {
    const r = lock({ lockPolicy: undefined });
    expect(r?.state).toBe('unknown');
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

  it('returns null when nothing was listed, or no account at all was found', () => {
    expect(parseWindowsUsers(undefined, 0)).toBeNull();
    expect(parseWindowsUsers([], 0)).toBeNull();
    expect(parseWindowsUsers([{ rid: 1001, enabled: true }], undefined)).toBeNull();
  });

  // Issue 9, defect 4: the wrapper read as one nameless account, and the guest account went unseen.
  it('unwraps the PowerShell 5.1 wrapper and sees the guest account on', () => {
    expect(parseWindowsUsers(managed.users, managed.entraProfiles)).toEqual({ humanAccounts: 1, guestEnabled: true });
  });

  it('returns null when the fields of an account are not the expected types', () => {
    expect(parseWindowsUsers([{ rid: '501', enabled: true }], 0)).toBeNull();
    expect(parseWindowsUsers([{ rid: 1001, enabled: 'True' }], 0)).toBeNull();
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

  it('returns null when the main setting was never written, since the default is not known', () => {
    expect(
      parseWindowsVoice({ user: { AgentActivationEnabled: null, AgentActivationOnLockScreenEnabled: 0 } }),
    ).toBeNull();
    expect(
      parseWindowsVoice({ user: { AgentActivationEnabled: null, AgentActivationOnLockScreenEnabled: null } }),
    ).toBeNull();
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
    expect(JSON.stringify(laptop.mediaInUse)).toContain('C:#Users#user#');
    expect(JSON.stringify(parseWindowsMediaInUse(laptop.mediaInUse, []))).not.toMatch(/Users|#/);
  });

  // Issue 9, defect 7: a key with no LastUsedTimeStop value is also in use.
  it('counts a device as in use when LastUsedTimeStop is missing or 0, not when it is set', () => {
    expect(parseWindowsMediaInUse(unsafe.mediaInUse, [])).toEqual({
      microphone: ['Zoom.exe'],
      camera: ['Microsoft.WindowsCamera'],
    });
  });

  it('returns null when the records are unreadable', () => {
    expect(parseWindowsMediaInUse(null, [])).toBeNull();
    expect(parseWindowsMediaInUse('garbage', [])).toBeNull();
    expect(parseWindowsMediaInUse([{ device: 'microphone', app: 'x.exe', start: '1337', stop: 0 }], [])).toBeNull();
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

  // Issue 9, defect 13: the pre-2018 Quiet Hours value no longer reflects Focus / Do Not Disturb.
  it('ignores the stale Quiet Hours value', () => {
    // The batch no longer reads the Quiet Hours value; a part that still carries it must not count.
    expect(parseWindowsNotifications({ toastEnabled: 1, globalToasts: 0 })).toBeNull();
    expect(parseWindowsNotifications(desktop.notifications)).toMatchObject({ doNotDisturb: true });
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

  it('cannot tell which of several outputs plays when none says when it was made default', () => {
    const audio = (laptop.audio as Record<string, unknown>[]).map((e) => ({ ...e, role0: null, role1: null }));
    expect(parseWindowsAudioOutput(audio)?.kind).toBe('unclear');
  });

  it('decodes SYSTEMTIME bytes, also as base64', () => {
    const bytes = [0xea, 0x07, 11, 0, 0, 0, 28, 0, 8, 0, 0, 0, 1, 0, 0, 0];
    expect(systemTimeValue(bytes)).toBe(Date.UTC(2026, 10, 28, 8, 0, 1));
    expect(systemTimeValue(btoa(String.fromCharCode(...bytes)))).toBe(Date.UTC(2026, 10, 28, 8, 0, 1));
    expect(systemTimeValue('garbage!')).toBe(0);
    expect(systemTimeValue('/=++')).toBe(0);
  });
});

describe('parseWindowsRemote', () => {
  it('reads Remote Desktop allowed and an RDP session', () => {
    expect(parseWindowsRemote(desktop.remote)).toEqual({ remoteDesktopEnabled: true, remoteSession: true });
    expect(parseWindowsRemote(laptop.remote)).toEqual({ remoteDesktopEnabled: false, remoteSession: false });
    expect(parseWindowsRemote(server.remote)).toEqual({ remoteDesktopEnabled: null, remoteSession: null });
  });
});
