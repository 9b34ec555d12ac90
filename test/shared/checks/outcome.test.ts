import { describe, expect, it } from 'vitest';

import type { CatalogEntry } from '../../../shared/catalog/catalog-types';
import { catalog } from '../../../shared/catalog/catalog';
import { computeOutcome, itemState, itemStateLabels } from '../../../shared/checks/outcome';

function entry(partial: Partial<CatalogEntry> & Pick<CatalogEntry, 'id'>): CatalogEntry {
  return {
    category: 'computer',
    step: 'security',
    kind: 'automatic',
    severity: 'advice',
    title: partial.id,
    why: 'Because (NCSC).',
    source: 'NCSC',
    fix: {},
    ...partial,
  };
}

const firewall = entry({ id: 'security.firewall' });
const quality = entry({ id: 'connection.quality', severity: 'blocker', step: 'connection' });
const room = entry({ id: 'room.private', kind: 'manual', severity: 'blocker', confirm: 'Private.' });
const link = entry({ id: 'safeguarding.link-private', kind: 'manual', confirm: 'Sent privately.' });
const camera = entry({ id: 'media.camera', kind: 'media', severity: 'blocker', modalities: ['video'] });
const entries = [firewall, quality, room, link, camera];

const allGood = {
  entries,
  modality: 'video' as const,
  results: { 'security.firewall': 'pass', 'connection.quality': 'pass', 'media.camera': 'pass' } as const,
  confirmations: { 'room.private': true, 'safeguarding.link-private': true },
};

describe('computeOutcome', () => {
  it('is ready when every item passed or was confirmed', () => {
    const report = computeOutcome(allGood);
    expect(report.outcome).toBe('ready');
    expect(report.left).toEqual([]);
    expect(report.counts.pass).toBe(5);
  });

  it('is not ready when a blocker failed', () => {
    const report = computeOutcome({ ...allGood, results: { ...allGood.results, 'connection.quality': 'fail' } });
    expect(report.outcome).toBe('not-ready');
    expect(report.blocking.map((i) => i.entry.id)).toEqual(['connection.quality']);
  });

  it('never counts an unknown blocker as a pass', () => {
    const report = computeOutcome({ ...allGood, results: { ...allGood.results, 'connection.quality': 'unknown' } });
    expect(report.outcome).toBe('not-ready');
    expect(report.counts.pass).toBe(4);
    expect(report.counts.unknown).toBe(1);
  });

  it('treats a missing automatic result as unknown', () => {
    const results = { 'security.firewall': 'pass', 'media.camera': 'pass' } as const;
    const report = computeOutcome({ ...allGood, results });
    expect(report.left).toEqual([{ entry: quality, state: 'unknown' }]);
    expect(report.outcome).toBe('not-ready');
  });

  it('is not ready while a blocking confirmation is missing', () => {
    const report = computeOutcome({ ...allGood, confirmations: { 'safeguarding.link-private': true } });
    expect(report.outcome).toBe('not-ready');
    expect(report.left).toEqual([{ entry: room, state: 'unconfirmed' }]);
  });

  it('counts a confirmation explicitly set to false as not confirmed', () => {
    const report = computeOutcome({ ...allGood, confirmations: { ...allGood.confirmations, 'room.private': false } });
    expect(report.outcome).toBe('not-ready');
  });

  it('gives ready with advice for an advice item that failed or is unknown', () => {
    expect(computeOutcome({ ...allGood, results: { ...allGood.results, 'security.firewall': 'fail' } }).outcome).toBe(
      'ready-with-advice',
    );
    expect(
      computeOutcome({ ...allGood, results: { ...allGood.results, 'security.firewall': 'unknown' } }).outcome,
    ).toBe('ready-with-advice');
  });

  it('gives ready with advice for an unconfirmed advice item', () => {
    const report = computeOutcome({ ...allGood, confirmations: { 'room.private': true } });
    expect(report.outcome).toBe('ready-with-advice');
    expect(report.left).toEqual([{ entry: link, state: 'unconfirmed' }]);
  });

  it('gives ready with advice when a blocker only needs attention', () => {
    const report = computeOutcome({ ...allGood, results: { ...allGood.results, 'connection.quality': 'warn' } });
    expect(report.outcome).toBe('ready-with-advice');
    expect(report.blocking).toEqual([]);
  });

  it('skips items that do not apply to the modality', () => {
    const results = { 'security.firewall': 'pass', 'connection.quality': 'pass' } as const;
    const report = computeOutcome({ ...allGood, modality: 'text', results });
    expect(report.outcome).toBe('ready');
    expect(report.counts.skipped).toBe(1);
  });

  it('lets a probe report skipped without it counting against readiness', () => {
    const report = computeOutcome({ ...allGood, results: { ...allGood.results, 'security.firewall': 'skipped' } });
    expect(report.outcome).toBe('ready');
  });

  it('lists blockers before advice, in catalog order', () => {
    const report = computeOutcome({
      entries,
      modality: 'video',
      results: { 'security.firewall': 'warn', 'connection.quality': 'fail' },
      confirmations: {},
    });
    expect(report.left.map((i) => [i.entry.id, i.state])).toEqual([
      ['connection.quality', 'fail'],
      ['room.private', 'unconfirmed'],
      ['media.camera', 'unknown'],
      ['security.firewall', 'warn'],
      ['safeguarding.link-private', 'unconfirmed'],
    ]);
  });
});

