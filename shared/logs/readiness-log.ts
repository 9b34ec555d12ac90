import { z } from 'zod';

import { checkStatuses } from '../checks/check-result';
import { evidenceSchema, storedEvidenceSchema } from '../checks/evidence';
import { judgementSchema } from '../checks/judgement';
import { countryCodeSchema } from '../geo/countries';
import { programCategories } from '../programs/program-types';
import { knownPlatformIds, modalities, sessionPlatformIds } from '../session/platforms';
import { clientCodeInputSchema, storedClientCodeSchema } from './client-code';

const isoDate = z.iso.datetime({ offset: true });

export const logCheckSchema = z.strictObject({
  id: z.string().min(1).max(80),
  status: z.enum(checkStatuses),
  summary: z.string().max(500),
  evidence: evidenceSchema,
  durationMs: z.number().min(0).max(600_000),
  /** When ReadyRoom ran this check (main's own record of the scan); absent in logs saved before it was kept. */
  checkedAt: isoDate.optional(),
});
/** A check as stored: older versions did not bound evidence, and a stored log must stay readable. */
const storedLogCheckSchema = logCheckSchema.extend({ evidence: storedEvidenceSchema });
export type LogCheck = z.output<typeof logCheckSchema>;

export const confirmationSchema = z.strictObject({
  id: z.string().min(1).max(80),
  confirmed: z.boolean(),
});

export const outcomes = ['ready', 'ready-with-advice', 'not-ready'] as const;
export type Outcome = (typeof outcomes)[number];
export const outcomeLabels: Record<Outcome, string> = {
  ready: 'Ready',
  'ready-with-advice': 'Ready with advice',
  'not-ready': 'Not ready',
};

export const loggedProgramSchema = z.strictObject({
  name: z.string().min(1).max(100),
  category: z.enum(programCategories),
});

/** What the renderer or CLI submits to save; the vault adds id, createdAt and appVersion. */
export const newReadinessLogSchema = z.strictObject({
  sessionAt: isoDate,
  clientCode: clientCodeInputSchema,
  /** New logs name a platform that can be chosen today; stored ones may name a closed one (readinessLogSchema). */
  platform: z.enum(sessionPlatformIds),
  /** Only for platforms whose address the therapist names ("other", Jane): that address. */
  platformHost: z.string().max(260).optional(),
  modality: z.enum(modalities),
  checks: z.array(logCheckSchema).max(100),
  confirmations: z.array(confirmationSchema).max(100),
  programsClosed: z.array(loggedProgramSchema).max(100),
  note: z.string().max(4000),
  outcome: z.enum(outcomes),
  /**
   * The therapist's own judgements ("checked by you", "not applicable, because…"), each beside the
   * check's own status and evidence above, which they never replace. Absent in logs saved before
   * ReadyRoom offered them, which read as having none.
   */
  judgements: z.array(judgementSchema).max(100).optional(),
  /**
   * The country the client was in for this session (ISO 3166-1 alpha-2), as the therapist confirmed
   * it: their emergency services and the therapist's cover depend on it. Absent in logs saved
   * before ReadyRoom asked, and when the therapist did not say.
   */
  clientCountry: countryCodeSchema.optional(),
});
export type NewReadinessLog = z.output<typeof newReadinessLogSchema>;

export const addendumKinds = ['note', 'session-ended', 'programs-reopened'] as const;
export const addendumInputSchema = z.strictObject({
  kind: z.enum(addendumKinds),
  text: z.string().max(4000).optional(),
  /** For session-ended. */
  endedAt: isoDate.optional(),
  /** For programs-reopened: names only. */
  programs: z.array(loggedProgramSchema).max(100).optional(),
});
export type AddendumInput = z.output<typeof addendumInputSchema>;
export const addendumSchema = addendumInputSchema.extend({ at: isoDate });
export type Addendum = z.output<typeof addendumSchema>;

/** A stored log: the original as saved, plus timestamped addenda. The original never changes. */
export const readinessLogSchema = newReadinessLogSchema.extend({
  // Logs saved before a platform closed (Skype, May 2025) must stay readable.
  platform: z.enum(knownPlatformIds),
  clientCode: storedClientCodeSchema,
  checks: z.array(storedLogCheckSchema).max(100),
  id: z.string().min(8).max(64),
  createdAt: isoDate,
  appVersion: z.string().max(40),
  addenda: z.array(addendumSchema).max(500),
});
export type ReadinessLog = z.output<typeof readinessLogSchema>;

export interface LogSummary {
  readonly id: string;
  readonly createdAt: string;
  readonly sessionAt: string;
  readonly clientCode: string;
  readonly platform: ReadinessLog['platform'];
  readonly modality: ReadinessLog['modality'];
  readonly outcome: Outcome;
  /** Ids of checks that were warn, fail or unknown as ReadyRoom saw them, before any judgement. */
  readonly problems: readonly string[];
  /** What the outcome counts as not done (after the therapist's judgements): never empty on a log that is not "Ready". */
  readonly attention: readonly AttentionItem[];
  /** Items the therapist settled by hand, with what ReadyRoom had seen. */
  readonly judged: readonly JudgedItem[];
  readonly addendaCount: number;
}

export interface AttentionItem {
  readonly id: string;
  readonly state: 'fail' | 'warn' | 'unknown' | 'unconfirmed';
}

export interface JudgedItem {
  readonly id: string;
  readonly kind: 'confirmed' | 'not-applicable';
  /** What ReadyRoom saw before the judgement. */
  readonly seen: 'warn' | 'fail' | 'unknown' | 'unconfirmed';
}
