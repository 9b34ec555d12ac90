import { describe, expect, it } from 'vitest';

import type { Incident } from '../../../shared/incidents/incident';
import { incidentReportSection } from '../../../shared/incidents/incident-report';
import { createClientCodeRedactor } from '../../../shared/text/client-code-redaction';

function incident(partial: Partial<Incident>): Incident {
  return {
    id: 'inc-0000000a',
    kind: 'wrong-email',
    what: 'Sent AB-017 notes to CD-204 by mistake; ab-0170 unaffected.',
    occurredAt: null,
    discoveredAt: '2026-03-02T10:00:00.000Z',
    clientCodes: ['AB-017', 'CD-204'],
    actions: 'Asked CD-204 to delete it.',
    ico: { decision: 'no', decidedOn: '2026-03-03', reason: 'CD-204 confirmed deletion.' },
    status: 'closed',
    closedAt: '2026-03-04T09:00:00.000Z',
    closingNote: '',
    recordedAt: '2026-03-02T10:05:00.000Z',
    ...partial,
  };
}

const options = {
  includeClientCodes: false,
  knownCodes: createClientCodeRedactor([]),
  timeZone: 'Europe/London',
} as const;

describe('incidentReportSection', () => {
  it('leaves every client code out of a report without codes, also from the therapist’s own words', () => {
    const section = incidentReportSection([incident({})], options);
    expect(section.table.columns).toEqual(['Found out', 'What happened', 'Reported to the ICO', 'Status']);
    const row = section.table.rows[0]?.join(' | ') ?? '';
    expect(row).not.toMatch(/AB-017(?!\d)|CD-204/i);
    expect(row).toContain('Sent [client] notes to [client] by mistake; ab-0170 unaffected.');
    expect(row).toContain('Decided not to report (2026-03-03): [client] confirmed deletion.');
    expect(row).toContain('Closed 4 Mar 2026, 09:00');
  });

  it('blanks the codes of other clients, and a code no longer listed on the incident, when they are known', () => {
    // "EF-3" was erased from this incident (or never listed), but another log still has it.
    const words = incident({
      clientCodes: ['CD-204'],
      what: 'Sent ab 017 notes to CD-204; EF\u00a0-\u00a03 was copied in.',
      actions: 'Told ef-3.',
    });
    const known = createClientCodeRedactor(['AB-017', 'EF-3']);
    const row = incidentReportSection([words], { ...options, knownCodes: known }).table.rows[0]?.join(' | ') ?? '';
    expect(row).toContain('Sent [client] notes to [client]; [client] was copied in. Actions: Told [client].');
  });

  it('leaves a code known nowhere (erased from everything) as it was written', () => {
    // The residual case: the erasure listed this incident for the therapist to reword.
    const words = incident({ clientCodes: [], what: 'GH-55 overheard.', actions: '' });
    const row = incidentReportSection([words], options).table.rows[0]?.join(' | ') ?? '';
    expect(row).toContain('GH-55 overheard.');
  });

  it('shows codes in their own column when the report includes them', () => {
    const section = incidentReportSection([incident({})], { includeClientCodes: true, timeZone: 'Europe/London' });
    expect(section.table.columns).toContain('Clients');
    expect(section.table.rows[0]).toContain('AB-017, CD-204');
  });

  it('lists only the incidents naming the client in a one-client report, and says when there are none', () => {
    const other = incident({ id: 'inc-0000000b', clientCodes: ['ZZ-1'], what: 'Overheard.' });
    expect(incidentReportSection([incident({}), other], { ...options, client: 'zz-1' }).table.rows).toHaveLength(1);
    const none = incidentReportSection([], options);
    expect(none.empty).toBe('No incident was recorded in this period.');
    expect(none.caption).toBe('Incidents (0)');
  });

  it('shows the deadline of an open incident in the report’s time zone', () => {
    const open = incident({
      status: 'open',
      closedAt: null,
      ico: { decision: 'undecided', decidedOn: null, reason: '' },
    });
    // 10:00 GMT on 28 March + 72 h is 11:00 BST on 31 March.
    const row = incidentReportSection([{ ...open, discoveredAt: '2026-03-28T10:00:00.000Z' }], options).table.rows[0];
    expect(row?.at(-1)).toBe('Open; decide by 31 Mar 2026, 11:00');
    expect(row?.at(-2)).toBe('Not decided yet');
  });

  it('keeps the deadline of a closed incident still awaiting the ICO decision, and none once decided', () => {
    const undecided = { decision: 'undecided', decidedOn: null, reason: '' } as const;
    const rows = incidentReportSection(
      [
        incident({ ico: undecided }),
        incident({ id: 'inc-0000000b', status: 'open', closedAt: null }),
        incident({ id: 'inc-0000000c' }),
      ],
      options,
    ).table.rows;
    expect(rows[0]?.at(-1)).toBe('Closed 4 Mar 2026, 09:00; ICO decision still needed, by 5 Mar 2026, 10:00');
    // Decided: the clock is no longer shown, open or closed.
    expect(rows[1]?.at(-1)).toBe('Open');
    expect(rows[2]?.at(-1)).toBe('Closed 4 Mar 2026, 09:00');
  });

  it('writes emoji in the therapist’s words as they are, and any other hidden character as <U+XXXX>', () => {
    const words = incident({ what: 'Sent \u2764\ufe0f by mistake \u202eevil', actions: '' });
    const row = incidentReportSection([words], options).table.rows[0]?.join(' | ') ?? '';
    expect(row).toContain('Sent \u2764\ufe0f by mistake <U+202E>evil');
  });
});
