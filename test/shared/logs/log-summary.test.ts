import { describe, expect, it } from 'vitest';

import { automaticCheckIds } from '../../../shared/checks/check-ids';
import { legacyLogSummarySchema, logSummarySchema, summarizeLog } from '../../../shared/logs/log-summary';
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

  it('lists what the outcome counts as not done, so a "Not ready" log never shows "nothing needed attention"', () => {
    // As `scan --save` stored it before: every check passed, but the questions were never asked.
    const log = stored(4);
    const cliLog = readinessLogSchema.parse({
      ...log,
      checks: automaticCheckIds.map((id) => ({ id, status: 'pass', summary: 'Fine.', evidence: {}, durationMs: 1 })),
      confirmations: [],
      outcome: 'not-ready',
    });
    const summary = summarizeLog(cliLog);
    expect(summary.problems).toEqual([]);
    expect(summary.attention.length).toBeGreaterThan(0);
    expect(summary.attention).toContainEqual({ id: 'safeguarding.client-location', state: 'unconfirmed' });
    expect(summary.attention).toContainEqual({ id: 'media.camera', state: 'unknown' });
  });

  it('moves items the therapist settled out of "needed attention" into "judged", with what was seen', () => {
    const base = stored(5);
    const log = readinessLogSchema.parse({
      ...base,
      checks: base.checks.map((c) =>
        c.id === 'security.firewall'
          ? { ...c, status: 'unknown' }
          : c.id === 'security.antivirus'
            ? { ...c, status: 'fail' }
            : c,
      ),
      judgements: [
        { id: 'security.firewall', kind: 'confirmed', at: base.createdAt },
        { id: 'security.antivirus', kind: 'not-applicable', reason: 'managed-by-clinic', at: base.createdAt },
      ],
    });
    const summary = summarizeLog(log);
    expect(summary.judged).toEqual([
      { id: 'security.firewall', kind: 'confirmed', seen: 'unknown' },
      { id: 'security.antivirus', kind: 'not-applicable', seen: 'fail' },
    ]);
    expect(summary.attention.map((a) => a.id)).not.toContain('security.firewall');
    expect(summary.attention.map((a) => a.id)).not.toContain('security.antivirus');
    // What ReadyRoom saw is kept as it was.
    expect(summary.problems).toContain('security.firewall');
  });

  it('still reads summaries written before attention and judgements existed', () => {
    const { attention: _a, judged: _j, ...legacy } = summarizeLog(stored(6));
    expect(legacyLogSummarySchema.safeParse(legacy).success).toBe(true);
    expect(logSummarySchema.safeParse(legacy).success).toBe(false);
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
