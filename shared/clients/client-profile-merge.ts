import { z } from 'zod';

import { clientCodeKey } from '../logs/client-code';
import { unmerged, type DocumentMerger } from '../vault/document-merge';
import {
  clientProfileSchema,
  clientProfilesRecordSchema,
  clientProfilesVersion,
  maxClientProfiles,
  type ClientProfile,
} from './client-profile';

/** The backup's record before each set-up is checked on its own; another version's record is not read at all. */
const incomingRecordSchema = z.object({ version: z.literal(clientProfilesVersion), profiles: z.array(z.unknown()) });

/**
 * A restore of the client set-ups: a set-up is added for a code that has none here; on a clash
 * ours is kept. A set-up of a client erased here, last changed at or before the erasure, stays out.
 */
export const mergeClientProfiles: DocumentMerger = (ours, theirs, context) => {
  const local =
    ours === null
      ? { success: true as const, data: { version: clientProfilesVersion, profiles: [] } }
      : clientProfilesRecordSchema.safeParse(ours);
  const incoming = incomingRecordSchema.safeParse(theirs);
  if (!incoming.success) return unmerged(1);
  // Ours in a form this version cannot read (a later version's): never written over.
  if (!local.success) return unmerged(incoming.data.profiles.length);
  const profiles: ClientProfile[] = [...local.data.profiles];
  const codes = new Set(profiles.map((p) => clientCodeKey(p.clientCode)));
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
    const erased = erasedAt !== undefined && Date.parse(profile.updatedAt) <= Date.parse(erasedAt);
    if (codes.has(key) || erased || profiles.length >= maxClientProfiles) {
      skipped += 1;
      continue;
    }
    profiles.push(profile);
    codes.add(key);
    added += 1;
  }
  if (added === 0) return { value: null, added, skipped, invalid };
  const merged = clientProfilesRecordSchema.safeParse({ version: clientProfilesVersion, profiles });
  return merged.success ? { value: merged.data, added, skipped, invalid } : unmerged(incoming.data.profiles.length);
};
