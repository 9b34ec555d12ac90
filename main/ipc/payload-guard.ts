/**
 * Structural checks on a payload before zod sees it. IPC and HTTP deliver data from a less
 * trusted process, so refuse anything that is not plain JSON-shaped data of modest size.
 */
export interface PayloadLimits {
  readonly maxDepth: number;
  readonly maxKeys: number;
  readonly maxStringLength: number;
  readonly maxArrayLength: number;
}

export const defaultPayloadLimits: PayloadLimits = {
  maxDepth: 12,
  maxKeys: 2000,
  maxStringLength: 64 * 1024,
  maxArrayLength: 1000,
};

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** Returns null when the payload is plain data within limits, else a short reason (no values echoed). */
export function checkPayloadShape(payload: unknown, limits: PayloadLimits = defaultPayloadLimits): string | null {
  let keys = 0;
  const visit = (value: unknown, depth: number, isProperty: boolean): string | null => {
    if (depth > limits.maxDepth) return 'is nested too deeply';
    if (value === null) return null;
    // Structured clone keeps `{ key: undefined }` where JSON drops the key: treat both as absent.
    if (value === undefined && isProperty) return null;
    switch (typeof value) {
      case 'string':
        return value.length > limits.maxStringLength ? 'contains a string that is too long' : null;
      case 'number':
        return Number.isFinite(value) ? null : 'contains a number that is not finite';
      case 'boolean':
        return null;
      case 'object':
        break;
      default:
        return `contains a value of type ${typeof value}`;
    }
    if (Array.isArray(value)) {
      if (value.length > limits.maxArrayLength) return 'contains a list that is too long';
      for (const item of value) {
        const problem = visit(item, depth + 1, false);
        if (problem) return problem;
      }
      return null;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return 'contains a value that is not plain data';
    for (const key of Reflect.ownKeys(value)) {
      if (typeof key !== 'string') return 'contains a symbol key';
      if (forbiddenKeys.has(key)) return `contains the forbidden key "${key}"`;
      keys += 1;
      if (keys > limits.maxKeys) return 'has too many keys';
      const problem = visit((value as Record<string, unknown>)[key], depth + 1, true);
      if (problem) return problem;
    }
    return null;
  };
  // A missing payload (undefined) means "no arguments".
  return visit(payload, 0, true);
}
