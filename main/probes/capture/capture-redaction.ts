import type { JsonValue } from '../../../shared/json';
import { assembleBatchStdout } from './capture-batch';
import type { BatchPart, CaptureData, CommandRecord, FileRecord } from './capture-types';
import {
  appleDeviceOwnerPattern,
  emailPattern,
  escapeRegExp,
  homePathPatterns,
  ipv4Pattern,
  ipv6Candidate,
  ipv6Fragment,
  isDistinctive,
  isGenericName,
  isIPv6,
  isNeutralIPv4,
  isNeutralIPv6,
  isOwnerName,
  isPlaceholderMac,
  isSharedHome,
  isStandInSid,
  isWellKnownGuid,
  localHostPattern,
  macInterfacePattern,
  macPattern,
  normalizeMac,
  possessivePattern,
  sidPattern,
  uuidPattern,
  wordPattern,
} from './redaction-patterns';

/** What the capture command removes, with the words a reviewer sees. */
export const redactionKinds = {
  'user-name': 'User names and personal names',
  'computer-name': 'Computer names',
  'host-name': 'Names of other computers on the local network',
  'wifi-network': 'Wi-Fi network names and access-point addresses (SSID, BSSID)',
  'mac-address': 'Hardware (MAC) addresses',
  'ip-address': 'IP addresses (v4 and v6)',
  'serial-number': 'Serial numbers',
  'device-id': 'Device, disk and session identifiers (UUIDs, machine ids)',
  'home-path': 'User names in home-folder paths',
  'windows-sid': 'Windows account ids (SIDs)',
  email: 'E-mail addresses',
} as const;
export type RedactionKind = keyof typeof redactionKinds;

/** What is known up front to identify this person and computer. */
export interface KnownIdentifiers {
  readonly userNames: readonly string[];
  /** Full names, e.g. from the account's description. */
  readonly fullNames: readonly string[];
  readonly computerNames: readonly string[];
}

export interface RedactionReport {
  readonly total: number;
  /** Count per kind (kinds with nothing found are left out). */
  readonly byKind: Partial<Record<RedactionKind, number>>;
  /** Where values were replaced: the place (a command, a file path), the kind and how many. Never the values. */
  readonly where: readonly { readonly place: string; readonly kind: RedactionKind; readonly count: number }[];
}

/** A value that should have been removed is still there: nothing may be written. */
export class RedactionError extends Error {
  constructor(kind: RedactionKind) {
    super(`A value of kind "${kind}" was still present after redaction, so nothing was written.`);
    this.name = 'RedactionError';
  }
}

/** Kinds whose values, once learnt, are replaced in every text (the others are found by their shape or place). */
const replacedEverywhere = new Set<RedactionKind>([
  'user-name',
  'computer-name',
  'serial-number',
  'device-id',
  'wifi-network',
]);

interface Secret {
  readonly value: string;
  readonly kind: RedactionKind;
  /** Searched everywhere, not only where such values are normally found. */
  readonly everywhere: boolean;
  /** A fixed stand-in (a person's name becomes "User"); otherwise one is made per kind. */
  readonly standIn?: string;
}

/** What a piece of text is, so the rules for that kind of output apply. */
interface Hint {
  readonly argv?: readonly string[];
  readonly path?: string;
}

const macStandIn = (n: number) =>
  `02:00:00:00:${((n >> 8) & 0xff).toString(16).padStart(2, '0')}:${(n & 0xff).toString(16).padStart(2, '0')}`;
const ipv4StandIn = (n: number) => {
  const nets = ['192.0.2', '198.51.100', '203.0.113'];
  const i = (n - 1) % (nets.length * 254);
  return `${nets[Math.floor(i / 254)]}.${(i % 254) + 1}`;
};

/**
 * Replaces what identifies a person or network with stand-ins of the same shape (a MAC address
 * becomes 02:00:00:00:00:01, an IP address a documentation address, a user name "user"), the same
 * value always by the same stand-in, so outputs still parse and still agree with each other.
 */
class Redactor {
  private readonly standIns = new Map<RedactionKind, Map<string, string>>();
  private readonly secrets = new Map<string, Secret>();
  private counts = new Map<string, Map<RedactionKind, number>>();

