import type { LinkKind, OutputKind } from '../platform-types';
import { asRecordList, asString, completeLines, isCompleteOutput, isRecord, tryParseJson } from './common-parsers';

/**
 * `netstat -rn -f inet`: the interface of the default route. The Netif column is found from the header:
 * older macOS prints "Refs" and "Use" columns before it. A VPN that captures all traffic either owns the
 * unscoped default or adds the two halves 0/1 and 128.0/1. null when there is no routing table header.
 */
export function parseDarwinDefaultRoutes(stdout: string): { primary: string | null; defaults: string[] } | null {
  const defaults: { netif: string; scoped: boolean }[] = [];
  const halves = new Map<string, number>();
  let header: string[] | null = null;
  for (const line of completeLines(stdout)) {
    const cols = line.trim().split(/\s+/);
    if (cols[0] === 'Destination' && cols.includes('Netif')) {
      // Only the first table (Internet); an "Internet6:" table may follow with its own header.
      if (header) break;
      header = cols;
      continue;
    }
    if (!header) continue;
    if (/^Internet6?:$/.test(cols[0] ?? '')) break;
    const dest = cols[header.indexOf('Destination')];
    const flags = cols[header.indexOf('Flags')];
    const netif = cols[header.indexOf('Netif')];
    if (!dest || !flags || !netif || !/^[A-Z]+$/i.test(flags) || !/^[a-z]+\d*$/i.test(netif)) continue;
    if (dest === 'default') defaults.push({ netif, scoped: flags.includes('I') });
    if (dest === '0/1' || dest === '128.0/1') halves.set(netif, (halves.get(netif) ?? 0) + 1);
  }
  if (!header) return null;
  const split = [...halves.entries()].find(([, n]) => n >= 2)?.[0];
  const unscoped = defaults.find((d) => !d.scoped)?.netif ?? defaults[0]?.netif ?? null;
  return { primary: split ?? unscoped, defaults: [...new Set(defaults.map((d) => d.netif))] };
}

/** `networksetup -listallhardwareports`: device → hardware port name ("Wi-Fi", "WLAN", "Thunderbolt Ethernet"…). */
export function parseHardwarePorts(stdout: string): Map<string, string> {
  const map = new Map<string, string>();
  let port: string | null = null;
  for (const line of completeLines(stdout)) {
    const p = /^Hardware Port:\s*(.+)$/.exec(line.trim());
    if (p) {
      port = p[1]?.trim() ?? null;
      continue;
    }
    const d = /^Device:\s*(\S+)/.exec(line.trim());
    if (d?.[1] && port) map.set(d[1], port);
  }
  return map;
}

/** Interface kind from its device name and hardware port; port names can be localised (German "WLAN"). */
export function classifyDarwinLink(device: string, portName: string | undefined): LinkKind {
  if (/^(utun|ipsec|ppp|tun|tap|wg)\d*/.test(device)) return 'vpn';
  if (/^bridge\d*/.test(device)) return 'other';
  const port = portName ?? '';
  if (/\b(wi-?fi|wlan|airport)\b/i.test(port)) return 'wifi';
  if (/\b(iphone|ipad|bluetooth|modem|wwan|cellular)\b/i.test(port)) return 'cellular';
  if (/\bbridge\b/i.test(port)) return 'other';
  // Whole words only: "Plan" or "Busy" are not LAN or USB.
  if (/\b(ethernet|lan|usb|thunderbolt|10\/100|gigabit)\b/i.test(port)) return 'wired';
  return 'other';
}

/** `system_profiler SPAirPortDataType -json`: signal and security of the connected network on an interface. */
export function parseAirportSignal(stdout: string, iface: string): { dbm: number | null; open: boolean | null } | null {
  const root = tryParseJson(stdout);
  if (!isRecord(root)) return null;
  for (const section of asRecordList(root.SPAirPortDataType) ?? []) {
    for (const i of asRecordList(section.spairport_airport_interfaces) ?? []) {
      if (asString(i._name) !== iface) continue;
      const current = i.spairport_current_network_information;
      if (!isRecord(current)) return { dbm: null, open: null };
      const signal = /(-\d+)\s*dBm/.exec(asString(current.spairport_signal_noise) ?? '');
      const security = asString(current.spairport_security_mode);
      return {
        dbm: signal ? Number(signal[1]) : null,
        open: security === null ? null : /_none$/.test(security),
      };
    }
  }
  return null;
}

