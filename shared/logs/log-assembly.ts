import { catalog as fullCatalog } from '../catalog/catalog';
import type { CatalogEntry } from '../catalog/catalog-types';
import type { CheckResult, CheckStatus } from '../checks/check-result';
import { evidenceProblem } from '../checks/evidence';
import { judgementProblem, type Judgement, type JudgementInput } from '../checks/judgement';
import { appliesTo, seenState } from '../checks/outcome';
import type { RememberedNotApplicable } from '../settings/settings';
import { logOutcome } from './log-outcome';
import type { LogCheck, NewReadinessLog } from './readiness-log';

/** One automatic result from main's own record of the scan. */
export interface RecordedCheck {
  readonly result: CheckResult;
  /** ISO 8601: when the check finished. */
  readonly checkedAt: string;
}

export interface LogAssemblyInput {
  readonly session: Pick<
    NewReadinessLog,
    'sessionAt' | 'clientCode' | 'platform' | 'platformHost' | 'modality' | 'clientCountry'
  >;
  /** Automatic results from main's record (or the CLI's own scan), by id. */
  readonly automatic: Readonly<Record<string, RecordedCheck | undefined>>;
  /** Automatic checks still running when the log is saved. */
  readonly running?: ReadonlySet<string>;
  /** Said of an automatic check with no result, e.g. "Not checked before the session." */
  readonly missingSummary: string;
  /** Camera, microphone and sound results: only the window can measure them. Other ids are ignored. */
  readonly media: readonly LogCheck[];
  /** Said of a media test with no result. */
  readonly untestedMediaSummary: string;
  /** The therapist's answers to the manual questions, by id; only `true` counts. */
  readonly confirmations: Readonly<Record<string, boolean | undefined>>;
  readonly judgements: readonly JudgementInput[];
  /** "Not applicable" kept for this computer in Settings; each applies where nothing else was said. */
  readonly remembered: readonly RememberedNotApplicable[];
  readonly programsClosed: NewReadinessLog['programsClosed'];
  readonly note: string;
  readonly entries?: readonly CatalogEntry[];
}

export interface AssembledLog {
  readonly log: NewReadinessLog;
  /** Judgements that cannot be recorded as asked (a confirm on a failure, a blocker without a note…). */
  readonly problems: readonly { readonly id: string; readonly message: string }[];
  /** Judgements that were not needed because the item passed (or did not apply to this session). */
  readonly unused: readonly string[];
}

const maxSummary = 500;
const maxDurationMs = 600_000;

/**
 * A check's evidence as measured, unless it is beyond what a log may hold (a machine running
 * hundreds of programs): then the log says the details were left out and why. The status and
 * summary stay, and a log is never refused over its own evidence.
 */
function boundedEvidence(evidence: CheckResult['evidence']): LogCheck['evidence'] {
  const problem = evidenceProblem(evidence);
  return problem
    ? { evidenceLeftOut: `The details of this check were left out of the log: its evidence ${problem}.` }
    : evidence;
}

function toLogCheck(result: CheckResult, checkedAt?: string): LogCheck {
  return {
    id: result.id,
    status: result.status,
    summary: result.summary.slice(0, maxSummary),
    evidence: boundedEvidence(result.evidence),
    durationMs: Math.min(maxDurationMs, Math.max(0, Math.round(result.durationMs))),
    ...(checkedAt ? { checkedAt } : {}),
  };
}

function unknownCheck(id: string, summary: string, reason: string): LogCheck {
  return { id, status: 'unknown', summary, evidence: { reason }, durationMs: 0 };
}

/**
 * The log as it will be saved, from what main measured and what the therapist said: every
 * applicable check with its result (a missing one is recorded as unknown, never left out), every
 * question asked, each judgement that fits what was seen, and the outcome by the shared rules.
 * Pure, so the app, the CLI and the tests build logs the same way.
 */
