import { z } from 'zod';

import { countryCodeSchema } from '../geo/countries';
import { clientCodeInputSchema, clientCodeKey, storedClientCodeSchema } from '../logs/client-code';
import { localDateSchema, zoneSchema } from '../schedule/schedule';
import { hasHiddenCharacters } from '../text/visible-text';

/**
 * One client's set-up, made once and kept only in the vault: how their identity was checked, their
 * consent to online work, who may be in the room, an optional safety code word, whether it is safe
 * to message them, a back-up phone number, where they usually are (country, region, time zone) and
 * a local emergency contact. Keyed by the client code, the only name ReadyRoom ever has for a client.
 */

/** One line of visible text, trimmed; empty when the therapist leaves it blank. */
const line = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} can be at most ${max} characters.`)
    .refine((text) => !hasHiddenCharacters(text), `${what} must be one line of visible text.`);

/** Digits, spaces, brackets, dots and dashes, with an optional leading +; empty for none. */
const phonePattern = /^\+?[0-9][0-9 ().-]{2,29}$/;
const phone = (what: string) =>
  z
    .string()
    .trim()
    .max(30, `${what} can be at most 30 characters.`)
    .refine(
      (text) => text === '' || phonePattern.test(text),
      `${what} should be a phone number, such as +44 20 7946 0000.`,
    );

export const safeToMessageChoices = ['yes', 'no', 'unknown'] as const;
export type SafeToMessage = (typeof safeToMessageChoices)[number];
export const safeToMessageLabels: Record<SafeToMessage, string> = {
  yes: 'Yes, it is safe to message them',
  no: 'No, do not message them',
  unknown: 'Not known yet',
};

export const codeWordMaxLength = 60;

/** The fields the therapist fills in, as the form and the command line send them. */
export const clientProfileFieldsSchema = z.strictObject({
  /** How identity was checked at the first session ("photo ID shown on camera"); empty when not yet. */
  identityHow: line(200, 'How identity was checked'),
  identityVerifiedOn: localDateSchema.nullable(),
  /** The date the client agreed to work online. */
  consentOnlineOn: localDateSchema.nullable(),
  whoMayBeInRoom: line(300, 'Who may be in the room'),
  /** Agreed with the client to signal "I cannot talk freely"; empty for none. Never leaves the vault. */
  codeWord: line(codeWordMaxLength, 'The code word'),
  safeToMessage: z.enum(safeToMessageChoices),
  backupPhone: phone('The back-up phone number'),
  usualCountry: countryCodeSchema.nullable(),
  /** Region, town or the like, in the therapist's words. */
  usualRegion: line(120, 'The usual region'),
  /** An IANA zone, e.g. "Europe/London". */
  timeZone: zoneSchema.nullable(),
  emergencyContactName: line(120, 'The emergency contact'),
  emergencyContactPhone: phone('The emergency contact’s phone number'),
});
export type ClientProfileFields = z.output<typeof clientProfileFieldsSchema>;
export type ClientProfileField = keyof ClientProfileFields;

export const clientProfileFieldNames = Object.keys(clientProfileFieldsSchema.shape) as ClientProfileField[];

/** Plain names for the edit history. */
export const clientProfileFieldLabels: Record<ClientProfileField, string> = {
  identityHow: 'how identity was checked',
  identityVerifiedOn: 'date identity was checked',
  consentOnlineOn: 'date of consent to online work',
  whoMayBeInRoom: 'who may be in the room',
  codeWord: 'safety code word',
  safeToMessage: 'safe to message',
  backupPhone: 'back-up phone number',
  usualCountry: 'usual country',
  usualRegion: 'usual region',
  timeZone: 'time zone',
  emergencyContactName: 'emergency contact',
  emergencyContactPhone: 'emergency contact’s phone number',
};

export const emptyClientProfileFields: ClientProfileFields = {
  identityHow: '',
  identityVerifiedOn: null,
  consentOnlineOn: null,
  whoMayBeInRoom: '',
  codeWord: '',
  safeToMessage: 'unknown',
  backupPhone: '',
  usualCountry: null,
  usualRegion: '',
  timeZone: null,
  emergencyContactName: '',
  emergencyContactPhone: '',
};

/** A save as the window or command line sends it. */
export const clientProfileInputSchema = clientProfileFieldsSchema.extend({ clientCode: clientCodeInputSchema });
export type ClientProfileInput = z.output<typeof clientProfileInputSchema>;

/** One save: when, and the names of the fields it changed (never their values, so never the code word). */
export const profileEditSchema = z.strictObject({
  at: z.iso.datetime({ offset: true }),
  kind: z.enum(['created', 'changed']),
  fields: z.array(z.enum(clientProfileFieldNames as [ClientProfileField, ...ClientProfileField[]])).max(40),
});
export type ProfileEdit = z.output<typeof profileEditSchema>;

export const maxProfileHistory = 200;

/**
 * A stored zone is checked for shape only: whether a zone exists depends on the runtime's zone
 * data, and one zone an older build lacks must not make every set-up unreadable. A zone unknown
 * here shows as "not known" where local times are worked out.
 */
const storedZoneSchema = z.string().min(1).max(64);

export const clientProfileSchema = clientProfileFieldsSchema.extend({
  timeZone: storedZoneSchema.nullable(),
  clientCode: storedClientCodeSchema,
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  history: z.array(profileEditSchema).max(maxProfileHistory),
});
export type ClientProfile = z.output<typeof clientProfileSchema>;

export const clientProfilesVersion = 1;
export const maxClientProfiles = 2000;

export const maxDeletedProfiles = 2000;

/**
 * What is kept of a set-up the therapist deleted: its code and when, nothing else. It stops a
 * restore of an older backup bringing the set-up back. The code is personal data, but this marker
 * never leaves the vault; an erasure request takes it away with everything else about the client.
 */
export const deletedProfileSchema = z.strictObject({
  clientCode: storedClientCodeSchema,
  deletedAt: z.iso.datetime({ offset: true }),
});
export type DeletedProfile = z.output<typeof deletedProfileSchema>;

/**
 * The vault record: versioned, so a later version's record is never written over by this one.
 * `deleted` came later and is optional, so records and backups made before it read as they are;
 * it is written only when there is a marker, so a record without one stays readable by older builds.
 */
export const clientProfilesRecordSchema = z.strictObject({
  version: z.literal(clientProfilesVersion),
  profiles: z.array(clientProfileSchema).max(maxClientProfiles),
  deleted: z.array(deletedProfileSchema).max(maxDeletedProfiles).optional(),
});
export type ClientProfilesRecord = z.output<typeof clientProfilesRecordSchema>;

/** The record to store: `deleted` only when there is a marker; the newest markers are kept once full. */
export function clientProfilesRecord(
  profiles: readonly ClientProfile[],
  deleted: readonly DeletedProfile[],
): ClientProfilesRecord {
  const kept = [...deleted]
    .sort((a, b) => Date.parse(a.deletedAt) - Date.parse(b.deletedAt))
    .slice(-maxDeletedProfiles);
  return {
    version: clientProfilesVersion,
    profiles: [...profiles],
    ...(kept.length > 0 ? { deleted: kept } : {}),
  };
}

/** Which fields differ between two versions of a profile, in form order. */
export function changedFields(before: ClientProfileFields, after: ClientProfileFields): ClientProfileField[] {
  return clientProfileFieldNames.filter((name) => before[name] !== after[name]);
}

/** Only the fields (no code, dates or history). */
export function profileFields(profile: ClientProfileFields): ClientProfileFields {
  const out = {} as Record<ClientProfileField, unknown>;
  for (const name of clientProfileFieldNames) out[name] = profile[name];
  return out as ClientProfileFields;
}

/**
 * A new or updated profile: the history gains one entry naming what changed (nothing when nothing
 * did). The oldest entries go first once the history is full, keeping the first ("created").
 */
export function applyProfileSave(
  existing: ClientProfile | null,
  input: ClientProfileInput,
  at: string,
): { readonly profile: ClientProfile; readonly changed: readonly ClientProfileField[] } {
  const { clientCode, ...fields } = input;
  if (!existing) {
    const changed = changedFields(emptyClientProfileFields, fields);
    return {
      profile: {
        ...fields,
        clientCode,
        createdAt: at,
        updatedAt: at,
        history: [{ at, kind: 'created', fields: changed }],
      },
      changed,
    };
  }
  const changed = changedFields(profileFields(existing), fields);
  if (changed.length === 0) return { profile: existing, changed };
  let history = [...existing.history, { at, kind: 'changed' as const, fields: changed }];
  if (history.length > maxProfileHistory)
    history = [history[0]!, ...history.slice(history.length - maxProfileHistory + 1)];
  return {
    profile: { ...fields, clientCode: existing.clientCode, createdAt: existing.createdAt, updatedAt: at, history },
    changed,
  };
}

/** Whether two client codes name the same client (see clientCodeKey). */
export function sameClient(a: string, b: string): boolean {
  return clientCodeKey(a) === clientCodeKey(b);
}

/** What may leave the vault about a profile for lists (never the code word, only whether there is one). */
export interface ClientProfileSummary {
  readonly clientCode: string;
  readonly usualCountry: string | null;
  readonly timeZone: string | null;
  readonly hasCodeWord: boolean;
  readonly updatedAt: string;
}

export function summarizeProfile(profile: ClientProfile): ClientProfileSummary {
  return {
    clientCode: profile.clientCode,
    usualCountry: profile.usualCountry,
    timeZone: profile.timeZone,
    hasCodeWord: profile.codeWord !== '',
    updatedAt: profile.updatedAt,
  };
}