  constructor(known: KnownIdentifiers) {
    for (const name of known.userNames) this.learnUser(name);
    for (const name of known.fullNames) this.learnFullName(name);
    for (const name of known.computerNames) this.learnComputer(name);
  }

  resetCounts(): void {
    this.counts = new Map();
  }

  private count(place: string, kind: RedactionKind): void {
    let byKind = this.counts.get(place);
    if (!byKind) {
      byKind = new Map();
      this.counts.set(place, byKind);
    }
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  }

  renamePlace(from: string, to: string): void {
    const byKind = this.counts.get(from);
    if (!byKind) return;
    this.counts.delete(from);
    const target = this.counts.get(to) ?? new Map<RedactionKind, number>();
    for (const [kind, n] of byKind) target.set(kind, (target.get(kind) ?? 0) + n);
    this.counts.set(to, target);
  }

  /** The stand-in for `value` of `kind`, made once and then reused. */
  private standIn(kind: RedactionKind, key: string, make: (n: number) => string): string {
    let map = this.standIns.get(kind);
    if (!map) {
      map = new Map();
      this.standIns.set(kind, map);
    }
    let out = map.get(key);
    if (out === undefined) {
      out = make(map.size + 1);
      map.set(key, out);
    }
    return out;
  }

  private remember(value: string, kind: RedactionKind, everywhere: boolean, standIn?: string): void {
    const v = value.trim();
    if (v === '') return;
    const existing = this.secrets.get(v.toLowerCase());
    // A login name wins over the same word in a full name ("quentin" stays "user", not "User").
    const replace =
      !existing || (everywhere && !existing.everywhere) || (existing.standIn !== undefined && standIn === undefined);
    if (replace) this.secrets.set(v.toLowerCase(), { value: v, kind, everywhere, ...(standIn ? { standIn } : {}) });
  }

  private userStandIn(name: string): string {
    return this.standIn('user-name', name.toLowerCase(), (n) => (n === 1 ? 'user' : `user${n}`));
  }

  /**
   * A user name found where names are (a home folder, an account list): replaced there whatever its length.
   * Only a distinctive one is also searched for everywhere; "jo" would match too much.
   */
  learnUser(name: string): string {
    const v = name.trim();
    if (isGenericName(v)) return v;
    this.remember(v, 'user-name', true);
    return this.userStandIn(v);
  }

  private learnFullName(name: string): void {
    const v = name.trim();
    if (!isDistinctive(v)) return;
    this.remember(v, 'user-name', true, 'User');
    for (const part of v.split(/[\s,]+/)) {
      if (part.length >= 4 && isDistinctive(part)) this.remember(part, 'user-name', true, 'User');
    }
  }

  private learnComputer(name: string): void {
    const v = name.trim();
    if (!isDistinctive(v)) return;
    this.remember(v, 'computer-name', true);
    const short = v.split('.')[0] ?? v;
    if (short !== v && isDistinctive(short)) this.remember(short, 'computer-name', true);
  }

  /** One stand-in per computer: "pc-7.home.lan" and "pc-7" are the same one. */
  private computer(name: string): string {
    this.learnComputer(name);
    const key = (name.trim().split('.')[0] ?? name).toLowerCase();
    return this.standIn('computer-name', key, (n) => (n === 1 ? 'computer' : `computer${n}`));
  }

  // ---- text -------------------------------------------------------------------------------

