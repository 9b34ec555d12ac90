import { z } from 'zod';

import type { JsonObject, JsonValue } from '../json';

/**
 * Bounds on one check's evidence as it arrives to be saved. Real evidence is a few hundred bytes
 * of named facts (the largest, a list of running programs, a few kilobytes); these bounds leave
 * ample room while keeping a log small and cheap to encrypt, search and show.
 */
export const evidenceLimits = {
  /** Objects and lists nest at most this deep (the evidence object itself is the first level). */
  maxDepth: 6,
  /** Object members and list items, counted across the whole evidence. */
  maxEntries: 1000,
  maxKeyLength: 100,
  maxStringLength: 2000,
  /** The evidence as JSON, in characters. */
  maxJsonLength: 32 * 1024,
} as const;

export type EvidenceLimits = { readonly [K in keyof typeof evidenceLimits]: number };

/** Why this evidence is out of bounds, in words that name no value; null when it is fine. */
export function evidenceProblem(evidence: JsonObject, limits: EvidenceLimits = evidenceLimits): string | null {
  let entries = 0;
  const stack: { readonly value: JsonValue; readonly depth: number }[] = [{ value: evidence, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: JsonValue; depth: number };
    if (typeof value === 'string') {
      if (value.length > limits.maxStringLength) return 'holds a text that is too long';
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= limits.maxDepth) return 'is nested too deeply';
    const children = Array.isArray(value) ? value : Object.values(value);
    if (!Array.isArray(value) && Object.keys(value).some((key) => key.length > limits.maxKeyLength))
      return 'has a name that is too long';
    entries += children.length;
    if (entries > limits.maxEntries) return 'has too many entries';
    for (const child of children) stack.push({ value: child, depth: depth + 1 });
  }
  // Bounded by the checks above, so serialising here is cheap.
  return JSON.stringify(evidence).length > limits.maxJsonLength ? 'is too large' : null;
}

/** Any JSON object: what a stored log may hold, so logs saved by older versions stay readable. */
export const storedEvidenceSchema = z.record(z.string().max(100), z.json());

/** Evidence as it arrives to be saved: JSON, within `evidenceLimits`. */
export const evidenceSchema = z
  .record(z.string().max(evidenceLimits.maxKeyLength), z.json())
  .superRefine((evidence, ctx) => {
    const problem = evidenceProblem(evidence as JsonObject);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
