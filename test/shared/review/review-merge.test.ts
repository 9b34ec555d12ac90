import { describe, expect, it } from 'vitest';

import type { ReviewEntry } from '../../../shared/review/review';
import { mergeReviewRecords } from '../../../shared/review/review-merge';

const entry = (doneOn: string | null, note = ''): ReviewEntry => ({ doneOn, nextDue: null, note });
const noErasures = { erasedAt: () => undefined };

describe('mergeReviewRecords (a restore of the practice review)', () => {
  it('keeps, per item, the entry with the later done date, and adds items not here', () => {
    const ours = {
      entries: {
        'review.a': entry('2026-03-01', 'ours, later'),
        'review.b': entry('2026-01-01', 'ours, earlier'),
        'review.c': entry(null, 'ours, never done'),
        'review.d': entry('2026-02-01', 'ours, same day'),
      },
    };
    const theirs = {
      entries: {
        'review.a': entry('2026-02-01', 'backup'),
        'review.b': entry('2026-02-15', 'backup, later'),
        'review.c': entry('2025-12-01', 'backup, done'),
        'review.d': entry('2026-02-01', 'backup, same day'),
        'review.e': entry(null, 'only in the backup'),
      },
    };
    const result = mergeReviewRecords(ours, theirs, noErasures);
    expect(result).toMatchObject({ added: 3, skipped: 2, invalid: 0 });
    const notes = Object.fromEntries(
      Object.entries((result.value as { entries: Record<string, ReviewEntry> }).entries).map(([id, e]) => [id, e.note]),
    );
    expect(notes).toEqual({
      'review.a': 'ours, later',
      'review.b': 'backup, later',
      'review.c': 'backup, done',
      'review.d': 'ours, same day',
      'review.e': 'only in the backup',
    });
  });

  it('counts an entry it cannot read, changes nothing when nothing is newer, and never writes over ours when ours cannot be read', () => {
    const theirs = { entries: { 'review.a': entry('2026-02-01'), 'review.b': { doneOn: 'last spring' } } };
    expect(mergeReviewRecords(null, theirs, noErasures)).toMatchObject({ added: 1, invalid: 1 });
    expect(mergeReviewRecords({ entries: { 'review.a': entry('2026-02-01') } }, theirs, noErasures)).toEqual({
      value: null,
      added: 0,
      skipped: 1,
      invalid: 1,
    });
    expect(mergeReviewRecords({ entries: {}, version: 2 }, theirs, noErasures)).toMatchObject({
      value: null,
      invalid: 2,
    });
    expect(mergeReviewRecords(null, 'not a record', noErasures)).toMatchObject({ value: null, invalid: 1 });
  });
});

describe('mergeReviewRecords and odd item ids', () => {
  it('treats an id that names an object property like any other id', () => {
    const result = mergeReviewRecords(
      { entries: {} },
      { entries: { constructor: entry('2026-02-01'), toString: entry('2026-02-02') } },
      noErasures,
    );
    expect(result.added).toBe(2);
    expect(result.skipped).toBe(0);
  });

  it('counts an item with an over-long id as unreadable, and still takes the others', () => {
    const theirs = {
      entries: {
        ['x'.repeat(81)]: { doneOn: '2026-01-10', nextDue: '2027-01-10', note: '' },
        'supervision-agreement': { doneOn: '2026-01-10', nextDue: '2027-01-10', note: '' },
      },
    };
    const merged = mergeReviewRecords(null, theirs, noErasures);
    expect(merged).toMatchObject({ added: 1, invalid: 1 });
    expect(Object.keys((merged.value as { entries: object }).entries)).toEqual(['supervision-agreement']);
  });
});
