import { z } from 'zod';

import { judgementInputSchema } from '../checks/judgement';
import type { LogSummary, Outcome, ReadinessLog } from '../logs/readiness-log';
import {
  addendumInputSchema,
  confirmationSchema,
  logCheckSchema,
  loggedProgramSchema,
  newReadinessLogSchema,
} from '../logs/readiness-log';
import { clientCodeInputSchema } from '../logs/client-code';
import { noteQueryMaxChars } from '../logs/log-note-search';
import type { DocumentMergeCounts } from '../vault/document-merge';
import { channel, event, noRequest } from './contract-kit';
import { scanIdSchema } from './scan.contract';

export type VaultState = 'absent' | 'locked' | 'unlocked';

export interface VaultStatus {
  readonly state: VaultState;
  /** Whether the OS keychain can hold an unlock key here, and if not, why in plain words. */
  readonly keychain: { readonly available: boolean; readonly enabled: boolean; readonly reason: string | null };
  /** Periods (e.g. "2026-03") whose file could not be read and was set aside. */
  readonly unreadablePeriods: readonly string[];
  /** Periods whose logs file is missing (deleted or moved by something else); absent when none. */
  readonly missingPeriods?: readonly string[];
  readonly idleLockMinutes: number;
  /** A recovery key was made but never confirmed as stored (a crash, a closed window): make a new one. */
  readonly recoveryKeyUnconfirmed?: boolean;
  /** Set while the open logs can only be read (the data folder cannot be written): why, in plain words. */
  readonly readOnly?: string;
}

export const passphraseSchema = z.string().min(1).max(1024);
export const recoveryKeySchema = z.string().min(10).max(200);
/** The shortest new passphrase the vault accepts; the setup screen also asks for a strong one. */
export const minPassphraseLength = 10;

/** How a restore or unlock proves who the user is. */
export const secretSchema = z.union([
  z.strictObject({ method: z.literal('passphrase'), passphrase: passphraseSchema }),
  z.strictObject({ method: z.literal('recovery-key'), recoveryKey: recoveryKeySchema }),
]);
export type Secret = z.output<typeof secretSchema>;

export const unlockRequestSchema = z.union([
  z.strictObject({ method: z.literal('passphrase'), passphrase: passphraseSchema }),
  z.strictObject({ method: z.literal('recovery-key'), recoveryKey: recoveryKeySchema }),
  z.strictObject({ method: z.literal('keychain') }),
]);
export type UnlockRequest = z.output<typeof unlockRequestSchema>;

/** What a restore did, by log; nothing is ever removed by a restore. */
export interface RestoreSummary {
  readonly added: number;
  /** Logs already here that gained addenda from the backup. */
  readonly updated: number;
  readonly unchanged: number;
  /** Deleted or erased here after the backup was made: not brought back. */
  readonly skippedDeleted: number;
  /** Older than the retention setting. */
  readonly skippedOld: number;
  /** Entries the backup holds that this version cannot read. */
  readonly invalid: number;
  readonly unreadablePeriods: readonly string[];
  readonly missingPeriods?: readonly string[];
  /**
   * The vault documents the backup carried ('incidents', 'client-profiles', 'practice-review'), by
   * name: entries added, left out (ours kept, or the client erased here) and unreadable. Absent
   * when the backup carried none (backups made before they were carried).
   */
  readonly documents?: Readonly<Record<string, DocumentMergeCounts>>;
}

export type RestoreOutcome =
  | { readonly status: 'cancelled' }
  /** The backup was made with other keys: ask for the passphrase or recovery key of that time. */
  | { readonly status: 'needs-secret'; readonly token: string }
  | ({ readonly status: 'restored' } & RestoreSummary);

export interface BackupOutcome {
  readonly saved: boolean;
  readonly count: number;
  /** Periods that could not be read and so are not in the backup. */
  readonly unreadablePeriods: readonly string[];
}

/**
 * What the window sends to save a readiness log: the scan it ran (main takes every automatic result
 * from its own record of that scan, never from the window), the results only the window can
 * measure (camera, microphone, sound), and the therapist's own answers, judgements and note.
 */
export const logSaveRequestSchema = z.strictObject({
  /** The whole scan of this check; null when none was run (every automatic check is then unknown). */
  scanId: scanIdSchema.nullable(),
  session: newReadinessLogSchema.pick({
    sessionAt: true,
    clientCode: true,
    platform: true,
    platformHost: true,
    modality: true,
    clientCountry: true,
  }),
  /** Media test results; main keeps only camera, lighting, microphone and sound ids. */
  media: z.array(logCheckSchema).max(10),
  confirmations: z.array(confirmationSchema).max(100),
  judgements: z.array(judgementInputSchema).max(100),
  programsClosed: z.array(loggedProgramSchema).max(100),
  note: z.string().max(4000),
});
export type LogSaveRequest = z.output<typeof logSaveRequestSchema>;

export interface LogSaved {
  readonly id: string;
  readonly outcome: Outcome;
  /** Judgements that were not needed: the item passed by the time the log was saved. */
  readonly unused: readonly string[];
}

export const exportFormats = ['pdf', 'csv', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

const exportDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates are written YYYY-MM-DD.')
  .refine((day) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 2000;
  }, 'That is not a date.');

/** What to export: the renderer never names a path; main asks where to save. Dates are local days. */
export const logsExportRequestSchema = z
  .strictObject({
    format: z.enum(exportFormats),
    from: exportDay.optional(),
    to: exportDay.optional(),
    client: clientCodeInputSchema.optional(),
    /** Client codes are left out of every export unless asked for. */
    includeClientCodes: z.boolean(),
  })
  .refine((r) => !r.from || !r.to || r.from <= r.to, 'The start date must be on or before the end date.');
