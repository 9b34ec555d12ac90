import { describe, expect, it } from 'vitest';

import {
  clientCodePlaceholder,
  createClientCodeRedactor,
  withClientCodes,
} from '../../../shared/text/client-code-redaction';

const redact = (codes: readonly string[], text: string) => createClientCodeRedactor(codes).redact(text);

describe('createClientCodeRedactor', () => {
  it('replaces every known code in a text with the placeholder', () => {
    expect(redact(['AB-017', 'CD-204'], 'AB-017 was late; CD-204 too, and AB-017 again.')).toBe(
      '[client] was late; [client] too, and [client] again.',
    );
    expect(clientCodePlaceholder).toBe('[client]');
  });

  it('ignores case, also beyond ASCII', () => {
    expect(redact(['AB-017'], 'ab-017 and Ab-017')).toBe('[client] and [client]');
    expect(redact(['Straße-1'], 'STRASSE-1 called')).toBe('[client] called');
    expect(redact(['ÉLAN-2'], 'élan-2 called')).toBe('[client] called');
    // Lower-cased as a word, "ΑΣ" would end in a final sigma that "ασ" does not have.
    expect(redact(['ΑΣ-1'], 'ας-1, ασ-1 and ΑΣ-1')).toBe('[client], [client] and [client]');
  });

  it('treats Unicode forms as one: decomposed accents, full-width letters, ligatures', () => {
    expect(redact(['Zoë-3'], 'Zoe\u0308-3 called')).toBe('[client] called');
    expect(redact(['Zoe\u0308-3'], 'Zoë-3 called')).toBe('[client] called');
    expect(redact(['AB-017'], 'ＡＢ－０１７ called')).toBe('[client] called');
    expect(redact(['FI-9'], 'ﬁ-9 called')).toBe('[client] called');
  });

  it('finds a code whose separators are written with extra, other or no-break spaces, or none', () => {
    const codes = ['AB-017', 'JO 12'];
    expect(redact(codes, 'AB - 017 | AB  -017 | AB\u00a0-\u00a0017 | AB\u202f017 | AB017 | AB_017')).toBe(
      '[client] | [client] | [client] | [client] | [client] | [client]',
    );
    expect(redact(codes, 'JO  12, jo\u00a012, JO\n12, JO-12')).toBe('[client], [client], [client], [client]');
  });

  it('takes any dash for the hyphen, as a word processor writes it', () => {
    // En dash, hyphen, non-breaking hyphen, minus sign, em dash, and Word's spaced en dash.
    expect(redact(['AB-017'], 'AB\u2013017 AB\u2010017 ab\u2011017 AB\u2212017 AB\u2014017 AB \u2013 017')).toBe(
      '[client] [client] [client] [client] [client] [client]',
    );
  });

  it('ignores hidden characters pasted into a code, and keeps the text around it as it was', () => {
    expect(redact(['AB-017'], 'Note: AB\u200b-017, done.')).toBe('Note: [client], done.');
    expect(redact(['AB-017'], 'Café with ab-017 ’today’')).toBe('Café with [client] ’today’');
  });

  it('never takes a code out of a longer word or code, and prefers the longest code', () => {
    expect(redact(['AB-01'], 'AB-017 and XAB-01 and AB-01x stay; AB-01. goes')).toBe(
      'AB-017 and XAB-01 and AB-01x stay; [client]. goes',
    );
    expect(redact(['AB-01', 'AB-017'], 'AB-017 and AB-01')).toBe('[client] and [client]');
    expect(redact(['AB', 'AB-017'], 'AB-017 then AB')).toBe('[client] then [client]');
    expect(redact(['AB-01', 'AB-01-X'], 'ab-01-x')).toBe('[client]');
  });

  it('treats regex characters in a code as plain characters', () => {
    expect(redact(['@SUM(A1:A2)'], 'Odd code @SUM(A1:A2) and @sum( a1 : a2 ) here')).toBe(
      'Odd code [client] and [client] here',
    );
    expect(redact(['A.1'], 'AX1 stays, A.1 goes')).toBe('AX1 stays, [client] goes');
    expect(redact(['C++'], 'C++ and C+')).toBe('[client] and C+');
    expect(redact(['a|b', 'x*'], 'a or b, a|b, xxx, x*')).toBe('a or b, [client], xxx, [client]');
    expect(redact(['Q[1]\\$'], 'q[1]\\$')).toBe('[client]');
  });

  it('leaves the text alone when it knows no code, or the text holds none', () => {
    expect(redact([], 'AB-017 was late')).toBe('AB-017 was late');
    expect(redact(['', '  ', '\u200b'], 'AB-017 was late')).toBe('AB-017 was late');
    expect(redact(['AB-017'], '')).toBe('');
    expect(redact(['AB-017'], 'Nothing to see.')).toBe('Nothing to see.');
  });

  it('says which codes it knows, case, spacing and Unicode forms aside', () => {
    const redactor = createClientCodeRedactor(['AB-017']);
    expect(redactor.knows('ab - 017')).toBe(true);
    expect(redactor.knows('ＡＢ-017')).toBe(true);
    expect(redactor.knows('AB-01')).toBe(false);
    expect(redactor.knows('')).toBe(false);
  });

  it('scans many notes against many codes quickly', () => {
    const codes = Array.from({ length: 2000 }, (_, i) => `C${String(i).padStart(4, '0')}-X`);
    const redactor = createClientCodeRedactor(codes);
    const started = performance.now();
    let blanked = 0;
    for (let i = 0; i < 20_000; i += 1) {
      const note = `Session with C${String(i % 2000).padStart(4, '0')}-X went fine; café ${i}, nothing else to say here.`;
      if (redactor.redact(note).includes('[client]')) blanked += 1;
    }
    expect(blanked).toBe(20_000);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('withClientCodes', () => {
  it('adds a record’s own codes the redactor did not know, still preferring the longer code', () => {
    const redactor = createClientCodeRedactor(['AB']);
    const both = withClientCodes(redactor, ['AB-017']);
    expect(both.redact('AB-017 and AB')).toBe('[client] and [client]');
    expect(both.knows('AB-017')).toBe(true);
    expect(withClientCodes(redactor, ['ab'])).toBe(redactor);
  });
});
