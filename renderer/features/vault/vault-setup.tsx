import { useCallback, useRef, useState, type FormEvent } from 'react';

import { minPassphraseLength } from '../../../shared/ipc/vault.contract';
import { Button } from '../../components/button';
import { useVaultSessionStore } from '../../stores/vault-session-store';
import { LostKeysNotice } from './lost-keys-notice';
import { PassphraseField } from './passphrase-field';
import type { Strength } from './passphrase-strength';
import { StrengthMeter } from './strength-meter';
import './vault.css';

/** First run: choose the passphrase that encrypts the readiness logs. */
export function VaultSetup({ purpose }: { readonly purpose: string }) {
  const setup = useVaultSessionStore((s) => s.setup);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [strength, setStrength] = useState<Strength | null>(null);
  const [problem, setProblem] = useState<{ field: 'passphrase' | 'confirm' | 'form'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const passRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const onStrength = useCallback((s: Strength | null) => setStrength(s), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ([...passphrase].length < minPassphraseLength || !strength?.acceptable) {
      setProblem({
        field: 'passphrase',
        text: 'Choose a stronger passphrase: the meter should say "Strong" or better.',
      });
      passRef.current?.focus();
      return;
    }
    if (confirm !== passphrase) {
      setProblem({ field: 'confirm', text: 'The two passphrases are different. Type the same one twice.' });
      confirmRef.current?.focus();
      return;
    }
    setProblem(null);
    setBusy(true);
    const result = await setup(passphrase);
    setBusy(false);
    if (!result.ok) setProblem({ field: 'form', text: result.error.message });
  };

  return (
    <section className="rr-card rr-vault" aria-labelledby="rr-vault-setup-title">
      <h2 id="rr-vault-setup-title">Protect your readiness logs</h2>
      <p>
        Before ReadyRoom can {purpose}, it needs somewhere safe to keep your logs. They are encrypted on this computer
        with a passphrase that only you know. ReadyRoom never sends it anywhere and cannot reset it.
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <PassphraseField
          label="Choose a passphrase"
          hint={`At least ${minPassphraseLength} characters. Three or four words that have nothing to do with each other are strong and easy to remember.`}
          value={passphrase}
          onValueChange={(v) => {
            setPassphrase(v);
            setProblem(null);
          }}
          error={problem?.field === 'passphrase' ? problem.text : null}
          inputRef={passRef}
          autoComplete="new-password"
          maxLength={1024}
        />
        <StrengthMeter passphrase={passphrase} onStrength={onStrength} />
        <PassphraseField
          label="Type it again"
          value={confirm}
          onValueChange={(v) => {
            setConfirm(v);
            setProblem(null);
          }}
          error={problem?.field === 'confirm' ? problem.text : null}
          inputRef={confirmRef}
          autoComplete="new-password"
          maxLength={1024}
        />
        <LostKeysNotice />
        {problem?.field === 'form' && (
          <p className="rr-alert rr-alert--error" role="alert">
            {problem.text}
          </p>
        )}
        <div className="rr-actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? 'Setting up…' : 'Create my encrypted logs'}
          </Button>
        </div>
      </form>
    </section>
  );
}
