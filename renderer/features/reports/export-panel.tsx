import { useId, useState } from 'react';

import type { ExportFormat, ExportOutcome } from '../../../shared/ipc/vault.contract';
import { periodList } from '../../../shared/logs/log-periods';
import { call } from '../../api';
import { UnencryptedFileSave, useFileSave } from '../../components/unencrypted-file-warning';

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

/**
 * Exports of the logs. Before anything is written the user is told, plainly, that the file will
 * not be encrypted; main then asks where to save with the system's dialog.
 */
export function ExportPanel({ from, to, client, periodText }: ExportPanelProps) {
  const [format, setFormat] = useState<ExportFormat>('pdf');
  const [includeCodes, setIncludeCodes] = useState(false);
  const flow = useFileSave(() =>
    call('logs:export', {
      format,
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(client ? { client } : {}),
      includeClientCodes: includeCodes,
    }),
  );
  const formatName = useId();
  const codesId = useId();

  return (
    <section className="rr-export" aria-labelledby="rr-export-title">
      <h3 id="rr-export-title">Export</h3>
      <p className="rr-muted">
        Covers {periodText}
        {client ? ' for the client chosen above' : ' for all clients'}.
      </p>
      <fieldset className="rr-export__formats" disabled={flow.stage.step === 'saving'}>
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
                flow.reset();
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
              flow.reset();
            }}
          />{' '}
          Include client codes
        </label>
      </div>
      <UnencryptedFileSave
        flow={flow}
        buttonLabel="Export…"
        saved={(outcome: ExportOutcome) => (
          <>
            Saved {savedText[outcome.format]} with {outcome.count} log
            {outcome.count === 1 ? '' : 's'}.
            {outcome.unreadablePeriods.length > 0 &&
              ` Logs from ${periodList(outcome.unreadablePeriods)} could not be read and are not in it.`}
          </>
        )}
      >
        Your logs are protected by your passphrase only while they stay in ReadyRoom. The exported file can be opened by
        anyone who gets a copy of it{includeCodes ? ', and it will include client codes' : ''}. Keep it somewhere safe,
        share it only as securely as you would a clinical record, and delete it when it is no longer needed.
      </UnencryptedFileSave>
    </section>
  );
}
