import { useId, useRef, useState, type FormEvent } from 'react';

import { Button } from '../../components/button';
import { useVaultSessionStore } from '../../stores/vault-session-store';
import { PassphraseField } from './passphrase-field';
import './vault.css';

/**
 * Opt-in: let the operating system's keychain unlock the logs without typing. Turning it on asks
 * for the passphrase, so someone at a screen left unlocked cannot make the logs one-click for good.
 */
export function KeychainToggle() {
  const keychain = useVaultSessionStore((s) => s.status?.keychain);
  const setKeychain = useVaultSessionStore((s) => s.setKeychain);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const id = useId();
  if (!keychain) return null;
  const describedBy = `${id}-about${keychain.reason ? ` ${id}-reason` : ''}`;

  const turnOff = async () => {
    setBusy(true);
    setError(null);
    const result = await setKeychain({ enabled: false });
    setBusy(false);
    if (!result.ok) setError(result.error.message);
  };

  const turnOn = async (event: FormEvent) => {
    event.preventDefault();
    if (!passphrase) {
      setError('Type your passphrase to turn this on.');
      field.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const result = await setKeychain({ enabled: true, passphrase });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      field.current?.focus();
      return;
    }
    setPassphrase('');
    setAsking(false);
  };

  return (
    <div className="rr-vault__form">
      <h3>Unlock without typing</h3>
      <div className="rr-vault__check">
        <input
          id={id}
          type="checkbox"
          checked={keychain.enabled || asking}
          disabled={busy || (!keychain.available && !keychain.enabled)}
          aria-describedby={describedBy}
          aria-expanded={asking}
          onChange={(e) => {
            setError(null);
            if (e.target.checked) setAsking(true);
            else if (asking) setAsking(false);
            else void turnOff();
          }}
        />
        <label htmlFor={id}>Unlock my logs with this computer's keychain</label>
      </div>
      <p id={`${id}-about`} className="rr-field__hint">
        Your computer keeps a key for ReadyRoom in its own protected store (Keychain on a Mac, your Windows account, or
        your desktop's key store on Linux), so you can unlock with one click. Anyone who can sign in to this computer as
        you could then open your logs too. Your passphrase and recovery key keep working, and you can turn this off at
        any time.
      </p>
      {keychain.reason && (
        <p id={`${id}-reason`} className="rr-field__hint">
          {keychain.reason}
        </p>
      )}
      {asking && !keychain.enabled && (
        <form onSubmit={(e) => void turnOn(e)} noValidate>
          <PassphraseField
            label="Your passphrase, to turn this on"
            value={passphrase}
            onValueChange={(value) => {
              setPassphrase(value);
              setError(null);
            }}
            error={error}
            inputRef={field}
            autoComplete="current-password"
            maxLength={1024}
            autoFocus
          />
          <div className="rr-actions">
            <Button type="submit" disabled={busy}>
              {busy ? 'Turning on…' : 'Turn on'}
            </Button>
            <Button
              onClick={() => {
                setAsking(false);
                setPassphrase('');
                setError(null);
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      )}
      {error && !asking && (
        <p className="rr-alert rr-alert--error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
