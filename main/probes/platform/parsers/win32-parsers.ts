import type {
  AntivirusFacts,
  AntivirusProduct,
  AudioOutputFacts,
  DiskEncryptionFacts,
  FirewallFacts,
  LinkInfo,
  LinkKind,
  OsVersionFacts,
  OutputKind,
  RouteFacts,
  ScreenLockFacts,
  UserAccountFacts,
} from '../platform-types';
import { asArray, asBool, asNumber, asRecords, asString, isRecord } from './common-parsers';

/** NDIS_PHYSICAL_MEDIUM values (ntddndis.h) that matter here. */
const ndisWireless = 9; // NdisPhysicalMediumNative802_11
const ndisWwan = 8; // NdisPhysicalMediumWirelessWan
const ndisEthernet = 14; // NdisPhysicalMedium802_3

const vpnDescription =
  /vpn|wireguard|wintun|tap-windows|tap-protonvpn|openvpn|anyconnect|fortinet|fortissl|globalprotect|pangp|juniper|pulse secure|nordlynx|tailscale|zerotier|sonicwall|check point|f5 networks/i;

export function classifyWindowsAdapter(adapter: { description: string; media: string; ndis: number | null }): LinkKind {
  if (vpnDescription.test(adapter.description)) return 'vpn';
  if (adapter.ndis === ndisWireless || /802\.11/.test(adapter.media)) return 'wifi';
  if (adapter.ndis === ndisWwan || /wireless wan/i.test(adapter.media)) return 'cellular';
  if (/hyper-v|vethernet|virtualbox|vmware|loopback|bluetooth/i.test(adapter.description)) return 'other';
  if (adapter.ndis === ndisEthernet || /802\.3/.test(adapter.media)) return 'wired';
  return 'other';
}

/** Default routes (lowest route + interface metric wins) and the adapters they use. */
export function parseWindowsRoute(network: unknown): RouteFacts | null {
  if (!isRecord(network)) return null;
  const adapters = asRecords(network.adapters).map((a) => ({
    ifIndex: asNumber(a.ifIndex),
    name: asString(a.name) ?? 'network adapter',
    description: asString(a.description) ?? '',
    media: asString(a.media) ?? '',
    ndis: asNumber(a.ndis),
  }));
  const routes = asRecords(network.routes)
    .map((r) => ({ ifIndex: asNumber(r.ifIndex), metric: asNumber(r.metric) ?? 0 }))
    .sort((a, b) => a.metric - b.metric);
  const info = (ifIndex: number | null): LinkInfo | null => {
    const a = adapters.find((x) => x.ifIndex === ifIndex);
    return a ? { name: a.name, kind: classifyWindowsAdapter(a) } : null;
  };
  const linked = routes.map((r) => info(r.ifIndex)).filter((l): l is LinkInfo => l !== null);
  const primary = linked[0] ?? null;
  if (!primary) return { primary: null, physical: null };
  const physical = primary.kind === 'vpn' ? (linked.find((l) => l.kind !== 'vpn') ?? null) : primary;
  return { primary, physical };
}

/**
 * `netsh wlan show interfaces`, which is translated: read by shape, not by label. The only value
 * written as a percentage is the signal ("Signal : 85%", French "85 %"); newer builds add an "Rssi" line.
 */
export function parseNetshSignal(text: string): { percent: number | null; dbm: number | null; open: boolean | null } {
  let percent: number | null = null;
  let dbm: number | null = null;
  let open: boolean | null = null;
  for (const line of text.split(/\r?\n/)) {
    const value = line.split(/\s:\s/).slice(1).join(' : ').trim();
    if (percent === null && /^\d{1,3}\s?%$/.test(value)) percent = Number(value.replace(/\D/g, ''));
    if (/^\s*rssi\s*:/i.test(line) && /^-\d{2,3}$/.test(value)) dbm = Number(value);
    if (/^Open$/i.test(value)) open = true;
    else if (/^WPA|^WEP/i.test(value) && open === null) open = false;
  }
  return { percent, dbm, open };
}

