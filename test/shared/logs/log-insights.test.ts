import { describe, expect, it } from 'vitest';

import { summariseLogs } from '../../../shared/logs/log-insights';
import type { AttentionItem, JudgedItem, LogSummary } from '../../../shared/logs/readiness-log';

function summary(
  id: string,
  createdAt: string,
  outcome: LogSummary['outcome'],
  attention: AttentionItem[],
  judged: JudgedItem[] = [],
): LogSummary {
  return {
    id: `log-${id}-0000`,
    createdAt,
    sessionAt: createdAt,
    clientCode: 'AB-017',
    platform: 'zoom',
    modality: 'video',
    outcome,
    problems: attention.filter((a) => a.state !== 'unconfirmed').map((a) => a.id),
    attention,
    judged,
    addendaCount: 0,
  };
}

const unknown = (id: string): AttentionItem => ({ id, state: 'unknown' });
const fail = (id: string): AttentionItem => ({ id, state: 'fail' });
const warn = (id: string): AttentionItem => ({ id, state: 'warn' });

describe('summariseLogs', () => {
  // A Linux laptop without ClamAV: antivirus can never be read; the firewall could not be read twice
  // (once checked by hand); the camera is marked not applicable; the connection really was poor.
  const logs = [
    summary(
      'a',
      '2026-03-01T09:00:00.000Z',
      'not-ready',
      [unknown('security.antivirus'), fail('connection.quality')],
      [{ id: 'media.camera', kind: 'not-applicable', seen: 'unknown' }],
    ),
    summary(
      'b',
      '2026-03-08T09:00:00.000Z',
      'not-ready',
      [unknown('security.antivirus'), unknown('security.firewall'), warn('connection.quality')],
      [{ id: 'media.camera', kind: 'not-applicable', seen: 'unknown' }],
    ),
    summary(
      'c',
      '2026-03-15T09:00:00.000Z',
      'not-ready',
      [unknown('security.antivirus'), { id: 'room.private', state: 'unconfirmed' }],
      [
        { id: 'security.firewall', kind: 'confirmed', seen: 'unknown' },
        { id: 'media.camera', kind: 'not-applicable', seen: 'fail' },
      ],
    ),
    summary('d', '2026-03-22T09:00:00.000Z', 'ready', [], [{ id: 'connection.type', kind: 'confirmed', seen: 'warn' }]),
  ];

  it('counts the outcomes and the period covered', () => {
    const insights = summariseLogs(logs);
    expect(insights.count).toBe(4);
    expect(insights.byOutcome).toEqual({ ready: 1, 'ready-with-advice': 0, 'not-ready': 3 });
    expect(insights.firstAt).toBe('2026-03-01T09:00:00.000Z');
    expect(insights.lastAt).toBe('2026-03-22T09:00:00.000Z');
  });

  it('keeps real problems, what could not be checked here and what was marked not applicable apart', () => {
    const insights = summariseLogs(logs, 'linux');
    expect(insights.problems.map((p) => [p.checkId, p.count, p.failed, p.warned])).toEqual([
      ['connection.quality', 2, 1, 1],
    ]);
    expect(insights.couldNotCheck.map((u) => [u.checkId, u.count, u.checkedByYou])).toEqual([
      ['security.antivirus', 3, 0],
      ['security.firewall', 2, 1],
    ]);
    expect(insights.notApplicable.map((n) => [n.checkId, n.count])).toEqual([['media.camera', 3]]);
    // A blind spot is never listed as a problem, nor the other way round.
    const problemIds = insights.problems.map((p) => p.checkId);
    expect(problemIds).not.toContain('security.antivirus');
    expect(problemIds).not.toContain('media.camera');
  });

  it('gives each problem the catalog advice for this computer, its source and how often', () => {
    const [quality] = summariseLogs(logs, 'win32').problems;
    expect(quality).toMatchObject({
      title: 'Connection to the video platform is quick, steady and complete',
      count: 2,
      share: 0.5,
      source: 'Microsoft Teams network guidance; ITU-T G.114',
    });
    expect(quality?.advice).toMatch(/^Pause downloads/);
  });

  it('lists only what came up in two or more logs, and a warning checked by hand in none', () => {
    const insights = summariseLogs(logs);
    expect(insights.problems.map((p) => p.checkId)).not.toContain('room.private');
    const all = [...insights.problems, ...insights.couldNotCheck, ...insights.notApplicable].map((i) => i.checkId);
    expect(all).not.toContain('connection.type');
  });

  it('counts an item once per log even if listed twice', () => {
    const twice = summary('x', '2026-01-01T00:00:00.000Z', 'not-ready', [
      fail('security.firewall'),
      fail('security.firewall'),
    ]);
    expect(summariseLogs([twice, twice]).problems[0]?.count).toBe(2);
  });

  it('reports nothing and no period for no logs', () => {
    expect(summariseLogs([])).toMatchObject({
      count: 0,
      problems: [],
      couldNotCheck: [],
      notApplicable: [],
      firstAt: null,
      lastAt: null,
    });
  });
});
