import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { formatRecoveryKey, generateRecoveryKey, parseRecoveryKey } from '../../../main/vault/recovery-key';

describe('recovery-key', () => {
  it('shows 160 bits as eight groups of four unambiguous characters', () => {
    const { text, bytes } = generateRecoveryKey();
    expect(bytes.length).toBe(20);
    expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(parseRecoveryKey(text)?.equals(bytes)).toBe(true);
  });

  it('round-trips any bytes', () => {
    for (let i = 0; i < 200; i += 1) {
      const bytes = randomBytes(20);
      expect(parseRecoveryKey(formatRecoveryKey(bytes))?.equals(bytes)).toBe(true);
    }
  });

  it('forgives lower case, spaces, missing dashes and look-alike letters', () => {
    const bytes = Buffer.alloc(20, 0);
    bytes[19] = 1;
    const text = formatRecoveryKey(bytes);
    expect(text.startsWith('0000-')).toBe(true);
    const sloppy = ` ${text.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o')} `;
    expect(parseRecoveryKey(sloppy)?.equals(bytes)).toBe(true);
    expect(parseRecoveryKey(text.replace(/-/g, ''))?.equals(bytes)).toBe(true);
  });

  it('rejects the wrong length and characters outside the alphabet', () => {
    const { text } = generateRecoveryKey();
    expect(parseRecoveryKey(text.slice(0, -1))).toBeNull();
    expect(parseRecoveryKey(`${text}A`)).toBeNull();
    expect(parseRecoveryKey(text.replace(/^./, 'U'))).toBeNull();
    expect(parseRecoveryKey('')).toBeNull();
  });
});
