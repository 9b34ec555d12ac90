/**
 * Structural checks on a payload before zod sees it. IPC and HTTP deliver data from a less
 * trusted process, so refuse anything that is not plain JSON-shaped data of modest size.
 */
export interface PayloadLimits {
  readonly maxDepth: number;
  readonly maxKeys: number;
  readonly maxStringLength: number;
  readonly maxArrayLength: number;
  /** The whole request as JSON, in UTF-8 bytes. */
  readonly maxSerializedBytes: number;
}

/** About 1 MB: far above any real request (a readiness log with every check is tens of kilobytes). */
export const maxRequestBytes = 1024 * 1024;

export const defaultPayloadLimits: PayloadLimits = {
  maxDepth: 12,
  maxKeys: 2000,
  maxStringLength: 64 * 1024,
  maxArrayLength: 1000,
  maxSerializedBytes: maxRequestBytes,
};

const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8');

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** Returns null when the payload is plain data within limits, else a short reason (no values echoed). */
export function checkPayloadShape(payload: unknown, limits: PayloadLimits = defaultPayloadLimits): string | null {
  let keys = 0;
  // The size of the request as JSON, counted as we go so a huge payload is refused without being copied.
  let bytes = 0;
  const tooLarge = `is too large (over ${Math.round(limits.maxSerializedBytes / 1024 / 1024)} MB)`;
  const add = (n: number) => (bytes += n) > limits.maxSerializedBytes;
  const visit = (value: unknown, depth: number, isProperty: boolean): string | null => {
    if (depth > limits.maxDepth) return 'is nested too deeply';
    if (value === null) return add(4) ? tooLarge : null;
    // Structured clone keeps `{ key: undefined }` where JSON drops the key: treat both as absent.
    if (value === undefined && isProperty) return null;
    switch (typeof value) {
      case 'string':
        if (value.length > limits.maxStringLength) return 'contains a string that is too long';
        return add(utf8Length(JSON.stringify(value))) ? tooLarge : null;
      case 'number':
        if (!Number.isFinite(value)) return 'contains a number that is not finite';
        return add(String(value).length) ? tooLarge : null;
      case 'boolean':
        return add(value ? 4 : 5) ? tooLarge : null;
      case 'object':
        break;
      default:
        return `contains a value of type ${typeof value}`;
    }
    if (Array.isArray(value)) {
      if (value.length > limits.maxArrayLength) return 'contains a list that is too long';
      // Brackets and the commas between items.
      if (add(2 + Math.max(0, value.length - 1))) return tooLarge;
      for (const item of value) {
        const problem = visit(item, depth + 1, false);
        if (problem) return problem;
      }
      return null;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return 'contains a value that is not plain data';
    if (add(2)) return tooLarge;
    let written = 0;
    for (const key of Reflect.ownKeys(value)) {
      if (typeof key !== 'string') return 'contains a symbol key';
      if (forbiddenKeys.has(key)) return `contains the forbidden key "${key}"`;
      keys += 1;
      if (keys > limits.maxKeys) return 'has too many keys';
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined) continue;
      // "key": and a comma before every member but the first.
      if (add(utf8Length(JSON.stringify(key)) + 1 + (written > 0 ? 1 : 0))) return tooLarge;
      written += 1;
      const problem = visit(item, depth + 1, true);
      if (problem) return problem;
    }
    return null;
  };
  // A missing payload (undefined) means "no arguments".
  return visit(payload, 0, true);
}
