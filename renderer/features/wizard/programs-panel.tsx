import { useEffect, useId, useRef, useState } from 'react';

import { programCategoryLabels, type CloseOutcome, type ProgramRow } from '../../../shared/programs/program-types';
import { Button } from '../../components/button';
import { stragglerIds, useProgramsStore } from '../../stores/programs-store';
import { useScanStore } from '../../stores/scan-store';
import { useSettingsStore } from '../../stores/settings-store';
import { useWizardStore } from '../../stores/wizard-store';
import type { LucideIcon } from 'lucide-react';

import { Check, Icon, TriangleAlert, X } from '../../components/icons';

const outcomeText: Record<CloseOutcome, { readonly icon: LucideIcon; readonly label: string; readonly tone: string }> =
  {
    closed: { icon: Check, label: 'Closed', tone: 'pass' },
    gone: { icon: Check, label: 'Already closed', tone: 'pass' },
    'still-running': { icon: TriangleAlert, label: 'Still open', tone: 'warn' },
    refused: { icon: X, label: 'Not closed', tone: 'fail' },
  };

/** The background programs as a checklist: pick, close gracefully, and force only what refused, after a warning. */
export function ProgramsPanel() {
  const { status, rows, selected, results, closing, error } = useProgramsStore();
  const [confirmingForce, setConfirmingForce] = useState(false);
  const summary = useRef<HTMLParagraphElement>(null);
  const actions = useRef<HTMLDivElement>(null);
  const stragglers = stragglerIds(results);
  const closable = rows.filter((r) => r.closable);
  const toClose = closable.filter(
    (r) => selected[r.id] && results[r.id]?.outcome !== 'closed' && results[r.id]?.outcome !== 'gone',
  );
  const closedCount = Object.values(results).filter((r) => r.outcome === 'closed' || r.outcome === 'gone').length;
  const refusedCount = Object.values(results).filter((r) => r.outcome === 'refused').length;

  /** After closing, focus moves to the news (the button that had it may no longer apply). */
  async function afterClosing(close: () => Promise<void>) {
    await close();
    void useScanStore.getState().checkAgain('programs.background');
    summary.current?.focus();
  }

  function closeSelected() {
    if (closing || toClose.length === 0) return;
    void afterClosing(() => useProgramsStore.getState().closeSelected());
  }

  if (status === 'idle' || status === 'loading')
    return <p role="status">Looking for programs running in the background…</p>;
  if (status === 'error') {
    return (
      <div className="rr-alert rr-alert--warn" role="alert">
        <p>ReadyRoom could not list your programs: {error}</p>
        <p>You can close programs you do not need yourself, or try again.</p>
        <Button onClick={() => void loadAgain()}>Look for programs again</Button>
      </div>
    );
  }
  if (rows.length === 0) return <p className="rr-muted">No programs worth closing are running.</p>;

  return (
    <div className="rr-programs">
      <fieldset className="rr-programs__list">
        <legend>Programs to close before the session</legend>
        <ul>
          {rows.map((row) => (
            <ProgramItem key={row.id} row={row} />
          ))}
        </ul>
      </fieldset>
      <p className="rr-muted">After the session, ReadyRoom will offer to open again the programs it closed.</p>
      {error && (
        <p className="rr-alert rr-alert--warn" role="alert">
          {error}
        </p>
      )}
      <div className="rr-actions" ref={actions}>
        <Button variant="primary" aria-disabled={closing || toClose.length === 0} onClick={closeSelected}>
          {closing ? 'Closing…' : `Close selected (${toClose.length})`}
        </Button>
        {stragglers.length > 0 && !confirmingForce && (
          <Button data-force variant="danger" onClick={() => setConfirmingForce(true)}>
            Force close the ones still open…
          </Button>
        )}
      </div>
      <p ref={summary} tabIndex={-1} role="status" className="rr-programs__summary">
        {Object.keys(results).length > 0 && closeSummary(closedCount, stragglers.length, refusedCount)}
      </p>
      {confirmingForce && stragglers.length > 0 && (
        <ForceConfirm
          names={stragglers.map((id) => rows.find((r) => r.id === id)?.name ?? 'A program')}
          onCancel={() => {
            setConfirmingForce(false);
            window.setTimeout(() => actions.current?.querySelector<HTMLElement>('[data-force]')?.focus(), 0);
          }}
          onConfirm={async () => {
            setConfirmingForce(false);
            await afterClosing(() => useProgramsStore.getState().forceClose(stragglers));
          }}
        />
      )}
    </div>
  );
}

/** Loads the list again for this session's platform, after a failed listing. */
function loadAgain(): Promise<void> {
  const { platform } = useWizardStore.getState().session;
  return useProgramsStore.getState().load(platform, useSettingsStore.getState().settings.programs.neverSuggest);
}

/** What closing achieved; "You can move on" only when nothing selected is left open. */
export function closeSummary(closed: number, stillOpen: number, refused: number): string {
  const parts = [`${closed} closed.`];
  if (stillOpen > 0) parts.push(`${stillOpen} still open.`);
  if (refused > 0) parts.push(`${refused} could not be closed: close ${refused === 1 ? 'it' : 'them'} yourself.`);
  if (stillOpen === 0 && refused === 0) parts.push('You can move on.');
  return parts.join(' ');
}

function ProgramItem({ row }: { readonly row: ProgramRow }) {
  const checked = useProgramsStore((s) => s.selected[row.id] === true);
  const result = useProgramsStore((s) => s.results[row.id]);
  const setSelected = useProgramsStore((s) => s.setSelected);
  const id = useId();
  const outcome = result ? outcomeText[result.outcome] : null;
  return (
    <li className="rr-program">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={!row.closable || result?.outcome === 'closed' || result?.outcome === 'gone'}
        onChange={(e) => setSelected(row.id, e.target.checked)}
        aria-describedby={`${id}-why`}
      />
      <div>
        <label htmlFor={id} className="rr-program__name">
          {row.name} <span className="rr-muted">({programCategoryLabels[row.category]})</span>
        </label>
        <p id={`${id}-why`} className="rr-program__why">
          {row.reason}
        </p>
        {outcome && result && (
          <p className="rr-program__result" aria-live="polite">
            <span className={`rr-status rr-status--${outcome.tone}`}>
              <Icon icon={outcome.icon} /> {outcome.label}
            </span>{' '}
            {result.message}
          </p>
        )}
      </div>
    </li>
  );
}

type ForceConfirmProps = {
  readonly names: readonly string[];
  readonly onCancel: () => void;
  readonly onConfirm: () => Promise<void>;
};

/** An explicit warning before anything is force-closed: unsaved work in those programs would be lost. */
function ForceConfirm({ names, onCancel, onConfirm }: ForceConfirmProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  useEffect(() => heading.current?.focus(), []);
  return (
    <section
      className="rr-alert rr-alert--warn rr-force"
      role="alertdialog"
      aria-labelledby={headingId}
      aria-modal="false"
    >
      <h4 id={headingId} ref={heading} tabIndex={-1}>
        Force close {names.length === 1 ? 'this program' : `these ${names.length} programs`}?
      </h4>
      <p>{names.join(', ')} did not close when asked.</p>
      <p>
        <strong>Forcing them to close can lose work you have not saved in them.</strong> If you can, switch to them and
        save your work first.
      </p>
      <div className="rr-actions">
        <Button variant="danger" onClick={() => void onConfirm()}>
          Force close, I have saved my work
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </section>
  );
}
