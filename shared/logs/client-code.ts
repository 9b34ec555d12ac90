/**
 * Client codes are pseudonyms. These heuristics catch the common slips (a real name, an e-mail
 * address, a phone number); they warn, they do not block, because a therapist's own scheme may
 * look odd to us.
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
}

export function checkClientCode(raw: string): ClientCodeCheck {
  const code = raw.trim();
  if (code.length === 0) return { valid: false, error: 'Enter a client code.', warnings: [] };
  if (code.length > clientCodeMaxLength)
    return { valid: false, error: `Keep the code to ${clientCodeMaxLength} characters or fewer.`, warnings: [] };
  const warnings: ClientCodeWarning[] = [];
  if (/\S+@\S+\.\S+/.test(code) || code.includes('@')) warnings.push('looks-like-email');
  const digits = code.replace(/\D/g, '');
  if (digits.length >= 9 && /^[+(]?[\d\s().-]+$/.test(code)) warnings.push('looks-like-phone');
  if (looksLikeName(code)) warnings.push('looks-like-name');
  if (!clientCodePattern.test(code) && warnings.length === 0)
    return {
      valid: false,
      error: 'Use letters, numbers, spaces and - _ . # / only.',
      warnings,
    };
  return { valid: true, error: null, warnings };
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

/** The form two client codes are compared in: "ab-017 " and "AB-017" are the same client. */
export function clientCodeKey(code: string): string {
  return code.trim().normalize('NFC').toUpperCase();
}
