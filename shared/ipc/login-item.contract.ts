import { z } from 'zod';

import { channel, noRequest } from './contract-kit';

/** Whether ReadyRoom starts when the therapist logs in to this computer. */
export interface LoginItemStatus {
  readonly supported: boolean;
  readonly enabled: boolean;
  /** Why it cannot be offered here, in plain words; absent when supported. */
  readonly reason?: string;
}

export const loginItemChannels = {
  'login-item:get': channel<LoginItemStatus>()(noRequest),
  /** Only on the therapist's own choice: ReadyRoom never turns this on by itself. */
  'login-item:set': channel<LoginItemStatus>()(z.strictObject({ enabled: z.boolean() })),
} as const;