/**
 * `netstat -ibn -I <if>`: cumulative bytes from the link-level row, by the header's column names. The
 * Address cell may be blank; a row that is cut short or has a non-number where a counter belongs is skipped.
 */
export function parseNetstatInterfaceBytes(stdout: string, iface: string): { rx: number; tx: number } | null {
  const lines = completeLines(stdout);
  const header = lines
    .find((l) => /^Name\s/.test(l))
    ?.trim()
    .split(/\s+/);
  if (!header) return null;
  const ib = header.indexOf('Ibytes');
  const ob = header.indexOf('Obytes');
  const address = header.indexOf('Address');
  if (ib < 0 || ob < 0 || address < 0) return null;
  for (const line of lines) {
    let cols = line.trim().split(/\s+/);
    if (cols[0] !== iface || !(cols[2] ?? '').startsWith('<Link#')) continue;
    // A blank Address leaves one column fewer: only then may the cell after Network be a counter.
    if (cols.length === header.length - 1 && /^\d+$/.test(cols[address] ?? '')) {
      cols = [...cols.slice(0, address), '', ...cols.slice(address)];
    }
    if (cols.length !== header.length) continue;
    const counters = cols.slice(address + 1);
    if (!counters.every((c) => /^\d+$/.test(c))) continue;
    const rx = Number(cols[ib]);
    const tx = Number(cols[ob]);
    if (Number.isSafeInteger(rx) && Number.isSafeInteger(tx)) return { rx, tx };
  }
  return null;
}

/** The rows of `netstat -an -p tcp`, or null when its header is missing (not netstat's answer). */
function darwinTcpRows(stdout: string): string[][] | null {
  if (!isCompleteOutput(stdout)) return null;
  const lines = completeLines(stdout);
  const headerAt = lines.findIndex((l) => /^Proto\s+Recv-Q\s+Send-Q/.test(l));
  if (headerAt < 0) return null;
  return lines.slice(headerAt + 1).map((l) => l.trim().split(/\s+/));
}

/** `netstat -an -p tcp`: ports of remote-access services listening (SSH 22, Apple Remote Desktop 3283, Screen Sharing 5900). */
export function parseDarwinListeningPorts(stdout: string): number[] | null {
  const rows = darwinTcpRows(stdout);
  if (!rows) return null;
  const ports = new Set<number>();
  for (const cols of rows) {
    if (cols[5] !== 'LISTEN') continue;
    const match = /^(.*)\.(\d+)$/.exec(cols[3] ?? '');
    if (!match) continue;
    if (/^(127\.|::1)/.test(match[1] ?? '')) continue;
    const port = Number(match[2]);
    if (port === 22 || port === 3283 || port === 5900) ports.add(port);
  }
  return [...ports].sort((a, b) => a - b);
}

/**
 * `netstat -an -p tcp`: established connections from another computer into Screen Sharing (5900) or
 * Apple Remote Desktop (3283), i.e. someone viewing or controlling this Mac right now.
 */
export function countDarwinScreenSharingSessions(stdout: string): number | null {
  const rows = darwinTcpRows(stdout);
  if (!rows) return null;
  let count = 0;
  for (const cols of rows) {
    if (cols[5] !== 'ESTABLISHED') continue;
    const local = /^(.*)\.(\d+)$/.exec(cols[3] ?? '');
    const peer = /^(.*)\.(\d+)$/.exec(cols[4] ?? '');
    if (!local || !peer) continue;
    if (/^(127\.|::1$)/.test(peer[1] ?? '')) continue;
    const port = Number(local[2]);
    if (port === 5900 || port === 3283) count += 1;
  }
  return count;
}

/** `socketfilterfw --getglobalstate`: 1 on, 2 on and blocking all incoming, 0 off. */
export function parseSocketFilterState(stdout: string): 'on' | 'off' | null {
  if (!isCompleteOutput(stdout)) return null;
  const state = /State\s*=\s*(\d)/.exec(stdout)?.[1];
  if (state === '1' || state === '2') return 'on';
  if (state === '0') return 'off';
  if (/firewall is enabled/i.test(stdout)) return 'on';
  if (/firewall is disabled/i.test(stdout)) return 'off';
  return null;
}

