import { z } from 'zod';

import { unmerged, type DocumentMerger } from '../vault/document-merge';
import { reviewEntrySchema, reviewRecordSchema, type ReviewEntry } from './review';

/** The backup's record before each item is checked on its own (its id too), so one bad item costs only itself. */
const incomingRecordSchema = z.object({ entries: z.record(z.string(), z.unknown()) });
const reviewIdSchema = z.string().max(80);

/** Whether the backup's entry records a later done date than ours (a date is later than none). */
function doneLater(theirs: ReviewEntry, ours: ReviewEntry): boolean {
  return theirs.doneOn !== null && (ours.doneOn === null || theirs.doneOn > ours.doneOn);
}

/**
 * A restore of the practice review: an item not here is added; for an item here, the entry with
 * the later done date is kept (ours when they are the same day), with its own next date and note.
 */
export const mergeReviewRecords: DocumentMerger = (ours, theirs) => {
  const local = ours === null ? { success: true as const, data: { entries: {} } } : reviewRecordSchema.safeParse(ours);
  const incoming = incomingRecordSchema.safeParse(theirs);
  if (!incoming.success) return unmerged(1);
  // Ours in a form this version cannot read (a later version's): never written over.
  if (!local.success) return unmerged(Object.keys(incoming.data.entries).length);
  // No prototype: an id such as "constructor" or "__proto__" is an entry like any other.
  const entries: Record<string, ReviewEntry> = Object.assign(Object.create(null) as object, local.data.entries);
  let added = 0;
  let skipped = 0;
  let invalid = 0;
  for (const [id, raw] of Object.entries(incoming.data.entries)) {
    const parsed = reviewEntrySchema.safeParse(raw);
    if (!parsed.success || !reviewIdSchema.safeParse(id).success) {
      invalid += 1;
      continue;
    }
    const here = Object.hasOwn(entries, id) ? entries[id] : undefined;
    if (here && !doneLater(parsed.data, here)) {
      skipped += 1;
      continue;
    }
    entries[id] = parsed.data;
    added += 1;
  }
  if (added === 0) return { value: null, added, skipped, invalid };
  const merged = reviewRecordSchema.safeParse({ entries });
  return merged.success
    ? { value: merged.data, added, skipped, invalid }
    : unmerged(Object.keys(incoming.data.entries).length);
};
