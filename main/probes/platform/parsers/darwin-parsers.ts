import type { LinkKind, OutputKind } from '../platform-types';
import { asRecords, asString, isRecord, tryParseJson } from './common-parsers';

/**
 * `netstat -rn -f inet`: the interface of the default route. A VPN that captures all traffic
 * either owns the unscoped default or adds the two halves 0/1 and 128.0/1.
 */
export function parseDarwinDefaultRoutes(stdout: string): { primary: string | null; defaults: string[] } {
  const defaults: { netif: string; scoped: boolean }[] = [];
  const halves = new Map<string, number>();
  for (const line of stdout.split(/\r?\n/)) {
    const cols = line.trim().split(/\s+/);
    const [dest, , flags, netif] = cols;
    if (!dest || !flags || !netif) continue;
    if (dest === 'default') defaults.push({ netif, scoped: flags.includes('I') });
    if (dest === '0/1' || dest === '128.0/1') halves.set(netif, (halves.get(netif) ?? 0) + 1);
  }
  const split = [...halves.entries()].find(([, n]) => n >= 2)?.[0];
  const unscoped = defaults.find((d) => !d.scoped)?.netif ?? defaults[0]?.netif ?? null;
  return { primary: split ?? unscoped, defaults: [...new Set(defaults.map((d) => d.netif))] };
}

