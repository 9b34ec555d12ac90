import type { ReadinessLog } from './readiness-log';

/**
 * How much of a log's notes the search looks at: the month's index keeps this much per log, so
 * listing 20,000 logs stays within its memory target whatever the notes hold.
 */
export const noteSearchMaxChars = 500;

/** The longest search the Past logs page sends. */
export const noteQueryMaxChars = 200;

const marks = /\p{M}/gu;
const hidden = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
const spaces = /[\s\p{Z}]+/gu;

/**
 * Text as the note search compares it: accents, case, hidden characters and runs of spaces do
 * not matter, so "cafe" finds "Café" and a pasted zero-width space hides nothing.
 */
export function searchableText(text: string): string {
  // Spaces first: a line break or tab (a control character) still parts two words.
  return text.normalize('NFKD').replace(marks, '').replace(spaces, ' ').replace(hidden, '').toLowerCase().trim();
}

/** The log's own note and the notes added to it later, as one searchable string (bounded). */
export function noteSearchText(log: Pick<ReadinessLog, 'note' | 'addenda'>): string {
  const parts = [log.note, ...log.addenda.map((a) => (a.kind === 'note' ? (a.text ?? '') : ''))];
  return searchableText(parts.filter(Boolean).join(' ')).slice(0, noteSearchMaxChars);
}