  /** Redacts free text (an output, a path, an argument). */
  text(input: string, place: string, hint: Hint = {}): string {
    if (this.isKnownSsid(input)) {
      this.count(place, 'wifi-network');
      return input.replace(input.trim(), this.ssid(input.trim()));
    }
    let out = this.byHint(input, place, hint);
    out = this.lineRules(out, place);
    out = out.replace(emailPattern, (email) => {
      if (/@example\.(com|org|net)$/i.test(email) || /\.invalid$/i.test(email)) return email;
      this.remember(email, 'email', true);
      this.count(place, 'email');
      return this.standIn('email', email.toLowerCase(), (n) => (n === 1 ? 'user@example.com' : `user${n}@example.com`));
    });
    out = out.replace(sidPattern, (sid) => {
      if (isStandInSid(sid)) return sid;
      this.remember(sid, 'windows-sid', true);
      this.count(place, 'windows-sid');
      const entra = sid.startsWith('S-1-12-');
      return this.standIn('windows-sid', sid.toUpperCase(), (n) =>
        entra
          ? `S-1-12-1-1000000000-1000000000-1000000000-${1000000000 + n}`
          : `S-1-5-21-1000000000-1000000000-${1000000000 + n}`,
      );
    });
    for (const pattern of homePathPatterns) {
      out = out.replace(pattern, (whole, prefix: string, name: string) => {
        if (isSharedHome(name) || isGenericName(name)) return whole;
        this.count(place, 'home-path');
        return `${prefix}${this.learnUser(name)}`;
      });
    }
    out = this.knownValues(out, place);
    out = out.replace(macInterfacePattern, (_whole, prefix: string, hex: string) => {
      const mac = hex.match(/../g)?.join(':') ?? hex;
      return `${prefix}${this.mac(mac, place).replace(/:/g, '')}`;
    });
    out = out.replace(macPattern, (mac) => (isPlaceholderMac(mac) ? mac : this.mac(mac, place)));
    out = out.replace(uuidPattern, (uuid) => {
      if (isWellKnownGuid(uuid)) return uuid;
      this.remember(uuid, 'device-id', true);
      this.count(place, 'device-id');
      const standIn = this.standIn(
        'device-id',
        uuid.toLowerCase(),
        (n) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
      );
      return uuid === uuid.toUpperCase() ? standIn.toUpperCase() : standIn;
    });
    out = out.replace(ipv6Candidate, (candidate) => this.ipv6(candidate, place));
    out = out.replace(ipv6Fragment, (fragment) => {
      if (isIPv6(fragment) || fragment.toLowerCase().startsWith('2001:db8:')) return fragment;
      this.remember(fragment, 'ip-address', true);
      this.count(place, 'ip-address');
      return this.standIn('ip-address', fragment.toLowerCase(), (n) => `2001:db8::${n.toString(16)}`);
    });
    out = out.replace(ipv4Pattern, (ip) => {
      if (isNeutralIPv4(ip)) return ip;
      this.remember(ip, 'ip-address', true);
      this.count(place, 'ip-address');
      return this.standIn('ip-address', ip, ipv4StandIn);
    });
    out = out.replace(localHostPattern, (whole, name: string, suffix: string) => {
      if (/^(host-\d+|computer\d*|localhost)$/i.test(name)) return whole;
      this.remember(name, 'host-name', false);
      this.count(place, 'host-name');
      return `${this.standIn('host-name', name.toLowerCase(), (n) => `host-${n}`)}.${suffix}`;
    });
    out = out.replace(appleDeviceOwnerPattern, (name: string) => {
      if (!isOwnerName(name)) return name;
      this.remember(name, 'user-name', false);
      this.count(place, 'user-name');
      return 'User';
    });
    out = out.replace(possessivePattern, (whole, name: string, suffix: string) => {
      if (!isOwnerName(name)) return whole;
      this.remember(name, 'user-name', false);
      this.count(place, 'user-name');
      return `User${suffix}`;
    });
    return out;
  }

  private mac(mac: string, place: string): string {
    const key = normalizeMac(mac);
    this.remember(mac, 'mac-address', true);
    if (mac !== key) this.remember(key, 'mac-address', true);
    this.count(place, 'mac-address');
    const standIn = this.standIn('mac-address', key, macStandIn);
    const sep = /[:_-]/.exec(mac)?.[0] ?? ':';
    const styled = standIn.replace(/:/g, sep);
    return /[A-F]/.test(mac) ? styled.toUpperCase() : styled;
  }

  private ipv6(candidate: string, place: string): string {
    if (!isIPv6(candidate) || isNeutralIPv6(candidate)) return candidate;
    this.remember(candidate, 'ip-address', true);
    this.count(place, 'ip-address');
    return this.standIn('ip-address', candidate.toLowerCase(), (n) => `2001:db8::${n.toString(16)}`);
  }

  /** Values learnt anywhere (names, serial numbers, ids) replaced wherever else they occur. */
  private knownValues(text: string, place: string): string {
    const everywhere = [...this.secrets.values()]
      .filter((s) => s.everywhere && replacedEverywhere.has(s.kind) && isDistinctive(s.value))
      .sort((a, b) => b.value.length - a.value.length);
    let out = text;
    for (const secret of everywhere) {
      // Wi-Fi names are often ordinary words: only the exact spelling is replaced.
      out = out.replace(wordPattern(secret.value, secret.kind === 'wifi-network'), () => {
        this.count(place, secret.kind);
        return this.replacementFor(secret);
      });
    }
    return out;
  }

