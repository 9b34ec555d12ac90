import { z } from 'zod';

import { scheduleIdSchema, scheduleInputSchema, type Occurrence, type ScheduleEntry } from '../schedule/schedule';
import { channel, noRequest } from './contract-kit';

/** A scheduled session; `clientCode` is null while the vault is locked (codes live only inside it). */
export interface ScheduledSession extends ScheduleEntry {
  readonly clientCode: string | null;
}

export interface UpcomingSession extends Occurrence {
  readonly clientCode: string | null;
}

export interface ScheduleList {
  readonly sessions: readonly ScheduledSession[];
  /** True when the vault is locked, so no client codes could be shown. */
  readonly locked: boolean;
}

export const scheduleChannels = {
  'schedule:list': channel<ScheduleList>()(noRequest),
  'schedule:upcoming': channel<{ readonly sessions: readonly UpcomingSession[]; readonly locked: boolean }>()(
    z.strictObject({ count: z.number().int().min(1).max(100) }),
  ),
  /** Needs the vault unlocked (the client code is kept in it). */
  'schedule:add': channel<ScheduledSession>()(z.strictObject({ session: scheduleInputSchema })),
  'schedule:update': channel<ScheduledSession>()(
    z.strictObject({ id: scheduleIdSchema, session: scheduleInputSchema }),
  ),
  'schedule:delete': channel<{ readonly deleted: boolean }>()(z.strictObject({ id: scheduleIdSchema })),
} as const;
