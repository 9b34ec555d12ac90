import { describe, expect, it } from 'vitest';

import { randomKey } from '../../../main/vault/vault-crypto';
import { EnvelopeError, openEnvelope, readEnvelopeHeader, sealEnvelope } from '../../../main/vault/vault-envelope';

const context = { kind: 'logs', id: '2026-03', vaultId: 'ab'.repeat(16) } as const;

describe('vault-envelope', () => {
  it('round-trips JSON text and compresses it', () => {
    const dek = randomKey();
    const json = JSON.stringify({
      logs: Array.from({ length: 200 }, (_, i) => ({ id: i, note: 'the same words again' })),
    });
    const text = sealEnvelope(dek, context, json);
    expect(openEnvelope(dek, context, text)).toBe(json);
    expect(text.length).toBeLessThan(json.length / 3);
    expect(readEnvelopeHeader(text).header).toMatchObject({ format: 'readyroom.vault/1', kind: 'logs', id: '2026-03' });
  });

  it('refuses a file moved to another month, kind or vault', () => {
    const dek = randomKey();
    const text = sealEnvelope(dek, context, '{}');
    expect(() => openEnvelope(dek, { ...context, id: '2026-04' }, text)).toThrow(EnvelopeError);
    expect(() => openEnvelope(dek, { ...context, kind: 'index' }, text)).toThrow(EnvelopeError);
    expect(() => openEnvelope(dek, { ...context, vaultId: 'cd'.repeat(16) }, text)).toThrow(EnvelopeError);
  });

  it('notices every changed byte, in the header, the body or the final newline', () => {
    const dek = randomKey();
    const text = sealEnvelope(dek, context, JSON.stringify({ note: 'hello' }));
    for (let i = 0; i < text.length; i += 1) {
      const original = text[i];
      const replacement = original === 'A' ? 'B' : 'A';
      const changed = text.slice(0, i) + replacement + text.slice(i + 1);
      expect(() => openEnvelope(dek, context, changed), `byte ${i}`).toThrow(EnvelopeError);
    }
  });

  it('refuses the wrong key as an authentication failure', () => {
    const text = sealEnvelope(randomKey(), context, '{}');
    try {
      openEnvelope(randomKey(), context, text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvelopeError);
      expect((error as EnvelopeError).problem).toBe('auth');
    }
  });
});
