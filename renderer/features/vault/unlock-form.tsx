import { useEffect, useRef, useState, type FormEvent } from 'react';

import type { LockReason } from '../../../shared/ipc/vault.contract';
import { Button } from '../../components/button';
import { useVaultSessionStore } from '../../stores/vault-session-store';
import { PassphraseField } from './passphrase-field';
import './vault.css';

const lockedBecause: Partial<Record<LockReason, string>> = {
  idle: 'Your logs were locked because ReadyRoom was not used for a while.',
  suspend: 'Your logs were locked when the computer went to sleep.',
  'screen-lock': 'Your logs were locked when the screen was locked.',
};

type UnlockFormProps = {
  readonly purpose: string;
  /** Called after a successful unlock, so the gate can move focus to what was behind it. */
  readonly onUnlocked?: () => void;
};

/** The locked vault: passphrase, or recovery key, or the keychain when it is turned on. */
export function UnlockForm({ purpose, onUnlocked }: UnlockFormProps) {
  const status = useVaultSessionStore((s) => s.status);
  const lockedReason = useVaultSessionStore((s) => s.lockedReason);
  const unlock = useVaultSessionStore((s) => s.unlock);
  const [method, setMethod] = useState<'passphrase' | 'recovery-key'>('passphrase');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const switched = useRef(false);
  const keychainReady = Boolean(status?.keychain.enabled && status.keychain.available);

  // Focus follows a switch between passphrase and recovery key, not the first appearance: the
  // form also shows inside other pages, where taking focus unasked would disorient.
  useEffect(() => {
    if (switched.current) input.current?.focus();
  }, [method]);

  const run = async (request: Parameters<typeof unlock>[0]) => {
    setBusy(true);
    setError(null);
    const result = await unlock(request);
    setBusy(false);
    if (result.ok) {
      onUnlocked?.();
      return;
    }
    setError(result.error.message);
    input.current?.focus();
    input.current?.select();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!secret) {
      setError(method === 'passphrase' ? 'Type your passphrase.' : 'Type your recovery key.');
      input.current?.focus();
      return;
    }
    void run(method === 'passphrase' ? { method, passphrase: secret } : { method, recoveryKey: secret });
  };

  return (
    <section className="rr-card rr-vault" aria-labelledby="rr-unlock-title">
      <h2 id="rr-unlock-title">Unlock your logs</h2>
      {lockedReason && lockedBecause[lockedReason] && <p className="rr-muted">{lockedBecause[lockedReason]}</p>}
      <p>Your readiness logs are encrypted. Unlock them to {purpose}.</p>
      <form onSubmit={submit} noValidate>
        {method === 'passphrase' ? (
          <PassphraseField
            key="passphrase"
            label="Passphrase"
            value={secret}
            onValueChange={setSecret}
            error={error}
            inputRef={input}
            autoComplete="current-password"
            maxLength={1024}
          />
        ) : (
          <PassphraseField
            key="recovery"
            label="Recovery key"
            hint="The 32 letters and numbers you printed or wrote down when you set up ReadyRoom. Dashes and spaces do not matter."
            value={secret}
            onValueChange={setSecret}
            error={error}
            inputRef={input}
            maxLength={200}
          />
        )}
        <div className="rr-actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </Button>
          {keychainReady && (
            <Button disabled={busy} onClick={() => void run({ method: 'keychain' })}>
              Unlock with this computer's keychain
            </Button>
          )}
        </div>
      </form>
      <p>
        <Button
          variant="link"
          onClick={() => {
            switched.current = true;
            setMethod(method === 'passphrase' ? 'recovery-key' : 'passphrase');
            setSecret('');
            setError(null);
          }}
        >
          {method === 'passphrase' ? 'I forgot my passphrase: use my recovery key' : 'Use my passphrase instead'}
        </Button>
      </p>
    </section>
  );
}
