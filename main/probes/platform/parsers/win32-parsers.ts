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
import {
  asBool,
  asInt,
  asList,
  asNumber,
  asRecord,
  asRecordList,
  asStrictBool,
  asString,
  unwrapPsArray,
} from './common-parsers';

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

/** Default routes (lowest route + interface metric wins) and the adapters they use; null when either list is unreadable. */
export function parseWindowsRoute(network: unknown): RouteFacts | null {
  const n = asRecord(network);
  const adapterList = n ? asRecordList(n.adapters) : null;
  const routeList = n ? asRecordList(n.routes) : null;
  if (!adapterList || !routeList) return null;
  const adapters = adapterList.map((a) => ({
    ifIndex: asInt(a.ifIndex),
    name: asString(a.name) ?? 'network adapter',
    description: asString(a.description) ?? '',
    media: asString(a.media) ?? '',
    ndis: asInt(a.ndis),
  }));
  const routes = routeList.map((r) => ({ ifIndex: asInt(r.ifIndex), metric: asInt(r.metric) }));
  // A route without a readable metric cannot be ranked against the others.
  if (routes.some((r) => r.ifIndex === null || r.metric === null)) return null;
  routes.sort((a, b) => (a.metric ?? 0) - (b.metric ?? 0));
  const info = (ifIndex: number | null): LinkInfo | null => {
    const a = adapters.find((x) => x.ifIndex === ifIndex);
    return a ? { name: a.name, kind: classifyWindowsAdapter(a) } : null;
  };
  const linked = routes.map((r) => info(r.ifIndex)).filter((l): l is LinkInfo => l !== null);
  const primary = linked[0] ?? null;
  if (!primary) return routes.length === 0 ? { primary: null, physical: null } : null;
  const physical = primary.kind === 'vpn' ? (linked.find((l) => l.kind !== 'vpn') ?? null) : primary;
  return { primary, physical };
}

/** One "label : value" line of netsh output (labels are translated; some locales drop the space before the colon). */
function netshPairs(text: string): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([^:]+?)\s*:(?:\s+(.*))?$/.exec(line);
    if (m?.[1]) out.push({ label: m[1].trim(), value: (m[2] ?? '').trim() });
  }
  return out;
}

/** Cipher names netsh prints untranslated (CCMP, GCMP-256, TKIP, WEP…); "None" is translated. */
const cipherName = /^(ccmp|gcmp|tkip|wep|bip)\b/i;
/** Authentication values that mean a password or certificate is needed; "Open" is translated. */
const securedAuth = /wpa|wep|802\.1x|sae|owe/i;

/**
 * `netsh wlan show interfaces`, which is translated: read by shape, not by label. The only value written
 * as a percentage is the signal ("Signal : 85%", French "85 %"); newer builds add an "Rssi" line.
 * Security is read by position: the two lines after the radio type ("802.11ax") are the authentication
 * and the cipher. Open means no cipher name and no WPA/WEP authentication, in any language
 * ("Open/None", "Ouvrir/Aucun", "Abierta/Ninguna", "Offen/Keine").
 */
export function parseNetshSignal(text: string): { percent: number | null; dbm: number | null; open: boolean | null } {
  const pairs = netshPairs(text);
  let percent: number | null = null;
  let dbm: number | null = null;
  for (const { label, value } of pairs) {
    if (percent === null && /^\d{1,3}\s?%$/.test(value)) {
      const p = Number(value.replace(/\D/g, ''));
      if (p <= 100) percent = p;
    }
    if (/^rssi$/i.test(label) && /^-\d{2,3}$/.test(value)) dbm = Number(value);
  }
  let open: boolean | null = null;
  const radio = pairs.findIndex((p) => /^802\.11[a-z0-9]*$/i.test(p.value));
  const auth = radio >= 0 ? pairs[radio + 1]?.value : undefined;
  const cipher = radio >= 0 ? pairs[radio + 2]?.value : undefined;
  if (auth && cipher) {
    if (cipherName.test(cipher) || securedAuth.test(auth)) open = false;
    else if (/^\p{L}[\p{L} .-]*$/u.test(auth) && /^\p{L}[\p{L} .-]*$/u.test(cipher)) open = true;
  }
  return { percent, dbm, open };
}

/** Win32_Battery.BatteryStatus: 1 discharging, 4 low, 5 critical (on battery); 2 on mains; 3 full; 6–9 charging. 10 and 11 say neither. */
const batteryStatus: Record<number, 'battery' | 'mains'> = {
  1: 'battery',
  2: 'mains',
  3: 'mains',
  4: 'battery',
  5: 'battery',
  6: 'mains',
  7: 'mains',
  8: 'mains',
  9: 'mains',
};

/**
 * Batteries from Win32_Battery. An empty list is a desktop; null when the list is unreadable or a battery's
 * status says neither battery nor mains (never guessed as "plugged in").
 */