/** Win32_Battery.BatteryStatus: 1 discharging, 4 low, 5 critical (all on battery); 2 AC; 3 full; 6–9 charging; 11 partly charged. */
export function parseWindowsBattery(battery: unknown): {
  battery: null | { percent: number | null; onBattery: boolean };
} {
  const items = asRecords(battery);
  if (items.length === 0) return { battery: null };
  const charges = items.flatMap((b) => {
    const c = asNumber(b.charge);
    return c === null ? [] : [c];
  });
  const onBattery = items.some((b) => [1, 4, 5].includes(asNumber(b.status) ?? 0));
  const percent = charges.length > 0 ? Math.round(charges.reduce((a, b) => a + b, 0) / charges.length) : null;
  return { battery: { percent, onBattery } };
}

/** Bytes moved on one adapter between the start and end of the batch. */
export function windowsTraffic(
  start: unknown,
  end: unknown,
  adapterName: string,
  windowMs: number,
): { rxBytesPerSec: number; txBytesPerSec: number } | null {
  const find = (list: unknown) => asRecords(list).find((a) => asString(a.name) === adapterName);
  const a = find(start);
  const b = find(end);
  if (!a || !b || windowMs <= 0) return null;
  const delta = (key: string) => Math.max(0, (asNumber(b[key]) ?? 0) - (asNumber(a[key]) ?? 0));
  return { rxBytesPerSec: (delta('rx') * 1000) / windowMs, txBytesPerSec: (delta('tx') * 1000) / windowMs };
}

/**
 * Security Center productState (undocumented, decoded by the community): bit 0x1000 = on,
 * bit 0x10 = definitions out of date.
 */
export function decodeProductState(state: number): { enabled: boolean; upToDate: boolean } {
  return { enabled: (state & 0x1000) !== 0, upToDate: (state & 0x10) === 0 };
}

const profileByCategory: Record<string, string> = {
  '0': 'Public',
  public: 'Public',
  '1': 'Private',
  private: 'Private',
  '2': 'Domain',
  domainauthenticated: 'Domain',
};

/**
 * Windows Firewall for the profile of the network in use (Public, Private or Domain), or a third-party
 * firewall registered with Security Center. Profiles come from the cmdlet, else from the registry.
 */
export function parseWindowsFirewall(input: {
  profiles: unknown;
  categories: unknown;
  registry: unknown;
  products: unknown;
}): FirewallFacts | null {
  const state = new Map<string, boolean>();
  for (const p of asRecords(input.profiles)) {
    const name = asString(p.name);
    const on = asBool(p.enabled);
    if (name && on !== null) state.set(name, on);
  }
  if (state.size === 0 && isRecord(input.registry)) {
    const r = input.registry;
    for (const name of ['Domain', 'Private', 'Public']) {
      const policy = asBool(r[`Policy${name}`]);
      const local = asBool(r[name]);
      const on = policy ?? local;
      if (on !== null) state.set(name, on);
    }
  }
  const thirdParty = asRecords(input.products)
    .map((p) => ({ name: asString(p.name) ?? 'Firewall', state: asNumber(p.state) }))
    .filter((p) => p.state !== null && decodeProductState(p.state).enabled)
    .map((p) => p.name);
  if (state.size === 0 && thirdParty.length === 0) return null;
  const active = [
    ...new Set(
      asArray(input.categories).flatMap((c) => {
        const key = String(c).toLowerCase();
        return profileByCategory[key] ? [profileByCategory[key]] : [];
      }),
    ),
  ];
  // Not connected: judge the two profiles a home computer uses.
  const judged = active.length > 0 ? active : ['Private', 'Public'];
  const offProfiles = [...state.entries()].filter(([, on]) => !on).map(([name]) => name);
  const activeOff = judged.filter((p) => state.get(p) === false);
  if (thirdParty.length > 0 && activeOff.length > 0) {
    return { state: 'on', provider: thirdParty.join(', '), offProfiles };
  }
  if (activeOff.length > 0) return { state: 'off', provider: 'Windows Firewall', offProfiles };
  if (judged.some((p) => !state.has(p)) && thirdParty.length === 0) return null;
  return { state: offProfiles.length > 0 ? 'partly' : 'on', provider: 'Windows Firewall', offProfiles };
}

