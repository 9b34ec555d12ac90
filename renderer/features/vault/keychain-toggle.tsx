import { useId, useState } from 'react';

import { useVaultSessionStore } from '../../stores/vault-session-store';
import './vault.css';

/** Opt-in: let the operating system's keychain unlock the logs without typing. */
export function KeychainToggle() {
  const keychain = useVaultSessionStore((s) => s.status?.keychain);
  const setKeychain = useVaultSessionStore((s) => s.setKeychain);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  if (!keychain) return null;
  const describedBy = `${id}-about${keychain.reason ? ` ${id}-reason` : ''}`;

  const toggle = async (enabled: boolean) => {
    setBusy(true);
    setError(null);
    const result = await setKeychain(enabled);
    setBusy(false);
    if (!result.ok) setError(result.error.message);
  };

  return (
    <div className="rr-vault__form">
      <h3>Unlock without typing</h3>
      <div className="rr-vault__check">
        <input
          id={id}
          type="checkbox"
          checked={keychain.enabled}
          disabled={busy || (!keychain.available && !keychain.enabled)}
          aria-describedby={describedBy}
          onChange={(e) => void toggle(e.target.checked)}
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
      {error && (
        <p className="rr-alert rr-alert--error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
