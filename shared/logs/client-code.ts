import { z } from 'zod';

import { hasHiddenCharacters, withoutHiddenCharacters } from '../text/visible-text';

/**
 * Client codes are pseudonyms. These heuristics catch the common slips (a real name, an e-mail
 * address, a phone number); they warn, they do not block, because a therapist's own scheme may
 * look odd to us. What is always refused is a character nobody can see (control, escape, bidi,
 * zero-width): it would be stored and printed raw, and two codes that look the same would differ.
 */
export type ClientCodeWarning = 'looks-like-email' | 'looks-like-phone' | 'looks-like-name';

export const clientCodeMaxLength = 40;
export const clientCodePattern = /^[\p{L}\p{N}][\p{L}\p{N} ._\-#/]{0,39}$/u;

export const clientCodeWarningText: Record<ClientCodeWarning, string> = {
  'looks-like-email':
    'This looks like an e-mail address. Use a code that does not identify the client, such as "AB-017".',
  'looks-like-phone': 'This looks like a phone number. Use a code that does not identify the client, such as "AB-017".',
  'looks-like-name':
    'This looks like a person\'s name. Use a code that does not identify the client, such as "AB-017".',
};

export interface ClientCodeCheck {
  /** False when the code cannot be stored at all (empty, too long, odd characters). */
  readonly valid: boolean;
  readonly error: string | null;
  readonly warnings: readonly ClientCodeWarning[];
  /** The code as it is stored and compared: trimmed, in Unicode NFC. */
  readonly code: string;
}

export const hiddenCharactersError =
  'This code contains a hidden or control character (perhaps from copying and pasting). Type it again by hand.';

/** Hidden characters, and any space but the plain one (a no-break space looks the same). */
function hasRefusedCharacter(code: string): boolean {
  return hasHiddenCharacters(code) || /[^\S ]/u.test(code);
}

/** The form every code takes where it enters ReadyRoom (window, command line, file): NFC, trimmed. */
export function normalizeClientCode(raw: string): string {
  return raw.normalize('NFC').trim();
}

export function checkClientCode(raw: string): ClientCodeCheck {
  const code = normalizeClientCode(raw);
  const refuse = (error: string): ClientCodeCheck => ({ valid: false, error, warnings: [], code });
  if (code.length === 0) return refuse('Enter a client code.');
  if (code.length > clientCodeMaxLength) return refuse(`Keep the code to ${clientCodeMaxLength} characters or fewer.`);
  // Before the warnings: a code that warns (an e-mail address, a phone number) used to skip every character check.
  if (hasRefusedCharacter(code)) return refuse(hiddenCharactersError);
  const warnings: ClientCodeWarning[] = [];
  if (/\S+@\S+\.\S+/.test(code) || code.includes('@')) warnings.push('looks-like-email');
  const digits = code.replace(/\D/g, '');
  if (digits.length >= 9 && /^[+(]?[\d\s().-]+$/.test(code)) warnings.push('looks-like-phone');
  if (looksLikeName(code)) warnings.push('looks-like-name');
  // A code that warns may hold the characters that made it warn ("@", "+", brackets); only visible ones remain here.
  if (!clientCodePattern.test(code) && warnings.length === 0)
    return { ...refuse('Use letters, numbers, spaces and - _ . # / only.'), warnings };
  return { valid: true, error: null, warnings, code };
}

/** Two or more capitalised alphabetic words ("Jane Smith"), or one long lowercase word with no digits. */
function looksLikeName(code: string): boolean {
  if (/\d/.test(code)) return false;
  const words = code.split(/[\s._-]+/).filter(Boolean);
  if (words.length >= 2 && words.every((w) => /^\p{Lu}[\p{Ll}'’]+$/u.test(w))) return true;
  if (words.length >= 2 && words.every((w) => /^\p{L}[\p{Ll}'’]{1,}$/u.test(w)) && code.includes(' ')) return true;
  if (words.length === 1 && /^\p{Lu}\p{Ll}{2,}$/u.test(code)) return true;
  return false;
}

/**
 * The form two client codes are compared in: "ab-017 ", "AB-017", "AB\u200B-017" (a zero-width
 * space) and "AB-017" in decomposed Unicode are the same client. Codes saved before hidden
 * characters were refused are still found by what they look like.
 */
export function clientCodeKey(code: string): string {
  return withoutHiddenCharacters(code.normalize('NFC')).replace(/\s+/gu, ' ').trim().toUpperCase().normalize('NFC');
}

/** The comparison form before hidden characters and runs of spaces were ignored (erasure records of that time). */
export function legacyClientCodeKey(code: string): string {
  return code.trim().normalize('NFC').toUpperCase();
}

/**
 * A client code arriving to be saved or searched for: normalised, length-bounded, never a hidden
 * character. Whether a code may be saved (its characters) is `checkClientCode`'s call, made where
 * it is stored; a search may still name a code an older version saved.
 */
export const clientCodeInputSchema = z
  .string()
  .max(clientCodeMaxLength * 4)
  .transform(normalizeClientCode)
  .pipe(
    z
      .string()
      .min(1)
      .max(clientCodeMaxLength)
      .refine((code) => !hasRefusedCharacter(code), 'contains a hidden or control character'),
  );

/** A client code as stored: whatever an older version saved must stay readable (and is shown with `showHiddenCharacters`). */
export const storedClientCodeSchema = z.string().trim().min(1).max(clientCodeMaxLength);
