import { useId, useMemo, useState } from 'react';

import { getCatalogEntry } from '../../../shared/catalog/catalog';
import { summariseLogs } from '../../../shared/logs/log-insights';
import { outcomeLabels, outcomes, type LogSummary } from '../../../shared/logs/readiness-log';
import { getSessionPlatform } from '../../../shared/session/platforms';
import { showHiddenCharacters } from '../../../shared/text/visible-text';
import { Button } from '../../components/button';
import { printSection } from '../../lib/print-section';
import './reports.css';

type ReportPanelProps = {
  /** The logs currently listed (after any filter). */
  readonly logs: readonly LogSummary[];
  /** The filter in force on the logs page (dates as YYYY-MM-DD; empty for none). */
  readonly filter: { readonly client: string; readonly from: string; readonly to: string };
};

/** The filter in plain words; the client code only when the user chose to include codes. */
export function describeScope(filter: ReportPanelProps['filter'], includeCodes: boolean): string {
  const who = filter.client ? (includeCodes ? `Client ${filter.client}` : 'One client') : 'All clients';
  const from = filter.from ? ` from ${formatDate(`${filter.from}T12:00:00`)}` : '';
  const to = filter.to ? ` to ${formatDate(`${filter.to}T12:00:00`)}` : '';
  return `${who}${from}${to}`;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const formatDate = (iso: string | null) => (iso ? dateFormat.format(new Date(iso)) : '–');

/**
 * "What keeps going wrong" across the listed logs, and a printable report (print, or save as
 * PDF from the print dialog) for supervision or an audit. Client codes are left out unless asked for.
 */
export function ReportPanel({ logs, filter }: ReportPanelProps) {
  const insights = useMemo(() => summariseLogs(logs), [logs]);
  const [includeCodes, setIncludeCodes] = useState(false);
  const codesId = useId();
  if (logs.length === 0) return null;
  const top = insights.recurring.slice(0, 5);
  return (
    <section className="rr-card rr-report-panel" aria-labelledby="rr-report-title">
      <h2 id="rr-report-title">What keeps coming up</h2>
      {top.length === 0 ? (
        <p>No check has needed attention more than once in these {insights.count} logs.</p>
      ) : (
        <>
          <p className="rr-muted">
            Across the {insights.count} logs listed. “Could not check” counts too: it is not a pass.
          </p>
          <ul className="rr-report-panel__list">
            {top.map((problem) => (
              <li key={problem.checkId}>
                <strong>{problem.title}</strong>: not confirmed in {problem.count} of {insights.count} checks
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Report for supervision or audit</h3>
      <p className="rr-muted">
        A one-page summary of these logs: outcomes, what keeps coming up and a list of checks. Print it, or choose “Save
        as PDF” in the print window.
      </p>
      <div className="rr-field">
        <label htmlFor={codesId}>
          <input
            id={codesId}
            type="checkbox"
            checked={includeCodes}
            onChange={(e) => setIncludeCodes(e.target.checked)}
          />{' '}
          Include client codes in the report
        </label>
      </div>
      <Button onClick={() => printSection('report')}>Print or save the report</Button>
      <PrintableReport logs={logs} scope={describeScope(filter, includeCodes)} includeCodes={includeCodes} />
    </section>
  );
}

type PrintableReportProps = {
  readonly logs: readonly LogSummary[];
  readonly scope: string;
  readonly includeCodes: boolean;
};

/** Hidden on screen; the only thing visible when the report is printed. */
function PrintableReport({ logs, scope, includeCodes }: PrintableReportProps) {
  const insights = summariseLogs(logs);
  const generated = dateTimeFormat.format(new Date());
  return (
    <div className="rr-report" data-testid="printable-report" aria-hidden="true">
      <h1>ReadyRoom readiness report</h1>
      <p>
        {scope}. {insights.count} checks from {formatDate(insights.firstAt)} to {formatDate(insights.lastAt)}. Produced
        on {generated}.
      </p>
      <h2>Outcomes</h2>
      <ul>
        {outcomes.map((outcome) => (
          <li key={outcome}>
            {outcomeLabels[outcome]}: {insights.byOutcome[outcome]}
          </li>
        ))}
      </ul>
      <h2>What keeps coming up</h2>
      {insights.recurring.length === 0 ? (
        <p>Nothing needed attention more than once.</p>
      ) : (
        <ul>
          {insights.recurring.map((problem) => (
            <li key={problem.checkId}>
              {problem.title}: not confirmed in {problem.count} of {insights.count} checks (
              {getCatalogEntry(problem.checkId)?.source ?? 'ReadyRoom'})
            </li>
          ))}
        </ul>
      )}
      <h2>Checks</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Checked</th>
            {includeCodes && <th scope="col">Client code</th>}
            <th scope="col">Platform</th>
            <th scope="col">Outcome</th>
            <th scope="col">Needed attention</th>
          </tr>
        </thead>
        <tbody>
          {logs.map((log) => (
            <tr key={log.id}>
              <td>{dateTimeFormat.format(new Date(log.createdAt))}</td>
              {includeCodes && <td>{showHiddenCharacters(log.clientCode)}</td>}
              <td>{getSessionPlatform(log.platform).name}</td>
              <td>{outcomeLabels[log.outcome]}</td>
              <td>{log.problems.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>Each check was recorded by ReadyRoom before the session and is kept encrypted on the therapist’s computer.</p>
    </div>
  );
}
