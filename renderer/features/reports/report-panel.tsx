import { useEffect, useId, useMemo, useState } from 'react';

import { howOften, summariseLogs, type LogInsights, type ProblemInsight } from '../../../shared/logs/log-insights';
import { percentText, weeklyOutcomes } from '../../../shared/logs/log-trends';
import type { LogSummary } from '../../../shared/logs/readiness-log';
import type { OsName } from '../../../shared/platform';
import { call } from '../../api';
import { ExportPanel } from './export-panel';
import { logsInPeriod, periodChoices, type PeriodChoice } from './report-period';
import { TrendChart } from './trend-chart';
import './reports.css';

type ReportPanelProps = {
  /** The logs currently listed (after any filter). */
  readonly logs: readonly LogSummary[];
  /** The filter in force on the logs page (dates as YYYY-MM-DD; empty for none). */
  readonly filter: { readonly client: string; readonly from: string; readonly to: string };
};

/**
 * Trends and reports over the listed logs: outcomes per week over a chosen period (a chart, and a
 * table for screen readers), what keeps coming up in that period with its share and the catalog's
 * advice, in three groups never mixed (real problems, what ReadyRoom could not check here, what
 * the therapist marked not applicable), and exports of the same period (PDF report, CSV, JSON).
 */
export function ReportPanel({ logs, filter }: ReportPanelProps) {
  const os = useAppOs();
  // Only the dates matter here: typing a client code or note words must not recompute the periods.
  const { from, to } = filter;
  const choices = useMemo(() => periodChoices({ from, to }, new Date()), [from, to]);
  const [choiceId, setChoiceId] = useState<PeriodChoice['id'] | null>(null);
  const first = choices[0] as PeriodChoice;
  const firstLogs = useMemo(() => logsInPeriod(logs, first), [logs, first]);
  // The filter's dates when there are any, else the last 12 weeks, or everything when those are empty.
  const fallback =
    first.id === 'filter' || firstLogs.length > 0 ? first : (choices[choices.length - 1] as PeriodChoice);
  const choice = choices.find((c) => c.id === choiceId) ?? fallback;
  const inPeriod = useMemo(
    () => (choice === first ? firstLogs : logsInPeriod(logs, choice)),
    [choice, first, firstLogs, logs],
  );
  const weeks = useMemo(
    () =>
      weeklyOutcomes(inPeriod, {
        ...(choice.from ? { from: choice.from } : {}),
        ...(choice.to ? { to: choice.to } : {}),
      }),
    [inPeriod, choice],
  );
  const insights = useMemo(() => summariseLogs(inPeriod, os), [inPeriod, os]);
  const periodId = useId();
  if (logs.length === 0) return null;
  const nothing =
    insights.problems.length === 0 && insights.couldNotCheck.length === 0 && insights.notApplicable.length === 0;
  return (
    <section className="rr-card rr-report-panel" aria-labelledby="rr-report-title">
      <h2 id="rr-report-title">Trends and reports</h2>
      <div className="rr-field">
        <label htmlFor={periodId}>Period</label>
        <select
          id={periodId}
          className="rr-select"
          value={choice.id}
          onChange={(e) => setChoiceId(e.target.value as PeriodChoice['id'])}
        >
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      {weeks.length > 0 && <TrendChart weeks={weeks} periodText={choice.text} />}
      <h3>What keeps coming up</h3>
      {inPeriod.length === 0 ? (
        <p>No logs in {choice.text}.</p>
      ) : nothing ? (
        <p>Nothing has come up more than once in these {insights.count} logs.</p>
      ) : (
        <p className="rr-muted">
          Across the {insights.count} logs in {choice.text}; each group counts what came up in two or more.
        </p>
      )}
      <InsightGroups insights={insights} headingLevel={4} />
      <ExportPanel
        {...(choice.from ? { from: choice.from } : {})}
        {...(choice.to ? { to: choice.to } : {})}
        {...(filter.client ? { client: filter.client } : {})}
        periodText={choice.text}
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

/** The three groups, each with how often and the catalog's advice. */
function InsightGroups({ insights, headingLevel }: { readonly insights: LogInsights; readonly headingLevel: 3 | 4 }) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const total = insights.count;
  return (
    <>
      {insights.problems.length > 0 && (
        <>
          <Heading>Problems to sort out</Heading>
          <ul className="rr-report-panel__list" aria-label="Problems to sort out">
            {insights.problems.map((p) => (
              <li key={p.checkId}>
                <strong>{p.title}</strong>: in {percentText(p.share)} of sessions ({howOften(p.count, total)};{' '}
                {problemDetail(p)}).
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
