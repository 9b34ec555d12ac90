import { clientCodeKey } from '../logs/client-code';
import type { ReportTable } from '../logs/log-report';
import { withClientCodes, type ClientCodeChoice } from '../text/client-code-redaction';
import { showFreeText } from '../text/free-text';
import { showHiddenCharacters } from '../text/visible-text';
import { awaitingDecision, icoDecisionLabels, incidentKindLabels, reportDeadline, type Incident } from './incident';

/**
 * Without client codes, every code the app knows is blanked from the therapist's own words, not
 * only the incident's own: a code erased from the incident (or never listed on it) may still be in
 * them. A code erased from everything is known nowhere, so it cannot be found (the erasure named
 * the incidents whose words still hold it, for the therapist to reword).
 */
export type IncidentReportOptions = ClientCodeChoice & {
  /** A report on one client lists only the incidents that name that client. */
  readonly client?: string;
  readonly timeZone: string;
};

/** The "Incidents" part of a report: one row per incident discovered in the period, or a line saying there were none. */
export interface IncidentReportSection {
  readonly caption: string;
  readonly empty: string | null;
  readonly table: ReportTable;
}

/** The incidents of a report's period, laid out as a table; codes only when the report includes them. */
export function incidentReportSection(
  incidents: readonly Incident[],
  options: IncidentReportOptions,
): IncidentReportSection {
  const key = options.client === undefined ? null : clientCodeKey(options.client);
  const shown = incidents.filter((i) => key === null || i.clientCodes.some((c) => clientCodeKey(c) === key));
  const codes = options.includeClientCodes;
  const format = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: options.timeZone,
  });
  // Shown as the incident card shows it: emoji whole, any other hidden character an older version kept as <U+XXXX>.
  const text = (value: string, i: Incident) =>
    showFreeText(options.includeClientCodes ? value : withClientCodes(options.knownCodes, i.clientCodes).redact(value));
  const decision = (i: Incident) => {
    const label = icoDecisionLabels[i.ico.decision];
    const on = i.ico.decidedOn ? ` (${i.ico.decidedOn})` : '';
    const reason = i.ico.reason ? `: ${text(i.ico.reason, i)}` : '';
    return `${label}${on}${reason}`;
  };
  // Closing the work does not settle the ICO question: its deadline shows until a decision is made.
  const status = (i: Incident) => {
    const closed = i.status === 'closed' && i.closedAt ? `Closed ${format.format(new Date(i.closedAt))}` : 'Open';
    if (!awaitingDecision(i)) return closed;
    const due = format.format(new Date(reportDeadline(i.discoveredAt)));
    return i.status === 'closed' ? `${closed}; ICO decision still needed, by ${due}` : `Open; decide by ${due}`;
  };
  return {
    caption: `Incidents (${shown.length})`,
    empty: shown.length === 0 ? 'No incident was recorded in this period.' : null,
    table: {
      kind: 'logs',
      caption: `Incidents (${shown.length})`,
      columns: ['Found out', 'What happened', ...(codes ? ['Clients'] : []), 'Reported to the ICO', 'Status'],
      widths: codes ? [0.15, 0.35, 0.12, 0.22, 0.16] : [0.16, 0.42, 0.24, 0.18],
      rows: shown.map((i) => [
        format.format(new Date(i.discoveredAt)),
        `${incidentKindLabels[i.kind]}. ${text(i.what, i)}${i.actions ? ` Actions: ${text(i.actions, i)}` : ''}`,
        ...(codes ? [i.clientCodes.map((c) => showHiddenCharacters(c)).join(', ') || 'None'] : []),
        decision(i),
        status(i),
      ]),
    },
  };
}