  private replacementFor(secret: Secret): string {
    switch (secret.kind) {
      case 'computer-name':
        return this.computer(secret.value);
      case 'serial-number':
        return this.serial(secret.value);
      case 'device-id':
        return this.deviceId(secret.value);
      case 'wifi-network':
        return this.ssid(secret.value);
      default:
        return secret.standIn ?? this.userStandIn(secret.value);
    }
  }

  private ssid(value: string): string {
    // A distinctive name ("CornerCafeGuest") is removed everywhere; a short or common one ("Home") only where it is the network's name.
    this.remember(value, 'wifi-network', isDistinctive(value) && value.trim().length >= 5);
    return this.standIn('wifi-network', value, (n) => `network-${n}`);
  }

  private isKnownSsid(value: string): boolean {
    const secret = this.secrets.get(value.trim().toLowerCase());
    return secret?.kind === 'wifi-network' && secret.value === value.trim();
  }

  /** Outputs whose layout says which value is a name. */
  private lineRules(text: string, place: string): string {
    const replaceValue =
      (kind: RedactionKind, make: (value: string) => string) =>
      (whole: string, prefix: string, value: string, suffix = '') => {
        if (value.trim() === '') return whole;
        this.count(place, kind);
        return `${prefix}${make(value)}${suffix}`;
      };
    const ssid = (value: string) => this.ssid(value);
    let out = text;
    // netsh wlan show interfaces (the label "SSID" is not translated; "Profile" is).
    out = out.replace(/^(\s*SSID(?:\s+\d+)?\s*:[ \t]*)(\S[^\r\n]*?)([ \t]*\r?)$/gm, replaceValue('wifi-network', ssid));
    out = out.replace(
      /^(\s*(?:Profile|Profil|Perfil|Profilo|Profiel|Profiili|Profilen|Профиль|Профіль|プロファイル|配置文件|設定檔|프로필)\s*:[ \t]*)(\S[^\r\n]*?)([ \t]*\r?)$/gimu,
      replaceValue('wifi-network', ssid),
    );
    out = out.replace(
      /^([^\r\n:]*BSSID[^\r\n:]*:[ \t]*)([0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5})/gm,
      (_w, prefix: string, mac: string) => {
        const standIn = this.mac(mac, place);
        this.renameLast(place, 'mac-address', 'wifi-network');
        return `${prefix}${standIn}`;
      },
    );
    // An SSID seen elsewhere, as the whole value of a "label: value" line.
    for (const secret of this.secrets.values()) {
      if (secret.kind !== 'wifi-network') continue;
      const pattern = new RegExp(`^([^\\r\\n:]{1,60}:[ \\t]*)(${escapeRegExp(secret.value)})([ \\t]*\\r?)$`, 'gm');
      out = out.replace(pattern, replaceValue('wifi-network', ssid));
    }
    // PulseAudio / PipeWire properties and `pactl info`.
    out = out.replace(
      /^(\s*[\w.]*(?:process\.user|user\.name)\s*=\s*")([^"\r\n]*)(")/gm,
      replaceValue('user-name', (v) => this.learnUser(v)),
    );
    out = out.replace(
      /^(\s*[\w.]*(?:process\.host|host\.name)\s*=\s*")([^"\r\n]*)(")/gm,
      replaceValue('computer-name', (v) => this.computer(v)),
    );
    out = out.replace(
      /^(\s*[\w.]*machine_id\s*=\s*")([^"\r\n]*)(")/gm,
      replaceValue('device-id', (v) => this.deviceId(v)),
    );
    out = out.replace(
      /^(User Name:[ \t]*)(\S[^\r\n]*?)([ \t]*\r?)$/gm,
      replaceValue('user-name', (v) => this.learnUser(v)),
    );
    out = out.replace(
      /^(Host Name:[ \t]*)(\S[^\r\n]*?)([ \t]*\r?)$/gm,
      replaceValue('computer-name', (v) => this.computer(v)),
    );
    out = out.replace(
      /^(Cookie:[ \t]*)(\S[^\r\n]*?)([ \t]*\r?)$/gm,
      replaceValue('device-id', (v) => this.deviceId(v)),
    );
    // Serial numbers in "label: value", "label = value" and property lines.
    out = out.replace(
      /^([^\r\n:=]*\bserial(?:[ _.-]?(?:number|no))?\b[^\r\n:=]*[:=][ \t]*"?)([^"\r\n]*?)("?[ \t]*\r?)$/gim,
      replaceValue('serial-number', (v) => this.serial(v)),
    );
    // Display-manager auto-login (GDM, LightDM, SDDM).
    out = out.replace(
      /^(\s*(?:AutomaticLogin|TimedLogin|autologin-user|User)\s*=[ \t]*)(\S+?)([ \t]*\r?)$/gim,
      replaceValue('user-name', (v) => this.learnUser(v)),
    );
    return out;
  }

