import { useId } from 'react';

import { Button } from '../../components/button';
import { useRouteStore } from '../../stores/route-store';
import { useScanStore } from '../../stores/scan-store';
import { useWizardStore } from '../../stores/wizard-store';
import { OutcomePanel } from './outcome-panel';
import { SaveSection } from './save-section';
import { useOutcome } from './use-check-state';
import { useWizardContext } from './wizard-context';

/** The outcome, what is left, a note, and saving the log. */
export function SummaryStep() {
  const report = useOutcome();
  const running = useScanStore((s) => Object.keys(s.running).length);
  const note = useWizardStore((s) => s.note);
  const setNote = useWizardStore((s) => s.setNote);
  const saved = useWizardStore((s) => s.save.status === 'saved');
  const { goToStep } = useWizardContext();
  const navigate = useRouteStore((s) => s.navigate);
  const noteId = useId();
  return (
    <>
      <OutcomePanel report={report} running={running} />
      <div className="rr-actions">
        <Button onClick={() => navigate('crisis')}>Open crisis card</Button>
      </div>
      <div className="rr-field">
        <label htmlFor={noteId}>Note for the log (optional)</label>
        <span id={`${noteId}-hint`} className="rr-field__hint">
          For example, why you went ahead despite a problem. Do not write anything that identifies your client.
        </span>
        <textarea
          id={noteId}
          className="rr-textarea"
          rows={3}
          maxLength={4000}
          value={note}
          readOnly={saved}
          onChange={(e) => setNote(e.target.value)}
          aria-describedby={`${noteId}-hint`}
        />
      </div>
      <SaveSection outcome={report.outcome} onFixDetails={() => goToStep('session')} />
    </>
  );
}
