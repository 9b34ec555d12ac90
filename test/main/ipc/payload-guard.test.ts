import { describe, expect, it } from 'vitest';

import { checkPayloadShape, defaultPayloadLimits, type PayloadLimits } from '../../../main/ipc/payload-guard';

const marker = 'MARKER-51c0';

const small: PayloadLimits = { maxDepth: 2, maxKeys: 3, maxStringLength: 5, maxArrayLength: 2 };

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
