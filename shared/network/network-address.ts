import { formatHostTarget, parseHostTarget, type HostTarget } from '../session/host-target';
import { sessionPlatforms } from '../session/platforms';

/**
 * The addresses ReadyRoom may be asked, from its window, to open connections to: the "other
 * platform" and the speed-test addresses. Each must be a host on the internet (never this
 * computer, the local network or a cloud metadata address) on a port a video or web service
 * uses, and is contacted only after the therapist has approved it once. The command line's
 * --target is the user's own instruction and is not limited here.
 */

export type AddressCheck =
  | { readonly ok: true; readonly target: HostTarget; readonly key: string }
  | { readonly ok: false; readonly reason: string };

/** How an approval is remembered and compared: "host:port", lower case, IPv6 in brackets. */
export const targetKey = formatHostTarget;

/** How an address is shown and kept in Settings: the port only when it is not 443. */
export function addressText(target: HostTarget): string {
  if (target.port !== 443) return targetKey(target);
  return target.host.includes(':') ? `[${target.host}]` : target.host;
}

/** The hosts ReadyRoom times for the platforms it knows: it contacts these without asking. */
export const builtInTargetKeys: ReadonlySet<string> = new Set(
  sessionPlatforms.flatMap((p) =>
    p.timing.kind === 'host' ? [targetKey({ host: p.timing.host, port: p.timing.port })] : [],
  ),
);

/** Names that never lead to the internet: this computer, home and office networks, reserved test names. */
const privateSuffixes = [
  'localhost',
  'local',
  'localdomain',
  'internal',
  'intranet',
  'private',
  'corp',
  'home',
  'lan',
  'home.arpa',
  'arpa',
  'test',
  'invalid',
  'onion',
];

const notOnInternet =
  'is on this computer or a private network, not on the internet. Give the address of the service itself, for example video.example.org.';

/** Why this host is not a plain internet host; null when it is one. `host` as parseHostTarget gives it. */
export function publicHostProblem(host: string): string | null {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name.includes(':')) return ipv6Problem(name);
  const labels = name.split('.');
  const last = labels[labels.length - 1] ?? '';
  if (/^\d+(\.\d+){3}$/.test(name)) {
    // "0177.0.0.1" or "012.0.0.1": the system reads a leading zero as octal (127.0.0.1, 10.0.0.1).
    if (!labels.every((octet) => /^(0|[1-9]\d{0,2})$/.test(octet) && Number(octet) <= 255))
      return 'is not a valid internet address.';
    return ipv4Problem(labels.map(Number));
  }
  // "2130706433", "0x7f.1", "127.1": forms of an IP address that the system would still resolve.
  if (/^(0x[0-9a-f]*|\d+)$/i.test(last)) return 'is not a valid internet address.';
  if (labels.length < 2) return `"${name}" ${notOnInternet}`;
  if (privateSuffixes.some((suffix) => name === suffix || name.endsWith(`.${suffix}`)))
    return `"${name}" ${notOnInternet}`;
  return null;
}

function ipv4Problem(octets: readonly number[]): string | null {
  const [a = 0, b = 0, c = 0] = octets;
  const reserved =
    a === 0 || // "this network"
    a === 10 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT (also Alibaba's metadata address)
    a === 127 ||
    (a === 169 && b === 254) || // link-local, including the cloud metadata address 169.254.169.254
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 0 && (c === 0 || c === 2)) || // IETF protocol assignments, documentation
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113) ||
    a >= 224; // multicast, reserved, broadcast
  return reserved ? `${octets.join('.')} ${notOnInternet}` : null;
}

/** The eight 16-bit groups of an IPv6 literal (already checked by parseHostTarget). */
function ipv6Groups(text: string): number[] {
  let hex = text;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [, p, q, r, s] = v4.map(Number) as [number, number, number, number, number];
    hex = `${text.slice(0, v4.index)}${((p << 8) | q).toString(16)}:${((r << 8) | s).toString(16)}`;
  }
  const [head = '', tail] = hex.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? [] : new Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  return [...headGroups, ...zeros, ...tailGroups].map((g) => Number.parseInt(g, 16));
}

