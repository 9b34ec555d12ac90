import { describe, expect, it } from 'vitest';

import { logSummarySchema, summarizeLog } from '../../../shared/logs/log-summary';
import { newReadinessLogSchema, readinessLogSchema, type ReadinessLog } from '../../../shared/logs/readiness-log';
import { sampleLog } from '../../fixtures/vault/sample-logs';

function stored(seed: number): ReadinessLog {
  return readinessLogSchema.parse({
    ...sampleLog(seed),
    id: '202603-abcdefghjkmnpqrstvwx',
    createdAt: '2026-03-15T10:00:00.000Z',
    appVersion: '0.1.0',
    addenda: [{ kind: 'note', text: 'later', at: '2026-03-15T11:00:00.000Z' }],
  });
}

describe('log-summary', () => {
  it('lists warn, fail and unknown checks as problems, never skipped or passed ones', () => {
    const log = stored(1);
    const summary = summarizeLog(log);
    const expected = log.checks.filter((c) => ['warn', 'fail', 'unknown'].includes(c.status)).map((c) => c.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(summary.problems).toEqual(expected);
    expect(summary).toMatchObject({ id: log.id, clientCode: log.clientCode, outcome: log.outcome, addendaCount: 1 });
  });

  it('carries no note, evidence or program names', () => {
    const summary = summarizeLog(stored(2));
    const text = JSON.stringify(summary);
    expect(text).not.toContain('Quiet room');
    expect(text).not.toContain('Dropbox');
    expect(text).not.toContain('latencyMs');
  });

  it('validates with its own schema, which rejects extra fields', () => {
    const summary = summarizeLog(stored(3));
    expect(logSummarySchema.parse(summary)).toEqual(summary);
    expect(logSummarySchema.safeParse({ ...summary, note: 'x' }).success).toBe(false);
  });
});

describe('logs that name a platform which has since closed', () => {
  const skypeLog = {
    ...sampleLog(4),
    platform: 'skype',
    id: '202401-abcdefghjkmnpqrstvwx',
    createdAt: '2024-01-15T10:00:00.000Z',
    appVersion: '0.1.0',
    addenda: [],
  };

  it('keeps a stored Skype log readable and listable', () => {
    const log = readinessLogSchema.parse(skypeLog);
    expect(log.platform).toBe('skype');
    expect(logSummarySchema.parse(summarizeLog(log)).platform).toBe('skype');
  });

  it('refuses a new log on Skype, which closed in May 2025', () => {
    expect(newReadinessLogSchema.safeParse({ ...sampleLog(4), platform: 'skype' }).success).toBe(false);
    expect(
      newReadinessLogSchema.safeParse({ ...sampleLog(4), platform: 'jane', platformHost: 'a.janeapp.com' }).success,
    ).toBe(true);
  });
});
