import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

import { checkClientCode } from '../../../shared/logs/client-code';
import { periodList } from '../../../shared/logs/log-periods';
import { Button } from '../../components/button';
import { useLogsStore } from '../../stores/logs-store';
import { useVaultSessionStore } from '../../stores/vault-session-store';

type Step =
  | { readonly name: 'ask' }
  | { readonly name: 'confirm'; readonly client: string; readonly count: number }
  | { readonly name: 'done'; readonly erased: number; readonly incomplete: readonly string[] };

/** Months main could not read, from the last list and the last status. */
function unreadableNow(): string[] {
  const listed = useLogsStore.getState().unreadablePeriods;
  const status = useVaultSessionStore.getState().status?.unreadablePeriods ?? [];
  return [...new Set([...listed, ...status])].sort();
}

/**
 * An erasure request: find every log with one client code, confirm the count, erase them. Logs
 * in a month that could not be read cannot be erased; the vault still records the erasure, so no
 * restore brings the client back, and this says which months were left.
 */
export function EraseClient() {
  const countClient = useLogsStore((s) => s.countClient);
  const eraseClient = useLogsStore((s) => s.eraseClient);
  const scheduleLeft = useLogsStore((s) => s.erasureLeftSchedule);
  const incidentsLeft = useLogsStore((s) => s.erasureIncidents);
  const logsNaming = useLogsStore((s) => s.erasureLogsNaming);
  const profileLeft = useLogsStore((s) => s.erasureLeftProfile);
  const refreshStatus = useVaultSessionStore((s) => s.refresh);
  const [unreadable, setUnreadable] = useState<readonly string[]>([]);
  const [step, setStep] = useState<Step>({ name: 'ask' });
  const [client, setClient] = useState('');
  const [typed, setTyped] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const confirmInput = useRef<HTMLInputElement>(null);
  const result = useRef<HTMLDivElement>(null);

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
    const code = checkClientCode(client);
    if (!code.valid) {
      setMessage(code.error);
      return;
    }
    setBusy(true);
    const [counted] = await Promise.all([countClient(code.code), refreshStatus()]);
    setBusy(false);
    const months = unreadableNow();
    setUnreadable(months);
    if (!counted.ok) setMessage(counted.error.message);
    else if (counted.value === 0 && months.length === 0) setMessage(`No logs have the client code ${code.code}.`);
    else {
      setTyped('');
      setStep({ name: 'confirm', client: code.code, count: counted.value });
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
    if (erased.ok) await refreshStatus();
    setBusy(false);
    if (erased.ok) {
      setClient('');
      setMessage(null);
      setStep({ name: 'done', erased: erased.value, incomplete: unreadableNow() });
      return;
    }
    setMessage(erased.error.message);
    if (erased.error.code === 'STALE') {
      // The count changed since the user saw it: show the new one and ask again.
      const again = await countClient(step.client);
      if (again.ok) {
        setTyped('');
        setStep(
          again.value === 0 && unreadable.length === 0
            ? { name: 'ask' }
            : { name: 'confirm', client: step.client, count: again.value },
        );
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
              {step.count === 0
                ? `No logs you can read have the client code ${step.client}.`
                : `${step.count} log${step.count === 1 ? ' has' : 's have'} the client code ${step.client}.`}
            </strong>
          </p>
          {unreadable.length > 0 && (
            <p className="rr-alert rr-alert--warn">
              The logs for {periodList(unreadable)} could not be read, so ReadyRoom cannot erase this client&apos;s logs
              from them. It will record the erasure, so restoring a backup will not bring this client&apos;s earlier
              logs back.
            </p>
          )}
          <div className="rr-field">
            <label htmlFor={`${id}-count`}>
              {step.count === 0
                ? 'Type 0 to confirm you want to record the erasure'
                : `Type ${step.count} to confirm you want to erase ${step.count === 1 ? 'it' : 'them all'}`}
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
              {busy
                ? 'Erasing…'
                : step.count === 0
                  ? 'Record the erasure'
                  : `Erase ${step.count} log${step.count === 1 ? '' : 's'}`}
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
            <div ref={result} tabIndex={-1} className="rr-alert rr-alert--info" role="status">
              <p>
                Erased {step.erased} log{step.erased === 1 ? '' : 's'}.
              </p>
              {scheduleLeft && (
                <p>
                  This client&apos;s sessions are still in your schedule: ReadyRoom could not change it just now. Delete
                  them under Settings, Sessions.
                </p>
              )}
              {incidentsLeft.notCleared && (
                <p>
                  This client&apos;s code is still in your incident log: ReadyRoom could not change it just now. Erase
                  again later, or remove the code from each incident in the incident log.
                </p>
              )}
              {incidentsLeft.namingClient.length > 0 && (
                <p>
                  The code was taken out of your incidents, but the words you wrote in{' '}
                  {incidentsLeft.namingClient.length === 1 ? 'this incident' : 'these incidents'} still name it:{' '}
                  {incidentsLeft.namingClient.join(', ')}. Change those words in the incident log.
                </p>
              )}
              {logsNaming !== null && logsNaming > 0 && (
                <p>
                  The notes of {logsNaming === 1 ? '1 other log' : `${logsNaming} other logs`} may still name this code
                  (put the code in “Notes contain” to see {logsNaming === 1 ? 'it' : 'them'}). Notes are kept as you
                  wrote them. ReadyRoom no longer knows this code, so an export “without client codes” will still show
                  it in those notes: delete those logs if the code must not stay.
                </p>
              )}
              {logsNaming === null && (
                <p>
                  ReadyRoom could not search your other logs&apos; notes for this code just now, so it cannot say
                  whether any still name it. Put the code in “Notes contain” to check.
                </p>
              )}
              {profileLeft && (
                <p>
                  This client&apos;s set-up (back-up phone, emergency contact, code word) is still kept: ReadyRoom could
                  not change it just now. Delete it under Clients.
                </p>
              )}
              {step.incomplete.length > 0 && (
                <p>
                  The logs for {periodList(step.incomplete)} could not be read, so any logs of this client code in them
                  were not erased. That file is still set aside, encrypted, in ReadyRoom&apos;s data folder; delete it
                  if you do not need it. The erasure is recorded: restoring a backup will not bring this client&apos;s
                  earlier logs back.
                </p>
              )}
            </div>
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
