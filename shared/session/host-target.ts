/** A host name or IP literal, optionally with a port, as typed by a user for connection timing. */
export interface HostTarget {
  readonly host: string;
  readonly port: number;
}

const hostnamePattern =
  /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const ipv4Pattern = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const portPattern = /^\d{1,5}$/;

/** A plausible IPv6 literal: hex groups, at most one "::", 2–8 groups (optionally ending in IPv4). */
function isIpv6(text: string): boolean {
  if (text.length < 2 || text.length > 45 || (text.match(/::/g) ?? []).length > 1) return false;
  if (/:::/.test(text)) return false;
  const groups = text.split(':');
  const last = groups[groups.length - 1] ?? '';
  const hasV4 = ipv4Pattern.test(last);
  const hexGroups = hasV4 ? groups.slice(0, -1) : groups;
  const compressed = text.includes('::');
  const count = hexGroups.filter((g) => g !== '').length + (hasV4 ? 2 : 0);
  if (!hexGroups.every((g) => g === '' || /^[0-9a-f]{1,4}$/i.test(g))) return false;
  if (count === 0 && !compressed) return false;
  return compressed ? count <= 7 : count === 8;
}

/** Parses `host`, `host:port` or `[v6]:port`; returns null for anything else (never passed to a shell). */
export function parseHostTarget(input: string, defaultPort = 443): HostTarget | null {
  const text = input.trim();
  if (text.length === 0 || text.length > 260) return null;
  let host = text;
  let portText: string | undefined;
  const v6 = /^\[([0-9a-f:.]+)\](?::(\d{1,5}))?$/i.exec(text);
  if (v6) {
    host = v6[1] ?? '';
    portText = v6[2];
  } else if (text.includes(':')) {
    const parts = text.split(':');
    if (parts.length !== 2) return null;
    host = parts[0] ?? '';
    portText = parts[1];
  }
  if (portText !== undefined && !portPattern.test(portText)) return null;
  const port = portText === undefined ? defaultPort : Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return null;
  if (v6 ? !isIpv6(host) : !ipv4Pattern.test(host) && !hostnamePattern.test(host)) return null;
  return { host: host.toLowerCase(), port };
}

export function formatHostTarget(target: HostTarget): string {
  return target.host.includes(':') ? `[${target.host}]:${target.port}` : `${target.host}:${target.port}`;
}
