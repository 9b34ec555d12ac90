import { z } from 'zod';

import type { ClosedProgram, CloseResult, ProgramRow, ReopenResult } from '../programs/program-types';
import { sessionPlatformIds } from '../session/platforms';
import { channel, noRequest } from './contract-kit';

/** Listing ids are opaque tokens; a pid or a name is never accepted. */
export const programIdSchema = z.string().regex(/^p_[A-Za-z0-9_-]{8,64}$/, 'not a listing id');

export const programsChannels = {
  'programs:list': channel<{ readonly programs: readonly ProgramRow[] }>()(
    z.strictObject({ platform: z.enum(sessionPlatformIds).optional() }),
  ),
  'programs:close': channel<{ readonly results: readonly CloseResult[] }>()(
    z.strictObject({
      ids: z.array(programIdSchema).min(1).max(50),
      force: z.boolean().optional(),
      timeoutSec: z.number().int().min(1).max(60).optional(),
    }),
  ),
  'programs:closed': channel<{ readonly programs: readonly ClosedProgram[] }>()(noRequest),
  'programs:reopen': channel<{ readonly results: readonly ReopenResult[] }>()(noRequest),
} as const;

export const programsEvents = {} as const;