export function parseWindowsBattery(
  battery: unknown,
): { battery: null | { percent: number | null; onBattery: boolean } } | null {
  const items = asRecordList(battery);
  if (!items) return null;
  if (items.length === 0) return { battery: null };
  let onBattery = false;
  const charges: number[] = [];
  for (const b of items) {
    const status = asInt(b.status);
    const side = status === null ? undefined : batteryStatus[status];
    if (!side) return null;
    if (side === 'battery') onBattery = true;
    const charge = asInt(b.charge);
    if (charge !== null && charge >= 0 && charge <= 100) charges.push(charge);
  }
  const percent = charges.length > 0 ? Math.round(charges.reduce((a, b) => a + b, 0) / charges.length) : null;
  return { battery: { percent, onBattery } };
}

/** Bytes moved on one adapter between the start and end of the batch; null when a counter is missing or went backwards. */
export function windowsTraffic(
  start: unknown,
  end: unknown,
  adapterName: string,
  windowMs: number,
): { rxBytesPerSec: number; txBytesPerSec: number } | null {
  const find = (list: unknown) => (asRecordList(list) ?? []).find((a) => asString(a.name) === adapterName);
  const a = find(start);
  const b = find(end);
  if (!a || !b || !(windowMs > 0)) return null;
  const counter = (r: Record<string, unknown>, key: string) => {
    const v = r[key];
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
  };
  const rx0 = counter(a, 'rx');
  const rx1 = counter(b, 'rx');
  const tx0 = counter(a, 'tx');
  const tx1 = counter(b, 'tx');
  if (rx0 === null || rx1 === null || tx0 === null || tx1 === null || rx1 < rx0 || tx1 < tx0) return null;
  return { rxBytesPerSec: ((rx1 - rx0) * 1000) / windowMs, txBytesPerSec: ((tx1 - tx0) * 1000) / windowMs };
}

export type ProductRunState = 'on' | 'off' | 'snoozed' | 'expired';

/**
 * Security Center productState (undocumented; decoded by the community, e.g. amidaware/community-scripts #268):
 * bits 12–15 are the state (0 off, 1 on, 2 snoozed, 3 expired), bits 4–7 the definitions (0 up to date,
 * 1 out of date). Not the WSC_SECURITY_PRODUCT_STATE enum, where ON is 0 and OFF 1: real values show 397568
 * (nibble 1) with Defender on and 393472 (nibble 0) with it off. null for anything that is not such a number.
 */
