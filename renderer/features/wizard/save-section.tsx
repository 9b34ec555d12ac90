import { useEffect, useRef, useState } from 'react';

import type { Outcome } from '../../../shared/logs/readiness-log';
import type { ClosedProgram } from '../../../shared/programs/program-types';
import { Button } from '../../components/button';
import { useProgramsStore } from '../../stores/programs-store';
import { useWizardStore } from '../../stores/wizard-store';
import { VaultGate } from '../vault/vault-gate';
import { endSession, reopenClosedPrograms, saveReadinessLog, startChecks, startNewCheck } from './session-actions';
import { sessionProblems } from './session-form';
import { Check, Icon, X } from '../../components/icons';

type SaveSectionProps = {
  readonly outcome: Outcome;
  /** Called when the session details need fixing before saving (e.g. no client code). */
  readonly onFixDetails: () => void;
};

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** "Save and start session", then "End session" and the offer to reopen programs. */
export function SaveSection({ outcome, onFixDetails }: SaveSectionProps) {
  const save = useWizardStore((s) => s.save);
  const session = useWizardStore((s) => s.session);
  const problems = sessionProblems(session);
  const detailsOk = !problems.clientCode && !problems.platformHost;

  if (save.status === 'saved') return <SessionRunning />;

  return (
    <section className="rr-save" aria-labelledby="rr-save-title">
      <h3 id="rr-save-title">Save the log and start</h3>
      {outcome === 'not-ready' && (
        <p className="rr-muted">
          You can still save now: the log will record honestly that some things were not ready.
        </p>
      )}
      {!detailsOk ? (
        <div className="rr-alert rr-alert--warn">
          <p>{problems.clientCode ?? problems.platformHost}</p>
          <Button onClick={onFixDetails}>Fix the session details</Button>
        </div>
      ) : (
        <VaultGate purpose="save this readiness log">
          {/* aria-disabled, not disabled: a disabled button drops keyboard focus; saveReadinessLog ignores repeats. */}
          <Button variant="primary" aria-disabled={save.status === 'saving'} onClick={() => void saveReadinessLog()}>
            {save.status === 'saving' ? 'Saving…' : 'Save and start session'}
          </Button>
        </VaultGate>
      )}
      {save.status === 'failed' && (
        <div className="rr-alert rr-alert--error" role="alert">
          <p>The log was not saved: {save.message}</p>
          {save.rerun && (
            <Button
              onClick={() => {
                useWizardStore.getState().setSave({ status: 'idle' });
                void startChecks();
              }}
            >
              Run the checks again
            </Button>
          )}
        </div>
      )}
    </section>
  );
}

/** After saving: the session is under way until the therapist ends it. */
function SessionRunning() {
  const end = useWizardStore((s) => s.end);
  const heading = useRef<HTMLHeadingElement>(null);
  const ended = end.status === 'ended';
  // Saving and ending replace the button that had focus: keep focus on the news instead of losing it.
  useEffect(() => heading.current?.focus(), [ended]);

  return (
    <section className="rr-save rr-save--done" aria-labelledby="rr-session-title">
      {end.status !== 'ended' ? (
        <>
          <h3 id="rr-session-title" ref={heading} tabIndex={-1}>
            <Icon icon={Check} /> Log saved. Your session can begin.
          </h3>
          <p>When the session is over, come back here to record the time it ended.</p>
          <VaultGate purpose="record the end of the session">
            <Button aria-disabled={end.status === 'ending'} onClick={() => void endSession()}>
              {end.status === 'ending' ? 'Recording…' : 'End session'}
            </Button>
          </VaultGate>
          {end.status === 'failed' && (
            <p className="rr-alert rr-alert--error" role="alert">
              The end time was not recorded: {end.message}
            </p>
          )}
        </>
      ) : (
        <>
          <h3 id="rr-session-title" ref={heading} tabIndex={-1}>
            <Icon icon={Check} /> Session ended at {timeFormat.format(new Date(end.endedAt))}. This is in the log.
          </h3>
          <ReopenOffer />
          <div className="rr-actions">
            <Button onClick={startNewCheck}>Start a new check</Button>
          </div>
        </>
      )}
    </section>
  );
}

function ReopenOffer() {
  const handled = useWizardStore((s) => s.reopenHandled);
  const setHandled = useWizardStore((s) => s.setReopenHandled);
  const reopening = useProgramsStore((s) => s.reopening);
  const reopenResults = useProgramsStore((s) => s.reopenResults);
  const error = useProgramsStore((s) => s.error);
  const [closed, setClosed] = useState<readonly ClosedProgram[] | null>(null);
  const [logged, setLogged] = useState<boolean | null>(null);
  /** Set from the first press until the answer, so a second press cannot start a second reopen. */
  const busy = useRef(false);

  function reopen() {
    if (busy.current) return;
    busy.current = true;
    void reopenClosedPrograms().then((ok) => {
      busy.current = false;
      setLogged(ok);
    });
  }

  useEffect(() => {
    let live = true;
    void useProgramsStore
      .getState()
      .closedPrograms()
      .then((programs) => {
        if (live) setClosed(programs);
      });
    return () => {
      live = false;
    };
  }, []);

  if (reopenResults) {
    return (
      <div role="status" tabIndex={-1} ref={(el) => el?.focus()}>
        <ul className="rr-reopen">
          {reopenResults.map((r) => (
            <li key={r.name}>
              <Icon icon={r.outcome === 'reopened' ? Check : X} /> {r.name}:{' '}
              {r.outcome === 'reopened' ? 'opened again' : `could not be opened (${r.message})`}
            </li>
          ))}
        </ul>
        {logged === false && <p className="rr-muted">The programs opened, but this could not be added to the log.</p>}
      </div>
    );
  }
  if (handled || !closed || closed.length === 0) return null;
  return (
    <div className="rr-reopen-offer">
      <p>
        ReadyRoom closed {closed.length === 1 ? 'one program' : `${closed.length} programs`} before the session:{' '}
        {closed.map((p) => p.name).join(', ')}. Open {closed.length === 1 ? 'it' : 'them'} again?
      </p>
      {error && (
        <p className="rr-alert rr-alert--warn" role="alert">
          {error}
        </p>
      )}
      <div className="rr-actions">
        <VaultGate purpose="note the reopened programs in the log">
          <Button variant="primary" aria-disabled={reopening} onClick={reopen}>
            {reopening ? 'Opening…' : 'Reopen closed programs'}
          </Button>
        </VaultGate>
        <Button onClick={setHandled}>Leave them closed</Button>
      </div>
    </div>
  );
}
