import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

import { judgementKindLabels, notApplicableReasonLabels, type Judgement } from '../../../shared/checks/judgement';
import { countryName } from '../../../shared/geo/countries';
import { effectiveJudgements } from '../../../shared/logs/log-outcome';
import type { Addendum, ReadinessLog } from '../../../shared/logs/readiness-log';
import { showHiddenCharacters } from '../../../shared/text/visible-text';
import { Button } from '../../components/button';
import { StatusBadge } from '../../components/status-badge';
import { useLogsStore } from '../../stores/logs-store';
import { itemTitle, longWhen, modalityName, platformName, shortWhen } from './log-format';
import { OutcomeBadge } from './outcome-badge';
import { ArrowLeft, Icon, stateIcons } from '../../components/icons';

function addendumText(a: Addendum): string {
  if (a.kind === 'session-ended') return a.endedAt ? `Session ended at ${shortWhen(a.endedAt)}` : 'Session ended';
  if (a.kind === 'programs-reopened') {
    const names = (a.programs ?? []).map((p) => p.name).join(', ');
    return names ? `Programs opened again: ${names}` : 'Programs opened again';
  }
  return 'Note';
}

/** One log as saved, with everything added later underneath; the original is never edited. */
export function LogDetail({ log, onBack }: { readonly log: ReadinessLog; readonly onBack: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const judgements = new Map((log.judgements ?? []).map((j) => [j.id, j]));
  const counted = new Set(effectiveJudgements(log).map((j) => j.id));
  useEffect(() => heading.current?.focus(), [log.id]);
  return (
    <article className="rr-logs__detail" aria-labelledby="rr-log-title">
      <Button variant="link" onClick={onBack}>
        <Icon icon={ArrowLeft} /> Back to the list
      </Button>
      <h2 id="rr-log-title" ref={heading} tabIndex={-1}>
        Log for {showHiddenCharacters(log.clientCode)}, {shortWhen(log.createdAt)}
      </h2>
      <dl className="rr-logs__facts">
        <dt>Outcome</dt>
        <dd>
          <OutcomeBadge outcome={log.outcome} />
        </dd>
        <dt>Checked</dt>
        <dd>{longWhen(log.createdAt)}</dd>
        <dt>Session</dt>
        <dd>{longWhen(log.sessionAt)}</dd>
        <dt>Client code</dt>
        <dd>{showHiddenCharacters(log.clientCode)}</dd>
        <dt>Platform</dt>
        <dd>
          {platformName(log.platform, log.platformHost)}, {modalityName(log.modality).toLowerCase()}
        </dd>
        {log.clientCountry && (
          <>
            <dt>Client&apos;s country</dt>
            <dd>{countryName(log.clientCountry)}</dd>
          </>
        )}
        <dt>ReadyRoom version</dt>
        <dd>{log.appVersion}</dd>
      </dl>

      <h3>Checks</h3>
      {log.checks.length === 0 ? (
        <p className="rr-muted">No automatic checks were recorded.</p>
      ) : (
        <ul className="rr-logs__checks">
          {log.checks.map((c) => (
            <li key={c.id}>
              <StatusBadge status={c.status} /> <strong>{itemTitle(c.id)}</strong>
              <span className="rr-logs__summary">{c.summary}</span>
              <JudgementLine judgement={judgements.get(c.id)} counted={counted.has(c.id)} />
            </li>
          ))}
        </ul>
      )}

      <h3>Confirmed by you</h3>
      {log.confirmations.length === 0 ? (
        <p className="rr-muted">No checklist questions were answered in this log.</p>
      ) : (
        <ul className="rr-logs__checks">
          {log.confirmations.map((c) => (
            <li key={c.id}>
              <Icon icon={stateIcons[c.confirmed ? 'pass' : 'skipped']} /> {itemTitle(c.id)}:{' '}
              {c.confirmed ? 'confirmed' : 'not confirmed'}
              <JudgementLine judgement={judgements.get(c.id)} counted={counted.has(c.id)} />
            </li>
          ))}
        </ul>
      )}

      {log.programsClosed.length > 0 && (
        <>
          <h3>Programs closed before the session</h3>
          <p>{log.programsClosed.map((p) => p.name).join(', ')}</p>
        </>
      )}

      <h3>Note</h3>
      {log.note ? <p className="rr-logs__note">{log.note}</p> : <p className="rr-muted">No note.</p>}

      <h3>Added later</h3>
      {log.addenda.length === 0 ? (
        <p className="rr-muted">Nothing has been added since the log was saved.</p>
      ) : (
        <ol className="rr-logs__addenda">
          {log.addenda.map((a, i) => (
            <li key={`${a.at}-${i}`}>
              <span className="rr-logs__when">{shortWhen(a.at)}</span> {addendumText(a)}
              {a.text ? <span className="rr-logs__note">: {a.text}</span> : null}
            </li>
          ))}
        </ol>
      )}
      <AddNote logId={log.id} />
      <DeleteLog logId={log.id} onDeleted={onBack} />
    </article>
  );
}

/** The therapist's own judgement under the item it is about: never in place of what ReadyRoom saw. */
function JudgementLine({
  judgement,
  counted,
}: {
  readonly judgement: Judgement | undefined;
  readonly counted: boolean;
}) {
  if (!judgement) return null;
  const what =
    judgement.kind === 'confirmed'
      ? `You checked this yourself (${shortWhen(judgement.at)})`
      : `Because: ${notApplicableReasonLabels[judgement.reason]} (${judgement.remembered ? `kept for this computer since ${shortWhen(judgement.at)}` : shortWhen(judgement.at)})`;
  return (
    <span className="rr-logs__judgement" data-judgement={judgement.kind}>
      <span className={`rr-status rr-status--${judgement.kind === 'confirmed' ? 'confirmed' : 'skipped'}`}>
        <Icon icon={stateIcons[judgement.kind]} />
        <span>{judgementKindLabels[judgement.kind]}</span>
      </span>{' '}
      {what}
      {judgement.note ? `. Note: ${judgement.note}` : ''}
      {!counted && ' (not counted: it did not fit what ReadyRoom saw)'}
    </span>
  );
}

function AddNote({ logId }: { readonly logId: string }) {
  const addNote = useLogsStore((s) => s.addNote);
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setMessage({ tone: 'error', text: 'Write the note first.' });
      return;
    }
    const result = await addNote(logId, text.trim());
    if (result.ok) {
      setText('');
      setMessage({ tone: 'info', text: 'Note added. The original log is unchanged.' });
    } else setMessage({ tone: 'error', text: result.error.message });
  };

  return (
    <form className="rr-logs__add-note" onSubmit={(e) => void submit(e)} noValidate>
      <div className="rr-field">
        <label htmlFor={id}>Add a note to this log</label>
        <span id={`${id}-hint`} className="rr-field__hint">
          It is saved with today's date underneath the original, which stays as it was.
        </span>
        <textarea
          id={id}
          className="rr-textarea"
          rows={3}
          maxLength={4000}
          value={text}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            setText(e.target.value);
            setMessage(null);
          }}
        />
      </div>
      {message && (
        <p className={`rr-alert rr-alert--${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <Button type="submit">Add note</Button>
    </form>
  );
}

function DeleteLog({ logId, onDeleted }: { readonly logId: string; readonly onDeleted: () => void }) {
  const remove = useLogsStore((s) => s.remove);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmButton.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <div className="rr-actions">
        <Button variant="danger" onClick={() => setAsking(true)}>
          Delete this log…
        </Button>
      </div>
    );
  }
  return (
    <div className="rr-alert rr-alert--warn" role="group" aria-labelledby="rr-delete-question">
      <p id="rr-delete-question">
        Delete this log for good? It cannot be brought back, not even from a backup made earlier.
      </p>
      {error && (
        <p role="alert" className="rr-vault__field-error">
          {error}
        </p>
      )}
      <div className="rr-actions">
        <button
          ref={confirmButton}
          type="button"
          className="rr-button rr-button--danger"
          onClick={() =>
            void remove(logId).then((result) => {
              if (result.ok) onDeleted();
              else setError(result.error.message);
            })
          }
        >
          Delete the log
        </button>
        <Button onClick={() => setAsking(false)}>Keep it</Button>
      </div>
    </div>
  );
}
