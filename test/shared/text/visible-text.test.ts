import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  hasHiddenCharacters,
  jsonForTerminal,
  showHiddenCharacters,
  withoutHiddenCharacters,
} from '../../../shared/text/visible-text';

/** What a terminal or a bidi-aware display acts on: C0 and C1 controls, DEL, bidi and zero-width characters. */
// eslint-disable-next-line no-control-regex -- these are exactly what must never be printed
const actedOn = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/u;

describe('visible-text', () => {
  it('spells out each hidden character as <U+XXXX>', () => {
    expect(showHiddenCharacters('jane\u001b[2J')).toBe('jane<U+001B>[2J');
    expect(showHiddenCharacters('lee\u202egro')).toBe('lee<U+202E>gro');
    expect(showHiddenCharacters('AB\u200b-017')).toBe('AB<U+200B>-017');
    expect(showHiddenCharacters('tag\u{e0041}')).toBe('tag<U+E0041>');
    expect(showHiddenCharacters('kim\u009b31m')).toBe('kim<U+009B>31m');
    expect(showHiddenCharacters('Zoë, 太郎, Кирил')).toBe('Zoë, 太郎, Кирил');
  });

  it('keeps line breaks and tabs only when asked to', () => {
    expect(showHiddenCharacters('a\nb\tc')).toBe('a<U+000A>b<U+0009>c');
    expect(showHiddenCharacters('a\nb\tc\u001b', { keepLineBreaks: true })).toBe('a\nb\tc<U+001B>');
  });

  it('leaves nothing a terminal would act on, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(showHiddenCharacters(text)).not.toMatch(actedOn);
        expect(withoutHiddenCharacters(text)).not.toMatch(actedOn);
        expect(hasHiddenCharacters(withoutHiddenCharacters(text))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('writes JSON that reads back as the same value, with no hidden character raw', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.string({ unit: 'binary' }), (value, text) => {
        for (const v of [value, { text }, [text, value]]) {
          const json = jsonForTerminal(v);
          expect(json).not.toMatch(actedOn);
          expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(v)));
        }
      }),
      { numRuns: 300 },
    );
    expect(jsonForTerminal({ code: 'kim\u009b31m\u{e0041}' })).toBe('{"code":"kim\\u009b31m\\udb40\\udc41"}');
  });
});
