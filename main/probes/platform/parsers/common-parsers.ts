/** Small parsing helpers shared by the per-OS parsers. All pure. */

/** Removes a UTF-8 byte-order mark, which Windows tools like to prepend. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** JSON.parse that returns undefined instead of throwing. */
export function tryParseJson(text: string): unknown {
  const clean = stripBom(text).trim();
  if (clean === '') return undefined;
  try {
    return JSON.parse(clean) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Windows PowerShell 5.1 can write an array as `{"value":[…],"Count":n}` (an extended `Count` property on
 * System.Array, PowerShell issue #5579). This turns that wrapper, nested or not, back into the array.
 */
export function unwrapPsArray(value: unknown): unknown {
  let v = value;
  while (
    isRecord(v) &&
    Array.isArray(v.value) &&
    typeof v.Count === 'number' &&
    v.Count === v.value.length &&
    Object.keys(v).length === 2
  ) {
    v = v.value;
  }
  return v;
}

/** PowerShell emits one object or an array of them; null or missing means none. */
export function asArray(value: unknown): unknown[] {
  const v = unwrapPsArray(value);
  if (v === null || v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

export function asRecords(value: unknown): Record<string, unknown>[] {
  return asArray(value).filter(isRecord);
}

/**
 * A list where a missing value means "not read", never "none": null when the value is missing.
 * One object counts as a list of one (PowerShell unrolls single-item lists).
 */
export function asList(value: unknown): unknown[] | null {
  const v = unwrapPsArray(value);
  if (v === null || v === undefined) return null;
  return Array.isArray(v) ? v : [v];
}

/** A list of objects, or null when it is missing or anything in it is not an object. */
export function asRecordList(value: unknown): Record<string, unknown>[] | null {
  const list = asList(value);
  return list && list.every(isRecord) ? list : null;
}

/** An object (after undoing the PowerShell array wrapper), or null. */
export function asRecord(value: unknown): Record<string, unknown> | null {
  const v = unwrapPsArray(value);
  return isRecord(v) ? v : null;
}

/** A whole number written as a JSON number (what PowerShell emits for [int] values); text is not accepted. */
export function asInt(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
}

/** A JSON boolean; anything else (including "True" or 1) is null. */
export function asStrictBool(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

export function asNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

export function asString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * Booleans as PowerShell and registries spell them: true/false, 1/0, "True"/"False", "1"/"0".
 * Anything else (e.g. "NotConfigured") is null.
 */
export function asBool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === '1') return true;
  if (value === 0 || value === '0') return false;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'true' || v === 'yes' || v === 'on') return true;
    if (v === 'false' || v === 'no' || v === 'off') return false;
  }
  return null;
}

/**
 * The lines of a command's output that were finished with a newline (without the line ends). Every tool
 * ends its output with one, so a last line without it was cut off and must not be read.
 */
export function completeLines(text: string): string[] {
  const lines = stripBom(text).split('\n');
  lines.pop();
  return lines.map((l) => l.replace(/\r$/, ''));
}

/** True when an output ends with a newline, i.e. was not cut off in the middle of its last line. */
export function isCompleteOutput(text: string): boolean {
  return text.endsWith('\n');
}

/** key=value files (os-release, ufw.conf, login.defs with whitespace). Quotes are removed. */
export function parseKeyValues(text: string, separator: RegExp = /=/): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of stripBom(text).split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const match = separator.exec(line);
    if (!match || match.index === 0) continue;
    const key = line.slice(0, match.index).trim();
    let value = line.slice(match.index + match[0].length).trim();
    if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) {
      value = value.slice(1, -1);
    }
    out[key] = value;
  }
  return out;
}

/** INI files (KDE rc files, GDM, LightDM, SDDM): section → key → value. Keys before any section go under "". */
export function parseIni(text: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = { '': {} };
  let section = '';
  for (const raw of stripBom(text).split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = header[1] ?? '';
      out[section] ??= {};
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const bucket = (out[section] ??= {});
    bucket[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return out;
}
