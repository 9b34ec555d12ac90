import { createDecipheriv, randomBytes, type DecipherGCM } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, constants as zlib } from 'node:zlib';

import { z } from 'zod';

import { DecryptError, ivLength, open, sealWithIv, tagLength } from './vault-crypto';

/**
 * Every encrypted file is text: one JSON header line, then the base64 ciphertext. The header
 * line is the GCM associated data, so the format version, file kind, period, vault id and IV
 * are all authenticated: a file copied to another name or vault fails to open.
 *
 * The JSON is compressed (Brotli, quality 1) before encryption. Compression can leak length
 * information when an attacker mixes their input with secrets and watches sizes; nobody can
 * do that to a local file, and it makes saves and unlocks several times faster.
 */
export const envelopeFormat = 'readyroom.vault/1';
export const envelopeKinds = ['logs', 'index', 'backup', 'keys', 'document'] as const;
export type EnvelopeKind = (typeof envelopeKinds)[number];

export interface EnvelopeContext {
  readonly kind: EnvelopeKind;
  /** The period ("2026-03") or backup id the file must carry. */
  readonly id: string;
  readonly vaultId: string;
}

const headerSchema = z.looseObject({
  format: z.literal(envelopeFormat),
  kind: z.enum(envelopeKinds),
  id: z.string().min(1).max(64),
  vault: z.string().regex(/^[0-9a-f]{32}$/),
  zip: z.literal('br'),
  iv: z.string().length(16),
});
export type EnvelopeHeader = z.output<typeof headerSchema>;

/**
 * An index file names the logs file it was made from: the IV of that file's envelope, unique to
 * each write. Checked when the index is read, so an older index put back (by a sync tool, a
 * restore of the folder) is rebuilt instead of hiding the logs saved since.
 */
export const indexBindingField = 'logs';

export type EnvelopeProblem = 'format' | 'other-file' | 'auth';

/** The file is not a readable envelope for this place: damaged, replaced, or from another vault. */
export class EnvelopeError extends Error {
  readonly problem: EnvelopeProblem;
  constructor(problem: EnvelopeProblem) {
    super(`encrypted file could not be opened (${problem})`);
    this.name = 'EnvelopeError';
    this.problem = problem;
  }
}

const maxPlaintextBytes = 512 * 1024 * 1024;

export function sealEnvelope(
  dek: Buffer,
  context: EnvelopeContext,
  json: string,
  extraHeader: Readonly<Record<string, unknown>> = {},
): string {
  const iv = randomBytes(ivLength);
  const headerText = JSON.stringify({
    format: envelopeFormat,
    kind: context.kind,
    id: context.id,
    vault: context.vaultId,
    zip: 'br',
    iv: iv.toString('base64'),
    ...extraHeader,
  });
  const plain = Buffer.from(json, 'utf8');
  const compressed = brotliCompressSync(plain, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: 1, [zlib.BROTLI_PARAM_SIZE_HINT]: plain.length },
  });
  const sealed = sealWithIv(dek, iv, compressed, Buffer.from(headerText, 'utf8'));
  return `${headerText}\n${sealed.toString('base64')}\n`;
}

/** A header line's fields, checked (not yet authenticated); 'format' when it is not one. */
function parseHeaderLine(headerText: string): EnvelopeHeader {
  let raw: unknown;
  try {
    raw = JSON.parse(headerText);
  } catch {
    throw new EnvelopeError('format');
  }
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) throw new EnvelopeError('format');
  return parsed.data;
}

/** Splits and checks the header without a key (a backup header says which slots can open it). */
export function readEnvelopeHeader(text: string): { header: EnvelopeHeader; headerText: string; body: string } {
  const newline = text.indexOf('\n');
  if (newline <= 0) throw new EnvelopeError('format');
  const headerText = text.slice(0, newline);
  const header = parseHeaderLine(headerText);
  // Exactly one trailing newline and canonical base64: every changed byte must be noticed.
  if (!text.endsWith('\n')) throw new EnvelopeError('format');
  const body = text.slice(newline + 1, -1);
  if (!isCanonicalBase64(body)) throw new EnvelopeError('format');
  return { header, headerText, body };
}

/** Base64 that decodes and re-encodes to itself; Node's decoder silently skips stray characters. */
export function isCanonicalBase64(text: string): boolean {
  return text.length > 0 && text.length % 4 === 0 && Buffer.from(text, 'base64').toString('base64') === text;
}

/** Returns the JSON text; throws EnvelopeError when the file is not this one or was changed. */
export function openEnvelope(dek: Buffer, context: EnvelopeContext, text: string): string {
  return openEnvelopeWithHeader(dek, context, text).json;
}