/**
 * `fdesetup status`. "Off, but will be enabled after the next restart" and deferred enablement (at the next
 * sign-in) are pending: not encrypted yet, but not a choice to leave it off either.
 */
export function parseFdesetupStatus(stdout: string): 'on' | 'off' | 'encrypting' | 'decrypting' | 'pending' | null {
  // A cut-off answer may have lost its second line ("Encryption in progress…").
  if (!isCompleteOutput(stdout)) return null;
  if (/encryption in progress/i.test(stdout)) return 'encrypting';
  if (/decryption in progress/i.test(stdout)) return 'decrypting';
  if (/deferred enablement/i.test(stdout)) return 'pending';
  if (/FileVault is Off, but will be enabled/i.test(stdout)) return 'pending';
  if (/FileVault is On, but needs to be restarted/i.test(stdout)) return 'pending';
  if (/FileVault is Off, but needs to be restarted/i.test(stdout)) return 'decrypting';
  if (/FileVault is On\./i.test(stdout)) return 'on';
  if (/FileVault is Off\./i.test(stdout)) return 'off';
  return null;
}

/** `sysadminctl -screenLock status` (written to stderr): delay in seconds, or null when the lock is off. */
export function parseSysadminctlScreenLock(text: string): { enabled: boolean; delaySeconds: number | null } | null {
  if (!isCompleteOutput(text)) return null;
  if (/screenLock is off/i.test(text)) return { enabled: false, delaySeconds: null };
  if (/screenLock delay is immediate/i.test(text)) return { enabled: true, delaySeconds: 0 };
  const seconds = /screenLock delay is (\d+) seconds?/i.exec(text)?.[1];
  if (seconds !== undefined) return { enabled: true, delaySeconds: Number(seconds) };
  return null;
}

/** `pmset -g`: current display-sleep minutes (0 = never). */
export function parsePmsetDisplaySleep(stdout: string): number | null {
  for (const line of completeLines(stdout)) {
    const value = /^\s*displaysleep\s+(\d+)\b/.exec(line)?.[1];
    if (value !== undefined) return Number(value);
  }
  return null;
}

/** `sw_vers`: product version and build. */
export function parseSwVers(stdout: string): { version: string; build: string | null } | null {
  if (!isCompleteOutput(stdout)) return null;
  const version = /ProductVersion:\s*(\S+)/.exec(stdout)?.[1];
  if (!version) return null;
  return { version, build: /BuildVersion:\s*(\S+)/.exec(stdout)?.[1] ?? null };
}

/**
 * `dscl . -list /Users UniqueID`: people's accounts have UID ≥ 501 and no leading underscore. null when no
 * account at all was found: the list always holds system accounts and the signed-in person.
 */
export function countDarwinHumanAccounts(stdout: string): number | null {
  if (!isCompleteOutput(stdout)) return null;
  let count = 0;
  let rows = 0;
  for (const line of completeLines(stdout)) {
    const [name, uid, extra] = line.trim().split(/\s+/);
    if (!name || !uid || extra !== undefined || !/^-?\d+$/.test(uid)) continue;
    rows += 1;
    if (name.startsWith('_') || ['root', 'nobody', 'daemon'].includes(name)) continue;
    if (Number(uid) >= 501 && Number(uid) < 65534) count += 1;
  }
  return rows === 0 || count === 0 ? null : count;
}

/**
 * ~/Library/DoNotDisturb/DB/Assertions.json: a Focus switched on by hand leaves an assertion record.
 * Scheduled Focus does not appear here. null for anything not shaped like that file.
 */
export function parseDndAssertions(text: string): boolean | null {
  const root = tryParseJson(text);
  if (!isRecord(root) || !Array.isArray(root.data)) return null;
  let on = false;
  for (const store of root.data) {
    if (!isRecord(store)) return null;
    const records = store.storeAssertionRecords;
    if (records === undefined) continue;
    if (!Array.isArray(records)) return null;
    if (records.length > 0) on = true;
  }
  return on;
}

