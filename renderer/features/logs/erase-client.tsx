import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

import { Button } from '../../components/button';
import { useLogsStore } from '../../stores/logs-store';

type Step =
  | { readonly name: 'ask' }
  | { readonly name: 'confirm'; readonly client: string; readonly count: number }
  | { readonly name: 'done'; readonly erased: number };

/** An erasure request: find every log with one client code, confirm the count, erase them. */
export function EraseClient() {
  const countClient = useLogsStore((s) => s.countClient);
  const eraseClient = useLogsStore((s) => s.eraseClient);
  const [step, setStep] = useState<Step>({ name: 'ask' });
  const [client, setClient] = useState('');
  const [typed, setTyped] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const confirmInput = useRef<HTMLInputElement>(null);
  const result = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (step.name === 'confirm') confirmInput.current?.focus();
    if (step.name === 'done') result.current?.focus();
  }, [step]);

  const find = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    if (!client.trim()) {
      setMessage('Type the client code first.');
      return;
    }
    setBusy(true);
    const counted = await countClient(client);
    setBusy(false);
    if (!counted.ok) setMessage(counted.error.message);
    else if (counted.value === 0) setMessage(`No logs have the client code ${client.trim()}.`);
    else {
      setTyped('');
      setStep({ name: 'confirm', client: client.trim(), count: counted.value });
    }
  };

  const erase = async (event: FormEvent) => {
    event.preventDefault();
    if (step.name !== 'confirm') return;
    if (typed.trim() !== String(step.count)) {
      setMessage(`Type ${step.count} to confirm.`);
      confirmInput.current?.focus();
      return;
    }
    setBusy(true);
    const erased = await eraseClient(step.client, step.count);
    setBusy(false);
    if (erased.ok) {
      setClient('');
      setMessage(null);
      setStep({ name: 'done', erased: erased.value });
      return;
    }
    setMessage(erased.error.message);
    if (erased.error.code === 'STALE') {
      // The count changed since the user saw it: show the new one and ask again.
      const again = await countClient(step.client);
      if (again.ok) {
        setTyped('');
        setStep(again.value === 0 ? { name: 'ask' } : { name: 'confirm', client: step.client, count: again.value });
      }
    }
  };

  return (
    <section className="rr-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Erase a client's logs</h2>
      <p>
        If a client asks you to delete what you hold about them, you can erase every log that has their client code.
        Erased logs cannot be brought back, and restoring an older backup will not bring them back either.
      </p>
      {step.name === 'confirm' ? (
        <form onSubmit={(e) => void erase(e)} noValidate>
          <p>
            <strong>
              {step.count} log{step.count === 1 ? ' has' : 's have'} the client code {step.client}.
            </strong>
          </p>
          <div className="rr-field">
            <label htmlFor={`${id}-count`}>
              Type {step.count} to confirm you want to erase {step.count === 1 ? 'it' : 'them all'}
            </label>
            <input
              ref={confirmInput}
              id={`${id}-count`}
              className="rr-input rr-logs__count-input"
              inputMode="numeric"
              autoComplete="off"
              value={typed}
              aria-invalid={message ? true : undefined}
              aria-describedby={message ? `${id}-message` : undefined}
              onChange={(e) => {
                setTyped(e.target.value);
                setMessage(null);
              }}
            />
          </div>
          {message && (
            <p id={`${id}-message`} className="rr-alert rr-alert--error" role="alert">
              {message}
            </p>
          )}
          <div className="rr-actions">
            <button type="submit" className="rr-button rr-button--danger" disabled={busy}>
              {busy ? 'Erasing…' : `Erase ${step.count} log${step.count === 1 ? '' : 's'}`}
            </button>
            <Button
              onClick={() => {
                setStep({ name: 'ask' });
                setMessage(null);
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <form onSubmit={(e) => void find(e)} noValidate>
          {step.name === 'done' && (
            <p ref={result} tabIndex={-1} className="rr-alert rr-alert--info" role="status">
              Erased {step.erased} log{step.erased === 1 ? '' : 's'}.
            </p>
          )}
          <div className="rr-field">
            <label htmlFor={`${id}-client`}>Client code</label>
            <input
              id={`${id}-client`}
              className="rr-input"
              maxLength={40}
              autoComplete="off"
              value={client}
              aria-describedby={message ? `${id}-message` : undefined}
              onChange={(e) => {
                setClient(e.target.value);
                setMessage(null);
              }}
            />
          </div>
          {message && (
            <p id={`${id}-message`} className="rr-alert rr-alert--info" role="status">
              {message}
            </p>
          )}
          <Button type="submit" disabled={busy}>
            {busy ? 'Counting…' : 'Find their logs'}
          </Button>
        </form>
      )}
    </section>
  );
}