export function decodeProductState(state: unknown): { state: ProductRunState; upToDate: boolean | null } | null {
  const n = asInt(state);
  if (n === null || n < 0 || n > 0xffffff) return null;
  const run = (['off', 'on', 'snoozed', 'expired'] as const)[(n >> 12) & 0xf];
  if (!run) return null;
  const signatures = (n >> 4) & 0xf;
  return { state: run, upToDate: signatures === 0 ? true : signatures === 1 ? false : null };
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
 * firewall registered with Security Center. Profiles come from the cmdlet, else (the cmdlet failed) from the
 * registry. An input that could not be read is `undefined`; profiles in an unexpected shape make the answer null.
 * When the networks in use are unknown, every profile is judged.
 */
export function parseWindowsFirewall(input: {
  profiles: unknown;
  categories: unknown;
  registry: unknown;
  products: unknown;
}): FirewallFacts | null {
  const state = new Map<string, boolean>();
  // Profiles that came in a shape that cannot be read are not "no answer": the registry may be stale
  // (issue 9, defect 4), so it only stands in when the cmdlet gave nothing at all.
  const profiles = input.profiles === undefined ? [] : asRecordList(input.profiles);
  if (profiles === null || profiles.some((p) => asString(p.name) === null)) return null;
  for (const p of profiles) {
    const name = asString(p.name);
    const on = asBool(p.enabled);
    if (name && ['Domain', 'Private', 'Public'].includes(name) && on !== null) state.set(name, on);
  }
  const registry = asRecord(input.registry);
  if (state.size === 0 && registry) {
    for (const name of ['Domain', 'Private', 'Public']) {
      const on = asBool(registry[`Policy${name}`]) ?? asBool(registry[name]);
      if (on !== null) state.set(name, on);
    }
  }
  const thirdParty = (asRecordList(input.products) ?? [])
    .filter((p) => decodeProductState(p.state)?.state === 'on')
    .map((p) => asString(p.name) || 'Firewall');
  if (state.size === 0 && thirdParty.length === 0) return null;
  const categoryList = asList(input.categories);
  const categories = categoryList?.every((c) => typeof c === 'string' || typeof c === 'number') ? categoryList : null;
  const active = [
    ...new Set(
      (categories ?? []).flatMap((c) => {
        const profile = profileByCategory[String(c).toLowerCase()];
        return profile ? [profile] : [];
      }),
    ),
  ];
  // Not connected: judge the two profiles a home computer uses. Networks unknown: judge all three.
  const judged =
    categories === null ? ['Domain', 'Private', 'Public'] : active.length > 0 ? active : ['Private', 'Public'];
  const offProfiles = [...state.entries()].filter(([, on]) => !on).map(([name]) => name);
  const activeOff = judged.filter((p) => state.get(p) === false);
  if (thirdParty.length > 0 && activeOff.length > 0) {
    return { state: 'on', provider: thirdParty.join(', '), offProfiles };
  }
  if (activeOff.length > 0) return { state: 'off', provider: 'Windows Firewall', offProfiles };
  if (judged.some((p) => !state.has(p)) && thirdParty.length === 0) return null;
  return { state: offProfiles.length > 0 ? 'partly' : 'on', provider: 'Windows Firewall', offProfiles };
}

/**
 * Security Center products plus Defender's own status; null when neither could be read (e.g. Windows Server).
 * `undefined` means that part could not be read. Defender counts as protecting only in its normal running
 * mode: in passive mode it still reports real-time protection on (mondoohq/mql #10381), and when Security
 * Center says Defender is off, snoozed or expired, that stands.
 */
export function parseWindowsAntivirus(
  products: unknown,
  defender: unknown,
): (AntivirusFacts & { readonly defenderStandsBack: boolean }) | null {
  const sc = products === undefined ? null : asRecordList(products);
  const list: AntivirusProduct[] = [];
  for (const p of sc ?? []) {
    const decoded = decodeProductState(p.state);
    if (!decoded) continue;
    const suffix = decoded.state === 'expired' ? ' (expired)' : decoded.state === 'snoozed' ? ' (snoozed)' : '';
    list.push({
      name: `${asString(p.name) || 'Antivirus'}${suffix}`,
      enabled: decoded.state === 'on',
      upToDate: decoded.upToDate,
      definitionsAgeDays: null,
    });
  }
  const d = asRecord(defender);
  let defenderStandsBack = false;
  if (d) {
    const mode = asString(d.runningMode)?.trim() || null;
    const realtime = asStrictBool(d.realtime);
    const antivirus = asStrictBool(d.antivirus);
    const rawAge = asInt(d.signatureAgeDays);
    const age = rawAge !== null && rawAge >= 0 && rawAge < 10_000 ? rawAge : null;
    const existing = list.findIndex((p) => /defender/i.test(p.name));
    const scEntry = existing >= 0 ? list[existing] : undefined;
    const normal = mode === null ? scEntry?.enabled === true : /^normal$/i.test(mode);
    // Passive, side-by-side passive or EDR block mode: another antivirus is meant to protect this computer.
    defenderStandsBack = mode !== null && /passive|edr/i.test(mode);
    const enabled = realtime === true && antivirus === true && normal && (scEntry ? scEntry.enabled : true);
    const baseName = scEntry?.name ?? 'Microsoft Defender Antivirus';
    const entry: AntivirusProduct = {
      name: mode !== null && !/^normal$/i.test(mode) ? `${baseName} (${mode.toLowerCase()})` : baseName,
      enabled,
      upToDate: age === null ? (scEntry?.upToDate ?? null) : age <= 3,
      definitionsAgeDays: age,
    };
    if (existing >= 0) list[existing] = entry;
    else list.push(entry);
  }
  if (sc === null && !d) return null;
  return { products: list, builtInAlwaysOn: false, warnings: [], defenderStandsBack };
}

/**
 * System.Volume.BitLockerProtection (undocumented): 1 on, 2 off, 3 encrypting, 4 decrypting,
 * 5 suspended, 6 locked, 7 not encryptable, 8 waiting for activation (key still stored in the clear).
 */
export function parseBitLocker(bitlocker: unknown): DiskEncryptionFacts | null {
  const b = asRecord(bitlocker);
  if (!b) return null;
  const value = asInt(b.value);
  const volume = asString(b.drive) || 'C:';
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

const guidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * `powercfg /query …` (or `/qh` for hidden settings), whose labels are translated: read by layout. The AC
 * and DC values are the two hex lines indented like the setting's own GUID line, after it; the range lines
 * above them are indented deeper. A hidden setting queried with `/query` prints only the scheme header,
 * and a cut-off output lacks one of the two lines: both read as null, never as a value.
 */
export function parsePowercfgValues(text: string): { ac: number; dc: number } | null {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const indent = (l: string) => /^\s*/.exec(l)?.[0].length ?? 0;
  let settingLine = -1;
  lines.forEach((l, i) => {
    if (guidPattern.test(l)) settingLine = i;
  });
  if (settingLine < 0) return null;
  const level = indent(lines[settingLine] ?? '');
  const values: number[] = [];
  for (const line of lines.slice(settingLine + 1)) {
    const hex = /:\s*0x([0-9a-f]{1,16})\s*$/i.exec(line);
    if (hex?.[1] && indent(line) === level) values.push(parseInt(hex[1], 16));
  }
  if (values.length !== 2 || values.some((v) => !Number.isSafeInteger(v))) return null;
  return { ac: values[0] ?? 0, dc: values[1] ?? 0 };
}

export type WindowsScreenLockReading =
  | { state: 'known'; facts: ScreenLockFacts; evidence: Record<string, string | number | boolean | null> }
  | { state: 'unknown'; reason: string; evidence: Record<string, string | number | boolean | null> };

/**
 * The shortest idle time after which Windows asks for a password: a password-protected screen saver,
 * sleep with sign-in on wake-up, or the machine inactivity limit. The display merely turning off does not lock.
 * Inputs that could not be read are `undefined`; `onBattery` null means the power source is unknown, and then
 * the longer of the two timeouts counts. A setting Windows did not show is unknown, never assumed.
 */
export function parseWindowsScreenLock(input: {
  screenSaver: unknown;
  lockPolicy: unknown;
  powercfg: unknown;
  onBattery: boolean | null;
  /** Lock times at or under this many minutes are good enough that unread settings cannot make them worse. */
  enoughMinutes: number;
}): WindowsScreenLockReading | null {
  // Each part must have the batch's shape: the keys it always writes (null when a value is not set).
  const ssRecord = asRecord(input.screenSaver);
  const ss = ssRecord && asRecord(ssRecord.user) ? ssRecord : null;
  const lpRecord = asRecord(input.lockPolicy);
  const lp = lpRecord && 'autoAdminLogon' in lpRecord && 'disableLockWorkstation' in lpRecord ? lpRecord : null;
  const pcRecord = asRecord(input.powercfg);
  const pc =
    pcRecord && typeof pcRecord.videoIdle === 'string' && typeof pcRecord.standbyIdle === 'string' ? pcRecord : null;
  if (!ss && !lp && !pc) return null;
  const user = asRecord(ss?.user) ?? {};
  const policy = asRecord(ss?.policy) ?? {};
  const pick = (key: string) => policy[key] ?? user[key];
  /** AC or DC by the power source; the worse (longer, 0 = never) of the two when the source is unknown. */
  const side = (v: { ac: number; dc: number } | null): number | null => {
    if (!v) return null;
    if (input.onBattery === true) return v.dc;
    if (input.onBattery === false) return v.ac;
    if (v.ac === 0 || v.dc === 0) return 0;
    return Math.max(v.ac, v.dc);
  };

  const saverFile = asString(pick('SCRNSAVE.EXE'))?.trim() ?? '';
  // ScreenSaveActive=1 with no screen saver file is Windows' "(None)": nothing runs.
  const ssActive = asBool(pick('ScreenSaveActive')) === true && saverFile !== '';
  const ssSecure = asBool(pick('ScreenSaverIsSecure')) === true;
  const ssTimeout = asNumber(pick('ScreenSaveTimeOut'));
  const videoIdle = side(parsePowercfgValues(asString(pc?.videoIdle) ?? ''));
  const standbyIdle = side(parsePowercfgValues(asString(pc?.standbyIdle) ?? ''));
  const wakePolicy = asRecord(pc?.consoleLockPolicy);
  const policyAc = asInt(wakePolicy?.ac);
  const policyDc = asInt(wakePolicy?.dc);
  const shownWake = parsePowercfgValues(asString(pc?.consoleLock) ?? '');
  // Group policy ("Require a password when a computer wakes") overrides the power plan.
  const wake =
    policyAc !== null || policyDc !== null
      ? { ac: policyAc ?? shownWake?.ac ?? -1, dc: policyDc ?? shownWake?.dc ?? -1 }
      : shownWake;
  let signInOnWake: boolean | null = null;
  if (wake) {
    const relevant = input.onBattery === true ? [wake.dc] : input.onBattery === false ? [wake.ac] : [wake.ac, wake.dc];
    if (relevant.every((v) => v === 1)) signInOnWake = true;
    else if (relevant.some((v) => v === 0)) signInOnWake = false;
  }
  const inactivity = asNumber(lp?.inactivityTimeoutSecs);

  const candidates: { minutes: number; how: string }[] = [];
  if (ssActive && ssSecure && ssTimeout !== null && ssTimeout > 0)
    candidates.push({ minutes: ssTimeout / 60, how: 'screen saver' });
  if (standbyIdle !== null && standbyIdle > 0 && signInOnWake === true)
    candidates.push({ minutes: standbyIdle / 60, how: 'sleep' });
  if (inactivity !== null && inactivity > 0) candidates.push({ minutes: inactivity / 60, how: 'inactivity limit' });
  const best = candidates.sort((a, b) => a.minutes - b.minutes)[0];
  const lockAfterMinutes = best ? Math.round(best.minutes * 10) / 10 : null;

  const evidence = {
    screenSaver: ssActive ? `${ssTimeout ?? '?'} s, password ${ssSecure ? 'on' : 'off'}` : 'none',
    displayOffSeconds: videoIdle,
    sleepSeconds: standbyIdle,
    signInOnWake: signInOnWake === null ? 'not shown' : signInOnWake,
    inactivityLimitSeconds: inactivity,
    powerSource: input.onBattery === null ? 'unknown' : input.onBattery ? 'battery' : 'mains',
  };
  const goodEnough = lockAfterMinutes !== null && lockAfterMinutes <= input.enoughMinutes;
  if (!lp) return { state: 'unknown', reason: 'Windows did not say whether it signs in by itself', evidence };
  if (!goodEnough) {
    // Sleep that may or may not ask for a password decides the answer: say so instead of guessing.
    const sleepUndecided = standbyIdle !== null && standbyIdle > 0 && signInOnWake === null;
    if (sleepUndecided && (lockAfterMinutes === null || standbyIdle / 60 < lockAfterMinutes)) {
      return {
        state: 'unknown',
        reason: 'Windows did not show whether it asks for your password when the computer wakes from sleep',
        evidence,
      };
    }
    if (!ss || !pc)
      return { state: 'unknown', reason: 'Windows did not report all of its screen-lock settings', evidence };
    // Sleep may be what locks this computer: a sleep setting that could not be read is not "never".
    if (standbyIdle === null)
      return { state: 'unknown', reason: 'Windows did not report when the computer goes to sleep', evidence };
  }
  return {
    state: 'known',
    facts: {
      lockAfterMinutes,
      // With sign-in on wake-up set to "Never", the screen turning off (even Modern Standby) asks for no password.
      displayOffMinutes:
        videoIdle !== null && videoIdle > 0 && signInOnWake !== false ? Math.round(videoIdle / 6) / 10 : null,
      autoLogin: asString(lp.autoAdminLogon)?.trim() === '1' || asNumber(lp.autoAdminLogon) === 1,
      lockDisabled: asNumber(lp.disableLockWorkstation) === 1,
      mechanism: best?.how ?? 'none',
    },
    evidence,
  };
}

/** Registry CurrentVersion: the build number tells Windows 11 (≥ 22000) even where ProductName says "Windows 10". */
export function parseWindowsVersion(os: unknown): OsVersionFacts | null {
  const o = asRecord(os);
  if (!o) return null;
  const build = asNumber(o.CurrentBuildNumber);
  if (build === null || !Number.isInteger(build) || build < 10240) return null;
  const ubr = asInt(o.UBR);
  const display = asString(o.DisplayVersion) ?? '';
  const family = build >= 22000 ? 'Windows 11' : 'Windows 10';
  const product = asString(o.ProductName) ?? '';
  const server = /server/i.test(product) || asString(o.InstallationType) === 'Server';
  return {
    family: 'windows',
    name: server ? product : `${family}${display ? ` ${display}` : ''}`,
    version: `10.0.${build}${ubr !== null ? `.${ubr}` : ''}`,
    build,
    edition: asString(o.EditionID),
    distroId: null,
  };
}

/**
 * Enabled local accounts other than the built-in service ones (Guest 501, 503, 504), plus Entra ID profiles.
 * The built-in Administrator (500) counts when it is enabled: then someone signs in with it. null when either
 * list is unreadable or no account at all was found (someone is signed in).
 */
export function parseWindowsUsers(users: unknown, entraProfiles: unknown): UserAccountFacts | null {
  const list = asRecordList(users);
  const entra = asInt(entraProfiles);
  if (!list || entra === null || entra < 0) return null;
  const parsed = list.map((u) => ({ rid: asInt(u.rid), enabled: asStrictBool(u.enabled) }));
  if (parsed.some((u) => u.rid === null || u.enabled === null)) return null;
  const builtIn = new Set([501, 503, 504]);
  const humans = parsed.filter((u) => u.enabled === true && !builtIn.has(u.rid ?? 0)).length + entra;
  if (humans === 0) return null;
  const guest = parsed.find((u) => u.rid === 501);
  return { humanAccounts: humans, guestEnabled: guest ? guest.enabled : null };
}

/**
 * Voice activation for apps (Cortana, Copilot and others), unless policy forbids it (2 = force deny).
 * null when the main setting has not been written, so Windows' own default is not known.
 */
export function parseWindowsVoice(voice: unknown): string[] | null {
  const v = asRecord(voice);
  if (!v) return null;
  if (asNumber(v.policy) === 2) return [];
  const user = asRecord(v.user) ?? {};
  const all = asNumber(user.AgentActivationEnabled);
  const lockScreen = asNumber(user.AgentActivationOnLockScreenEnabled);
  // The main switch decides; without it Windows' default applies, and that is not known.
  if (all === null) return null;
  const enabled: string[] = [];
  if (all === 1) enabled.push('Voice activation for apps (e.g. "Hey Cortana", "Hey Copilot")');
  if (lockScreen === 1) enabled.push('Voice activation on the lock screen');
  return enabled;
}

/**
 * ConsentStore keys that started using the device and have not stopped: `LastUsedTimeStop` is 0 or missing.
 * Packaged apps are named by package family ("Microsoft.WindowsCamera_8wekyb3d8bbwe"), desktop programs by
 * path with # for \ (which contains the user name, so only the file name is kept). null when unreadable.
 */
export function parseWindowsMediaInUse(
  entries: unknown,
  ownExeNames: readonly string[],
): { microphone: string[]; camera: string[] } | null {
  const list = asRecordList(entries);
  if (!list) return null;
  const own = new Set(ownExeNames.map((n) => n.toLowerCase()));
  const out = { microphone: [] as string[], camera: [] as string[] };
  for (const e of list) {
    const app = asString(e.app);
    const start = typeof e.start === 'number' && Number.isFinite(e.start) ? e.start : null;
    const stop = e.stop === null || e.stop === undefined ? 0 : typeof e.stop === 'number' ? e.stop : null;
    // The batch lists only keys that have started: a record of another shape means the list is not readable.
    if (!app || start === null || start <= 0 || stop === null) return null;
    if (stop !== 0) continue;
    const name = app.includes('#') ? (app.split('#').pop() ?? app) : (app.split('_')[0] ?? app);
    if (own.has(name.toLowerCase())) continue;
    if (e.device === 'microphone') out.microphone.push(name);
    else if (e.device === 'webcam') out.camera.push(name);
  }
  return out;
}

/**
 * Notifications switched off altogether (Settings › System › Notifications, stored as ToastEnabled = 0).
 * Do Not Disturb and Focus themselves are not in a readable setting: every other case is null (unknown).
 */
export function parseWindowsNotifications(n: unknown): { doNotDisturb: boolean; source: string } | null {
  const r = asRecord(n);
  if (!r) return null;
  if (asNumber(r.toastEnabled) === 0) return { doNotDisturb: true, source: 'all notifications off' };
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
  const endpoints = (asRecordList(list) ?? [])
    .filter((e) => asInt(e.state) === 1)
    .map((e) => ({
      name: [asString(e.name), asString(e.adapter)].filter(Boolean).join(' — ') || 'Sound output',
      formFactor: asInt(e.formFactor),
      role: Math.max(systemTimeValue(e.role0), systemTimeValue(e.role1)),
    }))
    .sort((a, b) => b.role - a.role);
  const chosen = endpoints[0];
  if (!chosen) return null;
  // With several outputs and no readable "made default" time, which one plays is a guess: say so.
  const runnerUp = endpoints[1];
  if (runnerUp && (chosen.role === 0 || chosen.role === runnerUp.role)) {
    return { name: chosen.name, kind: 'unclear', basis: 'several outputs, default not readable' };
  }
  const kind = chosen.formFactor === null ? 'unclear' : (formFactors[chosen.formFactor] ?? 'unclear');
  return { name: chosen.name, kind, basis: `form factor ${chosen.formFactor ?? 'not reported'}` };
}

/** SYSTEMTIME bytes (8 little-endian uint16: year, month, weekday, day, hour, minute, second, ms) as a sortable number. */
export function systemTimeValue(raw: unknown): number {
  const v = unwrapPsArray(raw);
  let bytes: number[] | null = null;
  if (Array.isArray(v)) bytes = v.map((b) => (typeof b === 'number' && b >= 0 && b <= 255 ? b : Number.NaN));
  else if (typeof v === 'string' && /^(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(v)) {
    bytes = [...atob(v)].map((c) => c.charCodeAt(0));
  }
  if (!bytes || bytes.length < 16 || bytes.some((b) => Number.isNaN(b))) return 0;
  const word = (i: number) => (bytes[i * 2] ?? 0) + (bytes[i * 2 + 1] ?? 0) * 256;
  return Date.UTC(word(0), word(1) - 1, word(3), word(4), word(5), word(6), word(7));
}

export function parseWindowsRemote(remote: unknown): {
  remoteDesktopEnabled: boolean | null;
  remoteSession: boolean | null;
} {
  const r = asRecord(remote);
  if (!r) return { remoteDesktopEnabled: null, remoteSession: null };
  const deny = asInt(r.denyTs);
  const session = asString(r.session)?.trim() ?? '';
  return {
    remoteDesktopEnabled: deny === 0 ? true : deny === 1 ? false : null,
    remoteSession: session === '' ? null : /^RDP-/i.test(session),
  };
}

/** The batch writes these values with `Get-Values`: every key present, null when not set. */
function hasKeys(record: Record<string, unknown> | null, keys: readonly string[]): record is Record<string, unknown> {
  return record !== null && keys.every((k) => k in record);
}

export type WindowsRecallState = 'policy-off' | 'removed' | 'not-installed' | 'not-set-up' | 'may-be-on';

/**
 * Windows Recall from the `recall` part. Microsoft documents two policies (Windows AI, Policy CSP):
 * DisableAIDataAnalysis = 1 (machine or user) stops snapshots; AllowRecallEnablement = 0 removes Recall.
 * Otherwise Recall exists only where its package (MicrosoftWindows.Client.AIX) is installed, and saves
 * nothing until the person opts in: its snapshot store (%LOCALAPPDATA%\CoreAIPlatform.00\UKP) appears then.
 * A store that exists may belong to a Recall that is paused or was switched off since: "may be on".
 */
export function parseWindowsRecall(recall: unknown): { state: WindowsRecallState } | null {
  const r = asRecord(recall);
  const machine = asRecord(r?.policyMachine);
  const user = asRecord(r?.policyUser);
  if (
    !r ||
    !hasKeys(machine, ['DisableAIDataAnalysis', 'AllowRecallEnablement']) ||
    !hasKeys(user, ['DisableAIDataAnalysis'])
  ) {
    return null;
  }
  if (asNumber(machine.DisableAIDataAnalysis) === 1 || asNumber(user.DisableAIDataAnalysis) === 1)
    return { state: 'policy-off' };
  if (asNumber(machine.AllowRecallEnablement) === 0) return { state: 'removed' };
  const installed = asStrictBool(r.installed);
  const store = asStrictBool(r.snapshotStore);
  if (installed === null || store === null) return null;
  if (!installed) return store ? { state: 'may-be-on' } : { state: 'not-installed' };
  return { state: store ? 'may-be-on' : 'not-set-up' };
}

/**
 * Xbox Game Bar capture from the `gameCapture` part: "Record what happened" (HistoricalCaptureEnabled, off
 * unless switched on) keeps recording in the background; the Broadcast DVR server (bcastdvr.exe) runs while
 * Game Bar records. Both are off when the policy AllowGameDVR = 0 or GameDVR_Enabled = 0.
 */
export function parseWindowsGameCapture(
  value: unknown,
): { backgroundRecording: boolean; recorderRunning: boolean } | null {
  const r = asRecord(value);
  const user = asRecord(r?.user);
  const store = asRecord(r?.store);
  if (
    !r ||
    !hasKeys(user, ['AppCaptureEnabled', 'HistoricalCaptureEnabled']) ||
    !hasKeys(store, ['GameDVR_Enabled']) ||
    !('policy' in r)
  ) {
    return null;
  }
  const running = asStrictBool(r.recorderRunning);
  if (running === null) return null;
  const disabled =
    asNumber(r.policy) === 0 || asNumber(store.GameDVR_Enabled) === 0 || asNumber(user.AppCaptureEnabled) === 0;
  if (disabled) return { backgroundRecording: false, recorderRunning: false };
  return { backgroundRecording: asNumber(user.HistoricalCaptureEnabled) === 1, recorderRunning: running };
}

/** A FILETIME (100 ns since 1601, UTC) as ms since 1970; null for 0 or anything implausible. */
function filetimeMs(value: unknown): number | null {
  const n = asNumber(value);
  if (n === null || n <= 0) return null;
  const ms = n / 10_000 - 11_644_473_600_000;
  return ms > 0 && ms < 8.64e15 ? Math.round(ms) : null;
}

/**
 * Windows Update from the `updates` part: the restart flags that administrators' scripts read
 * (WindowsUpdate\Auto Update\RebootRequired, Component Based Servicing\RebootPending, the orchestrator's
 * RebootRequired), the scheduled restart (UX\StateVariables ScheduledRebootTime, a FILETIME) and the
 * active hours (UX\Settings, or the policy that sets them).
 */
export function parseWindowsUpdates(value: unknown): {
  restartNeeded: boolean;
  restartAt: number | null;
  activeHours: { start: number; end: number } | null;
  pausedUntil: string | null;
} | null {
  const r = asRecord(value);
  const state = asRecord(r?.state);
  const settings = asRecord(r?.settings);
  const policy = asRecord(r?.policy);
  if (
    !r ||
    !hasKeys(state, ['ScheduledRebootTime']) ||
    !hasKeys(settings, ['ActiveHoursStart', 'ActiveHoursEnd', 'PauseUpdatesExpiryTime']) ||
    !hasKeys(policy, ['SetActiveHours', 'ActiveHoursStart', 'ActiveHoursEnd'])
  ) {
    return null;
  }
  const flags = [r.rebootRequired, r.rebootPending, r.orchestrator].map(asStrictBool);
  if (flags.some((f) => f === null)) return null;
  const hour = (v: unknown) => {
    const n = asInt(v);
    return n !== null && n >= 0 && n <= 23 ? n : null;
  };
  const fromPolicy = asNumber(policy.SetActiveHours) === 1;
  const start = hour(fromPolicy ? policy.ActiveHoursStart : settings.ActiveHoursStart);
  const end = hour(fromPolicy ? policy.ActiveHoursEnd : settings.ActiveHoursEnd);
  const paused = asString(settings.PauseUpdatesExpiryTime)?.trim() ?? '';
  return {
    restartNeeded: flags.some((f) => f === true),
    restartAt: filetimeMs(state.ScheduledRebootTime),
    activeHours: start !== null && end !== null && start !== end ? { start, end } : null,
    pausedUntil: /^\d{4}-\d\d-\d\dT/.test(paused) ? paused : null,
  };
}

/**
 * The `scheduledTasks` part: tasks ReadyRoom asks Task Scheduler about, with their next run as an ISO time
 * in UTC, or "none" when the task has no time trigger (it waits for idle maintenance). null is not an answer.
 */
export function parseWindowsScheduledTasks(
  value: unknown,
): { name: string; nextRunMs: number | null; running: boolean }[] | null {
  const list = asRecordList(value);
  if (!list) return null;
  const out: { name: string; nextRunMs: number | null; running: boolean }[] = [];
  for (const t of list) {
    const name = asString(t.name);
    const state = asString(t.state);
    const nextText = asString(t.next);
    // A task Windows would not show this user is not a task that is not scheduled.
    if (!name || state === null || state === 'unreadable' || nextText === null) return null;
    const next = nextText === 'none' ? null : Date.parse(nextText);
    if (next !== null && Number.isNaN(next)) return null;
    out.push({ name, nextRunMs: next, running: state === 'Running' });
  }
  return out;
}

/**
 * File History from the `fileHistory` part: set up when its registry key records a protected time
 * (HKCU\…\FileHistory ProtectedUpToTime), and on while its service (fhsvc) runs. It saves copies every
 * hour unless set otherwise.
 */
export function parseWindowsFileHistory(value: unknown): { on: boolean } | null {
  const r = asRecord(value);
  const configured = asStrictBool(r?.configured);
  const service = asString(r?.service);
  if (configured === null || service === null || service === '') return null;
  return { on: configured && service === 'Running' };
}

/**
 * Sleep from the `powercfg` part (STANDBYIDLE and VIDEOIDLE, seconds, 0 = never) for the power source in
 * use; with the source unknown, the sooner of the two.
 */
export function parseWindowsSleep(
  powercfg: unknown,
  onBattery: boolean | null,
): { systemSleepMinutes: number | null; displaySleepMinutes: number | null } | null {
  const pc = asRecord(powercfg);
  const standby = parsePowercfgValues(asString(pc?.standbyIdle) ?? '');
  if (!standby) return null;
  const video = parsePowercfgValues(asString(pc?.videoIdle) ?? '');
  const pick = (v: { ac: number; dc: number }): number | null => {
    const chosen = onBattery === true ? [v.dc] : onBattery === false ? [v.ac] : [v.ac, v.dc];
    const set = chosen.filter((s) => s > 0);
    return set.length > 0 ? Math.round((Math.min(...set) / 60) * 10) / 10 : null;
  };
  return { systemSleepMinutes: pick(standby), displaySleepMinutes: video ? pick(video) : null };
}

/** The `keepAwake` part: Windows' presentation settings (laptops) and PowerToys Awake. */
export function parseWindowsKeepAwake(value: unknown): string | null {
  const r = asRecord(value);
  if (!r) return null;
  if (asStrictBool(r.powerToysAwake) === true)
    return 'PowerToys Awake (its coffee-cup icon near the clock) keeps the computer awake';
  if (asStrictBool(r.presentationSettings) === true) {
    return 'Windows Mobility Center’s presentation settings (Windows key + X) keep the computer awake until you turn them off';
  }
  return null;
}

/**
 * The `headsets` part: Bluetooth hands-free and audio-sink devices with Windows 11's battery property
 * (DEVPKEY {104EA319-…} 2) and whether each is connected (DEVPKEY_Device_IsConnected). One headset shows as
 * several devices ("… Hands-Free AG", "… Stereo"); they are merged by name, keeping the charge that is reported.
 */
export function parseWindowsHeadsets(value: unknown): { name: string; percent: number | null }[] | null {
  const list = asRecordList(value);
  if (!list) return null;
  const byName = new Map<string, number | null>();
  for (const d of list) {
    const name = asString(d.name);
    if (name === null || !('connected' in d) || !('battery' in d)) return null;
    if (asStrictBool(d.connected) !== true) continue;
    const clean = name.replace(/\s+(Hands-Free( AG)?( Audio)?|Stereo|Avrcp Transport)$/i, '').trim() || name;
    const battery = asInt(d.battery);
    const percent = battery !== null && battery >= 0 && battery <= 100 ? battery : null;
    const earlier = byName.get(clean);
    byName.set(clean, earlier ?? percent);
  }
  return [...byName].map(([name, percent]) => ({ name, percent }));
}