  private renameLast(place: string, from: RedactionKind, to: RedactionKind): void {
    const byKind = this.counts.get(place);
    const n = byKind?.get(from) ?? 0;
    if (!byKind || n === 0) return;
    byKind.set(from, n - 1);
    byKind.set(to, (byKind.get(to) ?? 0) + 1);
  }

  private deviceId(value: string): string {
    this.remember(value, 'device-id', true);
    return this.standIn('device-id', value, (n) => n.toString(16).padStart(value.length >= 8 ? value.length : 8, '0'));
  }

  private serial(value: string): string {
    if (/^(none|n\/a|0+|unknown|not available|-)$/i.test(value.trim())) return value;
    this.remember(value, 'serial-number', true);
    return this.standIn('serial-number', value, (n) => `SERIAL${String(n).padStart(6, '0')}`);
  }

  /** Outputs known by their command or path: account lists name people. */
  private byHint(text: string, place: string, hint: Hint): string {
    if (hint.path === '/etc/passwd') {
      return text.replace(
        /^([^:\r\n]*):([^:\r\n]*):(\d+):(\d+):([^:\r\n]*):([^:\r\n]*):([^\r\n]*)$/gm,
        (whole, name: string, pw: string, uid: string, gid: string, gecos: string, home: string, shell: string) => {
          const id = Number(uid);
          if (id < 1000 || id >= 65534) return whole;
          const person = gecos.split(',')[0] ?? '';
          if (person.trim() !== '') {
            this.learnFullName(person);
            this.count(place, 'user-name');
          }
          if (!isGenericName(name)) this.count(place, 'user-name');
          const newName = this.learnUser(name);
          const newGecos = person.trim() === '' ? gecos : gecos.replace(person, 'User');
          return [newName, pw, uid, gid, newGecos, home, shell].join(':');
        },
      );
    }
    const argv = hint.argv ?? [];
    const program = (argv[0] ?? '').split(/[\\/]/).pop() ?? '';
    if (program === 'dscl' && argv.includes('/Users')) {
      return text.replace(
        /^(\S+)(\s+)(\d+)([ \t]*\r?)$/gm,
        (whole, name: string, gap: string, uid: string, end: string) => {
          if (Number(uid) < 500 || name.startsWith('_') || isGenericName(name)) return whole;
          this.count(place, 'user-name');
          return `${this.learnUser(name)}${gap}${uid}${end}`;
        },
      );
    }
    if (program === 'defaults' && argv.includes('autoLoginUser') && text.trim() !== '') {
      this.count(place, 'user-name');
      return text.replace(text.trim(), this.learnUser(text.trim()) || 'user');
    }
    return text;
  }

  // ---- JSON ------------------------------------------------------------------------------

