import { useId, useState, type FormEvent } from 'react';

import {
  icoDecisionLabels,
  icoDecisionProblem,
  icoDecisions,
  incidentActionsMaxLength,
  incidentInputProblem,
  incidentInputSchema,
  incidentKindLabels,
  incidentKinds,
  incidentNoteMaxLength,
  incidentWhatMaxLength,
  type IcoDecision,
  type IncidentField,
  type IncidentKind,
  type ParsedIncidentInput,
} from '../../../shared/incidents/incident';
import type { IncidentView } from '../../../shared/ipc/incidents.contract';
import { checkClientCode, clientCodeWarningText } from '../../../shared/logs/client-code';
import { Button } from '../../components/button';
import { Icon, TriangleAlert } from '../../components/icons';
import { fromLocalInput, localToday, toLocalInput } from '../../lib/local-time';

/** The form's boxes: the incident's fields, with the ICO note apart from its date so each error lands on its own box. */
type FormField = IncidentField | 'icoReason';
type Errors = Partial<Record<FormField, string>>;

/** Splits "AB-017, CD-220" into codes; a comma never belongs to a code. */
function splitCodes(text: string): string[] {
  return text
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

/** The form's values checked the way main checks them, with a message for each field that is wrong. */
function readIncidentForm(
  values: {
    readonly kind: IncidentKind;
    readonly what: string;
    readonly occurred: string;
    readonly discovered: string;
    readonly codes: string;
    readonly actions: string;
    readonly decision: IcoDecision;
    readonly decidedOn: string;
    readonly reason: string;
  },
  now: Date,
): { readonly input: ParsedIncidentInput } | { readonly errors: Errors } {
  const errors: Errors = {};
  if (values.what.trim() === '') errors.what = 'Say in a few words what happened.';
  const discoveredAt = fromLocalInput(values.discovered);
  if (discoveredAt === null) errors.discoveredAt = 'Enter the date and time you found out.';
  else if (Date.parse(discoveredAt) > now.getTime() + 5 * 60_000)
    errors.discoveredAt = 'The time you found out cannot be in the future.';
  const occurredAt = values.occurred === '' ? null : fromLocalInput(values.occurred);
  if (values.occurred !== '' && occurredAt === null) errors.occurredAt = 'Enter a date and time, or leave it empty.';
  const codes = splitCodes(values.codes).map(checkClientCode);
  const badCode = codes.find((c) => !c.valid);
  if (badCode) errors.clientCodes = `"${badCode.code}": ${badCode.error ?? 'not a client code.'}`;
  if (values.decision !== 'undecided' && values.decidedOn === '')
    errors.ico = 'Give the date you reported it, or decided not to.';
  if (Object.keys(errors).length > 0) return { errors };
  const parsed = incidentInputSchema.safeParse({
    kind: values.kind,
    what: values.what,
    occurredAt,
    discoveredAt,
    clientCodes: codes.map((c) => c.code),
    actions: values.actions,
    ico: {
      decision: values.decision,
      decidedOn: values.decision === 'undecided' ? null : values.decidedOn,
      reason: values.reason,
    },
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    const field: FormField =
      path[0] === 'ico' && path[1] === 'reason' ? 'icoReason' : ((path[0] as IncidentField | undefined) ?? 'what');
    return { errors: { [field]: issue?.message ?? 'Check this field.' } };
  }
  const problem = incidentInputProblem(parsed.data);
  if (problem) return { errors: { [problem.field]: problem.message } };
  const decisionProblem =
    parsed.data.ico.decision === 'undecided'
      ? null
      : icoDecisionProblem(parsed.data.ico, localToday(now), parsed.data.discoveredAt);
  if (decisionProblem) return { errors: { ico: decisionProblem } };
  return { input: parsed.data };
}

type IncidentFormProps = {
  /** The incident being changed; absent for a new one. */
  readonly editing?: IncidentView;
  readonly onSubmit: (input: ParsedIncidentInput) => Promise<string | null>;
  readonly onCancel?: () => void;
};

const fieldOrder: readonly FormField[] = [
  'what',
  'occurredAt',
  'discoveredAt',
  'clientCodes',
  'actions',
  'ico',
  'icoReason',
];

/** Record an incident or change one: every field labelled, each error tied to its box, focus sent to the first. */
export function IncidentForm({ editing, onSubmit, onCancel }: IncidentFormProps) {
  const id = useId();
  const [kind, setKind] = useState<IncidentKind>(editing?.kind ?? 'walked-in');
  const [what, setWhat] = useState(editing?.what ?? '');
  const [occurred, setOccurred] = useState(editing?.occurredAt ? toLocalInput(new Date(editing.occurredAt)) : '');
  const [discovered, setDiscovered] = useState(toLocalInput(editing ? new Date(editing.discoveredAt) : new Date()));
  const [codes, setCodes] = useState(editing?.clientCodes.join(', ') ?? '');
  const [actions, setActions] = useState(editing?.actions ?? '');
  const [decision, setDecision] = useState<IcoDecision>(editing?.ico.decision ?? 'undecided');
  const [decidedOn, setDecidedOn] = useState(editing?.ico.decidedOn ?? '');
  const [reason, setReason] = useState(editing?.ico.reason ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fieldId = (field: FormField) => `${id}-${field}`;
  const invalid = (field: FormField) => (errors[field] ? true : undefined);
  const message = (field: FormField) =>
    errors[field] ? (
      <p id={`${fieldId(field)}-error`} className="rr-field__error">
        {errors[field]}
      </p>
    ) : null;
  const describedBy = (field: FormField, hint?: boolean) =>
    [hint ? `${fieldId(field)}-hint` : '', errors[field] ? `${fieldId(field)}-error` : ''].filter(Boolean).join(' ') ||
    undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const read = readIncidentForm(
      { kind, what, occurred, discovered, codes, actions, decision, decidedOn, reason },
      new Date(),
    );
    if ('errors' in read) {
      setErrors(read.errors);
      const first = fieldOrder.find((f) => read.errors[f]);
      // An ICO error is about the date that goes with a decision: focus it, not the choice that would undo the decision.
      const target =
        first === 'ico'
          ? (document.getElementById(`${id}-decided-on`) ?? document.getElementById(`${fieldId('ico')}-undecided`))
          : first === 'icoReason'
            ? document.getElementById(`${id}-reason`)
            : first
              ? document.getElementById(fieldId(first))
              : null;
      target?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    const error = await onSubmit(read.input);
    setBusy(false);
    setFailure(error);
    if (!error && !editing) {
      setWhat('');
      setOccurred('');
      setDiscovered(toLocalInput(new Date()));
      setCodes('');
      setActions('');
      setDecision('undecided');
      setDecidedOn('');
      setReason('');
    }
  }

  const warnings = [...new Set(splitCodes(codes).flatMap((c) => checkClientCode(c).warnings))];
  const warningsId = `${fieldId('clientCodes')}-warnings`;
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} className="rr-incident-form" noValidate>
      {/* Inside an incident's card (an h3) when editing, so the headings stay in order. */}
      {editing ? <h4 id={`${id}-title`}>Change this incident</h4> : <h2 id={`${id}-title`}>Record an incident</h2>}
      <div className="rr-field">
        <label htmlFor={`${id}-kind`}>What kind of incident</label>
        <select
          id={`${id}-kind`}
          className="rr-select"
          value={kind}
          onChange={(e) => setKind(e.target.value as IncidentKind)}
        >
          {incidentKinds.map((k) => (
            <option key={k} value={k}>
              {incidentKindLabels[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="rr-field">
        <label htmlFor={fieldId('what')}>What happened</label>
        <span id={`${fieldId('what')}-hint`} className="rr-field__hint">
          Kept encrypted. Use client codes, never names.
        </span>
        <textarea
          id={fieldId('what')}
          className="rr-textarea"
          rows={3}
          maxLength={incidentWhatMaxLength}
          value={what}
          onChange={(e) => setWhat(e.target.value)}
          aria-invalid={invalid('what')}
          aria-describedby={describedBy('what', true)}
          required
        />
        {message('what')}
      </div>
      <div className="rr-incident-form__row">
        <div className="rr-field">
          <label htmlFor={fieldId('occurredAt')}>When it happened (if known)</label>
          <input
            id={fieldId('occurredAt')}
            className="rr-input"
            type="datetime-local"
            value={occurred}
            onChange={(e) => setOccurred(e.target.value)}
            aria-invalid={invalid('occurredAt')}
            aria-describedby={describedBy('occurredAt')}
          />
          {message('occurredAt')}
        </div>
        <div className="rr-field">
          <label htmlFor={fieldId('discoveredAt')}>When you found out</label>
          <span id={`${fieldId('discoveredAt')}-hint`} className="rr-field__hint">
            The 72 hours run from here.
          </span>
          <input
            id={fieldId('discoveredAt')}
            className="rr-input"
            type="datetime-local"
            value={discovered}
            onChange={(e) => setDiscovered(e.target.value)}
            aria-invalid={invalid('discoveredAt')}
            aria-describedby={describedBy('discoveredAt', true)}
            required
          />
          {message('discoveredAt')}
        </div>
      </div>
      <div className="rr-field">
        <label htmlFor={fieldId('clientCodes')}>Client codes involved (optional)</label>
        <span id={`${fieldId('clientCodes')}-hint`} className="rr-field__hint">
          Separate several with commas, for example AB-017, CD-220.
        </span>
        <input
          id={fieldId('clientCodes')}
          className="rr-input"
          value={codes}
          onChange={(e) => setCodes(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={invalid('clientCodes')}
          aria-describedby={[describedBy('clientCodes', true), warnings.length > 0 ? warningsId : '']
            .filter(Boolean)
            .join(' ')}
        />
        {message('clientCodes')}
        {warnings.length > 0 && (
          // Tied to the box, as ClientCodeField ties its warnings, so a screen reader hears them too.
          <div id={warningsId}>
            {warnings.map((w) => (
              <p key={w} className="rr-field__warning">
                <Icon icon={TriangleAlert} /> {clientCodeWarningText[w]}
              </p>
            ))}
          </div>
        )}
      </div>
      <div className="rr-field">
        <label htmlFor={fieldId('actions')}>Actions taken</label>
        <textarea
          id={fieldId('actions')}
          className="rr-textarea"
          rows={2}
          maxLength={incidentActionsMaxLength}
          value={actions}
          onChange={(e) => setActions(e.target.value)}
          aria-invalid={invalid('actions')}
          aria-describedby={describedBy('actions')}
        />
        {message('actions')}
      </div>
      <fieldset className="rr-field" aria-describedby={describedBy('ico')}>
        <legend>Reported to the ICO?</legend>
        {icoDecisions.map((d) => (
          <label key={d} className="rr-incident-form__choice">
            <input
              id={`${fieldId('ico')}-${d}`}
              type="radio"
              name={`${id}-decision`}
              value={d}
              checked={decision === d}
              onChange={() => setDecision(d)}
            />{' '}
            {icoDecisionLabels[d]}
          </label>
        ))}
        {decision !== 'undecided' && (
          <>
            <label htmlFor={`${id}-decided-on`}>
              {decision === 'yes' ? 'Date you reported it' : 'Date you decided not to report'}
            </label>
            <input
              id={`${id}-decided-on`}
              className="rr-input"
              type="date"
              max={localToday()}
              value={decidedOn}
              onChange={(e) => setDecidedOn(e.target.value)}
              aria-invalid={invalid('ico')}
              aria-describedby={describedBy('ico')}
            />
            <label htmlFor={`${id}-reason`}>
              {decision === 'yes' ? 'Reference or note (optional)' : 'Why you decided not to report'}
            </label>
            <textarea
              id={`${id}-reason`}
              className="rr-textarea"
              rows={2}
              maxLength={incidentNoteMaxLength}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={invalid('icoReason')}
              aria-describedby={describedBy('icoReason')}
            />
            {message('icoReason')}
          </>
        )}
        {message('ico')}
      </fieldset>
      {failure && (
        <p className="rr-alert rr-alert--error" role="alert">
          {failure}
        </p>
      )}
      <div className="rr-actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {editing ? 'Save changes' : 'Record incident'}
        </Button>
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
      </div>
    </form>
  );
}
