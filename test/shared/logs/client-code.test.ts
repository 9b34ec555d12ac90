import { describe, expect, it } from 'vitest';

import {
  checkClientCode,
  clientCodeInputSchema,
  clientCodeKey,
  hiddenCharactersError,
  legacyClientCodeKey,
  normalizeClientCode,
} from '../../../shared/logs/client-code';

/** Real attack strings and invisible look-alikes, each hidden inside an otherwise ordinary code. */
const hiddenCharacters: readonly [string, string][] = [
  ['an ESC sequence that clears the screen', '\u001b[2J'],
  ['an OSC sequence that retitles the terminal', '\u001b]0;owned\u0007'],
  ['a one-byte C1 CSI', '\u009b31m'],
  ['a NUL', '\u0000'],
  ['DEL', '\u007f'],
  ['a tab', '\t'],
  ['a line feed', '\n'],
  ['a right-to-left override', '\u202e'],
  ['a right-to-left isolate', '\u2067'],
  ['a left-to-right mark', '\u200e'],
  ['an Arabic letter mark', '\u061c'],
  ['a zero-width space', '\u200b'],
  ['a zero-width joiner', '\u200d'],
  ['a word joiner', '\u2060'],
  ['a byte-order mark', '\ufeff'],
  ['a soft hyphen', '\u00ad'],
  ['a variation selector', '\ufe0f'],
  ['a Hangul filler', '\u3164'],
  ['a tag character', '\u{e0041}'],
  ['a line separator', '\u2028'],
  ['a no-break space', '\u00a0'],
  ['an ideographic space', '\u3000'],
  ['a lone surrogate', '\ud800'],
];

describe('client-code', () => {
  it('accepts ordinary pseudonymous codes without warnings', () => {
    for (const code of ['AB-017', 'c12', 'Grp 3 #4', 'K/22', 'zz_9.1', 'Zoë-1', 'Ærø 7', 'Кирил-2', '太郎-3']) {
      expect(checkClientCode(code), code).toEqual({ valid: true, error: null, warnings: [], code });
    }
  });

  it('warns about codes that look like an e-mail address, a phone number or a name', () => {
    expect(checkClientCode('jane@example.org').warnings).toContain('looks-like-email');
    expect(checkClientCode('+44 7700 900123').warnings).toContain('looks-like-phone');
    expect(checkClientCode('Jane Smith').warnings).toContain('looks-like-name');
    expect(checkClientCode('Margaret').warnings).toContain('looks-like-name');
    // Warned, not blocked: the characters that made it warn are allowed.
    expect(checkClientCode('jane@example.org')).toMatchObject({ valid: true, code: 'jane@example.org' });
    expect(checkClientCode('+44 (0)7700 900123').valid).toBe(true);
  });

  it('refuses empty, over-long and odd codes with a plain reason', () => {
    expect(checkClientCode('   ')).toMatchObject({ valid: false, error: 'Enter a client code.' });
    expect(checkClientCode('A'.repeat(41)).valid).toBe(false);
    expect(checkClientCode('<script>').valid).toBe(false);
  });

  describe.each([
    ['a plain code', (h: string) => `AB${h}-017`],
    ['an e-mail-like code (the "@" skipped every character check)', (h: string) => `jane${h}@example.org`],
    ['a phone-like code', (h: string) => `+44 7700${h}900123`],
    ['a name-like code', (h: string) => `Jane${h} Smith`],
  ])('in %s', (_label, make) => {
    it.each(hiddenCharacters)('refuses %s', (_what, hidden) => {
      const result = checkClientCode(make(hidden));
      expect(result).toMatchObject({ valid: false, error: hiddenCharactersError, warnings: [] });
      expect(clientCodeInputSchema.safeParse(make(hidden)).success).toBe(false);
    });
  });

  it('stores codes in NFC, trimmed, wherever they come from', () => {
    expect(normalizeClientCode(' Zoe\u0308-1 ')).toBe('Zo\u00eb-1');
    expect(checkClientCode('Zoe\u0308-1')).toMatchObject({ valid: true, code: 'Zo\u00eb-1' });
    expect(clientCodeInputSchema.parse('  Zoe\u0308-1  ')).toBe('Zo\u00eb-1');
    // A combining mark with nothing to combine with stays refused by the ordinary pattern.
    expect(checkClientCode('AB-017\u0301').valid).toBe(false);
  });

  it('compares codes ignoring case, spaces around them and Unicode form', () => {
    expect(clientCodeKey(' ab-017 ')).toBe(clientCodeKey('AB-017'));
    expect(clientCodeKey('Zo\u00eb-1')).toBe(clientCodeKey('Zoe\u0308-1'));
    expect(clientCodeKey('AB-017')).not.toBe(clientCodeKey('AB-018'));
  });

  it('finds a stored look-alike by what it looks like', () => {
    for (const lookalike of ['AB\u200b-017', '\ufeffAB-017', 'AB-\u202d017', 'AB-017\u200e', 'AB\u00ad-017'])
      expect(clientCodeKey(lookalike), JSON.stringify(lookalike)).toBe(clientCodeKey('AB-017'));
    expect(clientCodeKey('Grp\u00a0 3')).toBe(clientCodeKey('Grp 3'));
    expect(clientCodeKey('jane@x.org\u001b[2J')).toBe(clientCodeKey('jane@x.org[2J'));
    // Different visible characters are different clients, even if a font draws them alike.
    expect(clientCodeKey('\u0410B-017')).not.toBe(clientCodeKey('AB-017')); // Cyrillic A
    expect(clientCodeKey('\uff21B-017')).not.toBe(clientCodeKey('AB-017')); // full-width A
  });

  it('keeps the older comparison form for erasure records filed before', () => {
    expect(legacyClientCodeKey(' grp  3 ')).toBe('GRP  3');
    expect(legacyClientCodeKey('AB\u200b-017')).toBe('AB\u200b-017');
    expect(legacyClientCodeKey('ab-017')).toBe(clientCodeKey('AB-017'));
  });
});
