import { catalog } from '../catalog/catalog';
import type { WizardStep } from '../catalog/catalog-types';
import type { CheckResult } from '../checks/check-result';
import type { JudgementKind } from '../checks/judgement';
import { computeOutcome, isJudged, itemState } from '../checks/outcome';
import type { Outcome } from '../logs/readiness-log';
import type { Modality } from '../session/platforms';

/** Where "open the first problem" lands: the wizard step and the check to show. */
export interface ProblemLink {
  readonly step: WizardStep;
  readonly checkId: string;
}

export interface QuickCheckNotice {
  readonly title: string;
  readonly body: string;
  /** The computer checks' outcome (the room and client items are not part of a tray check). */
  readonly outcome: Outcome;
  /** Null when nothing needs attention: a click then opens the full check from the start. */
  readonly firstProblem: ProblemLink | null;
  readonly problemCount: number;
}

export interface QuickCheckInput {
  readonly results: readonly CheckResult[];
  readonly modality: Modality;
  /** Checks kept as "not applicable" on this computer (Settings): settled, never counted as passed. */
  readonly rememberedNotApplicable: readonly string[];
}

/**
 * The notification after a quick check from the tray: "Ready" only when every automatic check that
 * applies passed or was settled; a check that could not tell needs attention like one that failed.
 */
export function quickCheckNotice(input: QuickCheckInput): QuickCheckNotice {
  const entries = catalog.filter((entry) => entry.kind === 'automatic');
  const statuses = Object.fromEntries(input.results.map((result) => [result.id, result.status]));
  const judgements: Record<string, JudgementKind> = Object.fromEntries(
    input.rememberedNotApplicable.map((id) => [id, 'not-applicable' as const]),
  );
  const report = computeOutcome({
    entries,
    modality: input.modality,
    results: statuses,
    confirmations: {},
    judgements,
  });
  const problems = entries.filter((entry) => {
    const state = itemState(entry, input.modality, statuses, {}, judgements);
    return state !== 'pass' && state !== 'skipped' && !isJudged(state);
  });
  const first = report.blocking[0]?.entry ?? problems[0];
  const count = problems.length;
  if (count === 0) {
    return {
      title: 'Ready',
      body: 'The computer checks found nothing to fix. Confirm your room and client before the session.',
      outcome: report.outcome,
      firstProblem: null,
      problemCount: 0,
    };
  }
  // The first problem in the check's own words; the rest are counted, the window lists them.
  const firstResult = first ? input.results.find((result) => result.id === first.id) : undefined;
  const lead = firstResult?.summary ?? (first ? `${first.title}: no result.` : '');
  const sentence = /[.!?]$/.test(lead) ? lead : `${lead}.`;
  const more = count > 1 ? ` And ${count - 1} more.` : '';
  return {
    title: count === 1 ? '1 thing needs attention' : `${count} things need attention`,
    body: `${sentence}${more} Click to see what to do.`,
    outcome: report.outcome,
    firstProblem: first ? { step: first.step, checkId: first.id } : null,
    problemCount: count,
  };
}
