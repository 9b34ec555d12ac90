import { useId, useState } from 'react';
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';

import { weekLabel, weekShortLabel, type WeekBucket } from '../../../shared/logs/log-trends';
import { outcomeLabels, outcomes, type Outcome } from '../../../shared/logs/readiness-log';
import { Button } from '../../components/button';

const barClass: Record<Outcome, string> = {
  ready: 'rr-trend__bar--ready',
  'ready-with-advice': 'rr-trend__bar--advice',
  'not-ready': 'rr-trend__bar--not-ready',
};

type TrendChartProps = {
  readonly weeks: readonly WeekBucket[];
  /** Plain words for the period, e.g. "the last 12 weeks". */
  readonly periodText: string;
};

/**
 * Outcomes per week as stacked bars (recharts draws SVG whose colours come from our stylesheet,
 * so the CSP needs no inline styles), with a table that says the same for screen readers and for
 * anyone who prefers figures; the table can be shown on screen too.
 */
export function TrendChart({ weeks, periodText }: TrendChartProps) {
  const [showTable, setShowTable] = useState(false);
  const captionId = useId();
  const data = weeks.map((w) => ({
    week: weekShortLabel(w.weekStart),
    ready: w.byOutcome.ready,
    'ready-with-advice': w.byOutcome['ready-with-advice'],
    'not-ready': w.byOutcome['not-ready'],
  }));
  const total = weeks.reduce((n, w) => n + w.count, 0);
  const empty = weeks.filter((w) => w.count === 0).length;
  return (
    <figure className="rr-trend" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        Outcomes per week, {periodText}: {total} log{total === 1 ? '' : 's'} over {weeks.length} week
        {weeks.length === 1 ? '' : 's'}
        {empty > 0 ? `, ${empty} of them with no logs` : ''}.
      </figcaption>
      {/* The picture is for the eye; the table below carries the same figures for everyone. */}
      <div className="rr-trend__chart" aria-hidden="true">
        <BarChart width={640} height={220} data={data} accessibilityLayer={false} barCategoryGap="15%">
          <CartesianGrid vertical={false} className="rr-trend__grid" />
          <XAxis dataKey="week" interval="preserveStartEnd" minTickGap={24} tickLine={false} />
          <YAxis allowDecimals={false} width={32} tickLine={false} />
          {outcomes.map((outcome) => (
            <Bar
              key={outcome}
              dataKey={outcome}
              stackId="outcomes"
              className={barClass[outcome]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </div>
      <ul className="rr-trend__legend" aria-hidden="true">
        {outcomes.map((outcome) => (
          <li key={outcome}>
            <span className={`rr-trend__swatch ${barClass[outcome]}`} /> {outcomeLabels[outcome]}
          </li>
        ))}
      </ul>
      <Button variant="link" aria-expanded={showTable} onClick={() => setShowTable((s) => !s)}>
        {showTable ? 'Hide the figures' : 'Show the figures as a table'}
      </Button>
      <table className={showTable ? 'rr-trend__table' : 'rr-trend__table rr-visually-hidden'}>
        <caption>Logs per week by outcome, {periodText}</caption>
        <thead>
          <tr>
            <th scope="col">Week</th>
            <th scope="col">Logs</th>
            {outcomes.map((o) => (
              <th key={o} scope="col">
                {outcomeLabels[o]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w.weekStart}>
              <th scope="row">{weekLabel(w.weekStart)}</th>
              <td>{w.count === 0 ? 'No logs' : w.count}</td>
              {outcomes.map((o) => (
                <td key={o}>{w.byOutcome[o]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