describe('itemState', () => {
  it('ignores a stray result for a manual item', () => {
    expect(itemState(room, 'video', { 'room.private': 'pass' }, {})).toBe('unconfirmed');
  });

  it('ignores a stray confirmation for an automatic item', () => {
    expect(itemState(firewall, 'video', {}, { 'security.firewall': true })).toBe('unknown');
  });
});

describe('itemStateLabels', () => {
  it('words only a pass as OK', () => {
    const okLabels = Object.entries(itemStateLabels).filter(([, label]) => /ok|pass/i.test(label));
    expect(okLabels).toEqual([['pass', 'OK']]);
  });
});

describe('computeOutcome with the real catalog', () => {
  it('is reachable: everything passed and confirmed gives Ready for every modality', () => {
    for (const modality of ['video', 'audio', 'text'] as const) {
      const results: Record<string, 'pass'> = {};
      const confirmations: Record<string, boolean> = {};
      for (const e of catalog) {
        if (e.kind === 'manual') confirmations[e.id] = true;
        else results[e.id] = 'pass';
      }
      expect(computeOutcome({ entries: catalog, modality, results, confirmations }).outcome).toBe('ready');
    }
  });

  it('is not ready with nothing done', () => {
    const report = computeOutcome({ entries: catalog, modality: 'video', results: {}, confirmations: {} });
    expect(report.outcome).toBe('not-ready');
    expect(report.left.length).toBe(catalog.length);
  });
});

describe('computeOutcome with the therapist judgements', () => {
  const withUnknown = { ...allGood, results: { ...allGood.results, 'connection.quality': 'unknown' } } as const;

  it('counts an unknown blocker checked by hand as settled: Ready, and shown as "checked by you", never as a pass', () => {
    const report = computeOutcome({ ...withUnknown, judgements: { 'connection.quality': 'confirmed' } });
    expect(report.outcome).toBe('ready');
    expect(report.counts).toMatchObject({ pass: 4, confirmed: 1, unknown: 0 });
    expect(report.judged).toEqual([{ entry: quality, state: 'confirmed' }]);
    expect(report.left).toEqual([]);
  });

  it('lets a warn the therapist disagrees with be checked by hand', () => {
    const results = { ...allGood.results, 'security.firewall': 'warn' } as const;
    expect(computeOutcome({ ...allGood, results }).outcome).toBe('ready-with-advice');
    const report = computeOutcome({ ...allGood, results, judgements: { 'security.firewall': 'confirmed' } });
    expect(report.outcome).toBe('ready');
    expect(report.counts.confirmed).toBe(1);
  });

  it('never lets "checked by hand" wave a failure through', () => {
    const results = { ...allGood.results, 'connection.quality': 'fail' } as const;
    const report = computeOutcome({ ...allGood, results, judgements: { 'connection.quality': 'confirmed' } });
    expect(report.outcome).toBe('not-ready');
    expect(report.blocking.map((i) => [i.entry.id, i.state])).toEqual([['connection.quality', 'fail']]);
    expect(report.judged).toEqual([]);
  });

  it('does not let a manual question be "checked by hand": it must be ticked', () => {
    const report = computeOutcome({
      ...allGood,
      confirmations: { 'safeguarding.link-private': true },
      judgements: { 'room.private': 'confirmed' },
    });
    expect(report.outcome).toBe('not-ready');
    expect(report.blocking.map((i) => i.state)).toEqual(['unconfirmed']);
  });

  it('counts a not-applicable item as settled, whatever ReadyRoom saw, and keeps a pass a pass', () => {
    const results = { ...allGood.results, 'connection.quality': 'fail', 'security.firewall': 'pass' } as const;
    const report = computeOutcome({
      ...allGood,
      results,
      judgements: { 'connection.quality': 'not-applicable', 'security.firewall': 'not-applicable' },
    });
    expect(report.outcome).toBe('ready');
    expect(itemState(quality, 'video', results, {}, { 'connection.quality': 'not-applicable' })).toBe('not-applicable');
    // Nothing to excuse: a passing check stays a pass.
    expect(itemState(firewall, 'video', results, {}, { 'security.firewall': 'not-applicable' })).toBe('pass');
    expect(report.counts).toMatchObject({ pass: 4, 'not-applicable': 1 });
  });

  it('lets an unconfirmed manual question be marked not applicable, but never the client safety ones', () => {
    const household = entry({ id: 'connection.household', kind: 'manual', confirm: 'Others know.' });
    const location = entry({
      id: 'safeguarding.client-location',
      kind: 'manual',
      severity: 'blocker',
      notApplicable: false,
    });
    const report = computeOutcome({
      entries: [household, location],
      modality: 'video',
      results: {},
      confirmations: {},
      judgements: { 'connection.household': 'not-applicable', 'safeguarding.client-location': 'not-applicable' },
    });
    expect(report.outcome).toBe('not-ready');
    expect(report.judged.map((i) => i.entry.id)).toEqual(['connection.household']);
    expect(report.blocking.map((i) => i.entry.id)).toEqual(['safeguarding.client-location']);
  });

  it('ignores a judgement on an item that does not apply to the session', () => {
    const report = computeOutcome({
      ...allGood,
      modality: 'audio',
      judgements: { 'media.camera': 'not-applicable' },
    });
    expect(report.counts.skipped).toBe(1);
    expect(report.judged).toEqual([]);
  });

  it('labels judgements in words that are not a pass', () => {
    expect(itemStateLabels.confirmed).toBe('Checked by you');
    expect(itemStateLabels['not-applicable']).toBe('Not applicable');
  });
});