/** Security Center products plus Defender's own status; null when neither could be read (e.g. Windows Server). */
export function parseWindowsAntivirus(products: unknown, defender: unknown): AntivirusFacts | null {
  const list: AntivirusProduct[] = asRecords(products).flatMap((p) => {
    const state = asNumber(p.state);
    if (state === null) return [];
    const decoded = decodeProductState(state);
    return [
      {
        name: asString(p.name) ?? 'Antivirus',
        enabled: decoded.enabled,
        upToDate: decoded.upToDate,
        definitionsAgeDays: null,
      },
    ];
  });
  if (isRecord(defender)) {
    const age = asNumber(defender.signatureAgeDays);
    const on = asBool(defender.realtime) === true && asBool(defender.antivirus) !== false;
    const existing = list.findIndex((p) => /defender/i.test(p.name));
    const entry: AntivirusProduct = {
      name: existing >= 0 ? (list[existing]?.name ?? 'Microsoft Defender Antivirus') : 'Microsoft Defender Antivirus',
      enabled: on,
      upToDate: age === null ? (list[existing]?.upToDate ?? null) : age <= 3,
      definitionsAgeDays: age,
    };
    if (existing >= 0) list[existing] = entry;
    else list.push(entry);
  }
  if (list.length === 0 && !Array.isArray(products) && !isRecord(products) && !isRecord(defender)) return null;
  return { products: list, builtInAlwaysOn: false, warnings: [] };
}

/**
 * System.Volume.BitLockerProtection (undocumented): 1 on, 2 off, 3 encrypting, 4 decrypting,
 * 5 suspended, 6 locked, 7 not encryptable, 8 waiting for activation (key still stored in the clear).
 */
export function parseBitLocker(bitlocker: unknown): DiskEncryptionFacts | null {
  if (!isRecord(bitlocker)) return null;
  const value = asNumber(bitlocker.value);
  const volume = asString(bitlocker.drive) ?? 'C:';
  const base = { method: 'BitLocker', volume, warnings: [] as string[] };
  switch (value) {
    case 1:
      return { ...base, state: 'on' };
    case 2:
    case 7:
      return { ...base, state: 'off' };
    case 3:
      return { ...base, state: 'encrypting' };
    case 4:
      return { ...base, state: 'decrypting' };
    case 5:
      return { ...base, state: 'suspended' };
    case 6:
      return { ...base, state: 'locked' };
    case 8:
      return { ...base, state: 'waiting' };
    default:
      return null;
  }
}

/** `powercfg /query …`: the last two hex values are the AC and DC settings (labels are translated). */
export function parsePowercfgValues(text: string): { ac: number; dc: number } | null {
  const values = [...text.matchAll(/0x([0-9a-f]{8})/gi)].map((m) => parseInt(m[1] ?? '0', 16));
  if (values.length < 2) return null;
  return { ac: values[values.length - 2] ?? 0, dc: values[values.length - 1] ?? 0 };
}

/**
 * The shortest idle time after which Windows asks for a password: a password-protected screen saver,
 * sleep with sign-in on wake-up, or the machine inactivity limit. The display merely turning off does not lock.
 */
