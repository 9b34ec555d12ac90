import { withoutHiddenCharacters } from './visible-text';

/** What a client code becomes in an export or report made without client codes. */
export const clientCodePlaceholder = '[client]';

/**
 * Blanks client codes out of free text (notes, addenda, incident words) for an export without
 * codes. It knows only the codes it was given: a code erased earlier is stored nowhere any more
 * (only an HMAC of it is kept), so it cannot be recognised in text written before the erasure.
 */
export interface ClientCodeRedactor {
  /** The text with every known code, however it is written, replaced by the placeholder. */
  redact(text: string): string;
  /** Whether this code is among the known ones (case, spacing and Unicode forms aside). */
  knows(code: string): boolean;
}

/**
 * How an export or report treats client codes: shown, or left out, and then blanked from its free
 * text too, using every code the app knows at the time (logs, incidents, client set-ups, schedule).
 */
export type ClientCodeChoice =
  | { readonly includeClientCodes: true }
  | { readonly includeClientCodes: false; readonly knownCodes: ClientCodeRedactor };

const wordChar = String.raw`[\p{L}\p{N}\p{M}]`;
/**
 * Not inside a longer word or code ("AB-01" is no part of "XAB-01" or "AB-017"): never between two
 * letters or digits. Written once around the whole matcher, not per code, as a class such as \p{L}
 * is costly to compile thousands of times. After a code, a mark only accents its last character.
 */
const notBeforeWord = `(?!(?<=${wordChar})${wordChar})`;
const notAfterWord = String.raw`(?!(?<=${wordChar})[\p{L}\p{N}])`;
const space = String.raw`[\s\p{Z}]`;
/**
 * The separators a code may hold (clientCodePattern): any run of them, or none, matches any other.
 * Every dash counts as a hyphen: a word processor turns "AB-017" into "AB–017" or "AB‑017".
 */
const softSeparators = String.raw`[\s\p{Z}\p{Pd}\u2212\-_.#/]`;
const isWordChar = new RegExp(`^${wordChar}$`, 'u');
const isSpace = new RegExp(`^${space}$`, 'u');
const isSoft = new RegExp(`^${softSeparators}$`, 'u');
const spaces = /[\s\p{Z}]/gu;
/** A character with the combining marks that follow it: normalised together, never split. */
const clusters = /\P{M}\p{M}*|\p{M}+/gsu;
/** Printable ASCII and ordinary white space: folding is lower-casing, one character for one. */
const plainAscii = /^[\t\n\v\f\r\x20-\x7e]*$/;

/** Compatibility forms (full-width letters, ligatures, no-break spaces) and case compared as one, hidden characters ignored. */
function fold(text: string): string {
  const folded = text.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC').replace(spaces, ' ');
  return withoutHiddenCharacters(folded);
}

/** Most of a note is ASCII, even in a note that is not all ASCII: folded once here. */
const asciiFolded = Array.from({ length: 0x80 }, (_, i) => fold(String.fromCharCode(i)));

/** In Unicode mode only syntax characters may be escaped ("\-" is an error). */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Characters outside a code's letters and digits, kept in order, with any white space around or between them. */
function literalGroup(chars: readonly string[]): string {
  return chars
    .filter((c) => !isSpace.test(c))
    .map(escapeRegExp)
    .join(`${space}*`);
}

/**
 * A code as a list of regex pieces, one per letter or digit and one per separator, so codes that
 * begin alike share a prefix in the matcher. Null when nothing of it is left after folding.
 */
function codeTokens(code: string): string[] | null {
  // Folded as a text is, a character at a time: lower-casing a whole word would give a final sigma.
  const chars = [...foldWithOrigins(code).folded.trim()];
  if (chars.length === 0) return null;
  const tokens: string[] = [];
  let group: string[] = [];
  let seenWord = false;
  for (const char of chars) {
    if (!isWordChar.test(char)) {
      group.push(char);
      continue;
    }
    if (!seenWord) {
      if (group.length > 0) tokens.push(`${literalGroup(group)}${space}*`);
    } else if (group.length > 0) {
      tokens.push(
        group.every((c) => isSoft.test(c)) ? `${softSeparators}*` : `${space}*${literalGroup(group)}${space}*`,
      );
    }
    group = [];
    seenWord = true;
    tokens.push(escapeRegExp(char));
  }
  if (group.length > 0) tokens.push(`${space}*${literalGroup(group)}`);
  return tokens.filter((t) => t !== '');
}

/** The codes each redactor was built from, for `withClientCodes`. */
const sourceCodes = new WeakMap<ClientCodeRedactor, readonly string[]>();

