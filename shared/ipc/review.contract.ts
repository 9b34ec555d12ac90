import { z } from 'zod';

import type { ReviewEntry } from '../review/review';
import { reviewNoteMaxLength } from '../review/review';
import { localDateSchema } from '../schedule/schedule';
import { boundedText, channel, noRequest } from './contract-kit';

export interface ReviewItemView {
  readonly id: string;
  readonly title: string;
  readonly detail: string;
  /** "ACTO guidance, 2020; ICO". */
  readonly source: string;
  readonly entry: ReviewEntry;
  readonly dueOn: string | null;
  readonly due: boolean;
}

export interface ReviewView {
  readonly items: readonly ReviewItemView[];
  readonly intervalMonths: number;
  readonly dueCount: number;
}

export const reviewChannels = {
  /** Needs the vault unlocked: the review is kept in it. */
  'review:get': channel<ReviewView>()(noRequest),
  'review:update': channel<ReviewView>()(
    z.strictObject({
      id: z.string().min(1).max(80),
      doneOn: localDateSchema.nullable(),
      nextDue: localDateSchema.nullable(),
      note: boundedText(reviewNoteMaxLength),
    }),
  ),
} as const;
