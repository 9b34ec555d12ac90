import { useId, useState, type ReactNode } from 'react';

import { fixFor } from '../../../shared/catalog/catalog';
import type { CatalogEntry } from '../../../shared/catalog/catalog-types';
import { isAutomaticCheckId, type AutomaticCheckId } from '../../../shared/checks/check-ids';
import type { CheckResult } from '../../../shared/checks/check-result';
import { itemState, seenState, type ItemState } from '../../../shared/checks/outcome';
import { call } from '../../api';
import { Button } from '../../components/button';
import { useScanStore } from '../../stores/scan-store';
import { useWizardStore } from '../../stores/wizard-store';
import { useWizardContext } from './wizard-context';
import { ItemStatus } from './item-status';
import { JudgementControls } from './judgement-controls';
import { judgementKindsOf, useJudgements } from './use-check-state';

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
  const clientCode = useWizardStore((s) => s.session.clientCode.trim());
  const confirmations = useWizardStore((s) => s.confirmations);
  const running = useScanStore((s) => s.running[entry.id] === true);
  const starting = useScanStore((s) => s.starting);
  const judgements = useJudgements();
  const titleId = useId();
  const results = result ? { [entry.id]: result.status } : {};
  const seen = seenState(entry, modality, results, confirmations);
  const state = itemState(entry, modality, results, confirmations, judgementKindsOf(judgements));
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
      {entry.kind === 'manual' && <Confirmation entry={entry} client={clientCode} />}
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
      {!(entry.kind === 'automatic' && !result && (running || starting)) && (
        <JudgementControls entry={entry} seen={seen} />
      )}
      {isAutomaticCheckId(entry.id) && <CheckAgain id={entry.id} running={running} title={entry.title} />}
    </li>
  );
}

/**
 * The therapist's own confirmation of a manual item, as a labelled checkbox. With `client`, an item
 * about the client is worded for this client, with their code shown.
 */
export function Confirmation({ entry, client }: { readonly entry: CatalogEntry; readonly client?: string }) {
  const checked = useWizardStore((s) => s.confirmations[entry.id] === true);
  const confirm = useWizardStore((s) => s.confirm);
  const id = useId();
  return (
    <div className="rr-confirm">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => confirm(entry.id, e.target.checked)} />
      <label htmlFor={id}>{confirmText(entry, client)}</label>
    </div>
  );
}

export function confirmText(entry: CatalogEntry, client?: string): string {
  if (client !== undefined && entry.confirmForClient) {
    return entry.confirmForClient.replace('{client}', client ? `client ${client}` : 'my client');
  }
  return entry.confirm ?? entry.title;
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
