/**
 * The report uses PDF's standard Helvetica, which every reader has and which keeps the file small
 * and free of font licensing, but which can show only the Windows-1252 characters. Anything else
 * is written as a visible `<U+XXXX>`, never dropped: a client code in another script still shows
 * that something was there, and what.
 */

/** The characters Windows-1252 adds in 0x80–0x9F, which the standard fonts can show. */
const cp1252Extras = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

/** Typographic characters with a plain look-alike the font has. */
const substitutes: Readonly<Record<string, string>> = {
  '\u2009': ' ', // thin space
  '\u202F': ' ', // narrow no-break space (some locales put it in times)
  '\u2007': ' ', // figure space
  '\u2212': '-', // minus sign
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2192': '->',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2713': 'yes',
};

function printable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || cp1252Extras.includes(char);
}

/** Text the standard fonts can show; line breaks and tabs become spaces unless `keepLineBreaks`. */
export function pdfSafeText(text: string, options: { readonly keepLineBreaks?: boolean } = {}): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (char === '\n' && options.keepLineBreaks) out += '\n';
    else if (char === '\n' || char === '\r' || char === '\t') out += ' ';
    else if (printable(char)) out += char;
    else if (substitutes[char] !== undefined) out += substitutes[char];
    else out += `<U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`;
  }
  return out;
}
