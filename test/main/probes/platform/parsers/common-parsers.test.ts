import { describe, expect, it } from 'vitest';

import {
  asArray,
  asBool,
  asNumber,
  parseIni,
  parseKeyValues,
  stripBom,
  tryParseJson,
} from '../../../../../main/probes/platform/parsers/common-parsers';

describe('common parsers', () => {
  it('strips a byte-order mark before parsing JSON', () => {
    expect(tryParseJson('\ufeff{"a":1}')).toEqual({ a: 1 });
    expect(stripBom('abc')).toBe('abc');
  });

  it('returns undefined for empty or broken JSON', () => {
    expect(tryParseJson('')).toBeUndefined();
    expect(tryParseJson('{"a":')).toBeUndefined();
  });

  it('treats one object like a list of one, and null like none', () => {
    expect(asArray({ a: 1 })).toEqual([{ a: 1 }]);
    expect(asArray(null)).toEqual([]);
    expect(asArray([1, 2])).toEqual([1, 2]);
  });

  it('reads booleans the way PowerShell and registries write them', () => {
    expect([true, 1, '1', 'True', 'yes'].map(asBool)).toEqual([true, true, true, true, true]);
    expect([false, 0, '0', 'False', 'no'].map(asBool)).toEqual([false, false, false, false, false]);
    expect(asBool('NotConfigured')).toBeNull();
  });

  it('reads numbers from numbers and numeric strings only', () => {
    expect(asNumber('900')).toBe(900);
    expect(asNumber(12.5)).toBe(12.5);
    expect(asNumber('9 min')).toBeNull();
    expect(asNumber(Number.NaN)).toBeNull();
  });

  it('parses key=value and INI text, ignoring comments', () => {
    expect(parseKeyValues('# c\nA="x y"\nB=2\n')).toEqual({ A: 'x y', B: '2' });
    expect(parseIni('top=1\n[S]\nk = v\n; c\n')).toEqual({ '': { top: '1' }, S: { k: 'v' } });
  });
});
