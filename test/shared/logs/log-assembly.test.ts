import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { catalog } from '../../../shared/catalog/catalog';
import { automaticCheckIds } from '../../../shared/checks/check-ids';
import { checkStatuses, type CheckResult, type CheckStatus } from '../../../shared/checks/check-result';
import type { JudgementInput } from '../../../shared/checks/judgement';
import { assembleReadinessLog, type LogAssemblyInput } from '../../../shared/logs/log-assembly';
import { logOutcome } from '../../../shared/logs/log-outcome';
import { summarizeLog } from '../../../shared/logs/log-summary';
import { newReadinessLogSchema, readinessLogSchema } from '../../../shared/logs/readiness-log';

const checkedAt = '2026-03-15T08:55:00.000Z';
const at = '2026-03-15T08:58:00.000Z';

function result(id: string, status: CheckStatus): CheckResult {
  return { id, status, summary: `${id} is ${status}`, evidence: { seen: status }, fix: null, durationMs: 12 };
}

function allPassing(): LogAssemblyInput['automatic'] {
  return Object.fromEntries(automaticCheckIds.map((id) => [id, { result: result(id, 'pass'), checkedAt }]));
}

const manualIds = catalog.filter((e) => e.kind === 'manual').map((e) => e.id);
const mediaPass = catalog
  .filter((e) => e.kind === 'media')
  .map((e) => e.id)
  .map((id) => ({
    id,
    status: 'pass' as const,
    summary: 'Fine.',
    evidence: {},
    durationMs: 0,
  }));

function input(overrides: Partial<LogAssemblyInput> = {}): LogAssemblyInput {
  return {
    session: { sessionAt: at, clientCode: ' AB-017 ', platform: 'zoom', modality: 'video' },
    automatic: allPassing(),
    missingSummary: 'Not checked before the session.',
    media: mediaPass,
    untestedMediaSummary: 'Not tested before the session.',
    confirmations: Object.fromEntries(manualIds.map((id) => [id, true])),
    judgements: [],
    remembered: [],
    programsClosed: [],
    note: ' ok ',
    ...overrides,
  };
}

