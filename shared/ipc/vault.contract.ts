import { z } from 'zod';

import type { LogSummary, ReadinessLog } from '../logs/readiness-log';
import { addendumInputSchema, newReadinessLogSchema } from '../logs/readiness-log';
import { clientCodeMaxLength } from '../logs/client-code';
import { channel, event, noRequest } from './contract-kit';

export type VaultState = 'absent' | 'locked' | 'unlocked';

export interface VaultStatus {
  readonly state: VaultState;
  /** Whether the OS keychain can hold an unlock key here, and if not, why in plain words. */
  readonly keychain: { readonly available: boolean; readonly enabled: boolean; readonly reason: string | null };
  /** Periods (e.g. "2026-03") whose file could not be read and was set aside. */
  readonly unreadablePeriods: readonly string[];
  readonly idleLockMinutes: number;
}

export const passphraseSchema = z.string().min(1).max(1024);
export const recoveryKeySchema = z.string().min(10).max(200);

export const lockReasons = ['manual', 'idle', 'suspend', 'screen-lock', 'quit'] as const;
export type LockReason = (typeof lockReasons)[number];

export const vaultChannels = {
  'vault:status': channel<VaultStatus>()(noRequest),
  /** First run: creates the vault and returns the recovery key, shown once. */
  'vault:setup': channel<{ readonly recoveryKey: string; readonly status: VaultStatus }>()(
    z.strictObject({ passphrase: passphraseSchema }),
  ),
  'vault:unlock': channel<VaultStatus>()(
    z.union([
      z.strictObject({ method: z.literal('passphrase'), passphrase: passphraseSchema }),
      z.strictObject({ method: z.literal('recovery-key'), recoveryKey: recoveryKeySchema }),
      z.strictObject({ method: z.literal('keychain') }),
    ]),
  ),
  'vault:lock': channel<VaultStatus>()(noRequest),
  'vault:change-passphrase': channel<VaultStatus>()(
    z.strictObject({ current: passphraseSchema, next: passphraseSchema }),
  ),
  'vault:set-keychain': channel<VaultStatus>()(z.strictObject({ enabled: z.boolean() })),
  'logs:save': channel<{ readonly id: string }>()(z.strictObject({ log: newReadinessLogSchema })),
  'logs:list': channel<{ readonly logs: readonly LogSummary[]; readonly unreadablePeriods: readonly string[] }>()(
    z.strictObject({
      client: z.string().trim().min(1).max(clientCodeMaxLength).optional(),
      since: z.iso.datetime({ offset: true }).optional(),
      limit: z.number().int().min(1).max(100_000).optional(),
    }),
  ),
  'logs:get': channel<ReadinessLog>()(z.strictObject({ id: z.string().min(8).max(64) })),
  'logs:add-addendum': channel<ReadinessLog>()(
    z.strictObject({ id: z.string().min(8).max(64), addendum: addendumInputSchema }),
  ),
  'logs:delete': channel<{ readonly deleted: boolean }>()(z.strictObject({ id: z.string().min(8).max(64) })),
  /** Erasure request: `expectedCount` must match, so the user confirmed what they saw. */
  'logs:erase-client': channel<{ readonly erased: number }>()(
    z.strictObject({
      client: z.string().trim().min(1).max(clientCodeMaxLength),
      expectedCount: z.number().int().min(0).max(1_000_000),
    }),
  ),
} as const;

export const vaultEvents = {
  'vault:locked': event<{ readonly reason: LockReason }>(),
} as const;
