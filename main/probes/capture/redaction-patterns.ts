import { isIPv4, isIPv6 } from 'node:net';

/** Names too common or too technical to be anyone's identity; replacing them would break paths and outputs. */
const genericNames = new Set(
  [
    'root',
    'admin',
    'administrator',
    'user',
    'users',
    'guest',
    'default',
    'public',
    'shared',
    'nobody',
    'system',
    'local',
    'localhost',
    'localdomain',
    'home',
    'dev',
    'sys',
    'proc',
    'run',
    'usr',
    'bin',
    'etc',
    'var',
    'lib',
    'tmp',
    'opt',
    'boot',
    'mnt',
    'media',
    'srv',
    'test',
    'ubuntu',
    'debian',
    'fedora',
    'linux',
    'windows',
    'mac',
    'macos',
    'apple',
    'computer',
    'desktop',
    'laptop',
    'server',
    'service',
    'network',
    'wifi',
    'wi-fi',
    'ethernet',
    'audio',
    'none',
    'null',
    'true',
    'false',
    'runneradmin',
  ].map((n) => n.toLowerCase()),
);

/** True for a common word, a system account or one of our own stand-ins: never a person's name. */
export function isGenericName(value: string): boolean {
  const v = value.trim();
  return v === '' || genericNames.has(v.toLowerCase()) || /^\d+$/.test(v) || /^user\d*$/i.test(v);
}

