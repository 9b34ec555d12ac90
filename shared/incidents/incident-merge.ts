import { z } from 'zod';

import { unmerged, type DocumentMerger } from '../vault/document-merge';
import { incidentLogSchema, incidentSchema, maxIncidents, type Incident } from './incident';

/** The backup's log before each incident is checked on its own, so one bad incident costs only itself. */
const incomingLogSchema = z.object({ incidents: z.array(z.unknown()) });

/**
 * A restore of the incident log (the ICO's evidence): incidents whose id is not here are added;
 * on a clash ours is kept. A client erased here is taken out of an added incident recorded at or
 * before the erasure (as the erasure took them out of ours; the vault's erasure record compares
 * codes the same way), while one recorded after it names the client anew. Their own words in an
 * incident cannot be reworded here, as with the erasure.
 */
export const mergeIncidentLogs: DocumentMerger = (ours, theirs, context) => {
  const local = ours === null ? { success: true as const, data: { incidents: [] } } : incidentLogSchema.safeParse(ours);
  const incoming = incomingLogSchema.safeParse(theirs);
  if (!incoming.success) return unmerged(1);
  // Ours in a form this version cannot read (a later version's): never written over.
  if (!local.success) return unmerged(incoming.data.incidents.length);
  const incidents: Incident[] = [...local.data.incidents];
  const ids = new Set(incidents.map((i) => i.id));
  let added = 0;
  let skipped = 0;
  let invalid = 0;
  for (const raw of incoming.data.incidents) {
    const parsed = incidentSchema.safeParse(raw);
    if (!parsed.success) {
      invalid += 1;
      continue;
    }
    const incident = parsed.data;
    if (ids.has(incident.id) || incidents.length >= maxIncidents) {
      skipped += 1;
      continue;
    }
    const clientCodes = incident.clientCodes.filter((code) => {
      const erasedAt = context.erasedAt(code);
      return erasedAt === undefined || Date.parse(incident.recordedAt) > Date.parse(erasedAt);
    });
    incidents.push({ ...incident, clientCodes });
    ids.add(incident.id);
    added += 1;
  }
  if (added === 0) return { value: null, added, skipped, invalid };
  const merged = incidentLogSchema.safeParse({ incidents });
  return merged.success ? { value: merged.data, added, skipped, invalid } : unmerged(incoming.data.incidents.length);
};
