import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

import {
  awaitingDecision,
  closedAwaitingDecision,
  deadlineWords,
  icoDecisionLabels,
  incidentKindLabels,
  incidentNoteMaxLength,
  type IcoDecisionEntry,
  type ParsedIncidentInput,
} from '../../../shared/incidents/incident';
import type { IncidentView } from '../../../shared/ipc/incidents.contract';
import { dayLongLabel } from '../../../shared/logs/log-trends';
import { showFreeText } from '../../../shared/text/free-text';
import { Button } from '../../components/button';
import { IcoDecisionForm } from './ico-decision-form';
import { IncidentForm } from './incident-form';
import { formatInstant } from '../../lib/local-time';

type IncidentCardProps = {
  readonly incident: IncidentView;
  readonly now: Date;
  readonly onUpdate: (input: ParsedIncidentInput) => Promise<string | null>;
  readonly onClose: (note: string) => Promise<string | null>;
  readonly onDecide: (entry: IcoDecisionEntry) => Promise<string | null>;
  /** Focus this card's heading (once), as after its ICO decision is saved: the list may have moved it. */
  readonly takeFocus?: boolean;
  readonly onFocusTaken?: () => void;
};

/** The clock while a decision is awaited; afterwards what was decided. */
function ClockLine({ incident, now }: { readonly incident: IncidentView; readonly now: Date }) {
  if (awaitingDecision(incident)) {
    const late = Date.parse(incident.deadline) <= now.getTime();
    return (
      <p className={late ? 'rr-incidents__clock rr-incidents__clock--late' : 'rr-incidents__clock'}>
        {deadlineWords(incident.deadline, now)} (by {formatInstant(incident.deadline)})
      </p>
    );
  }
  const { decision, decidedOn } = incident.ico;
  return (
    <p className="rr-incidents__clock rr-incidents__clock--done">
      {icoDecisionLabels[decision]}
      {decidedOn ? ` on ${dayLongLabel(decidedOn)}` : ''}
    </p>
  );
}

/** One incident: its clock, what happened, and the ways to change or close it. */
export function IncidentCard({
  incident,
  now,
  onUpdate,
  onClose,
  onDecide,
  takeFocus,
  onFocusTaken,
}: IncidentCardProps) {
  const id = useId();
  const [mode, setMode] = useState<'view' | 'edit' | 'close' | 'decide'>('view');
  const heading = useRef<HTMLHeadingElement>(null);
  const decideButton = useRef<HTMLButtonElement>(null);
  /** Where focus goes once the card shows itself again (a cancelled decision: back to its button). */
  const focusOnView = useRef<'decide' | null>(null);
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const stillToDecide = closedAwaitingDecision(incident);

  useEffect(() => {
    if (mode !== 'view') return;
    if (takeFocus) {
      heading.current?.focus();
      onFocusTaken?.();
    } else if (focusOnView.current === 'decide') decideButton.current?.focus();
    focusOnView.current = null;
  }, [mode, takeFocus, onFocusTaken]);

  async function close(event: FormEvent) {
    event.preventDefault();
    // One close at a time: a second press while main answers would be refused as already closed.
    if (closing) return;
    setClosing(true);
    const error = await onClose(note);
    setClosing(false);
    setFailure(error);
    if (!error) setMode('view');
  }

  return (
    <li className="rr-card rr-incidents__item" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1} className="rr-incidents__title">
        {incidentKindLabels[incident.kind]}
        {stillToDecide ? ' (closed, ICO decision still needed)' : incident.status === 'closed' ? ' (closed)' : ''}
      </h3>
      {(incident.status === 'open' || stillToDecide) && <ClockLine incident={incident} now={now} />}
      {stillToDecide && (
        <p>
          This incident is closed, but you have not yet recorded whether you reported it to the ICO. The clock keeps
          running until you do: choose &ldquo;Record the ICO decision&rdquo;.
        </p>
      )}
      <dl className="rr-incidents__facts">
        <dt>What happened</dt>
        <dd>{showFreeText(incident.what)}</dd>
        <dt>Found out</dt>
        <dd>{formatInstant(incident.discoveredAt)}</dd>
        {incident.occurredAt && (
          <>
            <dt>Happened</dt>
            <dd>{formatInstant(incident.occurredAt)}</dd>
          </>
        )}
        <dt>Clients</dt>
        <dd>{incident.clientCodes.length > 0 ? incident.clientCodes.join(', ') : 'None recorded'}</dd>
        {incident.actions && (
          <>
            <dt>Actions taken</dt>
            <dd>{showFreeText(incident.actions)}</dd>
          </>
        )}
        <dt>Reported to the ICO</dt>
        <dd>
          {icoDecisionLabels[incident.ico.decision]}
          {incident.ico.reason ? `: ${showFreeText(incident.ico.reason)}` : ''}
        </dd>
        {incident.status === 'closed' && incident.closedAt && (
          <>
            <dt>Closed</dt>
            <dd>
              {formatInstant(incident.closedAt)}
              {incident.closingNote ? `: ${showFreeText(incident.closingNote)}` : ''}
            </dd>
          </>
        )}
      </dl>
      <p className="rr-muted">Reference: {incident.id}</p>
      {mode === 'view' && (
        <div className="rr-actions">
          {awaitingDecision(incident) && (
            <Button ref={decideButton} variant="primary" onClick={() => setMode('decide')}>
              Record the ICO decision
            </Button>
          )}
          <Button onClick={() => setMode('edit')}>Change this incident</Button>
          {incident.status === 'open' && <Button onClick={() => setMode('close')}>Close this incident</Button>}
        </div>
      )}
      {mode === 'edit' && (
        <IncidentForm
          editing={incident}
          onSubmit={async (input) => {
            const error = await onUpdate(input);
            if (!error) setMode('view');
            return error;
          }}
          onCancel={() => setMode('view')}
        />
      )}
      {mode === 'decide' && (
        <IcoDecisionForm
          incident={incident}
          onSubmit={async (entry) => {
            const error = await onDecide(entry);
            if (!error) setMode('view');
            return error;
          }}
          onCancel={() => {
            focusOnView.current = 'decide';
            setMode('view');
          }}
        />
      )}
      {mode === 'close' && (
        <form
          onSubmit={(e) => void close(e)}
          noValidate
          aria-label="Close this incident"
          aria-describedby={awaitingDecision(incident) ? `${id}-still-to-decide` : undefined}
        >
          {awaitingDecision(incident) && (
            <p id={`${id}-still-to-decide`} className="rr-alert rr-alert--warn">
              You have not yet recorded whether you reported this to the ICO. Closing the incident does not stop the
              72-hour clock: it keeps running until you record that decision.
            </p>
          )}
          <div className="rr-field">
            <label htmlFor={`${id}-note`}>Closing note (optional)</label>
            <textarea
              id={`${id}-note`}
              className="rr-textarea"
              rows={2}
              maxLength={incidentNoteMaxLength}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          {failure && (
            <p className="rr-alert rr-alert--error" role="alert">
              {failure}
            </p>
          )}
          <div className="rr-actions">
            <Button type="submit" variant="primary" disabled={closing}>
              Close incident
            </Button>
            <Button onClick={() => setMode('view')}>Cancel</Button>
          </div>
        </form>
      )}
    </li>
  );
}
