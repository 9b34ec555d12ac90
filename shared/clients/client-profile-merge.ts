import { z } from 'zod';

import { clientCodeKey } from '../logs/client-code';
import { unmerged, type DocumentMerger } from '../vault/document-merge';
import {
  clientProfileSchema,
  clientProfilesRecord,
  clientProfilesRecordSchema,
  clientProfilesVersion,
  deletedProfileSchema,
  maxClientProfiles,
  type ClientProfile,
  type DeletedProfile,
} from './client-profile';

/** The backup's record before each entry is checked on its own; another version's record is not read at all. */
const incomingRecordSchema = z.object({
  version: z.literal(clientProfilesVersion),
  profiles: z.array(z.unknown()),
  // Absent in backups made before set-ups left a marker when deleted.
  deleted: z.array(z.unknown()).optional(),
});

const isAfter = (a: string, b: string) => Date.parse(a) > Date.parse(b);

/**
 * A restore of the client set-ups: a set-up is added for a code that has none here; on a clash
 * ours is kept. A set-up of a client erased here, last changed at or before the erasure, stays out,
 * and so does one deleted here (or in the backup) last changed at or before the deletion.
 *
 * A copy changed after the deletion does come back, and clears the marker: it holds work done
 * after the therapist deleted the set-up (set up again, say on another computer, and backed up
 * there), so keeping it out would lose that work; the erasure rule is the same.
 *
 * The backup's deletion markers are added too (so a still older backup cannot bring those set-ups
 * back later), except for a code that has a set-up here (ours wins) or was erased here since.
 * A marker is not a set-up, so it is not counted.
 */
export const mergeClientProfiles: DocumentMerger = (ours, theirs, context) => {
  const local =
    ours === null
      ? { success: true as const, data: clientProfilesRecord([], []) }
      : clientProfilesRecordSchema.safeParse(ours);
  const incoming = incomingRecordSchema.safeParse(theirs);
  if (!incoming.success) return unmerged(1);
  // Ours in a form this version cannot read (a later version's): never written over.
  if (!local.success) return unmerged(incoming.data.profiles.length);
  const profiles: ClientProfile[] = [...local.data.profiles];
  const codes = new Set(profiles.map((p) => clientCodeKey(p.clientCode)));
  const deleted = new Map<string, DeletedProfile>();
  for (const marker of local.data.deleted ?? []) deleted.set(clientCodeKey(marker.clientCode), marker);
  let markersChanged = false;

  for (const raw of incoming.data.deleted ?? []) {
    const parsed = deletedProfileSchema.safeParse(raw);
    if (!parsed.success) continue;
    const marker = parsed.data;
    const key = clientCodeKey(marker.clientCode);
    const erasedAt = context.erasedAt(marker.clientCode);
    const here = deleted.get(key);
    if (codes.has(key) || (erasedAt !== undefined && !isAfter(marker.deletedAt, erasedAt))) continue;
    if (here && !isAfter(marker.deletedAt, here.deletedAt)) continue;
    deleted.set(key, marker);
    markersChanged = true;
  }

  let added = 0;
  let skipped = 0;
  let invalid = 0;
  for (const raw of incoming.data.profiles) {
    const parsed = clientProfileSchema.safeParse(raw);
    if (!parsed.success) {
      invalid += 1;
      continue;
    }
    const profile = parsed.data;
    const key = clientCodeKey(profile.clientCode);
    const erasedAt = context.erasedAt(profile.clientCode);
    const erased = erasedAt !== undefined && !isAfter(profile.updatedAt, erasedAt);
    const marker = deleted.get(key);
    const wasDeleted = marker !== undefined && !isAfter(profile.updatedAt, marker.deletedAt);
    if (codes.has(key) || erased || wasDeleted || profiles.length >= maxClientProfiles) {
      skipped += 1;
      continue;
    }
    profiles.push(profile);
    codes.add(key);
    if (deleted.delete(key)) markersChanged = true;
    added += 1;
  }
  if (added === 0 && !markersChanged) return { value: null, added, skipped, invalid };
  const merged = clientProfilesRecordSchema.safeParse(clientProfilesRecord(profiles, [...deleted.values()]));
  return merged.success ? { value: merged.data, added, skipped, invalid } : unmerged(incoming.data.profiles.length);
};
