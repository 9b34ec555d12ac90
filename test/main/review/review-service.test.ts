import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createReviewService } from '../../../main/review/review-service';
import { confStoreFactory } from '../../../main/store/store-factory';
import type { VaultService } from '../../../main/vault/vault-service';
import { type AppError } from '../../../shared/errors';
import { reviewCatalog } from '../../../shared/review/review.catalog';
import { makeVault, passphrase, tempDataDir } from '../vault/vault-test-kit';

let dir: string;
let cleanup: () => void;
let vault: VaultService;
let today = new Date('2026-06-10T12:00:00Z');

beforeEach(async () => {
  ({ dir, cleanup } = tempDataDir());
  vault = makeVault(dir);
  await vault.setup(passphrase);
  today = new Date('2026-06-10T12:00:00Z');
});
afterEach(() => {
  vault.close();
  cleanup();
});

const review = (interval = 12) =>
  createReviewService({
    dataDir: dir,
    storeFactory: confStoreFactory,
    vault,
    intervalMonths: () => interval,
    now: () => today,
  });

describe('practice review', () => {
  it('on first run every item is due', () => {
    const view = review().get();
    expect(view.items.map((i) => i.id)).toEqual(reviewCatalog.map((i) => i.id));
    expect(view.dueCount).toBe(reviewCatalog.length);
    expect(view.items.every((i) => i.due && i.dueOn === null)).toBe(true);
  });

  it('an item done today is next due after the interval, and due again once that date comes', () => {
    const r = review();
    const view = r.update('review.ico-registration', { doneOn: '2026-06-10', nextDue: null, note: 'Fee paid' });
    const item = view.items.find((i) => i.id === 'review.ico-registration');
    expect(item).toMatchObject({ due: false, dueOn: '2027-06-10', entry: { note: 'Fee paid' } });
    expect(view.dueCount).toBe(reviewCatalog.length - 1);
    today = new Date('2027-06-10T09:00:00Z');
    expect(r.get().items.find((i) => i.id === 'review.ico-registration')?.due).toBe(true);
  });

  it('a due date set by hand (a renewal date) wins over the interval; the interval is configurable', () => {
    const view = review(6).update('review.insurance-online', {
      doneOn: '2026-05-01',
      nextDue: '2026-09-30',
      note: '',
    });
    expect(view.items.find((i) => i.id === 'review.insurance-online')?.dueOn).toBe('2026-09-30');
    const byInterval = review(6).update('review.cyber-cover', { doneOn: '2026-05-01', nextDue: null, note: '' });
    expect(byInterval.items.find((i) => i.id === 'review.cyber-cover')?.dueOn).toBe('2026-11-01');
  });

  it('keeps notes only in the vault; the count of due items is known while it is locked', async () => {
    const r = review();
    for (const item of reviewCatalog.slice(1))
      r.update(item.id, { doneOn: '2026-06-01', nextDue: null, note: 'private note about my insurer' });
    expect(readFileSync(join(dir, 'review-dates.json'), 'utf8')).not.toContain('private note');
    vault.lock();
    expect(r.dueReviewCount()).toBe(1);
    expect(r.dueItems()).toEqual([{ id: reviewCatalog[0]?.id, title: reviewCatalog[0]?.title }]);
    let code: string | undefined;
    try {
      r.get();
    } catch (error) {
      code = (error as AppError).code;
    }
    expect(code).toBe('LOCKED');
  });

  it('refuses an unknown item and a done date in the future', () => {
    const r = review();
    const codeOf = (work: () => unknown) => {
      try {
        work();
      } catch (error) {
        return (error as AppError).code;
      }
      return undefined;
    };
    expect(codeOf(() => r.update('review.nope', { doneOn: null, nextDue: null, note: '' }))).toBe('NOT_FOUND');
    expect(codeOf(() => r.update('review.cyber-cover', { doneOn: '2026-07-01', nextDue: null, note: '' }))).toBe(
      'BAD_REQUEST',
    );
  });
});

describe('review catalog', () => {
  it('names a source for every item, and ids are unique', () => {
    expect(new Set(reviewCatalog.map((i) => i.id)).size).toBe(reviewCatalog.length);
    for (const item of reviewCatalog) expect(item.sources.length).toBeGreaterThan(0);
  });

  it('a review record this version cannot read is never written over: an update refuses and keeps it', () => {
    const newer = { entries: {}, sharedWithSupervisor: true };
    vault.writeDocument('practice-review', newer);
    const r = review();
    expect(r.get().dueCount).toBe(reviewCatalog.length);
    expect(() => r.update(reviewCatalog[0]?.id ?? '', { doneOn: '2026-06-01', nextDue: null, note: '' })).toThrow(
      expect.objectContaining({ code: 'CORRUPT' }) as AppError,
    );
    expect(vault.readDocument('practice-review')).toEqual(newer);
  });
});