/** A headphone jack's label, in the languages macOS names it; only ever used to upgrade a built-in output. */
const jackHeadphones =
  /headphone|kopfh|casque|auricular|cuffie|koptelefoon|hoofdtelefoon|hörlurar|hodetelefon|hovedtelefon|kuulokkeet|słuchawk|fones de ouvido|auscultadores|наушники|ヘッドフォン|ヘッドホン|헤드폰|耳机|耳機/i;

/**
 * `system_profiler SPAudioDataType -json`: the default output and what it is, from how it is connected
 * (not from its name, which macOS translates and people rename):
 * - USB or Bluetooth that is also the default microphone with one input channel: a headset;
 * - built-in: speakers, unless its source says the headphone jack is in use;
 * - HDMI, DisplayPort, AirPlay: speakers (a screen or a room speaker);
 * - anything else (USB or Bluetooth without the microphone, virtual, aggregate): cannot tell.
 */
export function parseDarwinDefaultOutput(stdout: string): { name: string; kind: OutputKind; basis: string } | null {
  const root = tryParseJson(stdout);
  if (!isRecord(root)) return null;
  const sections = asRecordList(root.SPAudioDataType);
  if (!sections) return null;
  for (const section of sections) {
    for (const item of asRecordList(section._items) ?? []) {
      if (asString(item.coreaudio_default_audio_output_device) !== 'spaudio_yes') continue;
      const name = asString(item._name) || 'Default output';
      const source = asString(item.coreaudio_output_source) ?? '';
      const transport = (asString(item.coreaudio_device_transport) ?? '').replace(/^coreaudio_device_type_/, '');
      const isDefaultInput = asString(item.coreaudio_default_audio_input_device) === 'spaudio_yes';
      const inputChannels = typeof item.coreaudio_device_input === 'number' ? item.coreaudio_device_input : 0;
      switch (transport) {
        case 'usb':
        case 'bluetooth':
        case 'bluetooth_le':
        case 'bluetoothle':
          // An audio interface with several inputs may drive room speakers; a headset has one microphone.
          if (isDefaultInput && inputChannels === 1) {
            return { name, kind: 'headset', basis: `${transport} device that is also the default microphone` };
          }
          return { name, kind: 'unclear', basis: `${transport} device without its own microphone in use` };
        case 'builtin':
          if (jackHeadphones.test(`${source === 'spaudio_default' ? '' : source} ${name}`)) {
            return { name, kind: 'headphones', basis: 'built-in headphone jack' };
          }
          return { name, kind: 'speakers', basis: 'built-in output' };
        case 'hdmi':
        case 'displayport':
        case 'display_port':
        case 'airplay':
          return { name, kind: 'speakers', basis: `connection ${transport}` };
        default:
          return { name, kind: 'unclear', basis: transport ? `connection ${transport}` : 'no connection type' };
      }
    }
  }
  return null;
}

