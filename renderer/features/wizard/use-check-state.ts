import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';

import { catalog } from '../../../shared/catalog/catalog';
import type { CheckResult, CheckStatus } from '../../../shared/checks/check-result';
import type { JudgementInput, JudgementKind } from '../../../shared/checks/judgement';
import { computeOutcome, type OutcomeReport } from '../../../shared/checks/outcome';
import type { Settings } from '../../../shared/settings/settings';
import { useMediaStore } from '../../stores/media-store';
import { useScanStore } from '../../stores/scan-store';
import { useSettingsStore } from '../../stores/settings-store';
import { useWizardStore } from '../../stores/wizard-store';
import { mediaResults } from '../media/media-results';

/** Automatic and media results together, by id, kept live as the scan streams and the tests run. */
export function useResults(): Readonly<Record<string, CheckResult>> {
  const scan = useScanStore((s) => s.results);
  const media = useMediaStore(
    useShallow((s) => ({
      camera: s.camera,
      lighting: s.lighting,
      microphone: s.microphone,
      level: s.level,
      tonePlayed: s.tonePlayed,
      heard: s.heard,
      acoustic: s.acoustic,
      echo: s.echo,
    })),
  );
  return useMemo(() => ({ ...scan, ...mediaResults(media) }), [scan, media]);
}

/** A judgement as the screen shows it: this session's, or one kept for this computer in Settings. */
export type ShownJudgement = JudgementInput & { readonly remembered?: boolean };

/** This session's judgements, and where there is none, the "not applicable" kept in Settings (main applies those too). */
export function combineJudgements(
  session: Readonly<Record<string, JudgementInput>>,
  remembered: Settings['notApplicable'],
): Readonly<Record<string, ShownJudgement>> {
  const out: Record<string, ShownJudgement> = {};
  for (const kept of remembered) {
    out[kept.id] = {
      id: kept.id,
      kind: 'not-applicable',
      reason: kept.reason,
      ...(kept.note.trim() ? { note: kept.note.trim() } : {}),
      at: kept.since,
      remembered: true,
    };
  }
  return { ...out, ...session };
}

export function useJudgements(): Readonly<Record<string, ShownJudgement>> {
  const session = useWizardStore((s) => s.judgements);
  const remembered = useSettingsStore((s) => s.settings.notApplicable);
  return useMemo(() => combineJudgements(session, remembered), [session, remembered]);
}

export function judgementKindsOf(judgements: Readonly<Record<string, ShownJudgement>>): Record<string, JudgementKind> {
  return Object.fromEntries(Object.values(judgements).map((j) => [j.id, j.kind]));
}

/** The overall outcome right now, by the same rules the saved log uses. */
export function useOutcome(): OutcomeReport {
  const results = useResults();
  const modality = useWizardStore((s) => s.session.modality);
  const confirmations = useWizardStore((s) => s.confirmations);
  const judgements = useJudgements();
  return useMemo(() => {
    const statuses: Record<string, CheckStatus> = {};
    for (const [id, result] of Object.entries(results)) statuses[id] = result.status;
    return computeOutcome({
      entries: catalog,
      modality,
      results: statuses,
      confirmations,
      judgements: judgementKindsOf(judgements),
    });
  }, [results, modality, confirmations, judgements]);
}
