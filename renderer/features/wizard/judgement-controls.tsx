import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

import type { CatalogEntry } from '../../../shared/catalog/catalog-types';
import {
  canConfirmByHand,
  canMarkNotApplicable,
  judgementApplies,
  judgementNeedsNote,
  judgementNoteMaxLength,
  judgementProblem,
  notApplicableReasonLabels,
  notApplicableReasons,
  type NotApplicableReason,
  type SeenState,
} from '../../../shared/checks/judgement';
import { Button } from '../../components/button';
import { useSettingsStore } from '../../stores/settings-store';
import { useWizardStore } from '../../stores/wizard-store';
import { useJudgements, type ShownJudgement } from './use-check-state';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** What ReadyRoom itself saw, said beside the therapist's judgement so the two are never confused. */
export const seenWords: Record<Exclude<SeenState, 'pass' | 'skipped'>, string> = {
  unknown: 'ReadyRoom could not check this here.',
  warn: 'ReadyRoom found that this needs attention.',
  fail: 'ReadyRoom found a problem.',
  unconfirmed: 'You had not confirmed this.',
};

type Props = {
  readonly entry: CatalogEntry;
  readonly seen: SeenState;
};

/**
 * "I checked this myself" and "Not applicable, because…" for one item, and once given, the
 * judgement in words with a way to take it back. Never shown for an item that passed.
 */
export function JudgementControls({ entry, seen }: Props) {
  const judgement = useJudgements()[entry.id];
  const [form, setForm] = useState<'confirm' | 'not-applicable' | null>(null);
  const settledRef = useRef<HTMLDivElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const settled = judgement !== undefined && seen !== 'pass' && judgementApplies(entry, seen, judgement.kind);
  const wasSettled = useRef(settled);
  useEffect(() => {
    // Focus follows the change, so keyboard users are not left on a button that just vanished.
    if (settled && !wasSettled.current) settledRef.current?.focus();
    wasSettled.current = settled;
  }, [settled]);

  if (seen === 'pass' || seen === 'skipped') return null;
  if (settled && judgement) {
    return (
      <div className="rr-judgement" ref={settledRef} tabIndex={-1}>
        <SettledJudgement entry={entry} seen={seen} judgement={judgement} />
      </div>
    );
  }
  const confirmable = canConfirmByHand(entry, seen);
  const excusable = canMarkNotApplicable(entry, seen);
  if (!confirmable && !excusable) return null;

  const close = () => {
    setForm(null);
    queueMicrotask(() => openerRef.current?.focus());
  };
  if (form === 'confirm') return <ConfirmForm entry={entry} seen={seen} onCancel={close} />;
  if (form === 'not-applicable') return <NotApplicableForm entry={entry} seen={seen} onCancel={close} />;
  return (
    <div className="rr-judgement__actions">
      {confirmable && (
        <Button
          ref={openerRef}
          onClick={() => {
            // An advice item is one click, with a note to add after; a blocker asks for the note first.
            if (judgementNeedsNote(entry, { kind: 'confirmed' })) setForm('confirm');
            else useWizardStore.getState().judge({ id: entry.id, kind: 'confirmed', at: new Date().toISOString() });
          }}
          aria-label={`I checked this myself: ${entry.title}`}
        >
          I checked this myself
        </Button>
      )}
      {excusable && (
        <Button
          variant="link"
          onClick={() => setForm('not-applicable')}
          aria-label={`Not applicable: ${entry.title}`}
          {...(!confirmable ? { ref: openerRef } : {})}
        >
          Not applicable…
        </Button>
      )}
    </div>
  );
}

function SettledJudgement({
  entry,
  seen,
  judgement,
}: {
  readonly entry: CatalogEntry;
  readonly seen: Exclude<SeenState, 'pass' | 'skipped'>;
  readonly judgement: ShownJudgement;
}) {
  const judge = useWizardStore((s) => s.judge);
  const unjudge = useWizardStore((s) => s.unjudge);
  const settings = useSettingsStore((s) => s.settings);
  const updateSettings = useSettingsStore((s) => s.update);
  const [error, setError] = useState<string | null>(null);
  const noteId = useId();
  const at = new Date(judgement.at);
  const when = judgement.remembered ? `since ${dateFormat.format(at)}` : `at ${timeFormat.format(at)}`;

  const forget = async () => {
    setError(null);
    const ok = await updateSettings({ notApplicable: settings.notApplicable.filter((n) => n.id !== entry.id) });
    if (!ok) setError(useSettingsStore.getState().error?.message ?? 'Settings could not be saved.');
  };

  return (
    <>
      <p>
        <strong>
          {judgement.kind === 'confirmed'
            ? `You checked this yourself ${when}.`
            : `Not applicable ${when}: ${notApplicableReasonLabels[judgement.reason]}.`}
        </strong>{' '}
        <span className="rr-muted">{seenWords[seen]}</span>
        {judgement.remembered && <span className="rr-muted"> Kept for this computer; change it in Settings.</span>}
      </p>
      {judgement.kind === 'confirmed' && !judgementNeedsNote(entry, judgement) ? (
        <div className="rr-field">
          <label htmlFor={noteId}>Note for the log (optional)</label>
          <input
            id={noteId}
            className="rr-input"
            maxLength={judgementNoteMaxLength}
            value={judgement.note ?? ''}
            placeholder="For example: Windows Security shows the firewall on"
            onChange={(e) =>
              judge({ ...judgement, ...(e.target.value ? { note: e.target.value } : { note: undefined }) })
            }
          />
        </div>
      ) : (
        judgement.note && <p className="rr-judgement__note">Note: {judgement.note}</p>
      )}
      {error && (
        <p className="rr-alert rr-alert--error" role="alert">
          {error}
        </p>
      )}
      {judgement.remembered ? (
        <Button variant="link" onClick={() => void forget()} aria-label={`Forget for this computer: ${entry.title}`}>
          Forget for this computer
        </Button>
      ) : (
        <Button variant="link" onClick={() => unjudge(entry.id)} aria-label={`Undo: ${entry.title}`}>
          Undo
        </Button>
      )}
    </>
  );
}