/** True for a value worth searching for everywhere: long enough, and not a common word or system name. */
export function isDistinctive(value: string): boolean {
  return value.trim().length >= 3 && !isGenericName(value);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches `value` as a whole word (not inside a longer name), in any case unless `exactCase`. */
export function wordPattern(value: string, exactCase = false): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(value)}(?![\\p{L}\\p{N}])`, exactCase ? 'gu' : 'giu');
}

export const emailPattern = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** Machine (S-1-5-21-a-b-c) and Entra ID (S-1-12-1-a-b-c-d) account ids; the part after is the account number. */
export const sidPattern = /\bS-1-(?:5-21-\d{1,10}-\d{1,10}-\d{1,10}|12-1-\d{1,10}-\d{1,10}-\d{1,10}-\d{1,10})\b/g;

/** The user-name part of home folders: /home/x, /Users/x, C:\Users\x (also JSON-escaped, and "#"-separated as in ConsentStore). */
export const homePathPatterns: readonly RegExp[] = [
  /(\/(?:home|Users)\/)([^/\s:"'\\,;()[\]]+)/g,
  /(\b[A-Za-z]:(?:\\\\|\\|\/|#)Users(?:\\\\|\\|\/|#))([^\\/#\s:"',;()[\]]+)/gi,
];
const sharedHomes = new Set(['shared', 'public', 'default', 'default user', 'all users', 'guest', '.localized']);
/** Folders under /home that are not a person's (".ecryptfs", "Shared", our own "user" stand-ins). */
export function isSharedHome(name: string): boolean {
  return sharedHomes.has(name.toLowerCase()) || /^user\d*$/i.test(name) || !/^[\p{L}\p{N}]/u.test(name);
}

/** 6-byte hardware addresses: aa:bb:cc:dd:ee:ff (macOS may drop leading zeros), AA-BB-…, aa_bb_… (Bluetooth sinks). */
export const macPattern =
  /(?<![0-9A-Fa-f:-])(?:[0-9A-Fa-f]{1,2}(?::[0-9A-Fa-f]{1,2}){5}|[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{2}(?:_[0-9A-Fa-f]{2}){5})(?![0-9A-Fa-f:-]|_[0-9A-Fa-f]{2})/g;
/** Interface names made from a hardware address (USB network adapters): enx001122334455. */
export const macInterfacePattern = /\b(enx|wlx)([0-9a-f]{12})\b/g;

export function normalizeMac(mac: string): string {
  return mac
    .split(/[:_-]/)
    .map((b) => b.padStart(2, '0').toLowerCase())
    .join(':');
}
/** All zeros, broadcast, or one of our own stand-ins (02:00:00:00:…). */
export function isPlaceholderMac(mac: string): boolean {
  const n = normalizeMac(mac);
  return n === '00:00:00:00:00:00' || n === 'ff:ff:ff:ff:ff:ff' || n.startsWith('02:00:00:00:');
}

/** Our own stand-in account ids, left alone when met again. */
export function isStandInSid(sid: string): boolean {
  return /^S-1-(5-21|12-1)-1000000000-1000000000-/.test(sid);
}

export const uuidPattern = /\b[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\b/g;
/** Windows power-setting ids printed by powercfg: the same on every computer, needed to read its output. */
const wellKnownGuids = new Set([
  '381b4222-f694-41f0-9685-ff5bb260df2e', // Balanced
  '8c5e7fda-e8bf-4a96-9a85-a6e23a8c635c', // High performance
  'a1841308-3541-4fab-bc81-f71556f20b4a', // Power saver
  'e9a42b02-d5df-448d-aa00-03f14749eb61', // Ultimate performance
  '7516b95f-f776-4464-8c53-06167f40cc99', // SUB_VIDEO
  '3c0bc021-c8a8-4e07-a973-6b14cbcb2b7e', // VIDEOIDLE
  '238c9fa8-0aad-41ed-83f4-97be242c8f20', // SUB_SLEEP
  '29f6c1db-86da-48c5-9fdb-f2b67b1f44da', // STANDBYIDLE
  'fea3413e-7e05-4911-9a71-700331f1c294', // SUB_NONE
  '0e796bdb-100d-47d6-a2d5-f7d2daa51f51', // CONSOLELOCK
]);
export function isWellKnownGuid(guid: string): boolean {
  return wellKnownGuids.has(guid.toLowerCase()) || /^0{8}-0{4}-[0-9a-f]000-[0-9a-f]000-0{8}[0-9a-f]{4}$/i.test(guid);
}

export const ipv4Pattern = /(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?=\.\d{1,5}(?![\d.])|(?![\d.]))/g;
/** Candidates only; each is checked with net.isIPv6 (optionally without a trailing ".port", as macOS prints it). */
export const ipv6Candidate =
  /(?<![\w:.])(?=[0-9A-Fa-f:]*:[0-9A-Fa-f]*:)[0-9A-Fa-f:]+(?:\.\d{1,3}\.\d{1,3}\.\d{1,3})?(?![\w:])/g;

const publicAnchors = new Set([
  '1.1.1.1',
  '1.0.0.1',
  '8.8.8.8',
  '8.8.4.4',
  '9.9.9.9',
  '149.112.112.112',
  '208.67.222.222',
  '208.67.220.220',
]);

/** Addresses that say nothing about this computer or network: loopback, any, masks, multicast, public resolvers, documentation ranges. */
export function isNeutralIPv4(ip: string): boolean {
  if (!isIPv4(ip)) return true;
  const [a = 0, b = 0, c = 0] = ip.split('.').map(Number);
  if (a === 0 || a === 127 || a === 255 || (a >= 224 && a <= 239)) return true;
  if (publicAnchors.has(ip)) return true;
  if (
    (a === 192 && b === 0 && c === 2) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113)
  ) {
    return true;
  }
  return false;
}

export function isNeutralIPv6(ip: string): boolean {
  const lower = ip.toLowerCase();
  if (lower === '::' || lower === '::1' || lower.startsWith('ff0') || lower.startsWith('2001:db8:')) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  return mapped ? isNeutralIPv4(mapped[1] ?? '') : false;
}

export { isIPv6 };

/**
 * The start of an IPv6 address that a column cut short (macOS `netstat -ibn` prints "2a02:8109:b6c0:1"
 * or "fe80::18e3:"): a global or link-local prefix and at least two colons. Not a valid address, so the
 * full-address rule misses it, but the prefix still tells which network this is.
 */
export const ipv6Fragment =
  /(?<![\w:.])(?:[23][0-9A-Fa-f]{3}|[Ff][Ee][89AaBb][0-9A-Fa-f])(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])/g;

/** Names of local networks' computers: alices-macbook.local, nas.lan, printer.fritz.box. */
export const localHostPattern =
  /(?<![\w.-])([A-Za-z0-9][A-Za-z0-9-]{0,62})\.(local|lan|home|internal|localdomain|home\.arpa|fritz\.box)(?![\w-]|\.[A-Za-z0-9])/gi;

/**
 * "AirPods von Alice", "iPhone de Alice": the names macOS gives Apple devices in other languages, the
 * owner after the preposition.
 */
export const appleDeviceOwnerPattern =
  /(?<=\b(?:AirPods(?: Pro| Max)?|iPhone|iPad|iPod|Apple Watch|MacBook(?: Air| Pro)?|iMac|Mac mini|HomePod(?: mini)?|Beats[\p{L}\p{N} ]{0,20}?)\s(?:von|de|di|van|du|da|do)\s)(\p{Lu}[\p{L}\p{M}-]{0,30})(?![\p{L}\p{N}])/gu;

/** "Alice’s AirPods": a device named after its owner. */
export const possessivePattern = /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}\p{M}-]{1,30})(['’]s)(?=\s+[\p{L}\p{N}])/gu;
const notOwners = new Set([
  'apple',
  'microsoft',
  'google',
  'intel',
  'realtek',
  'logitech',
  'samsung',
  'sony',
  'bose',
  'jabra',
  'dell',
  'lenovo',
  'windows',
  'today',
  'let',
  'user',
]);
export function isOwnerName(word: string): boolean {
  return !notOwners.has(word.toLowerCase());
}
