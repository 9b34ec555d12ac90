import type { LinkKind, OutputKind } from '../platform-types';
import {
  asRecords,
  asString,
  completeLines,
  isCompleteOutput,
  isRecord,
  parseIni,
  parseKeyValues,
  tryParseJson,
} from './common-parsers';

/** `ip -j route show default` / `ip -j route get <addr>`: the routes with their device and metric. */
export function parseIpRoutes(stdout: string): { dev: string; metric: number }[] | null {
  const parsed = tryParseJson(stdout);
  if (!Array.isArray(parsed) || !parsed.every(isRecord)) return null;
  const routes = parsed.map((r) => ({
    dev: asString(r.dev) ?? '',
    metric: r.metric === undefined ? 0 : typeof r.metric === 'number' ? r.metric : Number.NaN,
  }));
  // A route without a device or with a metric that is not a number cannot be ranked.
  if (routes.some((r) => r.dev === '' || Number.isNaN(r.metric))) return null;
  return routes.sort((a, b) => a.metric - b.metric);
}

export interface LinuxLinkSysfs {
  readonly name: string;
  /** /sys/class/net/<if>/wireless or phy80211 exists. */
  readonly wireless: boolean;
  /** /sys/class/net/<if>/tun_flags exists (tun/tap: OpenVPN and most VPN clients). */
  readonly tun: boolean;
  /** /sys/class/net/<if>/device exists (backed by hardware, not a software interface). */
  readonly hasDevice: boolean;
  /** Contents of /sys/class/net/<if>/uevent. */
  readonly uevent: string | null;
}

const vpnNamePattern = /^(tun|tap|wg|ppp|tailscale|nordlynx|proton|ipsec|vpn|utun|zt|cscotun|gpd)/i;

/** Wired, Wi-Fi, mobile or VPN, from sysfs facts rather than names where possible. */
export function classifyLinuxLink(link: LinuxLinkSysfs): LinkKind {
  const devtype = parseKeyValues(link.uevent ?? '').DEVTYPE?.toLowerCase() ?? '';
  if (link.wireless || devtype === 'wlan') return 'wifi';
  if (devtype === 'wwan' || /^(wwan|rmnet|wwp)/.test(link.name)) return 'cellular';
  if (link.tun || devtype === 'wireguard' || vpnNamePattern.test(link.name)) return 'vpn';
  if (devtype === 'bridge' || devtype === 'vlan' || devtype === 'bond') return 'other';
  if (link.hasDevice) return 'wired';
  return 'other';
}

/**
 * /proc/net/wireless: signal level of one interface. Drivers report dBm (negative, often with a
 * trailing dot); a few report 0–255 with 256 added, which is converted back.
 */
export function parseProcNetWireless(
  text: string,
  iface: string,
): { dbm: number | null; quality: number | null } | null {
  for (const line of completeLines(text).slice(2)) {
    const match = /^\s*([^:\s]+):\s+\S+\s+(-?\d+)\.?\s+(-?\d+)\.?\s/.exec(line);
    if (!match || match[1] !== iface) continue;
    const quality = Number(match[2]);
    let level = Number(match[3]);
    if (level > 0 && level <= 255) level -= 256;
    const dbm = level < 0 && level > -120 ? level : null;
    return { dbm, quality: Number.isFinite(quality) ? quality : null };
  }
  return null;
}

export interface PowerSupplyInfo {
  readonly type: string;
  readonly online: boolean | null;
  readonly capacity: number | null;
  readonly status: string | null;
  /** "Device" for peripherals such as a wireless mouse: not this computer's battery. */
  readonly scope: string | null;
}

/** One /sys/class/power_supply/<name>/uevent file. */
export function parsePowerSupplyUevent(text: string): PowerSupplyInfo {
  // sysfs ends every line with a newline; a cut-off value must not be read.
  const kv = parseKeyValues(completeLines(text).join('\n'));
  const num = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : null);
  const online = num(kv.POWER_SUPPLY_ONLINE);
  return {
    type: kv.POWER_SUPPLY_TYPE ?? '',
    online: online === null ? null : online === 1,
    capacity: num(kv.POWER_SUPPLY_CAPACITY),
    status: kv.POWER_SUPPLY_STATUS ?? null,
    scope: kv.POWER_SUPPLY_SCOPE ?? null,
  };
}