type FormProps = {
  readonly entry: CatalogEntry;
  readonly seen: SeenState;
  readonly onCancel: () => void;
};

function ConfirmForm({ entry, seen, onCancel }: FormProps) {
  const judge = useWizardStore((s) => s.judge);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const judgement = { id: entry.id, kind: 'confirmed' as const, note: note.trim(), at: new Date().toISOString() };
    const found = judgementProblem(entry, seen, judgement);
    if (found) return setProblem(found);
    judge(judgement);
  };
  return (
    <form
      className="rr-judgement rr-judgement--form"
      onSubmit={submit}
      noValidate
      aria-label={`Checked by you: ${entry.title}`}
    >
      <div className="rr-field">
        <label htmlFor={id}>How do you know it is fine? (needed)</label>
        <span id={`${id}-hint`} className="rr-field__hint">
          This must be sorted out before a session, so the log keeps a word from you. Nothing that identifies your
          client.
        </span>
        <textarea
          id={id}
          className="rr-textarea"
          rows={2}
          maxLength={judgementNoteMaxLength}
          value={note}
          autoFocus
          aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => {
            setNote(e.target.value);
            setProblem(null);
          }}
        />
        {problem && (
          <p id={`${id}-problem`} className="rr-field__error" role="alert">
            {problem}
          </p>
        )}
      </div>
      <div className="rr-actions">
        <Button type="submit" variant="primary">
          I checked this myself
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

function NotApplicableForm({ entry, seen, onCancel }: FormProps) {
  const judge = useWizardStore((s) => s.judge);
  const settings = useSettingsStore((s) => s.settings);
  const updateSettings = useSettingsStore((s) => s.update);
  const [reason, setReason] = useState<NotApplicableReason | null>(null);
  const [note, setNote] = useState('');
  const [remember, setRemember] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();
  const noteNeeded = reason !== null && judgementNeedsNote(entry, { kind: 'not-applicable', reason });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    if (!reason) return setProblem('Choose why it does not apply.');
    const at = new Date().toISOString();
    const judgement = { id: entry.id, kind: 'not-applicable' as const, reason, note: note.trim(), at };
    const found = judgementProblem(entry, seen, judgement);
    if (found) return setProblem(found);
    if (!remember) return judge(judgement);
    setSaving(true);
    // Kept in Settings, main applies it to this log and every later one where it fits.
    const kept = { id: entry.id, reason, note: note.trim(), since: at };
    const ok = await updateSettings({
      notApplicable: [...settings.notApplicable.filter((n) => n.id !== entry.id), kept],
    });
    setSaving(false);
    if (!ok) setProblem(useSettingsStore.getState().error?.message ?? 'Settings could not be saved.');
  };

  return (
    <form
      className="rr-judgement rr-judgement--form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={`Not applicable: ${entry.title}`}
    >
      <fieldset className="rr-choice">
        <legend>Why does “{entry.title}” not apply?</legend>
        {notApplicableReasons.map((r, i) => (
          <div className="rr-choice__option" key={r}>
            <input
              id={`${id}-${r}`}
              type="radio"
              name={`${id}-reason`}
              value={r}
              checked={reason === r}
              autoFocus={i === 0}
              onChange={() => {
                setReason(r);
                setProblem(null);
              }}
            />
            <label htmlFor={`${id}-${r}`}>{notApplicableReasonLabels[r]}</label>
          </div>
        ))}
      </fieldset>
      <div className="rr-field">
        <label htmlFor={`${id}-note`}>{noteNeeded ? 'Say more (needed)' : 'Say more (optional)'}</label>
        <textarea
          id={`${id}-note`}
          className="rr-textarea"
          rows={2}
          maxLength={judgementNoteMaxLength}
          value={note}
          aria-invalid={problem && noteNeeded ? true : undefined}
          onChange={(e) => {
            setNote(e.target.value);
            setProblem(null);
          }}
        />
      </div>
      <div className="rr-confirm">
        <input
          id={`${id}-remember`}
          type="checkbox"
          checked={remember}
          onChange={(e) => setRemember(e.target.checked)}
        />
        <label htmlFor={`${id}-remember`}>Remember for this computer</label>
      </div>
      <p className="rr-field__hint">
        Remembered reasons go into every log where they apply, and you can take them back in Settings. They are kept in
        your settings, which are not encrypted: write nothing about a client.
      </p>
      {problem && (
        <p className="rr-field__error" role="alert">
          {problem}
        </p>
      )}
      <div className="rr-actions">
        <Button type="submit" variant="primary" aria-disabled={saving}>
          Mark as not applicable
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
