import { z } from 'zod';

import { getCatalogEntry } from '../catalog/catalog';
import { countryCodeSchema } from '../geo/countries';
import { hasHiddenCharacters } from '../text/visible-text';
import { judgementNeedsNote, judgementNoteMaxLength, notApplicableReasons } from '../checks/judgement';
import { modalities, sessionPlatformIds } from '../session/platforms';
import { defaultThresholds, thresholdsSchema } from './thresholds';

/** Retention of readiness logs, in years; null keeps them forever. */
export const retentionChoices = [1, 2, 3, 7, null] as const;

const programName = z.string().trim().min(1).max(100);

/** The practice's name as printed on reports: one line of visible text, or empty for none. */
export const practiceNameSchema = z
  .string()
  .max(120, 'The practice name can be at most 120 characters.')
  .refine((name) => !hasHiddenCharacters(name), 'The practice name must be one line of visible text.')
  .refine((name) => name === name.trim(), 'The practice name must not start or end with spaces.');
export const maxApprovedHosts = 100;

/**
 * "Not applicable" kept for this computer: it is written into every log where it applied, with its
 * reason, and can be seen and taken back in Settings. The note is about the computer, never a client.
 */
export const rememberedNotApplicableSchema = z.strictObject({
  id: z.string().min(1).max(80),
  reason: z.enum(notApplicableReasons),
  note: z.string().max(judgementNoteMaxLength),
  /** When it was first kept (ISO 8601): the time recorded with it in each log. */
  since: z.iso.datetime({ offset: true }),
});
export type RememberedNotApplicable = z.output<typeof rememberedNotApplicableSchema>;

export const rememberedNotApplicableListSchema = z
  .array(rememberedNotApplicableSchema)
  .max(60)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((item, index) => {
      const entry = getCatalogEntry(item.id);
      const path = [index, 'id'];
      if (!entry) ctx.addIssue({ code: 'custom', message: `There is no check called "${item.id}".`, path });
      else if (entry.notApplicable === false)
        ctx.addIssue({ code: 'custom', message: `"${entry.title}" cannot be marked not applicable.`, path });
      else if (judgementNeedsNote(entry, { kind: 'not-applicable', reason: item.reason }) && !item.note.trim())
        ctx.addIssue({ code: 'custom', message: `"${entry.title}" needs a note saying why it does not apply.`, path });
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', message: `"${item.id}" is listed more than once.`, path });
      seen.add(item.id);
    });
  });

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
  /** How long before a scheduled session its reminder is shown. */
  reminderLeadMinutes: z.number().int().min(1).max(240),
  /**
   * Whether a reminder names the client code. Off unless the therapist turns it on: Windows and
   * macOS keep notification text in their own unencrypted history, outside the vault.
   */
  reminderShowsClientCode: z.boolean(),
  /** How often the practice review comes round (first run, then every this many months). */
  reviewIntervalMonths: z.number().int().min(1).max(36),
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
  /** The limits the automatic checks judge against (Advanced settings). */
  thresholds: thresholdsSchema,
  notApplicable: rememberedNotApplicableListSchema,
  /**
   * "host:port" addresses the therapist allowed ReadyRoom to contact (beyond the platforms'
   * own), so it asks only the first time. Changed only through settings:approve-host and
   * settings:forget-host, never by a settings patch.
   */
  approvedHosts: z.array(z.string().min(3).max(270)).max(maxApprovedHosts),
  /** Printed at the top of reports; names the practice, never a client. */
  practiceName: practiceNameSchema,
  /** Starting at login was offered once after setup (whatever the answer), so it is not offered again. */
  startAtLoginOffered: z.boolean(),
  /**
   * Countries the therapist's insurance and professional registration cover. A session with a
   * client elsewhere gets a warning (never a block); an empty list means "not said", not "none".
   */
  coveredCountries: z
    .array(countryCodeSchema)
    .max(250)
    .refine((list) => new Set(list).size === list.length, 'Each country can be listed once.'),
});
export type Settings = z.output<typeof settingsSchema>;

export const defaultSettings: Settings = {
  theme: 'system',
  defaultPlatform: 'zoom',
  otherPlatformHost: '',
  defaultModality: 'video',
  sessionMinutes: 60,
  idleLockMinutes: 15,
  reminderLeadMinutes: 15,
  reminderShowsClientCode: false,
  reviewIntervalMonths: 12,
  retentionYears: 7,
  throughput: { enabled: false, downloadUrl: '', uploadUrl: '' },
  programs: { alwaysSuggest: [], neverSuggest: [] },
  thresholds: defaultThresholds,
  notApplicable: [],
  approvedHosts: [],
  practiceName: '',
  startAtLoginOffered: false,
  coveredCountries: [],
};

/**
 * Why these settings cannot be kept, in one line (the first problem found); null when they can.
 * The settings screen, main and the CLI all use it, so each refuses the same values the same way.
 */
export function settingsProblem(candidate: unknown): string | null {
  return settingsIssue(candidate)?.message ?? null;
}

/** The first problem with its setting's dotted path (e.g. "thresholds.wifi.warnBelowDbm"), for the screen. */
export function settingsIssue(candidate: unknown): { readonly message: string; readonly path: string } | null {
  const parsed = settingsSchema.safeParse(candidate);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  if (!issue) return { message: 'These settings are not valid.', path: '' };
  const path = issue.path.map(String).join('.');
  // Our own messages are whole sentences; zod's need the setting's name in front.
  if (issue.code === 'custom' || /[.]$/.test(issue.message)) return { message: issue.message, path };
  return { message: `${path ? `${path}: ` : ''}${issue.message}.`, path };
}

/** A partial update: top-level keys replace whole values. Approvals have their own channels. */
export const settingsPatchSchema = settingsSchema.omit({ approvedHosts: true }).partial();
export type SettingsPatch = z.output<typeof settingsPatchSchema>;