/**
 * Battery state of this computer from all power supplies: null battery means a desktop. null when a supply
 * does not say what it is, since it could be this computer's battery.
 */
export function summarizeLinuxPower(supplies: readonly PowerSupplyInfo[]): {
  battery: null | { percent: number | null; onBattery: boolean };
} | null {
  if (supplies.some((s) => !/^(Battery|Mains|UPS|USB[\w_]*|Wireless|BrickID)$/.test(s.type))) return null;
  const batteries = supplies.filter((s) => s.type === 'Battery' && s.scope?.toLowerCase() !== 'device');
  if (batteries.length === 0) return { battery: null };
  const statuses = batteries.map((b) => b.status?.toLowerCase() ?? null);
  const mains = supplies.filter((s) => s.type === 'Mains' || s.type.startsWith('USB'));
  let onBattery: boolean | null = null;
  if (statuses.includes('discharging')) onBattery = true;
  else if (statuses.some((st) => st === 'charging' || st === 'full')) onBattery = false;
  else if (mains.some((s) => s.online === true)) onBattery = false;
  else if (mains.length > 0 && mains.every((s) => s.online === false)) onBattery = true;
  else if (statuses.every((st) => st === 'not charging')) onBattery = false;
  // Nothing says where the power comes from: unknown, never "plugged in".
  if (onBattery === null) return null;
  const capacities = batteries.flatMap((b) => (b.capacity === null ? [] : [b.capacity]));
  const percent = capacities.length > 0 ? Math.round(capacities.reduce((a, b) => a + b, 0) / capacities.length) : null;
  return { battery: { percent, onBattery } };
}

export interface SocketBytes {
  readonly key: string;
  readonly program: string | null;
  readonly bytes: number;
}

/**
 * `ss -tinpH`: one TCP socket per entry (a line, then an indented line of counters). Without root only
 * our own user's programs are named; other sockets still count towards the interface total.
 */
export function parseSsSockets(stdout: string): SocketBytes[] {
  const out: SocketBytes[] = [];
  let current: { key: string; program: string | null } | null = null;
  for (const line of stdout.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    if (!/^\s/.test(line)) {
      const cols = line.trim().split(/\s+/);
      const local = cols[3];
      const peer = cols[4];
      const program = /users:\(\("([^"]+)"/.exec(line)?.[1] ?? null;
      current = local && peer ? { key: `${local} ${peer}`, program } : null;
      continue;
    }
    if (!current) continue;
    const acked = /bytes_acked:(\d+)/.exec(line)?.[1];
    const received = /bytes_received:(\d+)/.exec(line)?.[1];
    out.push({ ...current, bytes: Number(acked ?? 0) + Number(received ?? 0) });
    current = null;
  }
  return out;
}

/** Bytes each named program moved between two `ss` snapshots, largest first. */
export function programTrafficDelta(
  before: readonly SocketBytes[],
  after: readonly SocketBytes[],
): { name: string; bytes: number }[] {
  const previous = new Map(before.map((s) => [s.key, s.bytes]));
  const byProgram = new Map<string, number>();
  for (const s of after) {
    if (!s.program) continue;
    const delta = Math.max(0, s.bytes - (previous.get(s.key) ?? 0));
    byProgram.set(s.program, (byProgram.get(s.program) ?? 0) + delta);
  }
  return [...byProgram.entries()]
    .map(([name, bytes]) => ({ name, bytes }))
    .filter((p) => p.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}

export interface OsRelease {
  readonly id: string;
  readonly versionId: string;
  readonly prettyName: string;
  readonly idLike: string;
}

export function parseOsRelease(text: string): OsRelease | null {
  const kv = parseKeyValues(text);
  if (!kv.ID) return null;
  return {
    id: kv.ID.toLowerCase(),
    versionId: kv.VERSION_ID ?? '',
    prettyName: kv.PRETTY_NAME ?? kv.NAME ?? kv.ID,
    idLike: kv.ID_LIKE ?? '',
  };
}

/** UID range of human accounts from /etc/login.defs (defaults 1000–60000). */
export function parseLoginDefs(text: string | null): { uidMin: number; uidMax: number } {
  const kv = parseKeyValues(text ?? '', /\s+/);
  const num = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) ? Number(v) : d);
  return { uidMin: num(kv.UID_MIN, 1000), uidMax: num(kv.UID_MAX, 60000) };
}

