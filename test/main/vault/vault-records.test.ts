import { describe, expect, it } from 'vitest';

import { logSummarySchema, logSummaryVersion, summarizeLog } from '../../../shared/logs/log-summary';
import type { ReadinessLog } from '../../../shared/logs/readiness-log';
import { noteSearchMaxChars } from '../../../shared/logs/log-note-search';
import {
  emptyMonth,
  indexOfMonth,
  parseIndex,
  RecordsFormatError,
  serializeIndex,
} from '../../../main/vault/vault-records';
import { sampleLog } from '../../fixtures/vault/sample-logs';

const summary = summarizeLog({
  ...sampleLog(3),
  id: '202603-0123456789abcdefghjk',
  createdAt: '2026-03-04T09:30:00.000Z',
  appVersion: '0.1.0',
  addenda: [],
} as ReadinessLog);

function indexWith(summaries: unknown[]): string {
  return JSON.stringify({ schema: 1, summaryVersion: logSummaryVersion, period: '2026-03', deleted: {}, summaries });
}

function accepted(value: unknown): boolean {
  try {
    parseIndex(indexWith([value]), '2026-03');
    return true;
  } catch (error) {
    if (error instanceof RecordsFormatError) return false;
    throw error;
  }
}

describe('vault-records: reading an index', () => {
  it('accepts and refuses summaries as the summary schema does', () => {
    const variants: unknown[] = [
      summary,
      { ...summary, extra: 1 },
      (({ outcome: _o, ...rest }) => rest)(summary),
      { ...summary, outcome: 'fine' },
      { ...summary, platform: 'carrier-pigeon' },
      { ...summary, modality: 'telepathy' },
      { ...summary, clientCode: '' },
      { ...summary, clientCode: 'X'.repeat(500) },
      { ...summary, id: 'short' },
      { ...summary, createdAt: 'yesterday' },
      { ...summary, sessionAt: 42 },
      { ...summary, problems: 'security.firewall' },
      { ...summary, problems: [''] },
      { ...summary, problems: ['security.firewall', 'connection.quality'] },
      { ...summary, addendaCount: -1 },
      { ...summary, addendaCount: 1.5 },
      { ...summary, addendaCount: 3 },
      { ...summary, attention: [{ id: 'security.firewall', state: 'warn' }] },
      { ...summary, attention: [{ id: 'security.firewall', state: 'pass' }] },
      { ...summary, attention: [{ id: 'security.firewall' }] },
      { ...summary, attention: [{ id: 'security.firewall', state: 'warn', extra: 1 }] },
      { ...summary, attention: {} },
      (({ attention: _a, ...rest }) => rest)(summary),
      { ...summary, judged: [{ id: 'security.firewall', kind: 'not-applicable', seen: 'unknown' }] },
      { ...summary, judged: [{ id: 'security.firewall', kind: 'waived', seen: 'unknown' }] },
      { ...summary, judged: [{ id: 'security.firewall', kind: 'confirmed', seen: 'pass' }] },
      { ...summary, judged: [{ id: '', kind: 'confirmed', seen: 'warn' }] },
      (({ judged: _j, ...rest }) => rest)(summary),
      { ...summary, platform: 'skype' },
      null,
      [summary],
    ];
    for (const variant of variants) {
      expect(accepted(variant), JSON.stringify(variant)?.slice(0, 80)).toBe(
        logSummarySchema.safeParse(variant).success,
      );
    }
    expect(accepted(summary)).toBe(true);
  });
});

describe('vault-records: the summaries of an index in memory', () => {
  it('keeps one shared, frozen copy of each repeated check id and item, with every value unchanged', () => {
    const second = { ...summary, id: '202603-0123456789abcdefghjm' };
    expect(summary.attention.length).toBeGreaterThan(0);
    expect(summary.problems.length).toBeGreaterThan(0);
    const index = parseIndex(indexWith([summary, second]), '2026-03');
    expect(index.summaries).toEqual([summary, second]);
    const [a, b] = index.summaries;
    expect(a?.attention[0]).toBe(b?.attention[0]);
    expect(Object.isFrozen(a?.attention[0])).toBe(true);
    // Another month read later shares them too.
    const again = parseIndex(indexWith([summary]), '2026-03');
    expect(again.summaries[0]?.attention[0]).toBe(a?.attention[0]);
  });
});

describe('vault-records: the notes an index keeps for searching', () => {
  const id = '202603-0123456789abcdefghjk';
  const month = (note: string, addenda: ReadinessLog['addenda'] = []) =>
    indexOfMonth({
      ...emptyMonth('2026-03'),
      logs: {
        [id]: { ...sampleLog(3, { note }), id, createdAt: '2026-03-04T09:30:00.000Z', appVersion: '0.1.0', addenda },
      },
    });

  it('keeps each log’s own and added notes, normalised and bounded, and leaves out logs without any', () => {
    const index = month('Café  DOWNSTAIRS', [{ kind: 'note', text: 'Rang later.', at: '2026-03-04T11:00:00.000Z' }]);
    expect(index.notes).toEqual({ [id]: 'cafe downstairs rang later.' });
    expect(month('x'.repeat(5000)).notes?.[id]).toHaveLength(noteSearchMaxChars);
    expect(month('').notes).toEqual({});
    expect(parseIndex(serializeIndex(index), '2026-03').notes).toEqual(index.notes);
  });

  it('reads an index without notes (an older one) and refuses notes of the wrong shape', () => {
    expect(parseIndex(indexWith([summary]), '2026-03').notes).toBeUndefined();
    const withNotes = (notes: unknown) => {
      const json = JSON.stringify({ ...JSON.parse(indexWith([summary])), notes });
      return () => parseIndex(json, '2026-03');
    };
    expect(withNotes({ [id]: 'fine' })().notes).toEqual({ [id]: 'fine' });
    expect(withNotes({ [id]: 42 })).toThrow(RecordsFormatError);
    expect(withNotes({ short: 'x' })).toThrow(RecordsFormatError);
    expect(withNotes({ [id]: 'y'.repeat(noteSearchMaxChars + 1) })).toThrow(RecordsFormatError);
    expect(withNotes(['x'])).toThrow(RecordsFormatError);
  });
});
