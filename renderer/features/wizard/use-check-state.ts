import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';

import { catalog } from '../../../shared/catalog/catalog';
import type { CheckResult, CheckStatus } from '../../../shared/checks/check-result';
import { computeOutcome, type OutcomeReport } from '../../../shared/checks/outcome';
import { useMediaStore } from '../../stores/media-store';
import { useScanStore } from '../../stores/scan-store';
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

/** The overall outcome right now, by the same rules the saved log uses. */
export function useOutcome(): OutcomeReport {
  const results = useResults();
  const modality = useWizardStore((s) => s.session.modality);
  const confirmations = useWizardStore((s) => s.confirmations);
  return useMemo(() => {
    const statuses: Record<string, CheckStatus> = {};
    for (const [id, result] of Object.entries(results)) statuses[id] = result.status;
    return computeOutcome({ entries: catalog, modality, results: statuses, confirmations });
  }, [results, modality, confirmations]);
}