/** Like openEnvelope, with the (now authenticated) header. */
export function openEnvelopeWithHeader(
  dek: Buffer,
  context: EnvelopeContext,
  text: string,
): { readonly json: string; readonly header: EnvelopeHeader } {
  const { header, headerText, body } = readEnvelopeHeader(text);
  if (header.kind !== context.kind || header.id !== context.id || header.vault !== context.vaultId) {
    throw new EnvelopeError('other-file');
  }
  return { json: openEnvelopeBody(dek, header, headerText, body), header };
}

/** The IV in a file's header line, unauthenticated (a quick look, e.g. from its first bytes); null when there is none. */
export function peekEnvelopeIv(head: Buffer): string | null {
  const text = head.toString('utf8');
  const newline = text.indexOf('\n');
  if (newline <= 0) return null;
  try {
    const parsed = headerSchema.safeParse(JSON.parse(text.slice(0, newline)));
    return parsed.success ? parsed.data.iv : null;
  } catch {
    return null;
  }
}

/**
 * Checks a file's integrity without decompressing or parsing it (the check run on every month at
 * unlock), a block at a time: the base64 body is decoded and fed to the cipher as it comes, so it
 * never holds a whole file, its text or its plaintext. Throws EnvelopeError as openEnvelope does.
 */
export function authenticateEnvelopeBlocks(dek: Buffer, context: EnvelopeContext, blocks: Iterable<Buffer>): void {
  let head = '';
  let decipher: DecipherGCM | null = null;
  /** Base64 not yet decoded: always the last quad (it may carry padding), plus any partial one. */
  let pending = '';
  /** The last decoded bytes held back: the final 16 are the tag. */
  let tail = Buffer.alloc(0);
  let ended = false;

  const feed = (text: string, final: boolean): void => {
    // Canonical base64 only: a stray character or moved padding is a change, though Node would skip it.
    const bytes = Buffer.from(text, 'base64');
    if (bytes.toString('base64') !== text || (!final && text.includes('='))) throw new EnvelopeError('format');
    const all = Buffer.concat([tail, bytes]);
    const keep = Math.min(tagLength, all.length);
    if (all.length > keep) decipher?.update(all.subarray(0, all.length - keep));
    tail = Buffer.from(all.subarray(all.length - keep));
  };

  for (const block of blocks) {
    let text = block.toString('latin1');
    if (decipher === null) {
      head += text;
      const newline = head.indexOf('\n');
      if (newline < 0) {
        if (head.length > 4096) throw new EnvelopeError('format');
        continue;
      }
      const headerText = head.slice(0, newline);
      const header = parseHeaderLine(headerText);
      if (header.kind !== context.kind || header.id !== context.id || header.vault !== context.vaultId) {
        throw new EnvelopeError('other-file');
      }
      const iv = Buffer.from(header.iv, 'base64');
      if (iv.length !== ivLength || dek.length !== 32) throw new EnvelopeError('auth');
      decipher = createDecipheriv('aes-256-gcm', dek, iv, { authTagLength: tagLength });
      decipher.setAAD(Buffer.from(headerText, 'utf8'));
      text = head.slice(newline + 1);
      head = '';
    }
    // Exactly one line break ends the body, and nothing follows it.
    if (ended && text.length > 0) throw new EnvelopeError('format');
    const newline = text.indexOf('\n');
    if (newline >= 0) {
      if (newline !== text.length - 1) throw new EnvelopeError('format');
      ended = true;
      text = text.slice(0, newline);
    }
    pending += text;
    const ready = pending.length - (pending.length % 4) - 4;
    if (ready > 0) {
      feed(pending.slice(0, ready), false);
      pending = pending.slice(ready);
    }
  }
  // What is left is the final quad (the body is whole quads, and never shorter than the tag).
  if (decipher === null || !ended || pending.length !== 4) throw new EnvelopeError('format');
  feed(pending, true);
  if (tail.length < tagLength) throw new EnvelopeError('format');
  try {
    decipher.setAuthTag(tail);
    decipher.final();
  } catch {
    throw new EnvelopeError('auth');
  }
}

export function openEnvelopeBody(dek: Buffer, header: EnvelopeHeader, headerText: string, body: string): string {
  let compressed: Buffer;
  try {
    compressed = open(
      dek,
      Buffer.from(header.iv, 'base64'),
      Buffer.from(body, 'base64'),
      Buffer.from(headerText, 'utf8'),
    );
  } catch (error) {
    if (error instanceof DecryptError) throw new EnvelopeError('auth');
    throw error;
  }
  try {
    return brotliDecompressSync(compressed, { maxOutputLength: maxPlaintextBytes }).toString('utf8');
  } catch {
    throw new EnvelopeError('format');
  }
}
