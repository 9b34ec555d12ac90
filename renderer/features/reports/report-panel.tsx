import { useEffect, useId, useMemo, useState } from 'react';

import { howOften, summariseLogs, type LogInsights, type ProblemInsight } from '../../../shared/logs/log-insights';
import { outcomeLabels, outcomes, type LogSummary } from '../../../shared/logs/readiness-log';
import type { OsName } from '../../../shared/platform';
import { platformLabel } from '../../../shared/session/platforms';
import { showHiddenCharacters } from '../../../shared/text/visible-text';
import { call } from '../../api';
import { Button } from '../../components/button';
import { printSection } from '../../lib/print-section';
import { attentionText, judgedText } from '../logs/log-format';
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
 * "What keeps coming up" across the listed logs, in three groups never mixed: real problems,
 * what ReadyRoom could not check here, and what the therapist marked not applicable. Then a
 * printable report (print, or save as PDF from the print dialog) for supervision or an audit.
 * Client codes are left out unless asked for.
 */
export function ReportPanel({ logs, filter }: ReportPanelProps) {
  const os = useAppOs();
  const insights = useMemo(() => summariseLogs(logs, os), [logs, os]);
  const [includeCodes, setIncludeCodes] = useState(false);
  const codesId = useId();
  if (logs.length === 0) return null;
  const nothing =
    insights.problems.length === 0 && insights.couldNotCheck.length === 0 && insights.notApplicable.length === 0;
  return (
    <section className="rr-card rr-report-panel" aria-labelledby="rr-report-title">
      <h2 id="rr-report-title">What keeps coming up</h2>
      {nothing ? (
        <p>Nothing has come up more than once in these {insights.count} logs.</p>
      ) : (
        <p className="rr-muted">
          Across the {insights.count} logs listed; each group counts what came up in two or more.
        </p>
      )}
      <InsightGroups insights={insights} headingLevel={3} />
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
      <PrintableReport
        logs={logs}
        insights={insights}
        scope={describeScope(filter, includeCodes)}
        includeCodes={includeCodes}
      />
    </section>
  );
}

/** The computer's OS, for advice in its own terms; null until known or where unknown. */
function useAppOs(): OsName | null {
  const [os, setOs] = useState<OsName | null>(null);
  useEffect(() => {
    let live = true;
    void call('app:info', {}).then((r) => {
      if (live && r.ok) setOs(r.value.os);
    });
    return () => {
      live = false;
    };
  }, []);
  return os;
}

function problemDetail(p: ProblemInsight): string {
  const parts = [
    p.failed > 0 ? `a problem ${times(p.failed)}` : '',
    p.warned > 0 ? `needed attention ${times(p.warned)}` : '',
    p.unconfirmed > 0 ? `not confirmed ${times(p.unconfirmed)}` : '',
  ].filter(Boolean);
  return parts.join(', ');
}

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/** The three groups, each with how often and the catalog's advice; shared by the screen and the printout. */
function InsightGroups({ insights, headingLevel }: { readonly insights: LogInsights; readonly headingLevel: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const total = insights.count;
  return (
    <>
      {insights.problems.length > 0 && (
        <>
          <Heading>Problems to sort out</Heading>
          <ul className="rr-report-panel__list" aria-label="Problems to sort out">
            {insights.problems.map((p) => (
              <li key={p.checkId}>
                <strong>{p.title}</strong>: in {howOften(p.count, total)} ({problemDetail(p)}).
                {p.advice && (
                  <span className="rr-report-panel__advice">
                    {' '}
                    What to do: {p.advice} ({p.source})
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {insights.couldNotCheck.length > 0 && (
        <>
          <Heading>ReadyRoom could not check these here</Heading>
          <p className="rr-muted">
            Not problems you had, but checks ReadyRoom cannot make on this computer. Checking them yourself and saying
            so keeps your record complete.
          </p>
          <ul className="rr-report-panel__list" aria-label="ReadyRoom could not check these here">
            {insights.couldNotCheck.map((u) => (
              <li key={u.checkId}>
                <strong>{u.title}</strong>: could not be checked in {howOften(u.count, total)}
                {u.checkedByYou > 0 ? `; you checked it yourself ${times(u.checkedByYou)}` : ''}.
              </li>
            ))}
          </ul>
        </>
      )}
      {insights.notApplicable.length > 0 && (
        <>
          <Heading>You marked these not applicable</Heading>
          <ul className="rr-report-panel__list" aria-label="You marked these not applicable">
            {insights.notApplicable.map((n) => (
              <li key={n.checkId}>
                <strong>{n.title}</strong>: not applicable in {howOften(n.count, total)}.
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

type PrintableReportProps = {
  readonly logs: readonly LogSummary[];
  readonly insights: LogInsights;
  readonly scope: string;
  readonly includeCodes: boolean;
};

/** Hidden on screen; the only thing visible when the report is printed. */
function PrintableReport({ logs, insights, scope, includeCodes }: PrintableReportProps) {
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
      {insights.problems.length + insights.couldNotCheck.length + insights.notApplicable.length === 0 ? (
        <p>Nothing came up more than once.</p>
      ) : (
        <InsightGroups insights={insights} headingLevel={2} />
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
            <th scope="col">Settled by the therapist</th>
          </tr>
        </thead>
        <tbody>
          {logs.map((log) => (
            <tr key={log.id}>
              <td>{dateTimeFormat.format(new Date(log.createdAt))}</td>
              {includeCodes && <td>{showHiddenCharacters(log.clientCode)}</td>}
              <td>{platformLabel(log.platform)}</td>
              <td>{outcomeLabels[log.outcome]}</td>
              <td>{attentionText(log)}</td>
              <td>{judgedText(log) ?? 'None'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Each check was recorded by ReadyRoom before the session and is kept encrypted on the therapist’s computer. Items
        “checked by the therapist” or “not applicable” are the therapist’s own judgement, recorded beside what ReadyRoom
        saw.
      </p>
    </div>
  );
}
