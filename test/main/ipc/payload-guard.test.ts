import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  checkPayloadShape,
  defaultPayloadLimits,
  maxRequestBytes,
  type PayloadLimits,
} from '../../../main/ipc/payload-guard';

const marker = 'MARKER-51c0';

const small: PayloadLimits = {
  maxDepth: 2,
  maxKeys: 3,
  maxStringLength: 5,
  maxArrayLength: 2,
  maxSerializedBytes: 1000,
};
const roomy: PayloadLimits = { ...defaultPayloadLimits, maxDepth: 50, maxKeys: 1e6, maxArrayLength: 1e6 };
const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** `count` members of `size` bytes each (within the string limit), so the whole request is about count × size. */
function wide(count: number, size: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, 'x'.repeat(size)]));
}

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = { down: value };
  return value;
}

describe('checkPayloadShape', () => {
  it.each([
    ['an empty object', {}],
    ['null', null],
    ['a string', 'text'],
    ['a finite number', -12.5],
    ['a boolean', false],
    ['an empty list', []],
    ['nested plain data', { a: [1, 'two', { three: null, four: true }], b: { c: { d: 'e' } } }],
    ['an object without a prototype', Object.assign(Object.create(null) as object, { a: 1 })],
    ['a JSON round trip', JSON.parse('{"ids":["p_1"],"force":true,"n":0}') as unknown],
  ])('accepts %s', (_label, payload) => {
    expect(checkPayloadShape(payload)).toBeNull();
  });

  it.each([
    ['a function', () => marker, 'contains a value of type function'],
    ['a symbol', Symbol(marker), 'contains a value of type symbol'],
    ['a bigint', 7n, 'contains a value of type bigint'],
    ['NaN', Number.NaN, 'contains a number that is not finite'],
    ['Infinity', Number.POSITIVE_INFINITY, 'contains a number that is not finite'],
    ['-Infinity', Number.NEGATIVE_INFINITY, 'contains a number that is not finite'],
    ['a Date', new Date(0), 'contains a value that is not plain data'],
    ['a Map', new Map([[marker, marker]]), 'contains a value that is not plain data'],
    ['a Set', new Set([marker]), 'contains a value that is not plain data'],
    ['a RegExp', new RegExp(marker), 'contains a value that is not plain data'],
    ['an Error', new Error(marker), 'contains a value that is not plain data'],
    ['a typed array', new Uint8Array([1, 2]), 'contains a value that is not plain data'],
    [
      'a class instance',
      new (class Thing {
        readonly x = marker;
      })(),
      'contains a value that is not plain data',
    ],
    ['a boxed string', Object(marker) as object, 'contains a value that is not plain data'],
  ])('refuses %s, at the top and nested in objects and lists', (_label, value, reason) => {
    expect(checkPayloadShape(value)).toBe(reason);
    expect(checkPayloadShape({ a: { b: value } })).toBe(reason);
    expect(checkPayloadShape({ list: [1, value] })).toBe(reason);
  });

  it('treats undefined as absent at the top and as an object value, as JSON would', () => {
    expect(checkPayloadShape(undefined)).toBeNull();
    expect(checkPayloadShape({ force: undefined })).toBeNull();
  });

  it('refuses undefined inside a list, where JSON would turn it into null', () => {
    expect(checkPayloadShape({ list: [1, undefined] })).toBe('contains a value of type undefined');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key "%s", however it was made', (key) => {
    const parsed = JSON.parse(`{"${key}": {"polluted": true}}`) as unknown;
    const defined = Object.defineProperty({}, key, { value: { polluted: true }, enumerable: true });
    const hidden = Object.defineProperty({}, key, { value: 1, enumerable: false });
    const reason = `contains the forbidden key "${key}"`;
    expect(checkPayloadShape(parsed)).toBe(reason);
    expect(checkPayloadShape(defined)).toBe(reason);
    expect(checkPayloadShape(hidden)).toBe(reason);
    expect(checkPayloadShape({ deep: [{ inner: parsed }] })).toBe(reason);
  });

  it('refuses symbol keys, even non-enumerable ones', () => {
    expect(checkPayloadShape({ [Symbol('k')]: 1 })).toBe('contains a symbol key');
    expect(checkPayloadShape(Object.defineProperty({}, Symbol('k'), { value: 1, enumerable: false }))).toBe(
      'contains a symbol key',
    );
  });

  it('allows strings up to the limit and refuses longer ones', () => {
    expect(checkPayloadShape('a'.repeat(defaultPayloadLimits.maxStringLength))).toBeNull();
    expect(checkPayloadShape({ s: 'a'.repeat(defaultPayloadLimits.maxStringLength + 1) })).toBe(
      'contains a string that is too long',
    );
    expect(checkPayloadShape('abcde', small)).toBeNull();
    expect(checkPayloadShape(['abcdef'], small)).toBe('contains a string that is too long');
  });

  it('allows lists up to the limit and refuses longer ones', () => {
    expect(checkPayloadShape(new Array<number>(defaultPayloadLimits.maxArrayLength).fill(1))).toBeNull();
    expect(checkPayloadShape({ l: new Array<number>(defaultPayloadLimits.maxArrayLength + 1).fill(1) })).toBe(
      'contains a list that is too long',
    );
    expect(checkPayloadShape(new Array<number>(5_000_000).fill(0))).toBe('contains a list that is too long');
  });

  it('allows nesting down to the limit and refuses deeper', () => {
    expect(checkPayloadShape(nested(defaultPayloadLimits.maxDepth))).toBeNull();
    expect(checkPayloadShape(nested(defaultPayloadLimits.maxDepth + 1))).toBe('is nested too deeply');
    expect(checkPayloadShape([[['x']]], small)).toBe('is nested too deeply');
  });

  it('stops early on very deep or cyclic data instead of overflowing the stack', () => {
    expect(checkPayloadShape(nested(200_000))).toBe('is nested too deeply');
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(checkPayloadShape(loop)).toBe('is nested too deeply');
    const list: unknown[] = [];
    list.push(list);
    expect(checkPayloadShape(list)).toBe('is nested too deeply');
  });

  it('counts keys across the whole payload', () => {
    expect(checkPayloadShape({ a: 1, b: 2, c: 3 }, small)).toBeNull();
    expect(checkPayloadShape({ a: 1, b: { c: 3, d: 4 } }, small)).toBe('has too many keys');
    const spread = { a: Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`a${i}`, i])), b: {} as object };
    spread.b = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`b${i}`, i]));
    expect(checkPayloadShape(spread)).toBe('has too many keys');
  });

  it('measures the request exactly as its JSON would be, in UTF-8 bytes', () => {
    fc.assert(
      // Generated keys may be "__proto__" and the like, refused for their own reason.
      fc.property(
        fc.jsonValue().filter((v) => !/"(__proto__|constructor|prototype)":/.test(JSON.stringify(v))),
        (value) => {
          const size = jsonBytes(value);
          expect(checkPayloadShape(value, { ...roomy, maxSerializedBytes: size })).toBeNull();
          expect(checkPayloadShape(value, { ...roomy, maxSerializedBytes: size - 1 })).toBe('is too large (over 0 MB)');
        },
      ),
      { numRuns: 300 },
    );
    expect(jsonBytes({ a: 'é', b: [1, true, null] })).toBe(28);
    expect(
      checkPayloadShape({ a: 'é', b: [1, true, null], c: undefined }, { ...roomy, maxSerializedBytes: 28 }),
    ).toBeNull();
  });

  it('refuses a request over about 1 MB in total, even when every part is within its own limit', () => {
    const justUnder = wide(16, 64 * 1024 - 32);
    expect(jsonBytes(justUnder)).toBeLessThanOrEqual(maxRequestBytes);
    expect(checkPayloadShape(justUnder)).toBeNull();
    const over = wide(17, 64 * 1024 - 32);
    expect(jsonBytes(over)).toBeGreaterThan(maxRequestBytes);
    expect(checkPayloadShape(over)).toBe('is too large (over 1 MB)');
    // Many small values add up too.
    expect(checkPayloadShape({ l: Array.from({ length: 900 }, () => wide(1, 2000)) })).toBe('is too large (over 1 MB)');
  });

  it('counts multi-byte characters by their UTF-8 size', () => {
    const text = '€'.repeat(60_000); // 3 bytes each: 180 kB of JSON from 60,000 characters
    expect(checkPayloadShape({ a: text, b: text, c: text, d: text, e: text, f: text })).toBe(
      'is too large (over 1 MB)',
    );
    expect(checkPayloadShape({ a: text, b: text, c: text, d: text, e: text })).toBeNull();
  });

  it('never echoes a value or a key other than the forbidden ones in its reason', () => {
    const payloads: unknown[] = [
      { [marker]: () => 1 },
      { a: `${marker}${'x'.repeat(70_000)}` },
      { [marker]: new Date() },
      { [marker]: Number.NaN },
      [marker, Symbol(marker)],
    ];
    for (const payload of payloads) {
      const reason = checkPayloadShape(payload);
      expect(reason).not.toBeNull();
      expect(reason).not.toContain(marker);
    }
  });
});