export function parseWindowsScreenLock(input: {
  screenSaver: unknown;
  lockPolicy: unknown;
  powercfg: unknown;
  onBattery: boolean;
}): { facts: ScreenLockFacts; evidence: Record<string, string | number | boolean | null> } | null {
  const ss = isRecord(input.screenSaver) ? input.screenSaver : {};
  const user = isRecord(ss.user) ? ss.user : {};
  const policy = isRecord(ss.policy) ? ss.policy : {};
  const pick = (key: string) => policy[key] ?? user[key];
  const lp = isRecord(input.lockPolicy) ? input.lockPolicy : {};
  const pc = isRecord(input.powercfg) ? input.powercfg : {};
  const side = (v: { ac: number; dc: number } | null) => (v ? (input.onBattery ? v.dc : v.ac) : null);

  const ssActive = asBool(pick('ScreenSaveActive')) === true && (asString(pick('SCRNSAVE.EXE')) ?? 'x') !== '';
  const ssSecure = asBool(pick('ScreenSaverIsSecure')) === true;
  const ssTimeout = asNumber(pick('ScreenSaveTimeOut'));
  const videoIdle = side(parsePowercfgValues(asString(pc.videoIdle) ?? ''));
  const standbyIdle = side(parsePowercfgValues(asString(pc.standbyIdle) ?? ''));
  const consoleLockValues = parsePowercfgValues(asString(pc.consoleLock) ?? '');
  const consoleLock = side(consoleLockValues);
  const inactivity = asNumber(lp.inactivityTimeoutSecs);

  const candidates: { minutes: number; how: string }[] = [];
  if (ssActive && ssSecure && ssTimeout !== null && ssTimeout > 0)
    candidates.push({ minutes: ssTimeout / 60, how: 'screen saver' });
  // Sign-in on wake-up is Windows' default; the setting is hidden on some Modern Standby laptops.
  if (standbyIdle !== null && standbyIdle > 0 && consoleLock !== 0)
    candidates.push({ minutes: standbyIdle / 60, how: 'sleep' });
  if (inactivity !== null && inactivity > 0) candidates.push({ minutes: inactivity / 60, how: 'inactivity limit' });
  if (!ss.user && videoIdle === null && standbyIdle === null && inactivity === null) return null;
  const best = candidates.sort((a, b) => a.minutes - b.minutes)[0];
  return {
    facts: {
      lockAfterMinutes: best ? Math.round(best.minutes * 10) / 10 : null,
      displayOffMinutes: videoIdle !== null && videoIdle > 0 ? Math.round(videoIdle / 6) / 10 : null,
      autoLogin: asString(lp.autoAdminLogon) === '1' || asNumber(lp.autoAdminLogon) === 1,
      lockDisabled: asNumber(lp.disableLockWorkstation) === 1,
      mechanism: best?.how ?? 'none',
    },
    evidence: {
      screenSaver: ssActive ? `${ssTimeout ?? '?'} s, password ${ssSecure ? 'on' : 'off'}` : 'off',
      displayOffSeconds: videoIdle,
      sleepSeconds: standbyIdle,
      signInOnWake: consoleLockValues === null ? 'not shown' : consoleLock !== 0,
      inactivityLimitSeconds: inactivity,
      powerSource: input.onBattery ? 'battery' : 'mains',
    },
  };
}

/** Registry CurrentVersion: the build number tells Windows 11 (≥ 22000) even where ProductName says "Windows 10". */
export function parseWindowsVersion(os: unknown): OsVersionFacts | null {
  if (!isRecord(os)) return null;
  const build = asNumber(os.CurrentBuildNumber);
  if (build === null) return null;
  const ubr = asNumber(os.UBR);
  const display = asString(os.DisplayVersion) ?? '';
  const family = build >= 22000 ? 'Windows 11' : 'Windows 10';
  const product = asString(os.ProductName) ?? '';
  const server = /server/i.test(product) || asString(os.InstallationType) === 'Server';
  return {
    family: 'windows',
    name: server ? product : `${family}${display ? ` ${display}` : ''}`,
    version: `10.0.${build}${ubr !== null ? `.${ubr}` : ''}`,
    build,
    edition: asString(os.EditionID),
    distroId: null,
  };
}

/** Enabled local accounts other than the built-in ones (Administrator 500, Guest 501, 503, 504), plus Entra ID profiles. */
export function parseWindowsUsers(users: unknown, entraProfiles: unknown): UserAccountFacts | null {
  const list = asRecords(users);
  const entra = asNumber(entraProfiles) ?? 0;
  if (list.length === 0 && entra === 0) return null;
  const builtIn = new Set([500, 501, 503, 504]);
  const humans = list.filter((u) => asBool(u.enabled) === true && !builtIn.has(asNumber(u.rid) ?? 0)).length;
  const guest = list.find((u) => asNumber(u.rid) === 501);
  return { humanAccounts: humans + entra, guestEnabled: guest ? asBool(guest.enabled) : null };
}

/** Voice activation for apps (Cortana, Copilot and others), unless policy forbids it (2 = force deny). */
export function parseWindowsVoice(voice: unknown): string[] | null {
  if (!isRecord(voice)) return null;
  if (asNumber(voice.policy) === 2) return [];
  const user = isRecord(voice.user) ? voice.user : {};
  const enabled: string[] = [];
  if (asNumber(user.AgentActivationEnabled) === 1)
    enabled.push('Voice activation for apps (e.g. "Hey Cortana", "Hey Copilot")');
  if (asNumber(user.AgentActivationOnLockScreenEnabled) === 1) enabled.push('Voice activation on the lock screen');
  return enabled;
}

