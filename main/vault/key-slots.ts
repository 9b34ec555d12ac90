import { createHash, randomBytes } from 'node:crypto';

import { z } from 'zod';

import {
  deriveFromPassphrase,
  deriveFromRecoveryKey,
  DecryptError,
  ivLength,
  keyLength,
  open,
  randomKey,
  seal,
  wipe,
  withinScryptCap,
  type ScryptParams,
} from './vault-crypto';

/**
 * The data key (DEK) never touches the disk in the clear: each "slot" holds it wrapped
 * (AES-256-GCM) by a key-encryption key from one unlock method, LUKS-style. Adding or changing
 * a method rewrites only this small file; the logs are never re-encrypted.
 */
export const keySlotsFormat = 'readyroom.keyslots/1';

/** The OS keychain, as Electron safeStorage offers it. The app passes an adapter; tests a fake. */
export interface KeychainPort {
  /** `backend` is safeStorage.getSelectedStorageBackend() on Linux (null elsewhere). */
  status(): { readonly available: boolean; readonly backend?: string | null; readonly reason: string | null };
  encrypt(plain: Buffer): Buffer;
  decrypt(cipher: Buffer): Buffer;
}

const base64 = (minBytes: number, maxBytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/)
    .min(Math.ceil(minBytes / 3) * 4 - 2)
    .max(Math.ceil(maxBytes / 3) * 4);

const wrapFields = {
  iv: base64(ivLength, ivLength),
  wrapped: base64(keyLength + 16, keyLength + 16),
};

const isPowerOfTwo = (n: number) => Number.isInteger(Math.log2(n));

export const passphraseSlotSchema = z.strictObject({
  kdf: z
    .strictObject({
      name: z.literal('scrypt'),
      N: z
        .number()
        .int()
        .min(2 ** 10)
        .max(2 ** 22)
        .refine(isPowerOfTwo),
      r: z.number().int().min(1).max(32),
      p: z.number().int().min(1).max(16),
      salt: base64(16, 64),
    })
    // Checked before any scrypt runs: a changed file is refused at once, not after gigabytes of work.
    .refine(withinScryptCap),
  ...wrapFields,
});
export const recoverySlotSchema = z.strictObject({
  kdf: z.strictObject({ name: z.literal('hkdf-sha256'), salt: base64(16, 64) }),
  ...wrapFields,
});
export const keychainSlotSchema = z.strictObject({
  kdf: z.strictObject({
    name: z.literal('os-keychain'),
    backend: z.string().max(40).nullable(),
    /** The slot's key, sealed by the OS keychain. */
    sealed: base64(1, 4096),
  }),
  ...wrapFields,
});
export type PassphraseSlot = z.output<typeof passphraseSlotSchema>;
export type RecoverySlot = z.output<typeof recoverySlotSchema>;
export type KeychainSlot = z.output<typeof keychainSlotSchema>;

export const keySlotsSchema = z.strictObject({
  format: z.literal(keySlotsFormat),
  vaultId: z.string().regex(/^[0-9a-f]{32}$/),
  /** Raised on every change, so the newer of the two copies wins after a crash between them. */
  revision: z.number().int().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  slots: z.strictObject({
    passphrase: passphraseSlotSchema,
    recovery: recoverySlotSchema,
    keychain: keychainSlotSchema.optional(),
  }),
});
export type KeySlots = z.output<typeof keySlotsSchema>;

export class KeySlotsCorruptError extends Error {
  constructor(reason: string) {
    super(`key file is damaged: ${reason}`);
    this.name = 'KeySlotsCorruptError';
  }
}

/**
 * The file is readable JSON followed by a line "sha256 <hex>" over the exact JSON text, so
 * any changed byte reads as "damaged" (and the other copy is used), never as "wrong passphrase".
 */
const checksumLine = /^sha256 ([0-9a-f]{64})$/;

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function serializeKeySlots(value: KeySlots): string {
  const body = JSON.stringify(keySlotsSchema.parse(value), null, 2);
  return `${body}\nsha256 ${sha256(body)}\n`;
}

export function deserializeKeySlots(text: string): KeySlots {
  if (!text.endsWith('\n')) throw new KeySlotsCorruptError('truncated');
  const lastBreak = text.lastIndexOf('\n', text.length - 2);
  if (lastBreak < 0) throw new KeySlotsCorruptError('no checksum');
  const body = text.slice(0, lastBreak);
  const match = checksumLine.exec(text.slice(lastBreak + 1, -1));
  if (!match || match[1] !== sha256(body)) throw new KeySlotsCorruptError('checksum mismatch');
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    throw new KeySlotsCorruptError('not JSON');
  }
  const parsed = keySlotsSchema.safeParse(raw);
  if (!parsed.success) throw new KeySlotsCorruptError('unexpected content');
  return parsed.data;
}

