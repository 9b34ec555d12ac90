import { DateTime } from 'luxon';

import { AppError } from '../../shared/errors';
import type { ReviewView } from '../../shared/ipc/review.contract';
import { getReviewItem, reviewSourceText } from '../../shared/review/review.catalog';
import {
  countDue,
  reviewRecordSchema,
  reviewStates,
  withoutNotes,
  type ReviewEntry,
  type ReviewRecord,
} from '../../shared/review/review';
import { createLogger } from '../logging/logger';
import { createPlainRecord } from '../schedule/plain-record';
import type { StoreFactory } from '../store/store-factory';
import type { VaultService } from '../vault/vault-service';

const log = createLogger('review');

/**
 * The yearly practice review. The record (dates and notes) is kept in the vault ("practice-review");
 * a copy of the dates alone, without notes, is kept in a plain file so the number due can be shown
 * (home screen, tray tooltip) while the vault is locked.
 */
export interface ReviewService {
  /** LOCKED while the vault is locked. */
  get(): ReviewView;
  update(id: string, entry: ReviewEntry): ReviewView;
  /** How many items are due today; works while the vault is locked. */
  dueReviewCount(): number;
  /** Titles of the items due today; works while the vault is locked. */
  dueItems(): readonly { readonly id: string; readonly title: string }[];
}

export interface ReviewServiceDeps {
  readonly dataDir: string;
  readonly storeFactory: StoreFactory;
  readonly vault: Pick<VaultService, 'status' | 'readDocument' | 'writeDocument'>;
  readonly intervalMonths: () => number;
  readonly now?: () => Date;
}

const emptyRecord: ReviewRecord = { entries: {} };

export function createReviewService(deps: ReviewServiceDeps): ReviewService {
  const dates = createPlainRecord(deps.dataDir, deps.storeFactory, 'review-dates', reviewRecordSchema, emptyRecord);
  const now = deps.now ?? (() => new Date());
  const today = () => DateTime.fromJSDate(now()).toISODate() ?? '';

  /** The record in the vault; null when it is in a form this version cannot read (a newer version's). */
  function read(): ReviewRecord | null {
    const stored = deps.vault.readDocument('practice-review');
    if (stored === null) return emptyRecord;
    const parsed = reviewRecordSchema.safeParse(stored);
    return parsed.success ? parsed.data : null;
  }

  function view(record: ReviewRecord): ReviewView {
    const interval = deps.intervalMonths();
    const states = reviewStates(record, today(), interval);
    return {
      intervalMonths: interval,
      dueCount: states.filter((s) => s.due).length,
      items: states.map((s) => ({
        id: s.item.id,
        title: s.item.title,
        detail: s.item.detail,
        source: reviewSourceText(s.item),
        entry: s.entry,
        dueOn: s.dueOn,
        due: s.due,
      })),
    };
  }

  /** The plain copy follows the vault whenever the vault is read, so a restore or another computer's change shows up. */
  function syncDates(record: ReviewRecord): void {
    const plain = withoutNotes(record);
    if (JSON.stringify(plain) === JSON.stringify(dates.get())) return;
    try {
      dates.set(plain);
    } catch {
      log.warn('the review dates could not be copied for the locked view');
    }
  }

  return {
    get() {
      const record = read();
      if (record) syncDates(record);
      return view(record ?? emptyRecord);
    },
    update(id, entry) {
      if (!getReviewItem(id)) throw new AppError('NOT_FOUND', 'There is no such item in the practice review.');
      if (entry.doneOn && entry.doneOn > today())
        throw new AppError('BAD_REQUEST', 'The date it was done cannot be in the future.');
      const stored = read();
      // Never written over: the whole review would be replaced by this one item.
      if (!stored)
        throw new AppError(
          'CORRUPT',
          'Your practice review is in a form this version of ReadyRoom cannot read, so nothing was changed. It is kept as it is.',
        );
      const record: ReviewRecord = { entries: { ...stored.entries, [id]: entry } };
      deps.vault.writeDocument('practice-review', record);
      syncDates(record);
      log.info('practice review item updated');
      return view(record);
    },
    dueReviewCount: () => countDue(dates.get(), today(), deps.intervalMonths()),
    dueItems() {
      return reviewStates(dates.get(), today(), deps.intervalMonths())
        .filter((s) => s.due)
        .map((s) => ({ id: s.item.id, title: s.item.title }));
    },
  };
}
