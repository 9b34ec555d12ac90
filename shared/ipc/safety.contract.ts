import { z } from 'zod';

import { sessionPlatformIds } from '../session/platforms';
import { channel } from './contract-kit';

/** The client preparation sheet is saved as a PDF or as plain text. */
export const prepSheetFormats = ['pdf', 'text'] as const;
export type PrepSheetFormat = (typeof prepSheetFormats)[number];

export const prepSheetRequestSchema = z.strictObject({
  format: z.enum(prepSheetFormats),
  platform: z.enum(sessionPlatformIds),
});
export type PrepSheetRequest = z.infer<typeof prepSheetRequestSchema>;

export interface PrepSheetOutcome {
  /** False when the therapist closed the save dialog. */
  readonly saved: boolean;
  readonly format: PrepSheetFormat;
}

export const safetyChannels = {
  /**
   * Saves the client preparation sheet for a platform where the therapist chooses (system save dialog);
   * the window has already warned that the file is not encrypted. It holds no client details.
   */
  'safety:prep-sheet': channel<PrepSheetOutcome>()(prepSheetRequestSchema),
} as const;