/**
 * ConsentStore keys in use: packaged apps are named by package family ("Microsoft.WindowsCamera_8wekyb3d8bbwe"),
 * desktop programs by path with # for \ (which contains the user name, so only the file name is kept).
 */
export function parseWindowsMediaInUse(
  entries: unknown,
  ownExeNames: readonly string[],
): { microphone: string[]; camera: string[] } {
  const own = new Set(ownExeNames.map((n) => n.toLowerCase()));
  const out = { microphone: [] as string[], camera: [] as string[] };
  for (const e of asRecords(entries)) {
    const app = asString(e.app);
    if (!app) continue;
    const name = app.includes('#') ? (app.split('#').pop() ?? app) : (app.split('_')[0] ?? app);
    if (own.has(name.toLowerCase())) continue;
    if (e.device === 'microphone') out.microphone.push(name);
    else if (e.device === 'webcam') out.camera.push(name);
  }
  return out;
}

/** Notifications switched off altogether; Focus/Do Not Disturb itself is not in a readable setting. */
export function parseWindowsNotifications(n: unknown): { doNotDisturb: boolean; source: string } | null {
  if (!isRecord(n)) return null;
  if (asNumber(n.toastEnabled) === 0) return { doNotDisturb: true, source: 'all notifications off' };
  if (asNumber(n.globalToasts) === 0) return { doNotDisturb: true, source: 'Do not disturb' };
  return null;
}

/** EndpointFormFactor (mmdeviceapi.h): 1 speakers, 2 line level, 3 headphones, 5 headset, 6 handset, 9 HDMI/DisplayPort display. */
const formFactors: Record<number, OutputKind> = {
  1: 'speakers',
  3: 'headphones',
  5: 'headset',
  6: 'headset',
  9: 'speakers',
};

/**
 * The default playback device from the MMDevices registry: among active endpoints, the one most recently
 * made the default ("Role:0" holds that time as a SYSTEMTIME). Unverified on current Windows builds.
 */
export function parseWindowsAudioOutput(list: unknown): AudioOutputFacts | null {
  const endpoints = asRecords(list)
    .filter((e) => asNumber(e.state) === 1)
    .map((e) => ({
      name: [asString(e.name), asString(e.adapter)].filter(Boolean).join(' — ') || 'Sound output',
      formFactor: asNumber(e.formFactor),
      role: Math.max(systemTimeValue(e.role0), systemTimeValue(e.role1)),
    }))
    .sort((a, b) => b.role - a.role);
  const chosen = endpoints[0];
  if (!chosen) return null;
  const kind = chosen.formFactor === null ? 'unclear' : (formFactors[chosen.formFactor] ?? 'unclear');
  return { name: chosen.name, kind, basis: `form factor ${chosen.formFactor ?? 'not reported'}` };
}

/** SYSTEMTIME bytes (8 little-endian uint16: year, month, weekday, day, hour, minute, second, ms) as a sortable number. */
export function systemTimeValue(raw: unknown): number {
  let bytes: number[] | null = null;
  if (Array.isArray(raw)) bytes = raw.map((b) => Number(b));
  else if (isRecord(raw) && Array.isArray(raw.value)) bytes = raw.value.map((b) => Number(b));
  else if (typeof raw === 'string' && /^[A-Za-z0-9+/=]+$/.test(raw)) bytes = [...atob(raw)].map((c) => c.charCodeAt(0));
  if (!bytes || bytes.length < 16) return 0;
  const word = (i: number) => (bytes[i * 2] ?? 0) + (bytes[i * 2 + 1] ?? 0) * 256;
  return Date.UTC(word(0), word(1) - 1, word(3), word(4), word(5), word(6), word(7));
}

export function parseWindowsRemote(remote: unknown): {
  remoteDesktopEnabled: boolean | null;
  remoteSession: boolean | null;
} {
  if (!isRecord(remote)) return { remoteDesktopEnabled: null, remoteSession: null };
  const deny = asNumber(remote.denyTs);
  const session = asString(remote.session) ?? '';
  return {
    remoteDesktopEnabled: deny === null ? null : deny === 0,
    remoteSession: session === '' ? null : /^RDP-/i.test(session),
  };
}
