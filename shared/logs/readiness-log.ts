import { z } from 'zod';

import { checkStatuses } from '../checks/check-result';
import { evidenceSchema, storedEvidenceSchema } from '../checks/evidence';
import { programCategories } from '../programs/program-types';
import { modalities, sessionPlatformIds } from '../session/platforms';
import { clientCodeInputSchema, storedClientCodeSchema } from './client-code';

const isoDate = z.iso.datetime({ offset: true });

export const logCheckSchema = z.strictObject({
  id: z.string().min(1).max(80),
  status: z.enum(checkStatuses),
  summary: z.string().max(500),
  evidence: evidenceSchema,
  durationMs: z.number().min(0).max(600_000),
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
  platform: z.enum(sessionPlatformIds),
  /** Only for "other": the host the therapist named. */
  platformHost: z.string().max(260).optional(),
  modality: z.enum(modalities),
  checks: z.array(logCheckSchema).max(100),
  confirmations: z.array(confirmationSchema).max(100),
  programsClosed: z.array(loggedProgramSchema).max(100),
  note: z.string().max(4000),
  outcome: z.enum(outcomes),
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
  /** Ids of checks that were warn, fail or unknown: feeds "what keeps going wrong". */
  readonly problems: readonly string[];
  readonly addendaCount: number;
}
