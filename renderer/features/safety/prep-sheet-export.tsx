import { useId, useState } from 'react';

import type { ErrorData } from '../../../shared/errors';
import type { PrepSheetFormat, PrepSheetOutcome } from '../../../shared/ipc/safety.contract';
import type { SessionPlatformId } from '../../../shared/session/platforms';
import { call } from '../../api';
import { Button } from '../../components/button';
import { PlatformSelect } from '../../components/platform-select';
import { UnencryptedFileWarning } from '../../components/unencrypted-file-warning';
import { useSettingsStore } from '../../stores/settings-store';

const formats: readonly { readonly id: PrepSheetFormat; readonly label: string }[] = [
  { id: 'pdf', label: 'PDF' },
  { id: 'text', label: 'Plain text' },
];

type Stage =
  | { readonly step: 'choose' }
  | { readonly step: 'confirm' }
  | { readonly step: 'saving' }
  | { readonly step: 'done'; readonly outcome: PrepSheetOutcome }
  | { readonly step: 'failed'; readonly error: ErrorData };

/** Saves the client preparation sheet for a platform, after the plain warning that the file is not encrypted. */
export function PrepSheetExport() {
  const usual = useSettingsStore((s) => s.settings.defaultPlatform);
  // Null until chosen: the usual platform follows the settings, even when they load after this page.
  const [chosen, setPlatform] = useState<SessionPlatformId | null>(null);
  const platform = chosen ?? usual;
  const [format, setFormat] = useState<PrepSheetFormat>('pdf');
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const platformId = useId();
  const formatName = useId();

  async function save() {
    setStage({ step: 'saving' });
    const result = await call('safety:prep-sheet', { platform, format });
    setStage(result.ok ? { step: 'done', outcome: result.value } : { step: 'failed', error: result.error });
  }

  return (
    <section className="rr-card" aria-labelledby="prep-sheet-title">
      <h2 id="prep-sheet-title">Preparation sheet for your client</h2>
      <p className="rr-muted">
        A page to send your client before online sessions: a private space, headphones, a charged device, what to do if
        the call drops, the platform’s privacy risks and how to leave the call quickly. It holds nothing about your
        client.
      </p>
      <div className="rr-field">
        <label htmlFor={platformId}>Video platform</label>
        <PlatformSelect
          id={platformId}
          value={platform}
          onChange={(next) => {
            setPlatform(next);
            setStage({ step: 'choose' });
          }}
        />
      </div>
      <fieldset disabled={stage.step === 'saving'}>
        <legend>Kind of file</legend>
        {formats.map((f) => (
          <label key={f.id}>
            <input
              type="radio"
              name={formatName}
              value={f.id}
              checked={format === f.id}
              onChange={() => {
                setFormat(f.id);
                setStage({ step: 'choose' });
              }}
            />{' '}
            {f.label}{' '}
          </label>
        ))}
      </fieldset>
      {stage.step === 'confirm' || stage.step === 'saving' ? (
        <UnencryptedFileWarning
          saving={stage.step === 'saving'}
          onSave={() => void save()}
          onCancel={() => setStage({ step: 'choose' })}
        >
          It leaves ReadyRoom as an ordinary file that anyone with a copy can open. It holds no details about your
          client, but send it to them privately, the way you would send any other message about their therapy.
        </UnencryptedFileWarning>
      ) : (
        <Button onClick={() => setStage({ step: 'confirm' })}>Save the preparation sheet…</Button>
      )}
      <div role="status" aria-live="polite">
        {stage.step === 'done' &&
          (stage.outcome.saved ? (
            <p className="rr-alert rr-alert--info">Saved the preparation sheet.</p>
          ) : (
            <p className="rr-muted">Nothing was saved.</p>
          ))}
      </div>
      {stage.step === 'failed' && (
        <p className="rr-alert rr-alert--error" role="alert">
          {stage.error.message}
        </p>
      )}
    </section>
  );
}
