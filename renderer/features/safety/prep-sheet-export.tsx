import { useId, useState } from 'react';

import type { PrepSheetFormat } from '../../../shared/ipc/safety.contract';
import type { SessionPlatformId } from '../../../shared/session/platforms';
import { call } from '../../api';
import { PlatformSelect } from '../../components/platform-select';
import { UnencryptedFileSave, useFileSave } from '../../components/unencrypted-file-warning';
import { useSettingsStore } from '../../stores/settings-store';

const formats: readonly { readonly id: PrepSheetFormat; readonly label: string }[] = [
  { id: 'pdf', label: 'PDF' },
  { id: 'text', label: 'Plain text' },
];

/** Saves the client preparation sheet for a platform, after the plain warning that the file is not encrypted. */
export function PrepSheetExport() {
  const usual = useSettingsStore((s) => s.settings.defaultPlatform);
  // Null until chosen: the usual platform follows the settings, even when they load after this page.
  const [chosen, setPlatform] = useState<SessionPlatformId | null>(null);
  const platform = chosen ?? usual;
  const [format, setFormat] = useState<PrepSheetFormat>('pdf');
  const flow = useFileSave(() => call('safety:prep-sheet', { platform, format }));
  const platformId = useId();
  const formatName = useId();

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
            flow.reset();
          }}
        />
      </div>
      <fieldset disabled={flow.stage.step === 'saving'}>
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
                flow.reset();
              }}
            />{' '}
            {f.label}{' '}
          </label>
        ))}
      </fieldset>
      <UnencryptedFileSave
        flow={flow}
        buttonLabel="Save the preparation sheet…"
        saved={() => 'Saved the preparation sheet.'}
      >
        It leaves ReadyRoom as an ordinary file that anyone with a copy can open. It holds no details about your client,
        but send it to them privately, the way you would send any other message about their therapy.
      </UnencryptedFileSave>
    </section>
  );
}