function ipv6Problem(text: string): string | null {
  const g = ipv6Groups(text);
  const [g0 = 0, g1 = 0] = g;
  const zerosTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  // IPv4-mapped (::ffff:a.b.c.d), -compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d): judge the IPv4 inside.
  const embedded = [g[6] ?? 0, g[7] ?? 0].flatMap((x) => [x >> 8, x & 0xff]);
  if ((zerosTo(5) && g[5] === 0xffff) || (g0 === 0x64 && g1 === 0xff9b && g.slice(2, 6).every((x) => x === 0)))
    return ipv4Problem(embedded) ? `[${text}] ${notOnInternet}` : null;
  const reserved =
    zerosTo(6) || // unspecified, loopback and the old IPv4-compatible form
    (g0 & 0xfe00) === 0xfc00 || // unique local (fd00:ec2::254 is AWS's metadata address)
    (g0 & 0xffc0) === 0xfe80 || // link-local
    (g0 & 0xff00) === 0xff00 || // multicast
    (g0 === 0x2001 && g1 === 0xdb8) || // documentation
    (g0 === 0x100 && g.slice(1, 4).every((x) => x === 0)); // discard
  return reserved ? `[${text}] ${notOnInternet}` : null;
}

/** Web and video services listen on 80, 443 or an unprivileged port; the rest belong to other services. */
export function portProblem(port: number): string | null {
  return port === 80 || port === 443 || (port >= 1024 && port <= 65535)
    ? null
    : `Port ${port} is not one a video or web service uses; leave the port out (ReadyRoom then uses 443).`;
}

function checked(target: HostTarget): AddressCheck {
  const host = publicHostProblem(target.host);
  if (host) return { ok: false, reason: `That address ${host}` };
  const port = portProblem(target.port);
  if (port) return { ok: false, reason: port };
  return { ok: true, target, key: targetKey(target) };
}

/** A host name as the URL parser gives it, without the brackets of an IPv6 literal. */
const urlHost = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * The other platform's address as a therapist may type it: "video.example.org", with ":port",
 * or the whole meeting link (only its host and port are kept: the path may hold the meeting's id).
 */
export function checkPlatformAddress(text: string): AddressCheck {
  const trimmed = text.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      return { ok: false, reason: 'That is not a web address ReadyRoom can read.' };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      return { ok: false, reason: 'Give the web address of the platform, for example video.example.org.' };
    const target = parseHostTarget(
      urlHost(url).includes(':') ? `[${urlHost(url)}]` : urlHost(url),
      Number(url.port || 443),
    );
    return target ? checked(target) : { ok: false, reason: 'That is not a web address ReadyRoom can read.' };
  }
  const target = parseHostTarget(trimmed);
  if (!target)
    return {
      ok: false,
      reason: 'The platform address should look like "video.example.org" or "video.example.org:443".',
    };
  return checked(target);
}

export type SpeedTestUrlCheck =
  | { readonly ok: true; readonly url: URL; readonly target: HostTarget; readonly key: string }
  | { readonly ok: false; readonly reason: string };

/** A speed-test address: https only (never plain http, which anyone on the way could redirect), an internet host, no password in it. */
export function checkSpeedTestUrl(text: string): SpeedTestUrlCheck {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, reason: 'The speed-test address is not a web address. It should start with https://.' };
  }
  if (url.protocol !== 'https:')
    return {
      ok: false,
      reason: 'The speed-test address must start with https:// so the test cannot be read or redirected on the way.',
    };
  if (url.username || url.password)
    return { ok: false, reason: 'Leave any user name or password out of the speed-test address.' };
  const host = urlHost(url);
  const target = parseHostTarget(host.includes(':') ? `[${host}]` : host, Number(url.port || 443));
  if (!target) return { ok: false, reason: 'The speed-test address is not a web address ReadyRoom can read.' };
  const result = checked(target);
  return result.ok ? { ...result, url } : result;
}
