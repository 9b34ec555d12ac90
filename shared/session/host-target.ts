/** A host name or IP literal, optionally with a port, as typed by a user for connection timing. */
export interface HostTarget {
  readonly host: string;
  readonly port: number;
}

const hostnamePattern =
  /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const ipv4Pattern = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

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
  const port = portText === undefined ? defaultPort : Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return null;
  if (!v6 && !ipv4Pattern.test(host) && !hostnamePattern.test(host)) return null;
  return { host: host.toLowerCase(), port };
}

export function formatHostTarget(target: HostTarget): string {
  return target.host.includes(':') ? `[${target.host}]:${target.port}` : `${target.host}:${target.port}`;
}