/** A quoted or bare value of `defaults read`'s old-style plist ("Safari", "\"macOS 15.1 Update\""). */
function plistScalar(raw: string): string {
  const v = raw.trim();
  return /^".*"$/.test(v) ? v.slice(1, -1).replace(/\\"/g, '"') : v;
}

/**
 * `defaults read /Library/Preferences/com.apple.SoftwareUpdate` (readable without admin rights): what the
 * last background check found. macOS keeps the recommended updates there, so nothing is fetched from Apple.
 * `recommended` is null when the file holds no result of a check; null overall for anything that is not a
 * whole `defaults` dictionary.
 */
export function parseSoftwareUpdatePrefs(stdout: string): {
  recommended: string[] | null;
  autoInstallMacOS: boolean | null;
} | null {
  if (!isCompleteOutput(stdout) || !/^\{\s*$/m.test(stdout) || !/^\}\s*$/m.test(stdout)) return null;
  const count = /^\s*LastRecommendedUpdatesAvailable = (\d+);$/m.exec(stdout)?.[1];
  const auto = /^\s*AutomaticallyInstallMacOSUpdates = (\d);$/m.exec(stdout)?.[1];
  const block = /^\s*RecommendedUpdates = +\(([\s\S]*?)^\s*\);$/m.exec(stdout)?.[1];
  let recommended: string[] | null = null;
  if (block !== undefined) {
    recommended = [...block.matchAll(/^\s*"Display Name" = (.*);$/gm)].map((m) => {
      const name = plistScalar(m[1] ?? '');
      const version = /"Display Version" = (.*);/.exec(block.slice(m.index ?? 0))?.[1];
      const v = version ? plistScalar(version) : '';
      // Names such as "Safari" need their version; "macOS Catalina Security Update 2021-001" does not.
      return v && !/\d/.test(name) ? `${name} ${v}` : name;
    });
    const extra = count === undefined ? 0 : Number(count) - recommended.length;
    if (extra > 0) recommended.push(`${extra} other ${extra === 1 ? 'update' : 'updates'}`);
  } else if (count !== undefined) {
    recommended = count === '0' ? [] : [`${count} ${count === '1' ? 'update' : 'updates'}`];
  }
  return { recommended, autoInstallMacOS: auto === undefined ? null : auto === '1' };
}

/** `tmutil status`: whether a Time Machine backup is running now. null for any other answer. */
export function parseTmutilStatus(stdout: string): { running: boolean } | null {
  if (!isCompleteOutput(stdout) || !/^Backup session status:/m.test(stdout)) return null;
  const running = /^\s*Running = ([01]);$/m.exec(stdout)?.[1];
  return running === undefined ? null : { running: running === '1' };
}

/**
 * `pmset -g`: the current idle timers in minutes (0 = never). `sleep` may be followed by the programs
 * keeping the Mac awake right now ("sleep 10 (sleep prevented by coreaudiod)").
 */
export function parsePmsetSleep(stdout: string): { sleep: number; displaySleep: number | null } | null {
  let sleep: number | null = null;
  let displaySleep: number | null = null;
  for (const line of completeLines(stdout)) {
    const s = /^\s*sleep\s+(\d+)\b/.exec(line)?.[1];
    if (s !== undefined) sleep = Number(s);
    const d = /^\s*displaysleep\s+(\d+)\b/.exec(line)?.[1];
    if (d !== undefined) displaySleep = Number(d);
  }
  return sleep === null ? null : { sleep, displaySleep };
}

const percentText = (value: unknown): number | null => {
  const m = /^\s*(\d{1,3})\s?%\s*$/.exec(asString(value) ?? '');
  const n = m?.[1] === undefined ? null : Number(m[1]);
  return n !== null && n <= 100 ? n : null;
};

/**
 * `system_profiler SPBluetoothDataType -json`: connected headphones and headsets with the charge of the
 * part that will run out first (the lower earbud; the case does not count). Devices are one-key objects
 * under `device_connected`. null when the answer is not that report.
 */
export function parseDarwinBluetoothHeadsets(stdout: string): { name: string; percent: number | null }[] | null {
  const root = tryParseJson(stdout);
  if (!isRecord(root)) return null;
  // system_profiler writes lists as JSON arrays; an object where a list belongs is not its answer.
  const sections = root.SPBluetoothDataType;
  if (!Array.isArray(sections) || !sections.every(isRecord)) return null;
  const out: { name: string; percent: number | null }[] = [];
  for (const section of sections) {
    const list = section.device_connected;
    if (list === undefined) continue;
    if (!Array.isArray(list) || !list.every(isRecord)) return null;
    for (const wrapper of list) {
      for (const [name, raw] of Object.entries(wrapper)) {
        if (!isRecord(raw)) return null;
        const minor = (asString(raw.device_minorType) ?? '').toLowerCase();
        const parts = [
          raw.device_batteryLevelLeft,
          raw.device_batteryLevelRight,
          raw.device_batteryLevelMain,
          raw.device_batteryLevel,
        ]
          .map(percentText)
          .filter((p): p is number => p !== null);
        const earbuds = raw.device_batteryLevelLeft !== undefined || raw.device_batteryLevelRight !== undefined;
        if (!/headphone|headset/.test(minor) && !earbuds) continue;
        out.push({ name, percent: parts.length > 0 ? Math.min(...parts) : null });
      }
    }
  }
  return out;
}
