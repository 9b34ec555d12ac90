import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
  createKeychainSlot,
  createPassphraseSlot,
  createRecoverySlot,
  deserializeKeySlots,
  KeySlotsCorruptError,
  serializeKeySlots,
  unwrapWithKeychain,
  unwrapWithPassphrase,
  unwrapWithRecoveryKey,
  type KeySlots,
} from '../../../main/vault/key-slots';
import { generateRecoveryKey } from '../../../main/vault/recovery-key';
import { defaultScryptParams, deriveFromPassphrase, maxScryptCost, randomKey } from '../../../main/vault/vault-crypto';
import { fakeKeychain, testKdf } from './vault-test-kit';

const vaultId = '0123456789abcdef0123456789abcdef';

async function makeSlots() {
  const dek = randomKey();
  const recovery = generateRecoveryKey();
  const slots: KeySlots = {
    format: 'readyroom.keyslots/1',
    vaultId,
    revision: 1,
    createdAt: '2026-03-01T10:00:00.000Z',
    slots: {
      passphrase: await createPassphraseSlot(dek, vaultId, 'a long passphrase', testKdf),
      recovery: createRecoverySlot(dek, vaultId, recovery.bytes),
    },
  };
  return { dek, recovery, slots };
}

describe('key-slots', () => {
  it('unwraps the data key with the passphrase or the recovery key, and nothing else', async () => {
    const { dek, recovery, slots } = await makeSlots();
    expect((await unwrapWithPassphrase(slots, 'a long passphrase'))?.equals(dek)).toBe(true);
    expect(await unwrapWithPassphrase(slots, 'a long passphrasE')).toBeNull();
    expect(unwrapWithRecoveryKey(slots, recovery.bytes)?.equals(dek)).toBe(true);
    expect(unwrapWithRecoveryKey(slots, generateRecoveryKey().bytes)).toBeNull();
  });

  it('stores the scrypt parameters with the wrap, and binds them', async () => {
    const { slots } = await makeSlots();
    expect(slots.slots.passphrase.kdf).toMatchObject({ name: 'scrypt', N: testKdf.N, r: 8, p: 1 });
    const lowered: KeySlots = {
      ...slots,
      slots: {
        ...slots.slots,
        passphrase: { ...slots.slots.passphrase, kdf: { ...slots.slots.passphrase.kdf, N: 2 ** 11 } },
      },
    };
    expect(await unwrapWithPassphrase(lowered, 'a long passphrase')).toBeNull();
  });

  it('binds each slot to its vault', async () => {
    const { slots } = await makeSlots();
    const moved: KeySlots = { ...slots, vaultId: 'f'.repeat(32) };
    expect(await unwrapWithPassphrase(moved, 'a long passphrase')).toBeNull();
  });

  it('wraps with the keychain without giving the keychain the data key', async () => {
    const { dek, slots } = await makeSlots();
    const { port, state } = fakeKeychain();
    const seen: Buffer[] = [];
    const spy = { ...port, encrypt: (plain: Buffer) => (seen.push(Buffer.from(plain)), port.encrypt(plain)) };
    const withKeychain: KeySlots = {
      ...slots,
      slots: { ...slots.slots, keychain: createKeychainSlot(dek, vaultId, spy, 'gnome-libsecret') },
    };
    expect(seen).toHaveLength(1);
    expect(seen[0]?.equals(dek)).toBe(false);
    expect(unwrapWithKeychain(withKeychain, port)?.equals(dek)).toBe(true);
    state.broken = true;
    expect(unwrapWithKeychain(withKeychain, port)).toBeNull();
  });

  it('serialises with a checksum that catches any changed byte', async () => {
    const { slots } = await makeSlots();
    const text = serializeKeySlots(slots);
    expect(deserializeKeySlots(text)).toEqual(slots);
    for (let i = 0; i < text.length; i += 7) {
      const changed = text.slice(0, i) + (text[i] === ' ' ? '\t' : text[i] === 'a' ? 'b' : 'a') + text.slice(i + 1);
      expect(() => deserializeKeySlots(changed)).toThrow(KeySlotsCorruptError);
    }
    expect(() => deserializeKeySlots(text.slice(0, -1))).toThrow(KeySlotsCorruptError);
  });

  it('writes no secret in the clear', async () => {
    const { dek, recovery, slots } = await makeSlots();
    const text = serializeKeySlots(slots);
    expect(text).not.toContain('a long passphrase');
    expect(text).not.toContain(dek.toString('base64'));
    expect(text).not.toContain(dek.toString('hex'));
    expect(text).not.toContain(recovery.bytes.toString('base64'));
    expect(text.replace(/-/g, '')).not.toContain(recovery.text.replace(/-/g, ''));
  });

  it('refuses a key file asking for more scrypt work than ReadyRoom writes, before any scrypt runs', async () => {
    const { slots } = await makeSlots();
    // Written by hand with a valid checksum: only the parameters are out of bounds.
    const withKdf = (N: number, r: number, p: number) => {
      const body = JSON.stringify(
        {
          ...slots,
          slots: {
            ...slots.slots,
            passphrase: { ...slots.slots.passphrase, kdf: { ...slots.slots.passphrase.kdf, N, r, p } },
          },
        },
        null,
        2,
      );
      return `${body}\nsha256 ${createHash('sha256').update(body, 'utf8').digest('hex')}\n`;
    };
    // The schema's old ceiling: 2^22 · 32 · 16, about 16 GiB of scrypt memory.
    expect(() => deserializeKeySlots(withKdf(2 ** 22, 32, 16))).toThrow(KeySlotsCorruptError);
    expect(() => deserializeKeySlots(withKdf(2 ** 19, 8, 1))).toThrow(KeySlotsCorruptError);
    expect(() => deserializeKeySlots(withKdf(2 ** 17, 8, 4))).toThrow(KeySlotsCorruptError);
    // What ReadyRoom writes, and twice that, still open.
    expect(deserializeKeySlots(withKdf(2 ** 17, 8, 1)).slots.passphrase.kdf.N).toBe(2 ** 17);
    expect(deserializeKeySlots(withKdf(2 ** 18, 8, 1)).slots.passphrase.kdf.N).toBe(2 ** 18);
    expect(maxScryptCost).toBe(2 * defaultScryptParams.N * defaultScryptParams.r * defaultScryptParams.p);
    // And the derivation itself refuses, whoever calls it.
    await expect(deriveFromPassphrase('x', Buffer.alloc(16), { N: 2 ** 20, r: 8, p: 1 })).rejects.toThrow(/cap/);
  });
});