/** `networksetup -listallhardwareports`: device → hardware port name ("Wi-Fi", "WLAN", "Thunderbolt Ethernet"…). */
export function parseHardwarePorts(stdout: string): Map<string, string> {
  const map = new Map<string, string>();
  let port: string | null = null;
  for (const line of stdout.split(/\r?\n/)) {
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
  if (/wi-?fi|wlan|airport/i.test(port)) return 'wifi';
  if (/iphone|ipad|bluetooth|modem|wwan|cellular/i.test(port)) return 'cellular';
  if (/bridge/i.test(port)) return 'other';
  if (/ethernet|lan|usb|thunderbolt|10\/100|gigabit/i.test(port)) return 'wired';
  return 'other';
}

/** `system_profiler SPAirPortDataType -json`: signal and security of the connected network on an interface. */
export function parseAirportSignal(stdout: string, iface: string): { dbm: number | null; open: boolean | null } | null {
  const root = tryParseJson(stdout);
  if (!isRecord(root)) return null;
  for (const section of asRecords(root.SPAirPortDataType)) {
    for (const i of asRecords(section.spairport_airport_interfaces)) {
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

/** `netstat -ibn -I <if>`: cumulative bytes from the link-level row, read from the right (the address may be blank). */
export function parseNetstatInterfaceBytes(stdout: string, iface: string): { rx: number; tx: number } | null {
  for (const line of stdout.split(/\r?\n/)) {
    const cols = line.trim().split(/\s+/);
    if (cols[0] !== iface || !cols.some((c) => c.startsWith('<Link#'))) continue;
    const rx = Number(cols[cols.length - 5]);
    const tx = Number(cols[cols.length - 2]);
    if (Number.isFinite(rx) && Number.isFinite(tx)) return { rx, tx };
  }
  return null;
}

/** `netstat -an -p tcp`: ports of remote-access services listening (SSH 22, Apple Remote Desktop 3283, Screen Sharing 5900). */
export function parseDarwinListeningPorts(stdout: string): number[] {
  const ports = new Set<number>();
  for (const line of stdout.split(/\r?\n/)) {
    if (!/LISTEN/.test(line)) continue;
    const local = line.trim().split(/\s+/)[3] ?? '';
    const match = /^(.*)\.(\d+)$/.exec(local);
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
export function countDarwinScreenSharingSessions(stdout: string): number {
  let count = 0;
  for (const line of stdout.split(/\r?\n/)) {
    if (!/ESTABLISHED/.test(line)) continue;
    const cols = line.trim().split(/\s+/);
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
  const state = /State\s*=\s*(\d)/.exec(stdout)?.[1];
  if (state === '1' || state === '2') return 'on';
  if (state === '0') return 'off';
  if (/firewall is enabled/i.test(stdout)) return 'on';
  if (/firewall is disabled/i.test(stdout)) return 'off';
  return null;
}

/** `fdesetup status`. */
export function parseFdesetupStatus(stdout: string): 'on' | 'off' | 'encrypting' | 'decrypting' | 'waiting' | null {
  if (/encryption in progress/i.test(stdout)) return 'encrypting';
  // Deferred enablement: FileVault turns on at the next sign-in.
  if (/deferred enablement/i.test(stdout)) return 'waiting';
  if (/decryption in progress/i.test(stdout)) return 'decrypting';
  if (/FileVault is On/i.test(stdout)) return 'on';
  if (/FileVault is Off/i.test(stdout)) return 'off';
  return null;
}

/** `sysadminctl -screenLock status` (written to stderr): delay in seconds, or null when the lock is off. */
export function parseSysadminctlScreenLock(text: string): { enabled: boolean; delaySeconds: number | null } | null {
  if (/screenLock is off/i.test(text)) return { enabled: false, delaySeconds: null };
  if (/screenLock delay is immediate/i.test(text)) return { enabled: true, delaySeconds: 0 };
  const seconds = /screenLock delay is (\d+) seconds?/i.exec(text)?.[1];
  if (seconds !== undefined) return { enabled: true, delaySeconds: Number(seconds) };
  return null;
}

/** `pmset -g`: current display-sleep minutes (0 = never). */
export function parsePmsetDisplaySleep(stdout: string): number | null {
  const value = /^\s*displaysleep\s+(\d+)/m.exec(stdout)?.[1];
  return value === undefined ? null : Number(value);
}

/** `sw_vers`: product version and build. */
export function parseSwVers(stdout: string): { version: string; build: string | null } | null {
  const version = /ProductVersion:\s*(\S+)/.exec(stdout)?.[1];
  if (!version) return null;
  return { version, build: /BuildVersion:\s*(\S+)/.exec(stdout)?.[1] ?? null };
}

/** `dscl . -list /Users UniqueID`: people's accounts have UID ≥ 501 and no leading underscore. */
export function countDarwinHumanAccounts(stdout: string): number {
  let count = 0;
  for (const line of stdout.split(/\r?\n/)) {
    const [name, uid] = line.trim().split(/\s+/);
    if (!name || !uid || !/^\d+$/.test(uid)) continue;
    if (name.startsWith('_') || ['root', 'nobody', 'daemon'].includes(name)) continue;
    if (Number(uid) >= 501 && Number(uid) < 65534) count += 1;
  }
  return count;
}

/**
 * ~/Library/DoNotDisturb/DB/Assertions.json: a Focus switched on by hand leaves an assertion record.
 * Scheduled Focus does not appear here.
 */
export function parseDndAssertions(text: string): boolean | null {
  const root = tryParseJson(text);
  if (!isRecord(root)) return null;
  const data = asRecords(root.data);
  if (data.length === 0) return false;
  return data.some((d) => {
    const active = Array.isArray(d.storeAssertionRecords) ? d.storeAssertionRecords.length : 0;
    return active > 0;
  });
}

/** `system_profiler SPAudioDataType -json`: the default output and a guess at what it is. */
export function parseDarwinDefaultOutput(stdout: string): { name: string; kind: OutputKind; basis: string } | null {
  const root = tryParseJson(stdout);
  if (!isRecord(root)) return null;
  for (const section of asRecords(root.SPAudioDataType)) {
    for (const item of asRecords(section._items)) {
      if (asString(item.coreaudio_default_audio_output_device) !== 'spaudio_yes') continue;
      const name = asString(item._name) ?? 'Default output';
      const source = asString(item.coreaudio_output_source) ?? '';
      const transport = (asString(item.coreaudio_device_transport) ?? '').replace('coreaudio_device_type_', '');
      const text = `${name} ${source}`;
      if (/headset|earpods/i.test(text)) return { name, kind: 'headset', basis: `name "${name}"` };
      if (/headphone|airpods|buds|beats|kopfh/i.test(text)) {
        return { name, kind: 'headphones', basis: source ? `source "${source}"` : `name "${name}"` };
      }
      if (/speaker|lautsprecher|haut-parleur/i.test(text) || transport === 'hdmi' || transport === 'displayport') {
        return {
          name,
          kind: 'speakers',
          basis: transport === 'builtin' || !transport ? `source "${source || name}"` : `connection ${transport}`,
        };
      }
      return { name, kind: 'unclear', basis: transport ? `connection ${transport}` : 'no detail' };
    }
  }
  return null;
}
