import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

import {
  enteredTextProblem,
  icoDecisionEntrySchema,
  icoDecisionProblem,
  icoReasonLabel,
  incidentNoteMaxLength,
  localDayOf,
  type IcoDecisionEntry,
} from '../../../shared/incidents/incident';
import type { IncidentView } from '../../../shared/ipc/incidents.contract';
import { Button } from '../../components/button';
import { localToday } from '../../lib/local-time';

type Field = 'decision' | 'decidedOn' | 'reason';
type Errors = Partial<Record<Field, string>>;
type Choice = 'yes' | 'no' | '';

const choices: readonly { readonly value: 'yes' | 'no'; readonly label: string }[] = [
  { value: 'yes', label: 'Yes, I reported it to the ICO' },
  { value: 'no', label: 'No, I decided not to report it' },
];

/** The form's values checked as main checks them; the incident's other words are not looked at. */
function readIcoDecisionForm(
  values: { readonly decision: Choice; readonly decidedOn: string; readonly reason: string },
  incident: Pick<IncidentView, 'discoveredAt'>,
  today: string,
): { readonly entry: IcoDecisionEntry } | { readonly errors: Errors } {
  const errors: Errors = {};
  if (values.decision === '') errors.decision = 'Say whether you reported it to the ICO or decided not to.';
  if (values.decidedOn === '') errors.decidedOn = 'Give the date you reported it, or decided not to.';
  const reasonProblem = enteredTextProblem(icoReasonLabel, values.reason);
  if (reasonProblem) errors.reason = reasonProblem;
  if (values.decision === '' || Object.keys(errors).length > 0) return { errors };
  const parsed = icoDecisionEntrySchema.safeParse({ ...values, decision: values.decision });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.path[0] === 'reason') return { errors: { reason: issue.message } };
    return { errors: { decidedOn: 'Enter the date as a day, month and year.' } };
  }
  const problem = icoDecisionProblem(parsed.data, today, incident.discoveredAt);
  if (problem) return { errors: { decidedOn: problem } };
  return { entry: parsed.data };
}

type IcoDecisionFormProps = {
  readonly incident: IncidentView;
  readonly onSubmit: (entry: IcoDecisionEntry) => Promise<string | null>;
  readonly onCancel: () => void;
};

const fieldOrder: readonly Field[] = ['decision', 'decidedOn', 'reason'];

/**
 * Records only whether the incident was reported to the ICO, open or closed: the one step that
 * stops the 72-hour clock, without the full edit form checking every other word again.
 */
export function IcoDecisionForm({ incident, onSubmit, onCancel }: IcoDecisionFormProps) {
  const id = useId();
  const [decision, setDecision] = useState<Choice>('');
  const [decidedOn, setDecidedOn] = useState(localToday());
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const firstChoice = useRef<HTMLInputElement>(null);
  // The button that opened the form is gone: start at the question, not at the top of the page.
  useEffect(() => firstChoice.current?.focus(), []);

  const fieldId = (field: Field) => `${id}-${field}`;
  const errorId = (field: Field) => `${fieldId(field)}-error`;
  const describedBy = (field: Field, hint?: string) =>
    [hint ?? '', errors[field] ? errorId(field) : ''].filter(Boolean).join(' ') || undefined;
  const message = (field: Field) =>
    errors[field] ? (
      <p id={errorId(field)} className="rr-field__error">
        {errors[field]}
      </p>
    ) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const read = readIcoDecisionForm({ decision, decidedOn, reason }, incident, localToday());
    if ('errors' in read) {
      setErrors(read.errors);
      const first = fieldOrder.find((f) => read.errors[f]);
      const target =
        first === 'decision' ? firstChoice.current : first ? document.getElementById(fieldId(first)) : null;
      target?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    const error = await onSubmit(read.entry);
    setBusy(false);
    setFailure(error);
  }

  const hintId = `${fieldId('reason')}-hint`;
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} className="rr-incident-form" noValidate>
      {/* Inside an incident's card (an h3), so the headings stay in order. */}
      <h4 id={`${id}-title`}>Record the ICO decision</h4>
      <fieldset className="rr-field">
        <legend>Did you report it to the Information Commissioner&apos;s Office (ICO)?</legend>
        {choices.map((choice, index) => (
          <label key={choice.value} className="rr-incident-form__choice">
            <input
              ref={index === 0 ? firstChoice : undefined}
              type="radio"
              name={`${id}-decision`}
              value={choice.value}
              checked={decision === choice.value}
              onChange={() => setDecision(choice.value)}
              aria-invalid={errors.decision ? true : undefined}
              aria-describedby={describedBy('decision')}
            />{' '}
            {choice.label}
          </label>
        ))}
        {message('decision')}
      </fieldset>
      <div className="rr-field">
        <label htmlFor={fieldId('decidedOn')}>
          {decision === 'no'
            ? 'Date you decided not to report'
            : decision === 'yes'
              ? 'Date you reported it'
              : 'Date you reported it, or decided not to'}
        </label>
        <input
          id={fieldId('decidedOn')}
          className="rr-input"
          type="date"
          min={localDayOf(incident.discoveredAt)}
          max={localToday()}
          value={decidedOn}
          onChange={(e) => setDecidedOn(e.target.value)}
          aria-invalid={errors.decidedOn ? true : undefined}
          aria-describedby={describedBy('decidedOn')}
        />
        {message('decidedOn')}
      </div>
      <div className="rr-field">
        <label htmlFor={fieldId('reason')}>
          {decision === 'yes'
            ? 'Reference or note (optional)'
            : decision === 'no'
              ? 'Why you decided not to report'
              : 'Reason or note'}
        </label>
        <span id={hintId} className="rr-field__hint">
          {decision === 'no' && reason.trim() === ''
            ? 'If you do not report it, the ICO asks you to keep a record of why. You can save without one, but a sentence is enough: for example, why the risk to your client is low.'
            : 'If you do not report it, the ICO asks you to keep a record of why.'}
        </span>
        <textarea
          id={fieldId('reason')}
          className="rr-textarea"
          rows={2}
          maxLength={incidentNoteMaxLength}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={describedBy('reason', hintId)}
        />
        {message('reason')}
      </div>
      {failure && (
        <p className="rr-alert rr-alert--error" role="alert">
          {failure}
        </p>
      )}
      <div className="rr-actions">
        <Button type="submit" variant="primary" disabled={busy}>
          Save the decision
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
