import { useId, useState, type InputHTMLAttributes, type Ref } from 'react';

import { Button } from '../../components/button';
import './vault.css';

type PassphraseFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'> & {
  readonly label: string;
  readonly value: string;
  readonly onValueChange: (value: string) => void;
  readonly hint?: string;
  readonly error?: string | null;
  readonly inputRef?: Ref<HTMLInputElement>;
};

/** A passphrase input with its label, a hint, an error and a Show/Hide switch. */
export function PassphraseField({
  label,
  value,
  onValueChange,
  hint,
  error,
  inputRef,
  id,
  ...rest
}: PassphraseFieldProps) {
  const generated = useId();
  const inputId = id ?? `pass-${generated}`;
  const [visible, setVisible] = useState(false);
  const described =
    [hint ? `${inputId}-hint` : '', error ? `${inputId}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="rr-field">
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <span id={`${inputId}-hint`} className="rr-field__hint">
          {hint}
        </span>
      )}
      <div className="rr-vault__pass-row">
        <input
          {...rest}
          ref={inputRef}
          id={inputId}
          className="rr-input rr-vault__pass-input"
          type={visible ? 'text' : 'password'}
          value={value}
          onChange={(e) => onValueChange(e.target.value)}
          autoComplete={rest.autoComplete ?? 'off'}
          spellCheck={false}
          autoCapitalize="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
        />
        <Button
          variant="link"
          aria-label={`Show ${label.toLowerCase()}`}
          aria-pressed={visible}
          onClick={() => setVisible((v) => !v)}
        >
          Show
        </Button>
      </div>
      {error && (
        <span id={`${inputId}-error`} className="rr-vault__field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