/** Accounts a person can sign in to: UID in the human range, a real shell, not "nobody". */
export function countLinuxHumanAccounts(passwd: string, range: { uidMin: number; uidMax: number }): number | null {
  if (!isCompleteOutput(passwd)) return null;
  let count = 0;
  let root = false;
  for (const line of completeLines(passwd)) {
    const f = line.split(':');
    if (f.length !== 7) continue;
    if (f[0] === 'root' && f[2] === '0') root = true;
    const uid = Number(f[2]);
    const shell = f[6] ?? '';
    if (!Number.isInteger(uid) || uid < range.uidMin || uid > range.uidMax || uid === 65534) continue;
    if (/(nologin|false)$/.test(shell) || shell === '') continue;
    count += 1;
  }
  // Every passwd file has root; without it, or without a single person, this was not the account list.
  return root && count > 0 ? count : null;
}

/** `findmnt -J -o SOURCE,FSTYPE /`: the device holding the root file system (btrfs "[/@]" suffix removed). */
export function parseFindmntRoot(stdout: string): { source: string; fstype: string } | null {
  const root = tryParseJson(stdout);
  const fs = isRecord(root) ? asRecords(root.filesystems)[0] : undefined;
  const source = asString(fs?.source);
  if (!source) return null;
  return { source: source.replace(/\[.*\]$/, ''), fstype: asString(fs?.fstype) ?? '' };
}

/** `lsblk -J -s -o NAME,TYPE,FSTYPE <dev>`: the device and everything beneath it (inverse tree); null when unreadable. */
export function lsblkChainTypes(stdout: string): string[] | null {
  const root = tryParseJson(stdout);
  if (!isRecord(root) || !Array.isArray(root.blockdevices) || root.blockdevices.length === 0) return null;
  const types: string[] = [];
  const walk = (nodes: unknown) => {
    for (const n of asRecords(nodes)) {
      const type = asString(n.type);
      if (type) types.push(type);
      walk(n.children);
    }
  };
  walk(root.blockdevices);
  return types.length > 0 ? types : null;
}

/** /proc/swaps: swap partitions and files (header line skipped). */
export function parseProcSwaps(text: string): string[] {
  return text
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.trim().split(/\s+/)[0] ?? '')
    .filter((s) => s !== '');
}

/** One `gsettings get` value: "true", "uint32 300", "'text'". */
export function parseGsettingsValue(stdout: string): boolean | number | string | null {
  if (!isCompleteOutput(stdout)) return null;
  const v = stdout.trim();
  if (v === 'true') return true;
  if (v === 'false') return false;
  const num = /^(?:u?int(?:16|32|64)\s+)?(-?\d+)$/.exec(v);
  if (num) return Number(num[1]);
  const str = /^'(.*)'$/.exec(v);
  if (str) return str[1] ?? '';
  return null;
}

/**
 * `systemctl is-active <unit>` prints the unit's state even when it exits non-zero. null when it printed
 * no state (systemd not running, a container, an error message).
 */
export function parseSystemctlIsActive(stdout: string): 'active' | 'inactive' | 'failed' | 'changing' | null {
  const state = stdout.trim().split(/\s+/)[0] ?? '';
  if (state === 'active' || state === 'reloading' || state === 'refreshing') return 'active';
  if (state === 'inactive' || state === 'failed') return state;
  if (state === 'activating' || state === 'deactivating' || state === 'maintenance') return 'changing';
  return null;
}

