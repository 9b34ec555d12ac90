import { describe, expect, it } from 'vitest';

import { summariseLogs } from '../../../shared/logs/log-insights';
import type { LogSummary } from '../../../shared/logs/readiness-log';

function summary(id: string, createdAt: string, outcome: LogSummary['outcome'], problems: string[]): LogSummary {
  return {
    id: `log-${id}-0000`,
    createdAt,
    sessionAt: createdAt,
    clientCode: 'AB-017',
    platform: 'zoom',
    modality: 'video',
    outcome,
    problems,
    attention: problems.map((id) => ({ id, state: 'warn' as const })),
    judged: [],
    addendaCount: 0,
  };
}

describe('summariseLogs', () => {
  const logs = [
    summary('a', '2026-03-01T09:00:00.000Z', 'ready-with-advice', ['security.firewall', 'connection.type']),
    summary('b', '2026-03-08T09:00:00.000Z', 'not-ready', ['security.firewall', 'connection.quality']),
    summary('c', '2026-03-15T09:00:00.000Z', 'ready-with-advice', ['security.firewall', 'connection.type']),
    summary('d', '2026-03-22T09:00:00.000Z', 'ready', []),
  ];

  it('counts the outcomes and the period covered', () => {
    const insights = summariseLogs(logs);
    expect(insights.count).toBe(4);
    expect(insights.byOutcome).toEqual({ ready: 1, 'ready-with-advice': 2, 'not-ready': 1 });
    expect(insights.firstAt).toBe('2026-03-01T09:00:00.000Z');
    expect(insights.lastAt).toBe('2026-03-22T09:00:00.000Z');
  });

  it('lists problems seen in two or more logs, most frequent first, with catalog titles', () => {
    const { recurring } = summariseLogs(logs);
    expect(recurring.map((r) => [r.checkId, r.count])).toEqual([
      ['security.firewall', 3],
      ['connection.type', 2],
    ]);
    expect(recurring[0]?.title).toBe('Firewall is on');
    expect(recurring[0]?.share).toBeCloseTo(0.75);
  });

  it('counts a check once per log even if listed twice', () => {
    const twice = [summary('x', '2026-01-01T00:00:00.000Z', 'ready', ['security.firewall', 'security.firewall'])];
    expect(summariseLogs([...twice, ...twice]).recurring[0]?.count).toBe(2);
  });

  it('reports nothing recurring and no period for no logs', () => {
    expect(summariseLogs([])).toMatchObject({ count: 0, recurring: [], firstAt: null, lastAt: null });
  });
});
