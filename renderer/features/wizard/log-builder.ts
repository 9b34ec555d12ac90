import type { CatalogEntry } from '../../../shared/catalog/catalog-types';
import type { CheckResult } from '../../../shared/checks/check-result';
import { appliesTo, computeOutcome } from '../../../shared/checks/outcome';
import type { LogCheck, NewReadinessLog } from '../../../shared/logs/readiness-log';
import type { ClosedProgram } from '../../../shared/programs/program-types';
import { asksForHost } from '../../../shared/session/platforms';
import type { SessionDetails } from '../../stores/wizard-store';

export interface LogInput {
  readonly catalog: readonly CatalogEntry[];
  readonly session: SessionDetails;
  /** Automatic and media results by id. */
  readonly results: Readonly<Record<string, CheckResult | undefined>>;
  readonly confirmations: Readonly<Record<string, boolean | undefined>>;
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
 * The log as it will be saved: every applicable check with its result (a check with no result
 * is recorded as unknown, not left out), every confirmation asked for, and the outcome computed
 * by the same rules as the summary screen.
 */
export function buildReadinessLog(input: LogInput): NewReadinessLog {
  const { session, catalog } = input;
  const checks: LogCheck[] = [];
  const confirmations: { id: string; confirmed: boolean }[] = [];
  for (const entry of catalog) {
    if (!appliesTo(entry, session.modality)) continue;
    if (entry.kind === 'manual') {
      confirmations.push({ id: entry.id, confirmed: input.confirmations[entry.id] === true });
      continue;
    }
    const result = input.results[entry.id];
    checks.push(
      result
        ? {
            id: entry.id,
            status: result.status,
            summary: result.summary.slice(0, maxSummary),
            evidence: result.evidence,
            durationMs: Math.max(0, Math.round(result.durationMs)),
          }
        : { id: entry.id, status: 'unknown', summary: 'Not checked before the session.', evidence: {}, durationMs: 0 },
    );
  }
  const statuses: Record<string, CheckResult['status'] | undefined> = {};
  for (const [id, result] of Object.entries(input.results)) statuses[id] = result?.status;
  const { outcome } = computeOutcome({
    entries: catalog,
    modality: session.modality,
    results: statuses,
    confirmations: input.confirmations,
  });
  const host = session.platformHost.trim();
  return {
    sessionAt: sessionInstant(session.sessionAt, input.now),
    clientCode: session.clientCode.trim(),
    platform: session.platform,
    ...(asksForHost(session.platform) && host ? { platformHost: host } : {}),
    modality: session.modality,
    checks,
    confirmations,
    programsClosed: input.programsClosed.map((p) => ({ name: p.name.slice(0, 100), category: p.category })),
    note: input.note.trim(),
    outcome,
  };
}
