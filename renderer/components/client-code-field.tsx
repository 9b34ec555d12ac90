import { checkClientCode, clientCodeWarningText } from '../../shared/logs/client-code';
import { Icon, TriangleAlert } from './icons';

type ClientCodeFieldProps = {
  readonly id: string;
  readonly value: string;
  onChange(value: string): void;
  /** Why the code cannot be used, once the therapist tried to go on; null to say nothing yet. */
  readonly error: string | null;
  readonly hint: string;
};

/**
 * The client code, everywhere one is typed: its warnings (a name, an e-mail address, a phone
 * number) show as it is typed, and every message is tied to the box for screen readers.
 */
export function ClientCodeField({ id, value, onChange, error, hint }: ClientCodeFieldProps) {
  const warnings = value.trim() === '' ? [] : checkClientCode(value).warnings;
  return (
    <div className="rr-field">
      <label htmlFor={id}>Client code</label>
      <span id={`${id}-hint`} className="rr-field__hint">
        {hint}
      </span>
      <input
        id={id}
        className="rr-input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        maxLength={60}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint ${id}-msg`}
        required
      />
      <div id={`${id}-msg`}>
        {error && <p className="rr-field__error">{error}</p>}
        {warnings.map((w) => (
          <p key={w} className="rr-field__warning">
            <Icon icon={TriangleAlert} /> {clientCodeWarningText[w]}
          </p>
        ))}
      </div>
    </div>
  );
}
