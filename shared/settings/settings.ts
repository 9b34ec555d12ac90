import { z } from 'zod';

import { modalities, sessionPlatformIds } from '../session/platforms';

/** Retention of readiness logs, in years; null keeps them forever. */
export const retentionChoices = [1, 2, 3, 7, null] as const;

const programName = z.string().trim().min(1).max(100);

/**
 * Preferences that name no client, so they may live in a plain (unencrypted) store.
 * Anything that could identify a client belongs in the vault instead.
 */
export const settingsSchema = z.strictObject({
  theme: z.enum(['system', 'light', 'dark']),
  defaultPlatform: z.enum(sessionPlatformIds),
  /** host[:port] timed when the platform's address is the therapist's own ("other", Jane). */
  otherPlatformHost: z.string().max(260),
  defaultModality: z.enum(modalities),
  /** How long a session usually lasts: restarts, backups and sleep are judged against it. */
  sessionMinutes: z.number().int().min(15).max(240),
  idleLockMinutes: z.number().int().min(1).max(240),
  retentionYears: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(7), z.null()]),
  throughput: z.strictObject({
    enabled: z.boolean(),
    /** An https URL of a file the user chose to download for the speed test. */
    downloadUrl: z.string().max(2000),
    /** Optional https URL that accepts an upload. */
    uploadUrl: z.string().max(2000),
  }),
  programs: z.strictObject({
    alwaysSuggest: z.array(programName).max(100),
    neverSuggest: z.array(programName).max(100),
  }),
});
export type Settings = z.output<typeof settingsSchema>;

export const defaultSettings: Settings = {
  theme: 'system',
  defaultPlatform: 'zoom',
  otherPlatformHost: '',
  defaultModality: 'video',
  sessionMinutes: 60,
  idleLockMinutes: 15,
  retentionYears: 7,
  throughput: { enabled: false, downloadUrl: '', uploadUrl: '' },
  programs: { alwaysSuggest: [], neverSuggest: [] },
};

/** A partial update: top-level keys replace whole values. */
export const settingsPatchSchema = settingsSchema.partial();
export type SettingsPatch = z.output<typeof settingsPatchSchema>;
