import { describe, expect, it } from 'vitest';

import { randomKey } from '../../../main/vault/vault-crypto';
import {
  authenticateEnvelopeBlocks,
  EnvelopeError,
  openEnvelope,
  readEnvelopeHeader,
  sealEnvelope,
} from '../../../main/vault/vault-envelope';

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

/** The file's bytes cut into blocks of this size, as a file reader would hand them out. */
function inBlocks(text: string, size: number): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

/** What openEnvelope (which holds the whole file) says, as a verdict to compare with. */
function verdictOf(check: () => unknown): string {
  try {
    check();
    return 'ok';
  } catch (error) {
    if (error instanceof EnvelopeError) return 'refused';
    throw error;
  }
}

describe('vault-envelope: checking a file a block at a time', () => {
  const dek = randomKey();
  const json = JSON.stringify({ logs: Array.from({ length: 300 }, (_, i) => ({ id: i, note: `note ${i * 7919}` })) });
  const text = sealEnvelope(dek, context, json);

  it.each([1, 3, 4, 5, 63, 1024, 65_536])('accepts an intact file read in blocks of %i bytes', (size) => {
    expect(() => authenticateEnvelopeBlocks(dek, context, inBlocks(text, size))).not.toThrow();
  });

  it('agrees with opening the whole file on every changed byte, a stray or missing newline, and other places', () => {
    const variants = [
      `${text}\n`,
      text.slice(0, -1),
      text.slice(0, -2) + '\n',
      `${text.slice(0, -5)}=${text.slice(-4)}`,
      text.replace('\n', '\n\n'),
      text.replace('"logs"', '"index"'),
    ];
    for (let i = 0; i < text.length; i += 13) {
      const code = text.charCodeAt(i);
      variants.push(text.slice(0, i) + String.fromCharCode(code === 65 ? 66 : 65) + text.slice(i + 1));
    }
    for (const variant of variants) {
      const whole = verdictOf(() => openEnvelope(dek, context, variant));
      for (const size of [7, 4096]) {
        expect(
          verdictOf(() => authenticateEnvelopeBlocks(dek, context, inBlocks(variant, size))),
          `variant ${variants.indexOf(variant)}, blocks of ${size}`,
        ).toBe(whole);
      }
    }
    expect(variants.every((v) => verdictOf(() => openEnvelope(dek, context, v)) === 'refused')).toBe(true);
  });

  it('refuses the file with another key, or for another month', () => {
    expect(() => authenticateEnvelopeBlocks(randomKey(), context, inBlocks(text, 512))).toThrow(EnvelopeError);
    expect(() => authenticateEnvelopeBlocks(dek, { ...context, id: '2026-04' }, inBlocks(text, 512))).toThrow(
      EnvelopeError,
    );
    expect(() => authenticateEnvelopeBlocks(dek, context, [])).toThrow(EnvelopeError);
  });
});
