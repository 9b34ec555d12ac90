import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';

import {
  clientProfileFieldLabels,
  safeToMessageChoices,
  safeToMessageLabels,
  type ClientProfileInput,
} from '../../../shared/clients/client-profile';
import type { ClientProfileView } from '../../../shared/ipc/clients.contract';
import { Button } from '../../components/button';
import { ClientCodeField } from '../../components/client-code-field';
import { CountrySelect, TimeZoneSelect } from './place-selects';
import { checkDraft, draftFrom, type ProfileDraft, type ProfileErrors } from './profile-form-model';

type ClientProfileFormProps = {
  /** The profile being changed (with its code word); null for a new one. */
  readonly editing: ClientProfileView | null;
  /** Resolves with an error message, or null once saved. */
  readonly onSubmit: (input: ClientProfileInput) => Promise<string | null>;
  readonly onCancel: () => void;
};

type FieldProps = {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly error?: string;
  readonly children: (describedBy: string, invalid: boolean) => ReactNode;
};

/** A label, an optional hint and the field's own error, each tied to the box for screen readers. */
function Field({ id, label, hint, error, children }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : '', `${id}-msg`].filter(Boolean).join(' ');
  return (
    <div className="rr-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="rr-field__hint">
          {hint}
        </span>
      )}
      {children(describedBy, Boolean(error))}
      <div id={`${id}-msg`}>{error && <p className="rr-field__error">{error}</p>}</div>
    </div>
  );
}

