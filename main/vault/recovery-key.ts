import { randomBytes } from 'node:crypto';

/**
 * Crockford Base32: no I, L, O or U, so a key written by hand reads back the same; when parsing,
 * O is read as 0 and I or L as 1.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 160 random bits = 32 characters, shown as 8 groups of 4. */
export const recoveryKeyBytes = 20;
const recoveryKeyChars = 32;

export function generateRecoveryKey(): { text: string; bytes: Buffer } {
  const bytes = randomBytes(recoveryKeyBytes);
  return { text: formatRecoveryKey(bytes), bytes };
}

export function formatRecoveryKey(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out.match(/.{1,4}/g)?.join('-') ?? out;
}

/** Reads a typed recovery key, forgiving spaces, dashes, lower case and look-alike letters; null if it cannot be one. */
export function parseRecoveryKey(text: string): Buffer | null {
  const cleaned = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (cleaned.length !== recoveryKeyChars) return null;
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of cleaned) {
    const digit = alphabet.indexOf(char);
    if (digit < 0) return null;
    value = (value << 5) | digit;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  return out.length === recoveryKeyBytes ? Buffer.from(out) : null;
}