export function assembleReadinessLog(input: LogAssemblyInput): AssembledLog {
  const entries = input.entries ?? fullCatalog;
  const { session } = input;
  const media = new Map(input.media.map((c) => [c.id, c]));
  const checks: LogCheck[] = [];
  const confirmations: { id: string; confirmed: boolean }[] = [];
  for (const entry of entries) {
    if (!appliesTo(entry, session.modality)) continue;
    if (entry.kind === 'manual') {
      confirmations.push({ id: entry.id, confirmed: input.confirmations[entry.id] === true });
    } else if (entry.kind === 'media') {
      const measured = media.get(entry.id);
      checks.push(
        measured
          ? { ...measured, summary: measured.summary.slice(0, maxSummary) }
          : unknownCheck(entry.id, input.untestedMediaSummary, 'not-tested'),
      );
    } else {
      const recorded = input.automatic[entry.id];
      if (recorded && recorded.result.id === entry.id) checks.push(toLogCheck(recorded.result, recorded.checkedAt));
      else if (input.running?.has(entry.id))
        checks.push(unknownCheck(entry.id, 'Still running when the log was saved.', 'still-running'));
      else checks.push(unknownCheck(entry.id, input.missingSummary, 'no-result'));
    }
  }

  const results: Record<string, CheckStatus> = {};
  for (const c of checks) results[c.id] = c.status;
  const confirmed: Record<string, boolean> = {};
  for (const c of confirmations) confirmed[c.id] = c.confirmed;

  const byId = new Map(entries.map((e) => [e.id, e]));
  const problems: { id: string; message: string }[] = [];
  const unused: string[] = [];
  const judgements: Judgement[] = [];
  const judgedIds = new Set<string>();
  for (const judgement of input.judgements) {
    const entry = byId.get(judgement.id);
    if (!entry) {
      problems.push({ id: judgement.id, message: `There is no check called "${judgement.id}".` });
      continue;
    }
    if (judgedIds.has(entry.id)) {
      problems.push({ id: entry.id, message: `"${entry.title}" was given more than one judgement.` });
      continue;
    }
    judgedIds.add(entry.id);
    const seen = seenState(entry, session.modality, results, confirmed);
    if (seen === 'pass' || seen === 'skipped') {
      unused.push(entry.id);
      continue;
    }
    const problem = judgementProblem(entry, seen, judgement);
    if (problem) {
      problems.push({ id: entry.id, message: problem });
      continue;
    }
    const { note, ...rest } = judgement;
    judgements.push(note?.trim() ? { ...rest, note: note.trim() } : rest);
  }
  for (const kept of input.remembered) {
    const entry = byId.get(kept.id);
    if (!entry || judgedIds.has(kept.id)) continue;
    const seen = seenState(entry, session.modality, results, confirmed);
    const judgement = {
      id: kept.id,
      kind: 'not-applicable',
      reason: kept.reason,
      ...(kept.note.trim() ? { note: kept.note.trim() } : {}),
      at: kept.since,
    } as const;
    // A remembered reason that no longer fits (the check passed, or a note is now needed) is simply not used.
    if (seen === 'pass' || seen === 'skipped' || judgementProblem(entry, seen, judgement)) continue;
    judgements.push({ ...judgement, remembered: true });
  }

  const host = session.platformHost?.trim();
  const content = { modality: session.modality, checks, confirmations, judgements: judgements };
  const log: NewReadinessLog = {
    sessionAt: session.sessionAt,
    clientCode: session.clientCode.trim(),
    platform: session.platform,
    ...(session.platform === 'other' && host ? { platformHost: host } : {}),
    modality: session.modality,
    checks,
    confirmations,
    programsClosed: input.programsClosed.map((p) => ({ name: p.name.slice(0, 100), category: p.category })),
    note: input.note.trim(),
    outcome: logOutcome(content, entries).outcome,
    ...(judgements.length > 0 ? { judgements: judgements } : {}),
    ...(session.clientCountry ? { clientCountry: session.clientCountry } : {}),
  };
  return { log, problems, unused };
}