describe('assembleReadinessLog', () => {
  it('saves a check whose evidence is beyond what a log holds, keeping its status and saying the details were left out', () => {
    const programs = Array.from({ length: 700 }, (_, i) => ({ name: `Helper ${i}`, category: 'other', pid: 1000 + i }));
    const id = automaticCheckIds[0];
    const automatic = {
      ...allPassing(),
      [id]: { result: { ...result(id, 'warn'), evidence: { programs } }, checkedAt },
    };
    const { log } = assembleReadinessLog(input({ automatic }));
    expect(newReadinessLogSchema.safeParse(log).success).toBe(true);
    const check = log.checks.find((c) => c.id === id);
    expect(check).toMatchObject({ status: 'warn', summary: `${id} is warn`, checkedAt });
    expect(check?.evidence).toEqual({
      evidenceLeftOut: 'The details of this check were left out of the log: its evidence has too many entries.',
    });
    expect(log.checks.find((c) => c.id === automaticCheckIds[1])?.evidence).toEqual({ seen: 'pass' });
  });

  it('builds a valid Ready log from what main measured and what the therapist answered', () => {
    const { log, problems, unused } = assembleReadinessLog(input());
    expect(newReadinessLogSchema.parse(log)).toEqual(log);
    expect(log.outcome).toBe('ready');
    expect(log.clientCode).toBe('AB-017');
    expect(log.note).toBe('ok');
    expect(log.checks.find((c) => c.id === 'security.firewall')).toMatchObject({ status: 'pass', checkedAt });
    expect(log.judgements).toBeUndefined();
    expect(problems).toEqual([]);
    expect(unused).toEqual([]);
  });

  it('records a check with no result as unknown, saying whether it was still running', () => {
    const automatic = { ...allPassing(), 'security.firewall': undefined, 'security.antivirus': undefined };
    const { log } = assembleReadinessLog(input({ automatic, running: new Set(['security.antivirus']) }));
    expect(log.checks.find((c) => c.id === 'security.firewall')).toMatchObject({
      status: 'unknown',
      summary: 'Not checked before the session.',
      evidence: { reason: 'no-result' },
    });
    expect(log.checks.find((c) => c.id === 'security.antivirus')).toMatchObject({
      status: 'unknown',
      evidence: { reason: 'still-running' },
    });
    expect(log.outcome).toBe('ready-with-advice');
  });

  it('takes only media results from the window, never an automatic one', () => {
    const forged = {
      id: 'security.firewall',
      status: 'pass' as const,
      summary: 'Forged.',
      evidence: {},
      durationMs: 0,
    };
    const automatic = {
      ...allPassing(),
      'security.firewall': { result: result('security.firewall', 'fail'), checkedAt },
    };
    const { log } = assembleReadinessLog(input({ automatic, media: [...mediaPass, forged] }));
    expect(log.checks.filter((c) => c.id === 'security.firewall')).toEqual([
      expect.objectContaining({ status: 'fail', summary: 'security.firewall is fail' }),
    ]);
  });

  it('keeps what ReadyRoom saw beside the therapist judgement, with its time and note', () => {
    const automatic = {
      ...allPassing(),
      'security.firewall': { result: result('security.firewall', 'unknown'), checkedAt },
      'security.antivirus': { result: result('security.antivirus', 'fail'), checkedAt },
    };
    const judgements: JudgementInput[] = [
      { id: 'security.firewall', kind: 'confirmed', note: ' Checked in Windows Security ', at },
      { id: 'security.antivirus', kind: 'not-applicable', reason: 'managed-by-clinic', at },
    ];
    const { log, problems } = assembleReadinessLog(input({ automatic, judgements }));
    expect(problems).toEqual([]);
    expect(log.checks.find((c) => c.id === 'security.firewall')?.status).toBe('unknown');
    expect(log.checks.find((c) => c.id === 'security.antivirus')?.status).toBe('fail');
    expect(log.judgements).toEqual([
      { id: 'security.firewall', kind: 'confirmed', note: 'Checked in Windows Security', at },
      { id: 'security.antivirus', kind: 'not-applicable', reason: 'managed-by-clinic', at },
    ]);
    expect(log.outcome).toBe('ready');
  });

  it('reports judgements that cannot be recorded and does not apply them', () => {
    const automatic = {
      ...allPassing(),
      'connection.quality': { result: result('connection.quality', 'unknown'), checkedAt },
      'security.firewall': { result: result('security.firewall', 'fail'), checkedAt },
    };
    const judgements: JudgementInput[] = [
      { id: 'connection.quality', kind: 'confirmed', at },
      { id: 'security.firewall', kind: 'confirmed', note: 'It is on', at },
      { id: 'nothing.here', kind: 'confirmed', at },
      { id: 'security.os-support', kind: 'confirmed', at },
    ];
    const { log, problems, unused } = assembleReadinessLog(input({ automatic, judgements }));
    expect(problems.map((p) => p.id)).toEqual(['connection.quality', 'security.firewall', 'nothing.here']);
    expect(problems[0]?.message).toMatch(/note/);
    expect(unused).toEqual(['security.os-support']);
    expect(log.judgements).toBeUndefined();
    expect(log.outcome).toBe('not-ready');
  });

  it('applies a remembered "not applicable" where nothing else was said, marked as remembered', () => {
    const automatic = {
      ...allPassing(),
      'security.antivirus': { result: result('security.antivirus', 'unknown'), checkedAt },
    };
    const remembered = [
      { id: 'security.antivirus', reason: 'managed-by-clinic' as const, note: '', since: '2026-01-02T10:00:00.000Z' },
      { id: 'security.firewall', reason: 'managed-by-clinic' as const, note: '', since: '2026-01-02T10:00:00.000Z' },
    ];
    const { log } = assembleReadinessLog(input({ automatic, remembered }));
    expect(log.judgements).toEqual([
      {
        id: 'security.antivirus',
        kind: 'not-applicable',
        reason: 'managed-by-clinic',
        at: '2026-01-02T10:00:00.000Z',
        remembered: true,
      },
    ]);
    expect(log.outcome).toBe('ready');
  });

  it('gives every saved log a "needed attention" list that agrees with its outcome', () => {
    const status = fc.constantFrom(...checkStatuses);
    fc.assert(
      fc.property(
        fc.array(status, { minLength: automaticCheckIds.length, maxLength: automaticCheckIds.length }),
        fc.array(fc.boolean(), { minLength: manualIds.length, maxLength: manualIds.length }),
        fc.subarray([...automaticCheckIds]),
        fc.subarray([...automaticCheckIds]),
        fc.constantFrom('video', 'audio', 'text'),
        (statuses, answers, confirmIds, naIds, modality) => {
          const automatic = Object.fromEntries(
            automaticCheckIds.map((id, i) => [id, { result: result(id, statuses[i] ?? 'pass'), checkedAt }]),
          );
          const judgements: JudgementInput[] = [
            ...confirmIds.map((id) => ({ id, kind: 'confirmed' as const, note: 'seen it', at })),
            ...naIds
              .filter((id) => !confirmIds.includes(id))
              .map((id) => ({ id, kind: 'not-applicable' as const, reason: 'other' as const, note: 'why', at })),
          ];
          const { log } = assembleReadinessLog(
            input({
              session: { sessionAt: at, clientCode: 'AB-1', platform: 'zoom', modality },
              automatic,
              confirmations: Object.fromEntries(manualIds.map((id, i) => [id, answers[i] ?? false])),
              judgements,
            }),
          );
          const stored = readinessLogSchema.parse({
            ...log,
            id: '202603-abcdefghjkmnpqrstvwx',
            createdAt: at,
            appVersion: '0.1.0',
            addenda: [],
          });
          expect(logOutcome(stored).outcome).toBe(log.outcome);
          const summary = summarizeLog(stored);
          expect(summary.attention.length === 0).toBe(log.outcome === 'ready');
          for (const judged of summary.judged) expect(summary.attention.map((a) => a.id)).not.toContain(judged.id);
        },
      ),
      { numRuns: 200 },
    );
  });
});