export type LogsExportRequest = z.output<typeof logsExportRequestSchema>;

export interface ExportOutcome {
  readonly saved: boolean;
  readonly format: ExportFormat;
  readonly count: number;
  /** Periods that could not be read and so are not in the file. */
  readonly unreadablePeriods: readonly string[];
}

export const setKeychainRequestSchema = z.union([
  z.strictObject({ enabled: z.literal(true), passphrase: passphraseSchema }),
  z.strictObject({ enabled: z.literal(false) }),
]);
export type SetKeychainRequest = z.output<typeof setKeychainRequestSchema>;

export const lockReasons = ['manual', 'idle', 'suspend', 'screen-lock', 'quit'] as const;
export type LockReason = (typeof lockReasons)[number];

export const vaultChannels = {
  'vault:status': channel<VaultStatus>()(noRequest),
  /** First run: creates the vault and returns the recovery key, shown once. */
  'vault:setup': channel<{ readonly recoveryKey: string; readonly status: VaultStatus }>()(
    z.strictObject({ passphrase: passphraseSchema }),
  ),
  'vault:unlock': channel<VaultStatus>()(unlockRequestSchema),
  'vault:lock': channel<VaultStatus>()(noRequest),
  'vault:change-passphrase': channel<VaultStatus>()(
    z.strictObject({ current: passphraseSchema, next: passphraseSchema }),
  ),
  /** Turning one-click unlock on needs the passphrase: someone at an unlocked screen must not make it permanent. */
  'vault:set-keychain': channel<VaultStatus>()(setKeychainRequestSchema),
  /** The user has written down the recovery key just shown (after setup or a new one). */
  'vault:confirm-recovery-key': channel<VaultStatus>()(noRequest),
  /** Every month re-encrypted under a new data key; also a new recovery key, shown once. Needs the current passphrase. */
  'vault:new-data-key': channel<{ readonly recoveryKey: string; readonly status: VaultStatus }>()(
    z.strictObject({ passphrase: passphraseSchema }),
  ),
  /** A new recovery key, shown once; the old one stops working. Needs the current passphrase. */
  'vault:new-recovery-key': channel<{ readonly recoveryKey: string; readonly status: VaultStatus }>()(
    z.strictObject({ passphrase: passphraseSchema }),
  ),
  /** Main builds the log from its own record of the scan; the vault works out the outcome itself and returns it. */
  'logs:save': channel<LogSaved>()(logSaveRequestSchema),
  'logs:list': channel<{
    readonly logs: readonly LogSummary[];
    readonly unreadablePeriods: readonly string[];
    readonly missingPeriods?: readonly string[];
  }>()(
    z.strictObject({
      client: clientCodeInputSchema.optional(),
      since: z.iso.datetime({ offset: true }).optional(),
      until: z.iso.datetime({ offset: true }).optional(),
      limit: z.number().int().min(1).max(100_000).optional(),
    }),
  ),
  /** Ids of the logs whose notes contain the words (accents and case aside); the list filters by them. */
  'logs:search-notes': channel<{ readonly ids: readonly string[]; readonly unreadablePeriods: readonly string[] }>()(
    z.strictObject({ text: z.string().min(1).max(noteQueryMaxChars) }),
  ),
  'logs:get': channel<ReadinessLog>()(z.strictObject({ id: z.string().min(8).max(64) })),
  'logs:add-addendum': channel<ReadinessLog>()(
    z.strictObject({ id: z.string().min(8).max(64), addendum: addendumInputSchema }),
  ),
  'logs:delete': channel<{ readonly deleted: boolean }>()(z.strictObject({ id: z.string().min(8).max(64) })),
  /** Erasure request: `expectedCount` must match, so the user confirmed what they saw. */
  /** `incompletePeriods`: months that could not be read, which may still hold this client's logs. */
  'logs:erase-client': channel<{
    readonly erased: number;
    readonly incompletePeriods: readonly string[];
    /** The logs are erased but the client's scheduled sessions could not be removed. */
    readonly scheduleNotCleared?: boolean;
    /** The code could not be taken out of the incident log. */
    readonly incidentsNotCleared?: boolean;
    /** Ids of incidents whose own words still name the client. */
    readonly incidentsNamingClient?: readonly string[];
    /** The logs are erased but the client's set-up could not be removed. */
    readonly profileNotCleared?: boolean;
    /** Ids of other logs whose notes may still name the client. */
    readonly logsNamingClient?: readonly string[];
    /** The other logs' notes could not be searched for the code. */
    readonly notesNotSearched?: boolean;
  }>()(
    z.strictObject({
      client: clientCodeInputSchema,
      expectedCount: z.number().int().min(0).max(1_000_000),
    }),
  ),
  /** Main asks where to save (a dialog); the renderer never names a path. */
  'logs:backup': channel<BackupOutcome>()(noRequest),
  /** Main asks where to save (a dialog) and writes the file 0600, atomically; the renderer never names a path. */
  'logs:export': channel<ExportOutcome>()(logsExportRequestSchema),
  /** First call: main asks which file. If that backup needs other keys, call again with its token and a secret. */
  'logs:restore': channel<RestoreOutcome>()(
    z.strictObject({
      token: z
        .string()
        .regex(/^[0-9a-f]{32}$/)
        .optional(),
      secret: secretSchema.optional(),
    }),
  ),
} as const;

export const logsChangeReasons = ['saved', 'addendum', 'deleted', 'erased', 'restored', 'purged'] as const;
export type LogsChangeReason = (typeof logsChangeReasons)[number];

export const vaultEvents = {
  'vault:locked': event<{ readonly reason: LockReason }>(),
  /** Any change to the stored logs, so an open list can refresh. */
  'logs:changed': event<{ readonly reason: LogsChangeReason }>(),
} as const;
