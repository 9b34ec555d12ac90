import { useEffect } from 'react';

import type { WizardStep } from '../../../shared/catalog/catalog-types';
import { modalityLabels } from '../../../shared/session/platforms';
import { Button } from '../../components/button';
import { useProblemLinkStore } from '../../stores/problem-link-store';
import { useScanStore } from '../../stores/scan-store';
import { useWizardStore } from '../../stores/wizard-store';
import { HostApprovalPrompt } from '../network/host-approval-prompt';
import { startChecks } from './session-actions';
import { CheckItem } from './check-item';
import { itemExtras } from './item-extras';
import { useResults } from './use-check-state';
import { stepEntries } from './wizard-steps';

type CheckStepProps = {
  readonly step: WizardStep;
};

/** Any checklist step: its items come from the catalog, in catalog order. */
export function CheckStep({ step }: CheckStepProps) {
  const modality = useWizardStore((s) => s.session.modality);
  const results = useResults();
  const scanError = useScanStore((s) => s.error);
  const { shown, notNeeded } = stepEntries(step, modality);
  const linked = useProblemLinkStore((s) => s.checkId);

  useEffect(() => {
    // Arrived from the tray's notification: bring that check into view and give it focus.
    if (!linked) return;
    const item = [...document.querySelectorAll<HTMLElement>('[data-check-id]')].find(
      (el) => el.dataset.checkId === linked,
    );
    if (!item) return;
    item.scrollIntoView?.({ block: 'center' });
    // Focusable by script only, so the keyboard user starts reading at the problem.
    item.setAttribute('tabindex', '-1');
    item.focus();
    useProblemLinkStore.getState().shown();
  }, [linked]);
  const hasAutomatic = shown.some((e) => e.kind === 'automatic');
  return (
    <>
      {scanError && hasAutomatic && (
        <div className="rr-alert rr-alert--error" role="alert">
          <p>The computer checks could not run: {scanError}</p>
          <Button onClick={() => void startChecks()}>Run the checks again</Button>
        </div>
      )}
      {hasAutomatic && <HostApprovalPrompt checkIds={shown.map((e) => e.id)} />}
      {shown.length === 0 && <p className="rr-muted">Nothing to check here for this session.</p>}
      <ul className="rr-checks">
        {shown.map((entry) => (
          <CheckItem key={entry.id} entry={entry} result={results[entry.id]}>
            {itemExtras[entry.id]?.()}
          </CheckItem>
        ))}
      </ul>
      {notNeeded.length > 0 && (
        <p className="rr-muted">
          Not needed for {modalityLabels[modality].toLowerCase()} sessions:{' '}
          {notNeeded.map((e) => e.title.toLowerCase()).join('; ')}.
        </p>
      )}
    </>
  );
}
