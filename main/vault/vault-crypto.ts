import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, scrypt } from 'node:crypto';

/** AES-256-GCM with a 96-bit IV and a 128-bit tag, as NIST SP 800-38D recommends. */
const algorithm = 'aes-256-gcm';
export const keyLength = 32;
export const ivLength = 12;
export const tagLength = 16;

/** scrypt cost parameters; stored next to each passphrase wrap so they can be raised later. */
export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** OWASP's scrypt setting (N = 2^17, r = 8, p = 1): about 128 MiB and 0.3–0.6 s here. */
export const defaultScryptParams: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/** Thrown when authentication fails: wrong key, or the bytes were changed. Carries no detail on purpose. */
export class DecryptError extends Error {
  constructor() {
    super('decryption failed');
    this.name = 'DecryptError';
  }
}

export function randomKey(): Buffer {
  return randomBytes(keyLength);
}

/** Encrypts with a fresh random IV; returns iv, and ciphertext with the tag appended. */
export function seal(key: Buffer, plaintext: Buffer, aad: Buffer): { iv: Buffer; sealed: Buffer } {
  const iv = randomBytes(ivLength);
  return { iv, sealed: sealWithIv(key, iv, plaintext, aad) };
}

/** Encrypts with a caller-supplied IV, so the IV can be part of the associated data. Never reuse one. */
export function sealWithIv(key: Buffer, iv: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  if (key.length !== keyLength || iv.length !== ivLength) throw new Error('bad key or iv length');
  const cipher = createCipheriv(algorithm, key, iv, { authTagLength: tagLength });
  cipher.setAAD(aad);
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/**
 * Decrypts and authenticates. The plaintext is only returned after final() succeeds: GCM's
 * update() hands out unauthenticated bytes, which must never be used.
 */
export function open(key: Buffer, iv: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  if (key.length !== keyLength || iv.length !== ivLength || sealed.length < tagLength) throw new DecryptError();
  try {
    const decipher = createDecipheriv(algorithm, key, iv, { authTagLength: tagLength });
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(sealed.length - tagLength));
    const head = decipher.update(sealed.subarray(0, sealed.length - tagLength));
    const tail = decipher.final();
    return Buffer.concat([head, tail]);
  } catch {
    throw new DecryptError();
  }
}

/**
 * The most scrypt work (N·r·p) a key file or backup may ask for: twice what ReadyRoom writes, so
 * the default can be raised once without locking anyone out. The parameters are read before
 * anything can authenticate them, so a changed file must not make us spend gigabytes of memory
 * or minutes of CPU before the answer "damaged" (the schema allowed N·r·p = 2^31: 16 GiB).
 */
export const maxScryptCost = 2 * defaultScryptParams.N * defaultScryptParams.r * defaultScryptParams.p;

export function withinScryptCap(params: ScryptParams): boolean {
  return params.N * params.r * params.p <= maxScryptCost;
}

/** scrypt needs about 128·N·r bytes; leave room above it (the default 32 MiB cap fails at N = 2^17). */
export function scryptMaxmem(params: ScryptParams): number {
  return Math.max(256 * 1024 * 1024, 128 * params.N * params.r * params.p + 16 * 1024 * 1024);
}

/** Derives a key-encryption key from a passphrase (normalised to NFC so the same text always matches). */
export function deriveFromPassphrase(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  if (!withinScryptCap(params)) return Promise.reject(new Error('scrypt parameters above the cap'));
  const secret = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  return new Promise((resolve, reject) => {
    scrypt(
      secret,
      salt,
      keyLength,
      { N: params.N, r: params.r, p: params.p, maxmem: scryptMaxmem(params) },
      (error, key) => {
        secret.fill(0);
        if (error) reject(error);
        else resolve(key);
      },
    );
  });
}

/** The recovery key is full-entropy random, so a plain HKDF is enough (no slow KDF needed). */
export function deriveFromRecoveryKey(recoveryBytes: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', recoveryBytes, salt, 'readyroom recovery key v1', keyLength));
}

/** A key for one purpose, derived from the data key (HKDF), so the data key itself only ever encrypts. */
export function deriveSubkey(dek: Buffer, vaultId: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dek, Buffer.from(vaultId, 'utf8'), `readyroom ${purpose} v1`, keyLength));
}

/** HMAC-SHA256 in hex: matches the same text again without storing it or anything it could be guessed from. */
export function keyedHash(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

/** Overwrites a key in place; JavaScript may still hold copies, but we drop ours. */
export function wipe(buffer: Buffer | null | undefined): void {
  buffer?.fill(0);
}
