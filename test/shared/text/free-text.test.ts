import { describe, expect, it } from 'vitest';

import { hiddenFreeTextCharacter, normaliseLineBreaks, showFreeText } from '../../../shared/text/free-text';
import { hasHiddenCharacters } from '../../../shared/text/visible-text';

const hex = (char: string | null) =>
  char === null ? null : `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

describe('free text: emoji sequences are kept whole', () => {
  it.each([
    ['a heart with its emoji variation selector (U+FE0F)', 'Thanks \u2764\ufe0f'],
    ['a smiley asking for text style (U+FE0E)', 'Fine \u263a\ufe0e'],
    ['a keycap: digit, U+FE0F, U+20E3', 'Step 1\ufe0f\u20e3 done'],
    ['a # keycap', '#\ufe0f\u20e3'],
    ['a family joined with U+200D', '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}'],
    ['a skin-tone modifier', 'Good \u{1f44d}\u{1f3ff}'],
    ['a skin tone inside a joined sequence', '\u{1f469}\u{1f3fd}\u200d\u{1f4bb}'],
    ['a hair component joined on', '\u{1f9d1}\u200d\u{1f9b0}'],
    ['a joiner after an accepted variation selector (rainbow flag)', '\u{1f3f3}\ufe0f\u200d\u{1f308}'],
    ['a heart on fire', '\u2764\ufe0f\u200d\u{1f525}'],
    ['the flag of Scotland (tag sequence)', '\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}'],
    ['the flag of Wales next to text', 'Cardiff \u{1f3f4}\u{e0067}\u{e0062}\u{e0077}\u{e006c}\u{e0073}\u{e007f}!'],
  ])('accepts %s', (_name, text) => {
    expect(hiddenFreeTextCharacter(text)).toBeNull();
    expect(showFreeText(text)).toBe(text);
  });

  it.each([
    ['a variation selector after a letter', 'a\ufe0fb', 'U+FE0F'],
    ['a variation selector with nothing before it', '\ufe0f', 'U+FE0F'],
    ['a second variation selector', '\u2764\ufe0f\ufe0f', 'U+FE0F'],
    ['a joiner between letters', 'a\u200db', 'U+200D'],
    ['a joiner at the start', '\u200d\u{1f44d}', 'U+200D'],
    ['a joiner at the end', '\u{1f44d}\u200d', 'U+200D'],
    ['a joiner between digits', '1\u200d2', 'U+200D'],
    ['tag letters without the cancel tag', '\u{1f3f4}\u{e0067}\u{e0062} x', 'U+E0067'],
    ['tag letters without the black flag', 'x\u{e0067}\u{e007f}', 'U+E0067'],
    ['a cancel tag alone after the black flag', '\u{1f3f4}\u{e007f}', 'U+E007F'],
    // Tag letters are invisible: beyond the three flags they could carry hidden words or a client code.
    [
      'a client code spelt in tag letters after the black flag',
      `\u{1f3f4}${[...'ab017'].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('')}\u{e007f}`,
      'U+E0061',
    ],
    ['a right-to-left override after an emoji', '\u{1f44d}\u202e', 'U+202E'],
    ['a left-to-right embedding', 'a\u202ab', 'U+202A'],
    ['a pop directional formatting', 'a\u202cb', 'U+202C'],
    ['a first-strong isolate', 'a\u2068b', 'U+2068'],
    ['a pop directional isolate', 'a\u2069b', 'U+2069'],
    ['a zero-width space', 'a\u200bb', 'U+200B'],
    ['a left-to-right mark', 'a\u200eb', 'U+200E'],
    ['a right-to-left mark', 'a\u200fb', 'U+200F'],
    ['an escape', 'a\u001b[2Jb', 'U+001B'],
    ['a C1 control', 'a\u009bb', 'U+009B'],
    ['a line separator', 'a\u2028b', 'U+2028'],
    ['a byte-order mark', '\ufeffa', 'U+FEFF'],
  ])('refuses %s, naming it, and shows it as <U+XXXX>', (_name, text, name) => {
    expect(hex(hiddenFreeTextCharacter(text))).toBe(name);
    expect(showFreeText(text)).toContain(`<${name}>`);
  });
});

describe('free text: the strict rule is unchanged', () => {
  it('still finds the variation selector, joiner and tags hidden, as in a client code', () => {
    for (const text of [
      '\u2764\ufe0f',
      '\u{1f468}\u200d\u{1f469}',
      '\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}',
    ])
      expect(hasHiddenCharacters(text)).toBe(true);
  });
});

describe('free text: line breaks', () => {
  it('turns CRLF and lone CR into LF, and then finds nothing hidden', () => {
    expect(normaliseLineBreaks('one\r\ntwo\rthree\nfour')).toBe('one\ntwo\nthree\nfour');
    expect(hiddenFreeTextCharacter('one\r\ntwo\rthree')).toBeNull();
    expect(showFreeText('one\r\ntwo\r\tthree')).toBe('one\ntwo\n\tthree');
  });
});