/**
 * INI files read in the order the program reads them, later files overriding earlier ones key by key.
 * KDE's "[$i]" (immutable) markers on keys and groups are dropped.
 */
export function mergeIni(texts: readonly (string | null)[]): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const text of texts) {
    if (text === null) continue;
    for (const [section, values] of Object.entries(parseIni(text))) {
      const bucket = (out[section.replace(/\]\[\$[a-z]+$/i, '')] ??= {});
      for (const [key, value] of Object.entries(values)) bucket[key.replace(/\[\$[a-z]+\]$/i, '')] = value;
    }
  }
  return out;
}

/**
 * Auto-login configured in GDM, LightDM or SDDM. Each list holds that display manager's files in the
 * order it reads them (null for a missing file), so a later file can switch auto-login off again.
 */
export function linuxAutoLogin(files: {
  gdm: readonly (string | null)[];
  lightdm: readonly (string | null)[];
  sddm: readonly (string | null)[];
}): boolean {
  const daemon = mergeIni(files.gdm).daemon ?? {};
  if (/^true$/i.test(daemon.AutomaticLoginEnable ?? '') || /^true$/i.test(daemon.TimedLoginEnable ?? '')) return true;
  for (const [section, values] of Object.entries(mergeIni(files.lightdm))) {
    if (!section.startsWith('Seat')) continue;
    if ((values['autologin-user'] ?? '').trim() !== '' || /^true$/i.test(values['autologin-guest'] ?? '')) return true;
  }
  return (mergeIni(files.sddm).Autologin?.User ?? '').trim() !== '';
}

/**
 * A guest session offered at the login screen: only LightDM has one (`allow-guest` / `greeter-allow-guest`
 * in a Seat section, later files winning). LightDM allows it unless told not to, but only where its guest
 * script is installed.
 */
export function linuxGuestLogin(lightdm: readonly (string | null)[], guestScriptInstalled: boolean): boolean {
  let allowed = false;
  let decided = false;
  for (const [section, values] of Object.entries(mergeIni(lightdm))) {
    if (!section.startsWith('Seat')) continue;
    const v = values['allow-guest'] ?? values['greeter-allow-guest'];
    if (v === undefined) continue;
    decided = true;
    if (/^true$/i.test(v)) allowed = true;
  }
  return decided ? allowed : guestScriptInstalled;
}

export interface KdeScreenLocker {
  readonly autolock: boolean | null;
  /** Minutes without use before the screen locks. */
  readonly timeoutMin: number | null;
  /** False when unlocking needs no password (Plasma 6 option). */
  readonly requirePassword: boolean;
  /** Keys that were not written down anywhere and came from `defaults`. */
  readonly defaulted: readonly string[];
}

/**
 * KDE's defaults in kscreenlocker's settings schema (kscreenlockersettings.kcfg), the same in Plasma 5
 * and Plasma 6: lock automatically after 5 minutes, password required.
 */
export const plasmaScreenLockerDefaults = { autolock: true, timeoutMin: 5 } as const;

/**
 * kscreenlockerrc `[Daemon]`, from the user's file first, then the system-wide ones (KDE's cascade).
 * A key found nowhere takes the given KDE defaults, or null when those are not known for this KDE.
 * RequirePassword only exists where KDE lets it be switched off, so a missing key means a password is needed.
 */
export function parseKscreenlockerrc(
  textsByPriority: readonly (string | null)[],
  defaults: { autolock: boolean; timeoutMin: number } | null,
): KdeScreenLocker {
  const daemon = mergeIni([...textsByPriority].reverse()).Daemon ?? {};
  const defaulted: string[] = [];
  const bool = (v: string | undefined) =>
    v === undefined ? null : /^true$/i.test(v) ? true : /^false$/i.test(v) ? false : null;
  let autolock = bool(daemon.Autolock);
  if (autolock === null && defaults) {
    autolock = defaults.autolock;
    defaulted.push('Autolock');
  }
  let timeoutMin = daemon.Timeout !== undefined && /^\d+(\.\d+)?$/.test(daemon.Timeout) ? Number(daemon.Timeout) : null;
  if (timeoutMin === null && defaults) {
    timeoutMin = defaults.timeoutMin;
    defaulted.push('Timeout');
  }
  return { autolock, timeoutMin, requirePassword: bool(daemon.RequirePassword) !== false, defaulted };
}

