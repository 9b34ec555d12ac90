import type { CatalogEntry } from '../../../shared/catalog/catalog-types';
import type { CheckResult } from '../../../shared/checks/check-result';
import type { JudgementInput } from '../../../shared/checks/judgement';
import { appliesTo } from '../../../shared/checks/outcome';
import type { LogSaveRequest } from '../../../shared/ipc/vault.contract';
import type { LogCheck } from '../../../shared/logs/readiness-log';
import type { ClosedProgram } from '../../../shared/programs/program-types';
import { asksForHost } from '../../../shared/session/platforms';
import type { SessionDetails } from '../../stores/wizard-store';

export interface SaveInput {
  readonly catalog: readonly CatalogEntry[];
  readonly session: SessionDetails;
  /** Main's id of the whole scan; null when none ran. */
  readonly scanId: string | null;
  /** Results by id: only the media tests' are sent (main has its own record of the rest). */
  readonly results: Readonly<Record<string, CheckResult | undefined>>;
  readonly confirmations: Readonly<Record<string, boolean | undefined>>;
  readonly judgements: Readonly<Record<string, JudgementInput | undefined>>;
  readonly programsClosed: readonly ClosedProgram[];
  readonly note: string;
  readonly now: Date;
}

const maxSummary = 500;

/** The session time as ISO 8601; the time typed in, or now when it is empty or unreadable. */
export function sessionInstant(local: string, now: Date): string {
  const parsed = local ? new Date(local) : now;
  return (Number.isNaN(parsed.getTime()) ? now : parsed).toISOString();
}

/**
 * What the window asks main to save: the scan's id (main takes the automatic results from its own
 * record), the media results only the window can measure, and the therapist's own answers,
 * judgements and note. Main builds the log and works out the outcome by the shared rules.
 */
export function buildSaveRequest(input: SaveInput): LogSaveRequest {
  const { session, catalog } = input;
  const media: LogCheck[] = [];
  const confirmations: { id: string; confirmed: boolean }[] = [];
  const judgements: JudgementInput[] = [];
  for (const entry of catalog) {
    if (!appliesTo(entry, session.modality)) continue;
    const judged = input.judgements[entry.id];
    if (judged) judgements.push(judged);
    if (entry.kind === 'manual') {
      confirmations.push({ id: entry.id, confirmed: input.confirmations[entry.id] === true });
      continue;
    }
    const result = input.results[entry.id];
    if (entry.kind === 'media' && result) {
      media.push({
        id: entry.id,
        status: result.status,
        summary: result.summary.slice(0, maxSummary),
        evidence: result.evidence,
        durationMs: Math.max(0, Math.round(result.durationMs)),
      });
    }
  }
  const host = session.platformHost.trim();
  return {
    scanId: input.scanId,
    session: {
      sessionAt: sessionInstant(session.sessionAt, input.now),
      clientCode: session.clientCode.trim(),
      platform: session.platform,
      ...(asksForHost(session.platform) && host ? { platformHost: host } : {}),
      modality: session.modality,
      ...(session.clientCountry ? { clientCountry: session.clientCountry } : {}),
    },
    media,
    confirmations,
    judgements,
    programsClosed: input.programsClosed.map((p) => ({ name: p.name.slice(0, 100), category: p.category })),
    note: input.note.trim(),
  };
}
