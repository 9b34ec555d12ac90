import { useId, useState, type ReactNode } from 'react';

import { fixFor } from '../../../shared/catalog/catalog';
import type { CatalogEntry } from '../../../shared/catalog/catalog-types';
import { isAutomaticCheckId, type AutomaticCheckId } from '../../../shared/checks/check-ids';
import type { CheckResult } from '../../../shared/checks/check-result';
import { itemState, type ItemState } from '../../../shared/checks/outcome';
import { call } from '../../api';
import { Button } from '../../components/button';
import { useScanStore } from '../../stores/scan-store';
import { useWizardStore } from '../../stores/wizard-store';
import { useWizardContext } from './wizard-context';
import { ItemStatus } from './item-status';

type CheckItemProps = {
  readonly entry: CatalogEntry;
  readonly result: CheckResult | undefined;
  /** Extra controls for this item (the programs list, a camera preview, a sound test). */
  readonly children?: ReactNode;
};

const needsFix = (state: ItemState) => state === 'warn' || state === 'fail' || state === 'unknown';

/**
 * One checklist item, the same for every step: title, status in words, the result, why it matters
 * (with its source), how to fix it, and "Check again" or the confirmation the therapist gives.
 */
export function CheckItem({ entry, result, children }: CheckItemProps) {
  const { os } = useWizardContext();
  const modality = useWizardStore((s) => s.session.modality);
  const confirmations = useWizardStore((s) => s.confirmations);
  const running = useScanStore((s) => s.running[entry.id] === true);
  const titleId = useId();
  const state = itemState(entry, modality, result ? { [entry.id]: result.status } : {}, confirmations);
  const fix = result?.fix ?? fixFor(entry, os);
  // Fix steps follow a result; before one arrives they would only add noise.
  const showFix = entry.kind !== 'manual' && needsFix(state) && !!fix && result !== undefined;

  return (
    <li className={`rr-check rr-check--${state}`} aria-labelledby={titleId} data-check-id={entry.id}>
      <div className="rr-check__head">
        <h3 id={titleId} className="rr-check__title">
          {entry.title}
        </h3>
        <ItemStatus
          state={running && !result ? 'pending' : state}
          kind={entry.kind}
          untested={entry.kind === 'media' && !result}
        />
      </div>
      {result && <p className="rr-check__summary">{result.summary}</p>}
      {running && result && <p className="rr-muted">Checking again…</p>}
      <p className="rr-check__why">{entry.why}</p>
      {entry.kind === 'manual' && <Confirmation entry={entry} />}
      {children}
      {showFix && fix && <FixSteps entryId={entry.id} steps={fix.steps} linkLabel={fix.link?.label ?? null} />}
      {entry.kind === 'manual' && fix && (
        <details className="rr-check__how">
          <summary>How to do this</summary>
          <ol>
            {fix.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </details>
      )}
      {isAutomaticCheckId(entry.id) && <CheckAgain id={entry.id} running={running} title={entry.title} />}
    </li>
  );
}

/** The therapist's own confirmation of a manual item, as a labelled checkbox. */
export function Confirmation({ entry }: { readonly entry: CatalogEntry }) {
  const checked = useWizardStore((s) => s.confirmations[entry.id] === true);
  const confirm = useWizardStore((s) => s.confirm);
  const id = useId();
  return (
    <div className="rr-confirm">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => confirm(entry.id, e.target.checked)} />
      <label htmlFor={id}>{entry.confirm ?? entry.title}</label>
    </div>
  );
}

function FixSteps({
  entryId,
  steps,
  linkLabel,
}: {
  readonly entryId: string;
  readonly steps: readonly string[];
  readonly linkLabel: string | null;
}) {
  const [message, setMessage] = useState<string | null>(null);
  async function open() {
    setMessage(null);
    const result = await call('app:open-fix-link', { checkId: entryId });
    if (!result.ok || !result.value.opened) {
      setMessage('ReadyRoom could not open that settings page here. Follow the steps above instead.');
    }
  }
  return (
    <div className="rr-check__fix">
      <h4>How to fix it</h4>
      <ol>
        {steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {linkLabel !== null && <Button onClick={() => void open()}>{linkLabel || 'Open settings'}</Button>}
      {message && (
        <p className="rr-muted" role="status">
          {message}
        </p>
      )}
    </div>
  );
}

function CheckAgain({
  id,
  running,
  title,
}: {
  readonly id: AutomaticCheckId;
  readonly running: boolean;
  readonly title: string;
}) {
  const checkAgain = useScanStore((s) => s.checkAgain);
  return (
    // aria-disabled, not disabled: a disabled button drops keyboard focus back to the top of the page.
    <Button
      variant="link"
      aria-disabled={running}
      onClick={() => {
        if (!running) void checkAgain(id);
      }}
      aria-label={`Check again: ${title}`}
    >
      {running ? 'Checking…' : 'Check again'}
    </Button>
  );
}