/** kdeglobals `[KDE Action Restrictions] action/lock_screen=false`: locking the screen has been forbidden (KDE Kiosk). */
export function kdeLockScreenForbidden(texts: readonly (string | null)[]): boolean {
  return texts.some(
    (t) => t !== null && /^false$/i.test(mergeIni([t])['KDE Action Restrictions']?.['action/lock_screen'] ?? ''),
  );
}

export interface PactlBlock {
  readonly header: string;
  readonly fields: Record<string, string>;
  readonly properties: Record<string, string>;
  /** Port name → description with its "(type: …)" detail. */
  readonly ports: Record<string, string>;
}

/** `pactl list sinks|source-outputs`: one block per object, with its fields, properties and ports. */
export function parsePactlBlocks(stdout: string): PactlBlock[] {
  const blocks: PactlBlock[] = [];
  let current: {
    header: string;
    fields: Record<string, string>;
    properties: Record<string, string>;
    ports: Record<string, string>;
  } | null = null;
  let section: 'fields' | 'properties' | 'ports' | 'other' = 'fields';
  for (const raw of stdout.split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    if (!/^\s/.test(raw)) {
      current = { header: raw.trim(), fields: {}, properties: {}, ports: {} };
      blocks.push(current);
      section = 'fields';
      continue;
    }
    if (!current) continue;
    const depth = /^\t*/.exec(raw)?.[0].length ?? 0;
    const line = raw.trim();
    if (depth <= 1) {
      const colon = line.indexOf(':');
      const key = colon > 0 ? line.slice(0, colon) : line;
      const value = colon > 0 ? line.slice(colon + 1).trim() : '';
      if (key === 'Properties' && value === '') section = 'properties';
      else if (key === 'Ports' && value === '') section = 'ports';
      else if (value === '') section = 'other';
      else {
        section = 'fields';
        current.fields[key] = value;
      }
      continue;
    }
    if (section === 'properties') {
      const prop = /^([^=]+?)\s*=\s*"(.*)"$/.exec(line);
      if (prop?.[1]) current.properties[prop[1]] = prop[2] ?? '';
    } else if (section === 'ports') {
      // Port names may contain spaces ("[Out] Headphones" under PipeWire): split at the first ": ".
      const colon = line.indexOf(': ');
      if (colon > 0) current.ports[line.slice(0, colon)] = line.slice(colon + 2);
    }
  }
  return blocks;
}

