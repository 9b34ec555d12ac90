/**
 * Characters a reader cannot see or that change what is shown around them: control characters
 * (a terminal acts on ESC sequences), format characters (bidi overrides, zero-width spaces and
 * joiners, the byte-order mark), line and paragraph separators, lone surrogates, and the other
 * "default ignorable" code points (variation selectors, Hangul fillers, tag characters).
 */
const hiddenClass = String.raw`\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}`;
const hidden = new RegExp(`[${hiddenClass}]`, 'u');
const hiddenAll = new RegExp(`[${hiddenClass}]`, 'gu');

export function hasHiddenCharacters(text: string): boolean {
  return hidden.test(text);
}

/** The text without any hidden character: how two strings that look the same are compared. */
export function withoutHiddenCharacters(text: string): string {
  return text.replace(hiddenAll, '');
}

/** "U+202E": how a hidden character is named to the user. */
export const codePoint = (char: string) =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Text safe to print on a terminal or show on screen: each hidden character becomes a visible
 * `<U+XXXX>`, so nothing is acted on and two look-alike strings can be told apart. Line breaks
 * and tabs survive only when asked for (multi-line notes).
 */
export function showHiddenCharacters(text: string, options: { readonly keepLineBreaks?: boolean } = {}): string {
  return text.replace(hiddenAll, (char) =>
    options.keepLineBreaks && (char === '\n' || char === '\t') ? char : `<${codePoint(char)}>`,
  );
}

/**
 * JSON for a terminal: the same value as JSON.stringify gives (any JSON parser reads it back
 * unchanged), with every hidden character written as a \u escape instead of raw. JSON.stringify
 * escapes only U+0000–U+001F, leaving DEL, C1 controls such as U+009B (CSI) and bidi overrides raw.
 */
export function jsonForTerminal(value: unknown): string {
  // An astral character (a tag character) is written as its two UTF-16 halves, as JSON requires.
  return (JSON.stringify(value) ?? 'null').replace(hiddenAll, (char) =>
    Array.from({ length: char.length }, (_, i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''),
  );
}
