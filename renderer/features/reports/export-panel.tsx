import { useId, useState } from 'react';

import type { ErrorData } from '../../../shared/errors';
import type { ExportFormat, ExportOutcome } from '../../../shared/ipc/vault.contract';
import { periodList } from '../../../shared/logs/log-periods';
import { call } from '../../api';
import { Button } from '../../components/button';
import { UnencryptedFileWarning } from '../../components/unencrypted-file-warning';

const formats: readonly { readonly id: ExportFormat; readonly label: string; readonly hint: string }[] = [
  { id: 'pdf', label: 'PDF report', hint: 'for a supervisor, an insurer or an audit: summary, trend and logs' },
  { id: 'csv', label: 'Spreadsheet (CSV)', hint: 'one row per log, one column per check' },
  { id: 'json', label: 'Data (JSON)', hint: 'every log in full, for another program' },
];

const savedText: Record<ExportFormat, string> = {
  pdf: 'the PDF report',
  csv: 'the spreadsheet',
  json: 'the data file',
};

type ExportPanelProps = {
  /** The period, as local days "YYYY-MM-DD"; absent for no limit. */
  readonly from?: string;
  readonly to?: string;
  /** The client chosen on the logs page, if any. */
  readonly client?: string;
  /** "the last 12 weeks" */
  readonly periodText: string;
};

type Stage =
  | { readonly step: 'choose' }
  | { readonly step: 'confirm' }
  | { readonly step: 'saving' }
  | { readonly step: 'done'; readonly outcome: ExportOutcome }
  | { readonly step: 'failed'; readonly error: ErrorData };

/**
 * Exports of the logs. Before anything is written the user is told, plainly, that the file will
 * not be encrypted; main then asks where to save with the system's dialog.
 */
export function ExportPanel({ from, to, client, periodText }: ExportPanelProps) {
  const [format, setFormat] = useState<ExportFormat>('pdf');
  const [includeCodes, setIncludeCodes] = useState(false);
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const formatName = useId();
  const codesId = useId();

  async function save() {
    setStage({ step: 'saving' });
    const result = await call('logs:export', {
      format,
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(client ? { client } : {}),
      includeClientCodes: includeCodes,
    });
    setStage(result.ok ? { step: 'done', outcome: result.value } : { step: 'failed', error: result.error });
  }

  return (
    <section className="rr-export" aria-labelledby="rr-export-title">
      <h3 id="rr-export-title">Export</h3>
      <p className="rr-muted">
        Covers {periodText}
        {client ? ' for the client chosen above' : ' for all clients'}.
      </p>
      <fieldset className="rr-export__formats" disabled={stage.step === 'saving'}>
        <legend>Kind of file</legend>
        {formats.map((f) => (
          <label key={f.id} className="rr-export__format">
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
            <strong>{f.label}</strong>: {f.hint}
          </label>
        ))}
      </fieldset>
      <div className="rr-field">
        <label htmlFor={codesId}>
          <input
            id={codesId}
            type="checkbox"
            checked={includeCodes}
            onChange={(e) => {
              setIncludeCodes(e.target.checked);
              setStage({ step: 'choose' });
            }}
          />{' '}
          Include client codes
        </label>
      </div>
      {stage.step === 'confirm' || stage.step === 'saving' ? (
        <UnencryptedFileWarning
          saving={stage.step === 'saving'}
          onSave={() => void save()}
          onCancel={() => setStage({ step: 'choose' })}
        >
          Your logs are protected by your passphrase only while they stay in ReadyRoom. The exported file can be opened
          by anyone who gets a copy of it{includeCodes ? ', and it will include client codes' : ''}. Keep it somewhere
          safe, share it only as securely as you would a clinical record, and delete it when it is no longer needed.
        </UnencryptedFileWarning>
      ) : (
        <Button onClick={() => setStage({ step: 'confirm' })}>Export…</Button>
      )}
      <div role="status" aria-live="polite">
        {stage.step === 'done' &&
          (stage.outcome.saved ? (
            <p className="rr-alert rr-alert--info">
              Saved {savedText[stage.outcome.format]} with {stage.outcome.count} log
              {stage.outcome.count === 1 ? '' : 's'}.
              {stage.outcome.unreadablePeriods.length > 0 &&
                ` Logs from ${periodList(stage.outcome.unreadablePeriods)} could not be read and are not in it.`}
            </p>
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