  /** Redacts parsed JSON: values under keys that name a serial number or a Wi-Fi network, then every string as text. */
  json(value: JsonValue, place: string, keys: readonly string[] = []): JsonValue {
    if (typeof value === 'string') {
      const key = keys.at(-1) ?? '';
      const parents = keys.slice(0, -1).join('/');
      if (/serial/i.test(key) && value.trim() !== '') {
        this.count(place, 'serial-number');
        return this.serial(value);
      }
      if ((/ssid/i.test(key) && !/bssid/i.test(key)) || (key === '_name' && /network/i.test(parents))) {
        if (value.trim() === '') return value;
        this.count(place, 'wifi-network');
        return this.ssid(value);
      }
      return this.text(value, place);
    }
    if (Array.isArray(value)) return value.map((item) => this.json(item, place, keys));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, JsonValue> = {};
      for (const [key, item] of Object.entries(value))
        out[this.text(key, place)] = this.json(item, place, [...keys, key]);
      return out;
    }
    return value;
  }

  /** Redacts a command's output or a file, keeping it JSON (whole, JSON lines, or JSON inside other text) when it was. */
  output(text: string, place: string, hint: Hint = {}): string {
    const trimmed = text.trim();
    if (trimmed === '') return text;
    const whole = tryJson(trimmed);
    if (whole !== undefined) {
      const redacted = this.json(whole, place);
      const lead = text.slice(0, text.indexOf(trimmed));
      const trail = text.slice(text.indexOf(trimmed) + trimmed.length);
      return `${lead}${text.includes('\n') && /\n\s/.test(trimmed) ? JSON.stringify(redacted, null, 2) : JSON.stringify(redacted)}${trail}`;
    }
    const lines = text.split('\n');
    const jsonLines = lines.map((line) => (line.trim() === '' ? null : tryJson(line.trim())));
    if (
      jsonLines.every((v, i) => v !== undefined || (lines[i] ?? '').trim() === '') &&
      jsonLines.some((v) => v !== undefined && v !== null)
    ) {
      return lines
        .map((line, i) => {
          const parsed = jsonLines[i];
          if (parsed === null || parsed === undefined) return line;
          const part = isPart(parsed) ? ` › part ${parsed.part}` : '';
          const cr = line.endsWith('\r') ? '\r' : '';
          return `${JSON.stringify(this.json(parsed, `${place}${part}`))}${cr}`;
        })
        .join('\n');
    }
    // JSON inside other text (a BOM, a warning line before PowerShell's object).
    const start = text.indexOf('{');
    const end = text.lastIndexOf('}');
    if (start >= 0 && end > start) {
      const inner = tryJson(text.slice(start, end + 1));
      if (inner !== undefined) {
        return `${this.text(text.slice(0, start), place, hint)}${JSON.stringify(this.json(inner, place))}${this.text(text.slice(end + 1), place, hint)}`;
      }
    }
    // JSON lines among other lines (the batch with a warning in front): each JSON line as JSON, so a
    // Wi-Fi name inside a part's text is still found by its label; the other lines as text.
    if (jsonLines.some((v) => v !== undefined && v !== null && typeof v === 'object')) {
      return lines
        .map((line, i) => {
          const parsed = jsonLines[i];
          if (parsed === null || parsed === undefined || typeof parsed !== 'object') {
            return this.text(line, place, hint);
          }
          const part = isPart(parsed) ? ` › part ${parsed.part}` : '';
          const lead = line.slice(0, line.indexOf(line.trim()));
          const cr = line.endsWith('\r') ? '\r' : '';
          return `${lead}${JSON.stringify(this.json(parsed, `${place}${part}`))}${cr}`;
        })
        .join('\n');
    }
    return this.text(text, place, hint);
  }

  // ---- results ----------------------------------------------------------------------------

  report(): RedactionReport {
    const byKind: Partial<Record<RedactionKind, number>> = {};
    const where: { place: string; kind: RedactionKind; count: number }[] = [];
    for (const [place, kinds] of this.counts) {
      for (const [kind, count] of kinds) {
        if (count === 0) continue;
        byKind[kind] = (byKind[kind] ?? 0) + count;
        where.push({ place, kind, count });
      }
    }
    const total = Object.values(byKind).reduce((a, b) => a + b, 0);
    return { total, byKind, where };
  }

  /** Throws when any removed value is still in `strings`. */
  verify(strings: readonly string[]): void {
    const all = strings.join('\n');
    for (const secret of this.secrets.values()) {
      if (!secret.everywhere || !isDistinctive(secret.value)) continue;
      if (wordPattern(secret.value, secret.kind === 'wifi-network').test(all)) throw new RedactionError(secret.kind);
    }
    // Wi-Fi names are replaced where they are names (a "label: value" line, a JSON value); check those places.
    const ssids = [...this.secrets.values()].filter((s) => s.kind === 'wifi-network').map((s) => s.value);
    if (ssids.length === 0) return;
    for (const text of strings) {
      for (const line of text.split(/\r?\n/)) {
        const value = (line.includes(':') ? line.slice(line.indexOf(':') + 1) : line).trim().replace(/^"|",?$/g, '');
        if (ssids.includes(value)) throw new RedactionError('wifi-network');
      }
    }
  }
}

