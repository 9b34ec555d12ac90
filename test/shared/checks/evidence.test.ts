import { describe, expect, it } from 'vitest';

import { evidenceLimits, evidenceProblem, evidenceSchema } from '../../../shared/checks/evidence';
import type { JsonObject, JsonValue } from '../../../shared/json';
import { newReadinessLogSchema, readinessLogSchema } from '../../../shared/logs/readiness-log';

/** Evidence whose containers nest `levels` deep, the evidence object itself included. */
function nestedLevels(levels: number): JsonObject {
  let value: JsonValue = 'leaf';
  for (let i = 1; i < levels; i += 1) value = { down: value };
  return { down: value };
}

const baseLog = {
  sessionAt: '2026-03-02T09:00:00Z',
  clientCode: 'AB-017',
  platform: 'zoom',
  modality: 'video',
  confirmations: [],
  programsClosed: [],
  note: '',
  outcome: 'ready',
} as const;
const check = (evidence: JsonObject) => ({
  id: 'security.firewall',
  status: 'pass',
  summary: 'On.',
  evidence,
  durationMs: 3,
});

describe('evidence bounds', () => {
  it('allows each limit exactly and refuses one past it', () => {
    expect(evidenceProblem(nestedLevels(evidenceLimits.maxDepth))).toBeNull();
    expect(evidenceProblem(nestedLevels(evidenceLimits.maxDepth + 1))).toBe('is nested too deeply');
    expect(evidenceProblem({ list: new Array(evidenceLimits.maxEntries - 1).fill(0) })).toBeNull();
    expect(evidenceProblem({ list: new Array(evidenceLimits.maxEntries).fill(0) })).toBe('has too many entries');
    expect(evidenceProblem({ text: 't'.repeat(evidenceLimits.maxStringLength) })).toBeNull();
    expect(evidenceProblem({ text: 't'.repeat(evidenceLimits.maxStringLength + 1) })).toBe(
      'holds a text that is too long',
    );
    expect(evidenceProblem({ ['k'.repeat(evidenceLimits.maxKeyLength + 1)]: 1 })).toBe('has a name that is too long');
    expect(evidenceProblem({ inner: { ['k'.repeat(evidenceLimits.maxKeyLength + 1)]: 1 } })).toBe(
      'has a name that is too long',
    );
  });

  it('caps the evidence as a whole, in JSON characters', () => {
    const filler = (length: number) => ({ a: 'x'.repeat(2000), b: 'y'.repeat(length - 2000 - 15) });
    expect(JSON.stringify(filler(3000)).length).toBe(3000);
    const limits = { ...evidenceLimits, maxJsonLength: 3000 };
    expect(evidenceProblem(filler(3000), limits)).toBeNull();
    expect(evidenceProblem(filler(3001), limits)).toBe('is too large');
  });

  it('refuses unbounded evidence in a new log, with the reason as the issue message', () => {
    const parsed = evidenceSchema.safeParse(nestedLevels(20));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('is nested too deeply');
    const log = newReadinessLogSchema.safeParse({ ...baseLog, checks: [check({ text: 'x'.repeat(5000) })] });
    expect(log.success).toBe(false);
  });

  it('still reads a stored log whose evidence an older version saved without bounds', () => {
    const stored = {
      ...baseLog,
      checks: [check({ text: 'x'.repeat(5000), deep: nestedLevels(10) })],
      id: 'log_0123456789',
      createdAt: '2026-03-02T09:01:00Z',
      appVersion: '0.0.9',
      addenda: [],
    };
    expect(readinessLogSchema.safeParse(stored).success).toBe(true);
  });
});
