import { createCipheriv, randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
  DecryptError,
  deriveFromPassphrase,
  deriveFromRecoveryKey,
  open,
  randomKey,
  seal,
  scryptMaxmem,
  defaultScryptParams,
} from '../../../main/vault/vault-crypto';

const aad = Buffer.from('readyroom:test:record-1');

describe('vault-crypto', () => {
  it('round-trips with a fresh IV each time', () => {
    const key = randomKey();
    const a = seal(key, Buffer.from('hello'), aad);
    const b = seal(key, Buffer.from('hello'), aad);
    expect(a.iv.length).toBe(12);
    expect(a.iv.equals(b.iv)).toBe(false);
    expect(a.sealed.equals(b.sealed)).toBe(false);
    expect(open(key, a.iv, a.sealed, aad).toString()).toBe('hello');
  });

  it('refuses a changed byte, other associated data and another key', () => {
    const key = randomKey();
    const { iv, sealed } = seal(key, Buffer.from('a readiness log'), aad);
    for (let i = 0; i < sealed.length; i += 1) {
      const changed = Buffer.from(sealed);
      changed[i] = (changed[i] ?? 0) ^ 0x01;
      expect(() => open(key, iv, changed, aad)).toThrow(DecryptError);
    }
    expect(() => open(key, iv, sealed, Buffer.from('readyroom:test:record-2'))).toThrow(DecryptError);
    expect(() => open(randomKey(), iv, sealed, aad)).toThrow(DecryptError);
  });

  it('refuses a truncated (4-byte) tag instead of accepting it', () => {
    const key = randomKey();
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 4 });
    cipher.setAAD(aad);
    const short = Buffer.concat([cipher.update('hi'), cipher.final(), cipher.getAuthTag()]);
    expect(() => open(key, iv, short, aad)).toThrow(DecryptError);
  });

  it('derives the same key for the same passphrase in any Unicode form, and another for another salt', async () => {
    const salt = randomBytes(16);
    const params = { N: 1024, r: 8, p: 1 };
    const composed = await deriveFromPassphrase('caf\u00e9 au lait', salt, params);
    const decomposed = await deriveFromPassphrase('cafe\u0301 au lait', salt, params);
    const other = await deriveFromPassphrase('caf\u00e9 au lait', randomBytes(16), params);
    expect(composed.equals(decomposed)).toBe(true);
    expect(composed.equals(other)).toBe(false);
  });

  it('allows enough memory for the default scrypt cost (the 32 MiB default cap would fail)', () => {
    expect(defaultScryptParams).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(scryptMaxmem(defaultScryptParams)).toBeGreaterThan(128 * 2 ** 17 * 8);
  });

  it('derives recovery-key keys that depend on the salt', () => {
    const bytes = randomBytes(20);
    const s1 = randomBytes(16);
    expect(deriveFromRecoveryKey(bytes, s1).equals(deriveFromRecoveryKey(bytes, s1))).toBe(true);
    expect(deriveFromRecoveryKey(bytes, s1).equals(deriveFromRecoveryKey(bytes, randomBytes(16)))).toBe(false);
  });
});
