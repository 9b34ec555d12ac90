import type { CatalogEntry } from '../catalog/catalog-types';
import type { Outcome } from '../logs/readiness-log';
import type { Modality } from '../session/platforms';
import { statusLabels, type CheckStatus } from './check-result';
import { judgementApplies, judgementKindLabels, type JudgementKind, type SeenState } from './judgement';

/**
 * An item's state for the summary: a check status, a manual item not (yet) confirmed, or the
 * therapist's own judgement ("checked by you", "not applicable"), which is never a pass.
 */
export type ItemState = CheckStatus | 'unconfirmed' | JudgementKind;

export interface OutcomeInput {
  /** The catalog entries to judge (normally the whole catalog). */
  readonly entries: readonly CatalogEntry[];
  readonly modality: Modality;
  /** Status of each automatic or media check by id; a missing id is unknown, never a pass. */
  readonly results: Readonly<Record<string, CheckStatus | undefined>>;
  /** Manual confirmations by id; only `true` counts. */
  readonly confirmations: Readonly<Record<string, boolean | undefined>>;
  /** The therapist's judgements by id; one that does not fit what was seen (say, a confirm on a fail) is ignored. */
  readonly judgements?: Readonly<Record<string, JudgementKind | undefined>>;
}

export interface OutcomeItem {
  readonly entry: CatalogEntry;
  readonly state: ItemState;
}

export interface OutcomeReport {
  readonly outcome: Outcome;
  /** Items that are not a pass, blockers first, in catalog order within each group. */
  readonly left: readonly OutcomeItem[];
  /** Items that stop the session being "Ready" or "Ready with advice". */
  readonly blocking: readonly OutcomeItem[];
  /** Items the therapist settled by hand ("checked by you", "not applicable"), in catalog order. */
  readonly judged: readonly OutcomeItem[];
  readonly counts: Readonly<Record<ItemState, number>>;
}

/** Whether an entry applies to a session of this modality (all modalities when it names none). */
export function appliesTo(entry: CatalogEntry, modality: Modality): boolean {
  return !entry.modalities || entry.modalities.includes(modality);
}

/** What ReadyRoom saw of one entry: skipped when it does not apply, unknown when no result came in. */
export function seenState(
  entry: CatalogEntry,
  modality: Modality,
  results: OutcomeInput['results'],
  confirmations: OutcomeInput['confirmations'],
): SeenState {
  if (!appliesTo(entry, modality)) return 'skipped';
  if (entry.kind === 'manual') return confirmations[entry.id] === true ? 'pass' : 'unconfirmed';
  return results[entry.id] ?? 'unknown';
}

/** One entry's state: what was seen, unless the therapist's judgement fits it and so takes its place. */
export function itemState(
  entry: CatalogEntry,
  modality: Modality,
  results: OutcomeInput['results'],
  confirmations: OutcomeInput['confirmations'],
  judgements: OutcomeInput['judgements'] = {},
): ItemState {
  const seen = seenState(entry, modality, results, confirmations);
  const judged = judgements[entry.id];
  return judged && judgementApplies(entry, seen, judged) ? judged : seen;
}

/**
 * Blockers must be a pass, skipped, or settled by the therapist's recorded judgement: a blocker
 * that failed, could not be checked or was not confirmed makes the computer "Not ready", because
 * unknown is never a pass. A blocker that only needs attention (warn), or any advice item that is
 * not a pass, gives "Ready with advice".
 */
export function isBlocking(entry: CatalogEntry, state: ItemState): boolean {
  return entry.severity === 'blocker' && (state === 'fail' || state === 'unknown' || state === 'unconfirmed');
}

/** Still to do: not a pass, not skipped, and not settled by the therapist's own judgement. */
export function isLeft(state: ItemState): boolean {
  return state !== 'pass' && state !== 'skipped' && state !== 'confirmed' && state !== 'not-applicable';
}

/** Settled by the therapist rather than by ReadyRoom: counts for the outcome, never shown as a pass. */
export function isJudged(state: ItemState): state is JudgementKind {
  return state === 'confirmed' || state === 'not-applicable';
}

export function computeOutcome(input: OutcomeInput): OutcomeReport {
  const counts: Record<ItemState, number> = {
    pass: 0,
    warn: 0,
    fail: 0,
    unknown: 0,
    skipped: 0,
    unconfirmed: 0,
    confirmed: 0,
    'not-applicable': 0,
  };
  const blocking: OutcomeItem[] = [];
  const advice: OutcomeItem[] = [];
  const judged: OutcomeItem[] = [];
  for (const entry of input.entries) {
    const state = itemState(entry, input.modality, input.results, input.confirmations, input.judgements);
    counts[state] += 1;
    if (isJudged(state)) judged.push({ entry, state });
    if (!isLeft(state)) continue;
    if (isBlocking(entry, state)) blocking.push({ entry, state });
    else advice.push({ entry, state });
  }
  const outcome: Outcome = blocking.length > 0 ? 'not-ready' : advice.length > 0 ? 'ready-with-advice' : 'ready';
  return { outcome, left: [...blocking, ...advice], blocking, judged, counts };
}

/** Plain words for an item's state in the summary; never says "OK" unless it passed. */
export const itemStateLabels: Record<ItemState, string> = {
  ...statusLabels,
  unconfirmed: 'Not confirmed yet',
  ...judgementKindLabels,
};