/** Add or change one client's set-up. Nothing is sent until the form is valid. */
export function ClientProfileForm({ editing, onSubmit, onCancel }: ClientProfileFormProps) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // The button that opened the form is gone: its heading takes the focus, so a keyboard user is in it.
  useEffect(() => heading.current?.focus(), []);
  const [draft, setDraft] = useState<ProfileDraft>(() => draftFrom(editing));
  const [errors, setErrors] = useState<ProfileErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [showWord, setShowWord] = useState(false);
  const set = (patch: Partial<ProfileDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const f = (name: string) => `${id}-${name}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFailure(null);
      // The first box with a problem takes the focus, so a keyboard or screen-reader user lands on it.
      window.setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    setErrors({});
    setBusy(true);
    const problem = await onSubmit(checked.value);
    setBusy(false);
    setFailure(problem);
  }

  const text = (name: keyof ProfileDraft & string, label: string, hint?: string, type = 'text') => (
    <Field id={f(name)} label={label} hint={hint} error={errors[name as keyof ProfileErrors]}>
      {(describedBy, invalid) => (
        <input
          id={f(name)}
          className="rr-input"
          type={type}
          value={(draft[name] as string | null) ?? ''}
          onChange={(e) =>
            set({ [name]: type === 'date' && e.target.value === '' ? null : e.target.value } as Partial<ProfileDraft>)
          }
          autoComplete="off"
          aria-describedby={describedBy}
          aria-invalid={invalid ? true : undefined}
        />
      )}
    </Field>
  );

  return (
    <form
      ref={form}
      className="rr-card rr-client-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby={`${id}-title`}
      noValidate
    >
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {editing ? `Set-up for ${editing.clientCode}` : 'Set up a new client'}
      </h2>
      {editing ? (
        <p className="rr-muted">Client code: {editing.clientCode}</p>
      ) : (
        <ClientCodeField
          id={f('clientCode')}
          value={draft.clientCode}
          onChange={(clientCode) => set({ clientCode })}
          error={errors.clientCode ?? null}
          hint="The same code you use in your readiness logs, such as AB-017. Never a name."
        />
      )}

      <fieldset className="rr-client-form__group">
        <legend>First session</legend>
        {text('identityHow', 'How you checked their identity', 'For example: photo ID shown on camera.')}
        {text('identityVerifiedOn', 'Date you checked it', undefined, 'date')}
        {text('consentOnlineOn', 'Date they agreed to work online', undefined, 'date')}
        {text('whoMayBeInRoom', 'Who may be in the room with them', 'Anyone agreed with the client, or "nobody".')}
      </fieldset>

      <fieldset className="rr-client-form__group">
        <legend>Staying in touch</legend>
        <fieldset className="rr-field rr-choice">
          <legend>Is it safe to send them messages?</legend>
          {safeToMessageChoices.map((choice) => (
            <label key={choice} className="rr-choice__option">
              <input
                type="radio"
                name={f('safe')}
                value={choice}
                checked={draft.safeToMessage === choice}
                onChange={() => set({ safeToMessage: choice })}
              />
              {safeToMessageLabels[choice]}
            </label>
          ))}
        </fieldset>
        {text('backupPhone', 'Back-up phone number', 'To call if the video drops.', 'tel')}
        <Field
          id={f('codeWord')}
          label="Safety code word (optional)"
          hint="A word agreed with your client that means “I cannot talk freely”. Kept only in your encrypted vault, never in a log, report or export."
          error={errors.codeWord}
        >
          {(describedBy, invalid) => (
            <div className="rr-client-form__secret">
              <input
                id={f('codeWord')}
                className="rr-input"
                type={showWord ? 'text' : 'password'}
                value={draft.codeWord}
                onChange={(e) => set({ codeWord: e.target.value })}
                autoComplete="off"
                spellCheck={false}
                aria-describedby={describedBy}
                aria-invalid={invalid ? true : undefined}
              />
              <Button aria-pressed={showWord} onClick={() => setShowWord((s) => !s)}>
                {showWord ? 'Hide code word' : 'Show code word'}
              </Button>
            </div>
          )}
        </Field>
      </fieldset>

      <fieldset className="rr-client-form__group">
        <legend>Where they usually are</legend>
        <Field id={f('usualCountry')} label="Country" error={errors.usualCountry}>
          {(describedBy, invalid) => (
            <CountrySelect
              id={f('usualCountry')}
              value={draft.usualCountry}
              onChange={(usualCountry) => set({ usualCountry })}
              describedBy={describedBy}
              invalid={invalid}
            />
          )}
        </Field>
        {text('usualRegion', 'Region or town', 'Enough to find local emergency help, for example "Leeds".')}
        <Field
          id={f('timeZone')}
          label="Time zone"
          hint="Used to show the session time on your client's clock."
          error={errors.timeZone}
        >
          {(describedBy, invalid) => (
            <TimeZoneSelect
              id={f('timeZone')}
              value={draft.timeZone}
              onChange={(timeZone) => set({ timeZone })}
              describedBy={describedBy}
              invalid={invalid}
            />
          )}
        </Field>
      </fieldset>

      <fieldset className="rr-client-form__group">
        <legend>Local emergency contact</legend>
        {text('emergencyContactName', 'Name or role', 'For example: their GP surgery, or a named support person.')}
        {text('emergencyContactPhone', 'Phone number', undefined, 'tel')}
      </fieldset>

      {Object.keys(errors).length > 0 && (
        <p className="rr-alert rr-alert--error" role="alert">
          Some details need another look: see the messages beside them.
        </p>
      )}
      {failure && (
        <p className="rr-alert rr-alert--error" role="alert">
          {failure}
        </p>
      )}
      {editing && editing.history.length > 0 && (
        <details className="rr-client-form__history">
          <summary>Changes to this set-up ({editing.history.length})</summary>
          <ol aria-label="Changes to this set-up">
            {[...editing.history].reverse().map((entry) => (
              <li key={`${entry.at}-${entry.kind}`}>
                {new Date(entry.at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}:{' '}
                {entry.kind === 'created' ? 'set up' : 'changed'}
                {entry.fields.length > 0 && ` (${entry.fields.map((f) => clientProfileFieldLabels[f]).join(', ')})`}
              </li>
            ))}
          </ol>
        </details>
      )}
      <div className="rr-actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {editing ? 'Save changes' : 'Save set-up'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
