import { codePoint, hasHiddenCharacters } from './visible-text';

/**
 * The hidden-character rule for free text the therapist writes (notes, what happened), one step
 * looser than visible-text.ts's strict rule for client codes: emoji are kept whole. An emoji such
 * as ❤️ carries a variation selector (U+FE0F), a family or a rainbow flag joins its parts with a
 * zero-width joiner (U+200D), and the flags of England, Scotland and Wales are spelt with tag
 * characters. Retyping them gives the same characters, so refusing them would leave the therapist
 * no way to keep the text. Every other hidden character (bidi controls, zero-width spaces, other
 * controls) is still refused. Line breaks and tabs belong in a note.
 */

/** A picture, or a part of one a joiner may join ("👩", "💻", a skin tone, a hair style). Never ASCII. */
const pictographic = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Emoji}]$/u;
const ascii = /^[\0-\x7f]$/;
/** What a variation selector may follow: any emoji, keycap digits and # and * included. */
const emojiBase = /^[\p{Extended_Pictographic}\p{Emoji}]$/u;

const variationSelectors = new Set([0xfe0e, 0xfe0f]);
const zeroWidthJoiner = 0x200d;
const blackFlag = 0x1f3f4;
const cancelTag = 0xe007f;
/**
 * The subdivision flags emoji fonts draw (England, Scotland, Wales), spelt in tag letters. Only
 * these: any other run of tag letters is invisible text, which could hide a sentence or a code.
 */
const flagTags = new Set(['gbeng', 'gbsct', 'gbwls']);
const isTagLetter = (code: number) => code >= 0xe0020 && code <= 0xe007e;
const tagText = (codes: readonly number[]) => String.fromCharCode(...codes.map((c) => c - 0xe0000));

const isPictographic = (char: string | undefined) => char !== undefined && !ascii.test(char) && pictographic.test(char);

/** CRLF and lone CR (older versions, pasted Windows text) become LF, before checking and keeping. */
export function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The positions (in code points) of the characters that are hidden but belong to an emoji. */
function emojiParts(chars: readonly string[]): Set<number> {
  const kept = new Set<number>();
  const code = (i: number) => chars[i]?.codePointAt(0) ?? -1;
  for (let i = 0; i < chars.length; i += 1) {
    const c = code(i);
    if (c === blackFlag) {
      // A subdivision flag: the black flag, one of the known tag spellings, then the cancel tag.
      let end = i + 1;
      while (isTagLetter(code(end))) end += 1;
      const tags = Array.from({ length: end - i - 1 }, (_, k) => code(i + 1 + k));
      if (code(end) === cancelTag && flagTags.has(tagText(tags))) {
        for (let j = i + 1; j <= end; j += 1) kept.add(j);
        i = end;
      }
    } else if (variationSelectors.has(c)) {
      const before = chars[i - 1];
      if (before !== undefined && !kept.has(i - 1) && emojiBase.test(before)) kept.add(i);
    } else if (c === zeroWidthJoiner) {
      // Between two parts of one emoji: the part before may end in an accepted variation selector (❤️‍🔥).
      const before = kept.has(i - 1) && variationSelectors.has(code(i - 1)) ? chars[i - 2] : chars[i - 1];
      if (isPictographic(before) && isPictographic(chars[i + 1])) kept.add(i);
    }
  }
  return kept;
}

function isRefused(char: string): boolean {
  return char !== '\n' && char !== '\t' && hasHiddenCharacters(char);
}

/**
 * The first character in free text a reader cannot see or that changes how the text around it is
 * shown, outside an emoji, or null. Carriage returns count as line breaks.
 */
export function hiddenFreeTextCharacter(text: string): string | null {
  const chars = Array.from(normaliseLineBreaks(text));
  const kept = emojiParts(chars);
  const found = chars.find((char, i) => !kept.has(i) && isRefused(char));
  return found ?? null;
}

/**
 * Free text as it may be shown: emoji, line breaks and tabs as they are, every other hidden
 * character (one an earlier version let in) as a visible `<U+XXXX>`, so nothing is acted on.
 */
export function showFreeText(text: string): string {
  const chars = Array.from(normaliseLineBreaks(text));
  const kept = emojiParts(chars);
  return chars.map((char, i) => (!kept.has(i) && isRefused(char) ? `<${codePoint(char)}>` : char)).join('');
}
