import { DateTime } from 'luxon';
import { z } from 'zod';

import { localDateSchema } from '../schedule/schedule';
import { reviewCatalog, type ReviewItem } from './review.catalog';

export const reviewNoteMaxLength = 500;

/** One item's record, kept in the vault: when it was last done, when it is next due, a note. */
export const reviewEntrySchema = z.strictObject({
  doneOn: localDateSchema.nullable(),
  /** Set by hand (an insurance renewal date) or, when null, the done date plus the interval. */
  nextDue: localDateSchema.nullable(),
  note: z.string().max(reviewNoteMaxLength),
});
export type ReviewEntry = z.output<typeof reviewEntrySchema>;

export const reviewRecordSchema = z.strictObject({
  entries: z.record(z.string().max(80), reviewEntrySchema),
});
export type ReviewRecord = z.output<typeof reviewRecordSchema>;

export interface ReviewItemState {
  readonly item: ReviewItem;
  readonly entry: ReviewEntry;
  /** The date it falls due (null: never done, so due now). */
  readonly dueOn: string | null;
  readonly due: boolean;
}

const emptyEntry: ReviewEntry = { doneOn: null, nextDue: null, note: '' };

/** When an item is next due: its own date when set, else done date + interval; null when never done. */
export function dueDate(entry: ReviewEntry, intervalMonths: number): string | null {
  if (entry.nextDue) return entry.nextDue;
  if (!entry.doneOn) return null;
  return DateTime.fromISO(entry.doneOn, { zone: 'UTC' }).plus({ months: intervalMonths }).toISODate();
}

/** Every catalog item with its record and whether it is due on `today` (YYYY-MM-DD). First run: all due. */
export function reviewStates(record: ReviewRecord, today: string, intervalMonths: number): ReviewItemState[] {
  return reviewCatalog.map((item) => {
    const entry = record.entries[item.id] ?? emptyEntry;
    const dueOn = dueDate(entry, intervalMonths);
    return { item, entry, dueOn, due: dueOn === null || dueOn <= today };
  });
}

/** The dates alone (notes dropped), kept outside the vault so the due count can be shown while it is locked. */
export function withoutNotes(record: ReviewRecord): ReviewRecord {
  return {
    entries: Object.fromEntries(
      Object.entries(record.entries).map(([id, e]) => [id, { doneOn: e.doneOn, nextDue: e.nextDue, note: '' }]),
    ),
  };
}

export function countDue(record: ReviewRecord, today: string, intervalMonths: number): number {
  return reviewStates(record, today, intervalMonths).filter((s) => s.due).length;
}