interface TrieNode {
  readonly children: Map<string, TrieNode>;
  /** A code ends here. */
  end: boolean;
}

/** The trie as one pattern; at each branch the longer codes are tried before a code ending there. */
function trieSource(node: TrieNode): string {
  const parts = [...node.children].map(([token, child]) => token + trieSource(child));
  if (node.end) parts.push('');
  return parts.length === 1 ? (parts[0] as string) : `(?:${parts.join('|')})`;
}

/** The text folded, with where each folded character came from, so a match maps back onto the original. */
function foldWithOrigins(text: string): { readonly folded: string; readonly from: number[]; readonly to: number[] } {
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  for (const match of text.matchAll(clusters)) {
    const start = match.index;
    const end = start + match[0].length;
    const unit = match[0].charCodeAt(0);
    const piece = match[0].length === 1 && unit < 0x80 ? (asciiFolded[unit] as string) : fold(match[0]);
    folded += piece;
    for (let i = 0; i < piece.length; i += 1) {
      from.push(start);
      to.push(end);
    }
  }
  return { folded, from, to };
}

/**
 * Where the matcher matches, never empty. Not `matchAll`: it copies the regex for each call, and a
 * copy of a regex holding thousands of codes is compiled again, which made 20,000 notes take seconds.
 */
function* matches(matcher: RegExp, text: string): Generator<{ readonly start: number; readonly end: number }> {
  matcher.lastIndex = 0;
  for (let match = matcher.exec(text); match !== null; match = matcher.exec(text)) {
    if (match[0].length === 0) {
      matcher.lastIndex += 1;
      continue;
    }
    yield { start: match.index, end: match.index + match[0].length };
  }
}

/**
 * A redactor for these codes, built once per export: one regex holding every code as a trie, so a
 * note is scanned once whatever the number of codes. Matching ignores case, Unicode forms (NFKC),
 * hidden characters, and how the code's separators are written ("AB-017", "ab - 017", "AB 017",
 * "AB017" with no-break spaces are all one code), but never takes a code out of a longer word or code.
 */
export function createClientCodeRedactor(codes: Iterable<string>): ClientCodeRedactor {
  const root: TrieNode = { children: new Map(), end: false };
  const known = new Set<string>();
  const keyOf = (code: string) => codeTokens(code)?.join('\u0000') ?? null;
  const kept: string[] = [];
  for (const code of codes) {
    const tokens = codeTokens(code);
    const key = tokens?.join('\u0000');
    if (!tokens || key === undefined || known.has(key)) continue;
    kept.push(code);
    known.add(key);
    let node = root;
    for (const token of tokens) {
      let child = node.children.get(token);
      if (!child) {
        child = { children: new Map(), end: false };
        node.children.set(token, child);
      }
      node = child;
    }
    node.end = true;
  }
  // Backtracking tries the shorter codes when a longer one would end inside a word.
  const matcher = known.size === 0 ? null : new RegExp(`${notBeforeWord}${trieSource(root)}${notAfterWord}`, 'gu');

  const redactor: ClientCodeRedactor = {
    knows(code) {
      const key = keyOf(code);
      return key !== null && known.has(key);
    },
    redact(text) {
      if (matcher === null || text === '') return text;
      if (plainAscii.test(text)) {
        // One character for one: the folded text's positions are the original's.
        let result = '';
        let last = 0;
        for (const { start, end } of matches(matcher, text.toLowerCase())) {
          result += text.slice(last, start) + clientCodePlaceholder;
          last = end;
        }
        return last === 0 ? text : result + text.slice(last);
      }
      const { folded, from, to } = foldWithOrigins(text);
      let result = '';
      let last = 0;
      for (const match of matches(matcher, folded)) {
        const start = from[match.start] as number;
        const end = to[match.end - 1] as number;
        // A character that folds into several ("ﬁ" to "fi") may be shared with the previous match.
        if (start < last) {
          last = Math.max(last, end);
          continue;
        }
        result += text.slice(last, start) + clientCodePlaceholder;
        last = end;
      }
      return result + text.slice(last);
    },
  };
  sourceCodes.set(redactor, kept);
  return redactor;
}

/** This redactor, also knowing `codes` (a record's own ones) should it not know them yet. */
export function withClientCodes(redactor: ClientCodeRedactor, codes: readonly string[]): ClientCodeRedactor {
  if (codes.every((code) => redactor.knows(code))) return redactor;
  // One matcher for all, so a longer code is still tried before a shorter one it begins with.
  return createClientCodeRedactor([...(sourceCodes.get(redactor) ?? []), ...codes]);
}
