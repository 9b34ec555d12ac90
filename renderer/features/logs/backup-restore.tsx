import { useId, useState, type FormEvent } from 'react';

import { periodList } from '../../../shared/logs/log-periods';
import type { RestoreSummary } from '../../../shared/ipc/vault.contract';
import { describeRestoredDocuments } from '../../../shared/vault/document-merge';
import { Button } from '../../components/button';
import { useLogsStore } from '../../stores/logs-store';
import { PassphraseField } from '../vault/passphrase-field';

type Message = { readonly tone: 'info' | 'error' | 'warn'; readonly text: string };

function describeRestore(r: RestoreSummary): string {
  const parts = [`Restored ${r.added} log${r.added === 1 ? '' : 's'}`];
  if (r.updated > 0) parts.push(`added later notes to ${r.updated}`);
  if (r.unchanged > 0) parts.push(`${r.unchanged} ${r.unchanged === 1 ? 'was' : 'were'} already here`);
  if (r.skippedDeleted > 0) parts.push(`${r.skippedDeleted} you had deleted or erased stayed deleted`);
  if (r.skippedOld > 0)
    parts.push(`${r.skippedOld} older than your chosen keeping time ${r.skippedOld === 1 ? 'was' : 'were'} left out`);
  if (r.invalid > 0) parts.push(`${r.invalid} could not be read by this version of ReadyRoom`);
  parts.push(...describeRestoredDocuments(r.documents));
  return `${parts.join('; ')}. Nothing here was removed.`;
}

/** Encrypted backup to a file the user picks, and restore (merging, never removing). */
export function BackupRestore() {
  const backup = useLogsStore((s) => s.backup);
  const restore = useLogsStore((s) => s.restore);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState<'backup' | 'restore' | null>(null);
  const [token, setToken] = useState<string | null>(null);
  const [method, setMethod] = useState<'passphrase' | 'recovery-key'>('passphrase');
  const [secret, setSecret] = useState('');
  const id = useId();

  const switchMethod = (next: 'passphrase' | 'recovery-key') => {
    setMethod(next);
    setSecret('');
    setMessage(null);
  };

  const doBackup = async () => {
    setBusy('backup');
    setMessage(null);
    const result = await backup();
    setBusy(null);
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message });
    if (!result.value.saved) return setMessage({ tone: 'info', text: 'No backup was made.' });
    const missing = result.value.unreadablePeriods.length
      ? ` The logs for ${periodList(result.value.unreadablePeriods)} could not be read and are not in it.`
      : '';
    setMessage({
      tone: missing ? 'warn' : 'info',
      text: `Saved an encrypted backup of ${result.value.count} log${result.value.count === 1 ? '' : 's'}. It opens with your passphrase or recovery key as they are today.${missing}`,
    });
  };

  const doRestore = async (event?: FormEvent) => {
    event?.preventDefault();
    if (token && !secret)
      return setMessage({
        tone: 'error',
        text: method === 'passphrase' ? 'Type the passphrase.' : 'Type the recovery key.',
      });
    setBusy('restore');
    setMessage(null);
    const request = token
      ? { token, secret: method === 'passphrase' ? { method, passphrase: secret } : { method, recoveryKey: secret } }
      : undefined;
    const result = await restore(request);
    setBusy(null);
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message });
    const outcome = result.value;
    if (outcome.status === 'cancelled') return undefined;
    if (outcome.status === 'needs-secret') {
      setToken(outcome.token);
      setSecret('');
      return undefined;
    }
    setToken(null);
    setSecret('');
    setMessage({ tone: 'info', text: describeRestore(outcome) });
    return undefined;
  };

  return (
    <section className="rr-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Backups</h2>
      <p>
        Save an encrypted copy of all your logs to a file, for example on a USB stick kept somewhere safe. Restoring
        adds the logs from a backup to the ones here; it never removes any.
      </p>
      <div className="rr-actions">
        <Button onClick={() => void doBackup()} disabled={busy !== null}>
          {busy === 'backup' ? 'Saving…' : 'Back up my logs…'}
        </Button>
        <Button onClick={() => void doRestore()} disabled={busy !== null || token !== null}>
          {busy === 'restore' && !token ? 'Restoring…' : 'Restore from a backup…'}
        </Button>
      </div>
      {token && (
        <form
          className="rr-vault__form"
          onSubmit={(e) => void doRestore(e)}
          noValidate
          aria-labelledby={`${id}-secret-title`}
        >
          <h3 id={`${id}-secret-title`}>This backup was made with other keys</h3>
          <p>Type the passphrase, or the recovery key, that opened ReadyRoom when the backup was made.</p>
          <fieldset className="rr-logs__choice">
            <legend className="rr-visually-hidden">Unlock the backup with</legend>
            <label>
              <input
                type="radio"
                name={`${id}-method`}
                checked={method === 'passphrase'}
                onChange={() => switchMethod('passphrase')}
              />{' '}
              Passphrase
            </label>
            <label>
              <input
                type="radio"
                name={`${id}-method`}
                checked={method === 'recovery-key'}
                onChange={() => switchMethod('recovery-key')}
              />{' '}
              Recovery key
            </label>
          </fieldset>
          <PassphraseField
            key={method}
            label={method === 'passphrase' ? "The backup's passphrase" : "The backup's recovery key"}
            value={secret}
            onValueChange={setSecret}
            maxLength={method === 'passphrase' ? 1024 : 200}
          />
          <div className="rr-actions">
            <Button type="submit" variant="primary" disabled={busy !== null}>
              {busy === 'restore' ? 'Restoring…' : 'Restore'}
            </Button>
            <Button
              onClick={() => {
                setToken(null);
                setSecret('');
                setMessage(null);
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      )}
      {message && (
        <p className={`rr-alert rr-alert--${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