/** Programs recording from a real microphone (monitor streams and peak meters left out). */
export function pactlRecordingPrograms(stdout: string): { name: string; pid: number | null }[] | null {
  if (stdout !== '' && !isCompleteOutput(stdout)) return null;
  const blocks = parsePactlBlocks(stdout);
  // The list holds only "Source Output #n" blocks (pactl runs untranslated); anything else is not this list.
  if (!blocks.every((b) => /^Source Output #\d+$/.test(b.header))) return null;
  return blocks
    .filter((b) => /^Source Output/i.test(b.header))
    .filter((b) => b.properties['stream.monitor'] !== 'true' && !/peak detect/i.test(b.properties['media.name'] ?? ''))
    .filter((b) => (b.fields.Corked ?? 'no') !== 'yes')
    .map((b) => ({
      name: b.properties['application.process.binary'] ?? b.properties['application.name'] ?? 'unknown program',
      pid: /^\d+$/.test(b.properties['application.process.id'] ?? '')
        ? Number(b.properties['application.process.id'])
        : null,
    }));
}

/** The default sink from `pactl list sinks` and what kind of output it is. */
export function classifyPactlSink(
  stdout: string,
  defaultSink: string,
): { name: string; kind: OutputKind; basis: string } | null {
  if (!isCompleteOutput(stdout)) return null;
  const sink = parsePactlBlocks(stdout).find((b) => /^Sink/i.test(b.header) && b.fields.Name === defaultSink);
  if (!sink) return null;
  const name = sink.properties['device.description'] ?? sink.fields.Description ?? defaultSink;
  const activePort = sink.fields['Active Port'] ?? '';
  const portText = `${activePort} ${sink.ports[activePort] ?? ''}`.toLowerCase();
  const formFactor = (sink.properties['device.form_factor'] ?? '').toLowerCase();
  if (/type:\s*headset|headset/.test(portText) || formFactor === 'headset' || formFactor === 'hands-free') {
    return { name, kind: 'headset', basis: formFactor ? `form factor ${formFactor}` : `port ${activePort}` };
  }
  if (/type:\s*headphones|headphone/.test(portText) || formFactor === 'headphone') {
    return {
      name,
      kind: 'headphones',
      basis: formFactor === 'headphone' ? 'form factor headphone' : `port ${activePort}`,
    };
  }
  if (/type:\s*(speaker|hdmi)|speaker|hdmi/.test(portText) || formFactor === 'speaker' || formFactor === 'tv') {
    return { name, kind: 'speakers', basis: `port ${activePort || formFactor}` };
  }
  return { name, kind: 'unclear', basis: activePort ? `port ${activePort}` : 'no port information' };
}

/** `fuser` prints the pids on stdout (names and access letters go to stderr). */
export function parseFuserPids(stdout: string): number[] {
  return [...stdout.matchAll(/(\d+)/g)].map((m) => Number(m[1]));
}

/**
 * Remote-desktop ports (SSH, RDP, VNC) listening on something other than loopback, from `ss -ltn`.
 * null without ss's header line: an empty or foreign answer is not "nothing listening".
 */
export function listeningRemotePorts(stdout: string): number[] | null {
  if (!isCompleteOutput(stdout)) return null;
  const lines = completeLines(stdout);
  const headerAt = lines.findIndex((l) => /^State\s+Recv-Q\s+Send-Q/.test(l));
  if (headerAt < 0) return null;
  const ports = new Set<number>();
  for (const line of lines.slice(headerAt + 1)) {
    const cols = line.trim().split(/\s+/);
    if (cols[0] !== 'LISTEN') continue;
    const local = cols[3];
    if (!local) continue;
    const match = /^(.*):(\d+)$/.exec(local);
    if (!match) continue;
    const host = match[1] ?? '';
    const port = Number(match[2]);
    if (/^(127\.|\[::1\]|::1)/.test(host)) continue;
    if (port === 22 || port === 3389 || (port >= 5900 && port <= 5909)) ports.add(port);
  }
  return [...ports].sort((a, b) => a - b);
}

/** One row of `systemctl list-timers`: the timer unit and the minutes until it next fires (null: not scheduled). */
export interface TimerRow {
  readonly unit: string;
  readonly activates: string;
  readonly leftMinutes: number | null;
}

const timespanUnits: Record<string, number> = {
  us: 0,
  ms: 0,
  s: 1 / 60,
  sec: 1 / 60,
  min: 1,
  h: 60,
  day: 1440,
  days: 1440,
  w: 10_080,
  week: 10_080,
  weeks: 10_080,
  month: 43_830,
  months: 43_830,
  y: 525_960,
  year: 525_960,
  years: 525_960,
};

/** systemd's relative time ("1 day 2h", "13min", "54s", "3 weeks 1 day") in minutes; null for anything else. */
function systemdTimespanMinutes(text: string): number | null {
  const parts = [...text.trim().matchAll(/(\d+)\s*([a-z]+)/g)];
  const joined = parts.map((p) => p[0]).join(' ');
  if (parts.length === 0 || joined.replace(/\s+/g, '') !== text.replace(/\s+/g, '')) return null;
  let minutes = 0;
  for (const [, count, unit] of parts) {
    const factor = timespanUnits[unit ?? ''];
    if (factor === undefined) return null;
    minutes += Number(count) * factor;
  }
  return minutes;
}

/**
 * `systemctl list-timers --all --no-pager`: columns are found from the header (NEXT LEFT LAST PASSED UNIT
 * ACTIVATES), because the dates' width depends on the time zone's name. The LEFT column is relative to
 * the moment the command ran, so no clock or time zone is needed to know when a timer fires. A timer
 * that is not scheduled shows "-" or "n/a". null without the header, or when the output was cut off.
 */
export function parseSystemctlTimers(stdout: string): TimerRow[] | null {
  if (!isCompleteOutput(stdout)) return null;
  const lines = completeLines(stdout);
  const headerAt = lines.findIndex((l) => /^NEXT\s+LEFT\s+LAST\s+PASSED\s+UNIT\s+ACTIVATES\s*$/.test(l));
  if (headerAt < 0) return null;
  const header = lines[headerAt] ?? '';
  const col = (name: string) => header.search(new RegExp(`\\b${name}\\b`));
  const [left, last, unit, activates] = [col('LEFT'), col('LAST'), col('UNIT'), col('ACTIVATES')];
  const rows: TimerRow[] = [];
  for (const line of lines.slice(headerAt + 1)) {
    // The footer ("4 timers listed.") follows a blank line.
    if (line.trim() === '') break;
    const unitName = line.slice(unit, activates).trim();
    const leftText = line.slice(left, last).trim();
    if (!/\.timer$/.test(unitName)) return null;
    let leftMinutes: number | null = null;
    if (leftText !== '-' && leftText !== 'n/a' && leftText !== '') {
      const m = /^(.*)\s+left$/.exec(leftText);
      leftMinutes = m?.[1] ? systemdTimespanMinutes(m[1]) : null;
      // A time we cannot read is not "not scheduled".
      if (leftMinutes === null) return null;
    }
    rows.push({ unit: unitName, activates: line.slice(activates).trim(), leftMinutes });
  }
  return rows;
}

/** What a systemd timer does, for the timers that can disturb a session; null for housekeeping that does not. */
export function classifyLinuxTimer(unit: string): {
  name: string;
  kind: 'install' | 'download' | 'backup' | 'scan' | 'maintenance';
  area: 'updates' | 'background';
} | null {
  const base = unit.replace(/\.timer$/, '');
  const known: Record<string, ReturnType<typeof classifyLinuxTimer>> = {
    'apt-daily-upgrade': {
      name: 'automatic update installation (apt-daily-upgrade)',
      kind: 'install',
      area: 'updates',
    },
    'dnf-automatic-install': {
      name: 'automatic update installation (dnf-automatic)',
      kind: 'install',
      area: 'updates',
    },
    'dnf-automatic': { name: 'automatic updates (dnf-automatic)', kind: 'install', area: 'updates' },
    'apt-daily': { name: 'update download (apt-daily)', kind: 'download', area: 'background' },
    'dnf-makecache': { name: 'update list download (dnf-makecache)', kind: 'download', area: 'background' },
    'dnf-automatic-download': { name: 'update download (dnf-automatic)', kind: 'download', area: 'background' },
    fstrim: { name: 'disk maintenance (fstrim)', kind: 'maintenance', area: 'background' },
    e2scrub_all: { name: 'disk check (e2scrub)', kind: 'scan', area: 'background' },
    'plocate-updatedb': { name: 'file index update (updatedb)', kind: 'maintenance', area: 'background' },
    'mlocate-updatedb': { name: 'file index update (updatedb)', kind: 'maintenance', area: 'background' },
    mlocate: { name: 'file index update (updatedb)', kind: 'maintenance', area: 'background' },
  };
  const hit = known[base];
  if (hit) return hit;
  // Housekeeping with "backup" in its name that takes a second: dpkg's copy of its own database.
  if (base === 'dpkg-db-backup') return null;
  if (/backup|borg|restic|duplicity|timeshift|rsnapshot|kopia|snapper-timeline/i.test(base)) {
    return { name: `backup (${base})`, kind: 'backup', area: 'background' };
  }
  if (/clam|rkhunter|chkrootkit|aide/i.test(base))
    return { name: `security scan (${base})`, kind: 'scan', area: 'background' };
  return null;
}

/**
 * apt's configuration files (`/etc/apt/apt.conf.d/*`, read in name order, later files winning):
 * the flat `Name::Sub "value";` lines. Blocks (`Name { … };`) and lists are not read, so a setting
 * written only in block form keeps apt's documented default.
 */
export function parseAptConfig(texts: readonly (string | null)[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const text of texts) {
    if (text === null) continue;
    const clean = text.replace(/\/\*[\s\S]*?\*\//g, '');
    let depth = 0;
    for (const raw of clean.split(/\r?\n/)) {
      const line = raw.replace(/(^|\s)(\/\/|#).*$/, '').trim();
      if (line === '') continue;
      const opens = (line.match(/\{/g) ?? []).length;
      const closes = (line.match(/\}/g) ?? []).length;
      if (depth === 0 && opens === 0) {
        const m = /^([A-Za-z0-9_:-]+)\s+"([^"]*)"\s*;$/.exec(line);
        if (m?.[1]) out[m[1].toLowerCase()] = m[2] ?? '';
      }
      depth = Math.max(0, depth + opens - closes);
    }
  }
  return out;
}

/** `/run/reboot-required.pkgs`: the packages that asked for the restart, once each. */
export function parseRebootRequiredPkgs(text: string): string[] {
  return [
    ...new Set(
      completeLines(text.endsWith('\n') ? text : `${text}\n`)
        .map((l) => l.trim())
        .filter((l) => /^[a-z0-9][a-z0-9+.:-]*$/.test(l)),
    ),
  ];
}

/**
 * `upower --dump`: Bluetooth headsets and headphones (BlueZ's Battery1, which UPower shows while the device
 * is connected) with their charge. null when the output is not UPower's (no "Device:" block) or cut off.
 */
export function parseUpowerHeadsets(stdout: string): { name: string; percent: number | null }[] | null {
  if (!isCompleteOutput(stdout)) return null;
  const blocks = stdout.split(/\n(?=Device:\s)/);
  if (!blocks.some((b) => /^Device:\s/m.test(b))) return null;
  const out: { name: string; percent: number | null }[] = [];
  for (const block of blocks) {
    const lines = block.split('\n');
    const header = lines[0] ?? '';
    if (!/^Device:\s/.test(header)) continue;
    const kind = lines.map((l) => /^ {2}([a-z-]+)\s*$/.exec(l)?.[1]).find((k) => k !== undefined);
    const worn = kind === 'headset' || kind === 'headphones' || /\/(headset|headphones)_dev_/.test(header);
    if (!worn) continue;
    const field = (name: string) => new RegExp(`^\\s+${name}:\\s+(.*)$`, 'm').exec(block)?.[1]?.trim();
    const pct = /^(\d+(?:\.\d+)?)%$/.exec(field('percentage') ?? '')?.[1];
    const percent = pct !== undefined && Number(pct) >= 0 && Number(pct) <= 100 ? Math.round(Number(pct)) : null;
    out.push({ name: field('model') ?? 'Bluetooth headset', percent });
  }
  return out;
}

/** Bluetooth sound outputs in `pactl list sinks` (BlueZ sinks): the wireless headsets connected now. null when unreadable. */
export function pactlBluetoothSinks(stdout: string): string[] | null {
  if (!isCompleteOutput(stdout)) return null;
  const blocks = parsePactlBlocks(stdout);
  if (!blocks.every((b) => /^Sink #\d+$/.test(b.header))) return null;
  return blocks
    .filter((b) => b.properties['device.bus'] === 'bluetooth' || /^bluez_/.test(b.fields.Name ?? ''))
    .map((b) => b.properties['device.description'] ?? b.fields.Description ?? 'Bluetooth headset');
}