/** Associated data for a wrap: binds the vault, the slot kind and every KDF parameter. */
function slotAad(vaultId: string, kind: string, kdfParts: readonly (string | number | null)[]): Buffer {
  return Buffer.from(['readyroom.keyslot/1', vaultId, kind, ...kdfParts.map((p) => String(p))].join('|'), 'utf8');
}

function wrap(kek: Buffer, dek: Buffer, aad: Buffer): { iv: string; wrapped: string } {
  const { iv, sealed } = seal(kek, dek, aad);
  return { iv: iv.toString('base64'), wrapped: sealed.toString('base64') };
}

/** The DEK, or null when this key does not open the slot. */
function unwrap(kek: Buffer, slot: { iv: string; wrapped: string }, aad: Buffer): Buffer | null {
  try {
    const dek = open(kek, Buffer.from(slot.iv, 'base64'), Buffer.from(slot.wrapped, 'base64'), aad);
    return dek.length === keyLength ? dek : null;
  } catch (error) {
    if (error instanceof DecryptError) return null;
    throw error;
  }
}

function passphraseAad(vaultId: string, kdf: PassphraseSlot['kdf']): Buffer {
  return slotAad(vaultId, 'passphrase', [kdf.name, kdf.N, kdf.r, kdf.p, kdf.salt]);
}
function recoveryAad(vaultId: string, kdf: RecoverySlot['kdf']): Buffer {
  return slotAad(vaultId, 'recovery', [kdf.name, kdf.salt]);
}
function keychainAad(vaultId: string, kdf: KeychainSlot['kdf']): Buffer {
  return slotAad(vaultId, 'keychain', [kdf.name, kdf.backend, kdf.sealed]);
}

export async function createPassphraseSlot(
  dek: Buffer,
  vaultId: string,
  passphrase: string,
  params: ScryptParams,
): Promise<PassphraseSlot> {
  const kdf = {
    name: 'scrypt' as const,
    N: params.N,
    r: params.r,
    p: params.p,
    salt: randomBytes(16).toString('base64'),
  };
  const kek = await deriveFromPassphrase(passphrase, Buffer.from(kdf.salt, 'base64'), params);
  try {
    return { kdf, ...wrap(kek, dek, passphraseAad(vaultId, kdf)) };
  } finally {
    wipe(kek);
  }
}

export function createRecoverySlot(dek: Buffer, vaultId: string, recoveryBytes: Buffer): RecoverySlot {
  const kdf = { name: 'hkdf-sha256' as const, salt: randomBytes(16).toString('base64') };
  const kek = deriveFromRecoveryKey(recoveryBytes, Buffer.from(kdf.salt, 'base64'));
  try {
    return { kdf, ...wrap(kek, dek, recoveryAad(vaultId, kdf)) };
  } finally {
    wipe(kek);
  }
}

/** A random slot key sealed by the OS keychain; the DEK itself never goes to the keychain. */
export function createKeychainSlot(
  dek: Buffer,
  vaultId: string,
  keychain: KeychainPort,
  backend: string | null,
): KeychainSlot {
  const kek = randomKey();
  try {
    const sealed = keychain.encrypt(kek);
    const kdf = { name: 'os-keychain' as const, backend, sealed: sealed.toString('base64') };
    return { kdf, ...wrap(kek, dek, keychainAad(vaultId, kdf)) };
  } finally {
    wipe(kek);
  }
}

export async function unwrapWithPassphrase(slots: KeySlots, passphrase: string): Promise<Buffer | null> {
  const slot = slots.slots.passphrase;
  const kek = await deriveFromPassphrase(passphrase, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf);
  try {
    return unwrap(kek, slot, passphraseAad(slots.vaultId, slot.kdf));
  } finally {
    wipe(kek);
  }
}

export function unwrapWithRecoveryKey(slots: KeySlots, recoveryBytes: Buffer): Buffer | null {
  const slot = slots.slots.recovery;
  const kek = deriveFromRecoveryKey(recoveryBytes, Buffer.from(slot.kdf.salt, 'base64'));
  try {
    return unwrap(kek, slot, recoveryAad(slots.vaultId, slot.kdf));
  } finally {
    wipe(kek);
  }
}

/** The DEK via the keychain, or null when the keychain cannot give the right key back (e.g. its backend changed). */
export function unwrapWithKeychain(slots: KeySlots, keychain: KeychainPort): Buffer | null {
  const slot = slots.slots.keychain;
  if (!slot) return null;
  let kek: Buffer;
  try {
    kek = keychain.decrypt(Buffer.from(slot.kdf.sealed, 'base64'));
  } catch {
    return null;
  }
  try {
    if (kek.length !== keyLength) return null;
    return unwrap(kek, slot, keychainAad(slots.vaultId, slot.kdf));
  } finally {
    wipe(kek);
  }
}
