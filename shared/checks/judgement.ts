import { z } from 'zod';

import type { CatalogEntry } from '../catalog/catalog-types';
import type { CheckStatus } from './check-result';

/**
 * The therapist's own judgement on one checklist item, kept beside what ReadyRoom saw:
 * "I checked this myself" (an automatic or media check that could not tell, or that the therapist
 * disagrees with when it only warned) and "Not applicable, because…" (any item but the two that
 * are about this session's client). Neither is ever shown or stored as a pass.
 */
export const judgementKinds = ['confirmed', 'not-applicable'] as const;
export type JudgementKind = (typeof judgementKinds)[number];

export const notApplicableReasons = ['managed-by-clinic', 'no-such-device', 'dedicated-room', 'other'] as const;
export type NotApplicableReason = (typeof notApplicableReasons)[number];

/** The short list offered with "Not applicable"; the free-text note says more. */
export const notApplicableReasonLabels: Record<NotApplicableReason, string> = {
  'managed-by-clinic': "Managed by my clinic's IT",
  'no-such-device': 'This computer does not have it (for example no camera: I work by audio only)',
  'dedicated-room': 'I work from a dedicated room with no one else at home',
  other: 'Another reason (say which in the note)',
};

export const judgementKindLabels: Record<JudgementKind, string> = {
  confirmed: 'Checked by you',
  'not-applicable': 'Not applicable',
};

export const judgementNoteMaxLength = 500;

const checkId = z
  .string()
  .regex(/^[a-z]+(\.[a-z0-9-]+)+$/)
  .max(80);
const note = z.string().max(judgementNoteMaxLength);
const isoDate = z.iso.datetime({ offset: true });

const confirmedSchema = z.strictObject({
  id: checkId,
  kind: z.literal('confirmed'),
  note: note.optional(),
  at: isoDate,
});
const notApplicableSchema = z.strictObject({
  id: checkId,
  kind: z.literal('not-applicable'),
  reason: z.enum(notApplicableReasons),
  note: note.optional(),
  at: isoDate,
});

/** What the therapist (or a script, through the CLI) submits. */
export const judgementInputSchema = z.discriminatedUnion('kind', [confirmedSchema, notApplicableSchema]);
export type JudgementInput = z.output<typeof judgementInputSchema>;

/** As stored in a log: `remembered` when it came from the "for this computer" list in Settings. */
export const judgementSchema = z.discriminatedUnion('kind', [
  confirmedSchema,
  notApplicableSchema.extend({ remembered: z.boolean().optional() }),
]);
export type Judgement = z.output<typeof judgementSchema>;

/** What ReadyRoom itself saw of an item before any judgement: a check status, or a manual item not confirmed. */
export type SeenState = CheckStatus | 'unconfirmed';

/** Whether "I checked this myself" can be offered: automatic or media checks that could not tell or only warned. */
export function canConfirmByHand(entry: CatalogEntry, seen: SeenState): boolean {
  return entry.kind !== 'manual' && (seen === 'unknown' || seen === 'warn');
}

/** Whether "Not applicable" can be offered: not for a pass (nothing to excuse), nor for the client's own safety items. */
export function canMarkNotApplicable(entry: CatalogEntry, seen: SeenState): boolean {
  return entry.notApplicable !== false && seen !== 'pass' && seen !== 'skipped';
}

export function judgementApplies(entry: CatalogEntry, seen: SeenState, kind: JudgementKind): boolean {
  return kind === 'confirmed' ? canConfirmByHand(entry, seen) : canMarkNotApplicable(entry, seen);
}

/** A blocker is never waved through without a word, and "another reason" must say which. */
export function judgementNeedsNote(entry: CatalogEntry, judgement: Pick<JudgementInput, 'kind'> & { reason?: string }) {
  return entry.severity === 'blocker' || (judgement.kind === 'not-applicable' && judgement.reason === 'other');
}

/**
 * Why this judgement cannot be recorded for this item, in one plain sentence; null when it can.
 * The same rule serves the wizard, the CLI and main's check of what it is asked to save.
 */
export function judgementProblem(
  entry: CatalogEntry,
  seen: SeenState,
  judgement: Pick<JudgementInput, 'kind' | 'note'> & { reason?: string },
): string | null {
  if (judgement.kind === 'confirmed') {
    if (entry.kind === 'manual') return `"${entry.title}" is a question you answer yourself; tick it instead.`;
    if (!canConfirmByHand(entry, seen)) {
      return seen === 'fail'
        ? `"${entry.title}" found a problem, which cannot be marked as checked: fix it, or mark it not applicable.`
        : `"${entry.title}" needs no checking by hand.`;
    }
  } else if (!canMarkNotApplicable(entry, seen)) {
    return entry.notApplicable === false
      ? `"${entry.title}" is about this session's client, so it cannot be marked not applicable.`
      : `"${entry.title}" passed, so there is nothing to mark as not applicable.`;
  }
  if (judgementNeedsNote(entry, judgement) && !judgement.note?.trim()) {
    return entry.severity === 'blocker'
      ? `"${entry.title}" must be sorted out before a session, so add a short note saying how you know it is fine.`
      : `Say in the note why "${entry.title}" does not apply.`;
  }
  return null;
}
