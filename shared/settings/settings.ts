import { z } from 'zod';

import { modalities, sessionPlatformIds } from '../session/platforms';

/** Retention of readiness logs, in years; null keeps them forever. */
export const retentionChoices = [1, 2, 3, 7, null] as const;

const programName = z.string().trim().min(1).max(100);
export const maxApprovedHosts = 100;

/**
 * Preferences that name no client, so they may live in a plain (unencrypted) store.
 * Anything that could identify a client belongs in the vault instead.
 */
export const settingsSchema = z.strictObject({
  theme: z.enum(['system', 'light', 'dark']),
  defaultPlatform: z.enum(sessionPlatformIds),
  /** host[:port] used for connection timing when the platform is "other". */
  otherPlatformHost: z.string().max(260),
  defaultModality: z.enum(modalities),
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
  /**
   * "host:port" addresses the therapist allowed ReadyRoom to contact (beyond the platforms'
   * own), so it asks only the first time. Changed only through settings:approve-host and
   * settings:forget-host, never by a settings patch.
   */
  approvedHosts: z.array(z.string().min(3).max(270)).max(maxApprovedHosts),
});
export type Settings = z.output<typeof settingsSchema>;

export const defaultSettings: Settings = {
  theme: 'system',
  defaultPlatform: 'zoom',
  otherPlatformHost: '',
  defaultModality: 'video',
  idleLockMinutes: 15,
  retentionYears: 7,
  throughput: { enabled: false, downloadUrl: '', uploadUrl: '' },
  programs: { alwaysSuggest: [], neverSuggest: [] },
  approvedHosts: [],
};

/** A partial update: top-level keys replace whole values. Approvals have their own channels. */
export const settingsPatchSchema = settingsSchema.omit({ approvedHosts: true }).partial();
export type SettingsPatch = z.output<typeof settingsPatchSchema>;
