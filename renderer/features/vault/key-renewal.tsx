import { useId, useRef, useState, type FormEvent } from 'react';

import { Button } from '../../components/button';
import { useVaultSessionStore } from '../../stores/vault-session-store';
import { PassphraseField } from './passphrase-field';
import { RecoveryKeyStep } from './recovery-key-step';
import './vault.css';

type Renewal = 'recovery-key' | 'data-key';

/**
 * New keys when old ones may be in the wrong hands: a new recovery key, or a new data key (every
 * log encrypted again). Either needs the passphrase; the new recovery key is shown once.
 */
export function KeyRenewal() {
  const status = useVaultSessionStore((s) => s.status);
  const recoveryKey = useVaultSessionStore((s) => s.recoveryKey);
  const newRecoveryKey = useVaultSessionStore((s) => s.newRecoveryKey);
  const newDataKey = useVaultSessionStore((s) => s.newDataKey);
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<Renewal | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const id = useId();

  if (recoveryKey) return <RecoveryKeyStep recoveryKey={recoveryKey} />;
  if (status?.state !== 'unlocked') return null;

  const renew = async (kind: Renewal) => {
    if (!passphrase) {
      setProblem('Type your passphrase first.');
      field.current?.focus();
      return;
    }
    setProblem(null);
    setBusy(kind);
    const result = await (kind === 'data-key' ? newDataKey(passphrase) : newRecoveryKey(passphrase));
    setBusy(null);
    if (!result.ok) {
      setProblem(result.error.message);
      field.current?.focus();
      return;
    }
    setPassphrase('');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void renew('recovery-key');
  };

  return (
    <form className="rr-vault__form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>New keys</h3>
      {status.recoveryKeyUnconfirmed && (
        <p className="rr-alert rr-alert--warn" role="status">
          Your recovery key was never confirmed as written down. Make a new one below and keep it somewhere safe.
        </p>
      )}
      <p className="rr-muted">
        <strong>A new recovery key</strong>, if yours may be lost or someone else may have seen it. The old one stops
        opening your logs.
      </p>
      <p className="rr-muted">
        <strong>A new data key</strong>, if someone may have a copy of ReadyRoom&apos;s folder and your passphrase (an
        old computer, a lost backup of this one). ReadyRoom encrypts every log again, which can take a minute, and gives
        you a new recovery key as well. Backups you made before still open with the keys of their time.
      </p>
      <PassphraseField
        label="Your passphrase"
        value={passphrase}
        onValueChange={(value) => {
          setPassphrase(value);
          setProblem(null);
        }}
        error={problem}
        inputRef={field}
        autoComplete="current-password"
        maxLength={1024}
      />
      <div className="rr-actions">
        <Button type="submit" disabled={busy !== null}>
          {busy === 'recovery-key' ? 'Making a new recovery key…' : 'Make a new recovery key'}
        </Button>
        <Button disabled={busy !== null} onClick={() => void renew('data-key')}>
          {busy === 'data-key' ? 'Encrypting your logs again…' : 'Make a new data key'}
        </Button>
      </div>
    </form>
  );
}