function tryJson(text: string): JsonValue | undefined {
  if (!/^[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

function isPart(value: JsonValue): value is { part: string } & Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof value.part === 'string';
}

/** A short, value-free label for a command, e.g. "ip -j route get 192.0.2.1" (from the already-redacted argv). */
export function commandLabel(argv: readonly string[] | null): string {
  if (!argv) return 'Windows PowerShell batch';
  const [file = '', ...args] = argv;
  const name = file.split(/[\\/]/).pop() ?? file;
  if (/^powershell(\.exe)?$/i.test(name)) return 'Windows PowerShell batch';
  const text = [name, ...args].join(' ');
  return text.length > 70 ? `${text.slice(0, 67)}...` : text;
}

function redactPass(data: CaptureData, r: Redactor): CaptureData {
  const commands: CommandRecord[] = data.commands.map((c) => {
    const argv = c.argv ? c.argv.map((a) => r.text(a, '\u0000argv')) : null;
    const label = commandLabel(argv);
    r.renamePlace('\u0000argv', `${label} (command line)`);
    let batch: BatchPart[] | undefined;
    if (c.batch) {
      batch = c.batch.map((p) =>
        'error' in p ? p : { part: p.part, ms: p.ms, value: r.json(p.value, `${label} › part ${p.part}`) },
      );
    }
    const hint = argv ? { argv } : {};
    return {
      ...c,
      argv,
      stdout: batch ? assembleBatchStdout(batch) : r.output(c.stdout, `${label} (output)`, hint),
      stderr: r.output(c.stderr, `${label} (error output)`, hint),
      ...(batch ? { batch } : {}),
    };
  });
  const files: FileRecord[] = data.files.map((f) => {
    const path = r.text(f.path, '\u0000path');
    r.renamePlace('\u0000path', path);
    return {
      ...f,
      path,
      ...(f.text !== undefined ? { text: r.output(f.text, path, { path }) } : {}),
      ...(f.list !== undefined ? { list: f.list.map((entry) => r.text(entry, `${path} (folder listing)`)) } : {}),
    };
  });
  const env: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(data.env)) {
    env[name] = value === null ? null : r.text(value, `environment variable ${name}`);
  }
  const programs =
    data.programs === undefined
      ? undefined
      : 'error' in data.programs
        ? { error: r.text(data.programs.error, 'program list') }
        : { rows: data.programs.rows.map((row) => ({ ...row, name: r.text(row.name, 'program list') })) };
  const wifi = data.systemInfo.wifiConnections;
  return {
    ...data,
    ...(data.source !== undefined ? { source: r.text(data.source, 'source note') } : {}),
    ...(data.notes !== undefined ? { notes: r.text(data.notes, 'notes') } : {}),
    system: {
      ...data.system,
      release: r.text(data.system.release, 'system description'),
      ...(data.system.version !== undefined ? { version: r.text(data.system.version, 'system description') } : {}),
    },
    homeDir: r.text(data.homeDir, 'home folder'),
    env,
    commands,
    files,
    systemInfo: {
      ...data.systemInfo,
      ...(wifi ? { wifiConnections: wifi.map((w) => ({ ...w, iface: r.text(w.iface, 'Wi-Fi connections') })) } : {}),
    },
    ...(programs !== undefined ? { programs } : {}),
  };
}

/** Every string of a capture, for the final check. */
export function captureStrings(data: CaptureData): string[] {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        out.push(key);
        walk(item);
      }
    }
  };
  walk(data);
  return out;
}

/**
 * Removes what identifies the person or network from a capture. Runs twice, so a name learnt late
 * (an account in /etc/passwd, a Wi-Fi name) is also removed from what came before it; then checks
 * that none of the removed values is left anywhere, and throws RedactionError if one is.
 */
export function redactCapture(
  data: CaptureData,
  known: KnownIdentifiers,
): { capture: CaptureData; report: RedactionReport } {
  const r = new Redactor(known);
  redactPass(data, r);
  r.resetCounts();
  const redacted = redactPass(data, r);
  r.verify(captureStrings(redacted));
  const report = r.report();
  return { capture: { ...redacted, redacted: { ...report.byKind } }, report };
}
