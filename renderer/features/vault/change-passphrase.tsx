import { useCallback, useRef, useState, type FormEvent } from 'react';

import { minPassphraseLength } from '../../../shared/ipc/vault.contract';
import { Button } from '../../components/button';
import { useVaultSessionStore } from '../../stores/vault-session-store';
import { PassphraseField } from './passphrase-field';
import type { Strength } from './passphrase-strength';
import { StrengthMeter } from './strength-meter';
import './vault.css';

type Problem = { readonly field: 'current' | 'next' | 'confirm' | 'form'; readonly text: string };

/** Change the passphrase: the logs stay as they are; only the key's wrapping changes. */
export function ChangePassphrase() {
  const change = useVaultSessionStore((s) => s.changePassphrase);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [strength, setStrength] = useState<Strength | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const currentRef = useRef<HTMLInputElement>(null);
  const nextRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const onStrength = useCallback((s: Strength | null) => setStrength(s), []);

  const fail = (p: Problem) => {
    setProblem(p);
    const input =
      p.field === 'current' ? currentRef : p.field === 'next' ? nextRef : p.field === 'confirm' ? confirmRef : null;
    input?.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (!current) return fail({ field: 'current', text: 'Type your current passphrase.' });
    if ([...next].length < minPassphraseLength || !strength?.acceptable) {
      return fail({
        field: 'next',
        text: 'Choose a stronger new passphrase: the meter should say "Strong" or better.',
      });
    }
    if (next === current) return fail({ field: 'next', text: 'The new passphrase is the same as the current one.' });
    if (confirm !== next) return fail({ field: 'confirm', text: 'The two new passphrases are different.' });
    setProblem(null);
    setBusy(true);
    const result = await change(current, next);
    setBusy(false);
    if (!result.ok) {
      return fail(
        result.error.code === 'WRONG_PASSPHRASE'
          ? { field: 'current', text: result.error.message }
          : { field: 'form', text: result.error.message },
      );
    }
    setCurrent('');
    setNext('');
    setConfirm('');
    setDone(true);
  };

  const edit = (setter: (v: string) => void) => (v: string) => {
    setter(v);
    setProblem(null);
    setDone(false);
  };

  return (
    <form className="rr-vault__form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="rr-change-pass-title">
      <h3 id="rr-change-pass-title">Change your passphrase</h3>
      <p className="rr-muted">Your logs stay exactly as they are. Your recovery key keeps working.</p>
      <PassphraseField
        label="Current passphrase"
        value={current}
        onValueChange={edit(setCurrent)}
        error={problem?.field === 'current' ? problem.text : null}
        inputRef={currentRef}
        autoComplete="current-password"
        maxLength={1024}
      />
      <PassphraseField
        label="New passphrase"
        hint={`At least ${minPassphraseLength} characters.`}
        value={next}
        onValueChange={edit(setNext)}
        error={problem?.field === 'next' ? problem.text : null}
        inputRef={nextRef}
        autoComplete="new-password"
        maxLength={1024}
      />
      <StrengthMeter passphrase={next} onStrength={onStrength} />
      <PassphraseField
        label="Type the new passphrase again"
        value={confirm}
        onValueChange={edit(setConfirm)}
        error={problem?.field === 'confirm' ? problem.text : null}
        inputRef={confirmRef}
        autoComplete="new-password"
        maxLength={1024}
      />
      {problem?.field === 'form' && (
        <p className="rr-alert rr-alert--error" role="alert">
          {problem.text}
        </p>
      )}
      {done && (
        <p className="rr-alert rr-alert--info" role="status">
          Your passphrase has been changed. Use the new one from now on.
        </p>
      )}
      <div className="rr-actions">
        <Button type="submit" disabled={busy}>
          {busy ? 'Changing…' : 'Change passphrase'}
        </Button>
      </div>
    </form>
  );
}
