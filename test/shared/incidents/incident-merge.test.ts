import { describe, expect, it } from 'vitest';

import type { Incident } from '../../../shared/incidents/incident';
import { mergeIncidentLogs } from '../../../shared/incidents/incident-merge';

function incident(partial: Partial<Incident> = {}): Incident {
  return {
    id: 'inc-0000000a',
    kind: 'walked-in',
    what: 'My partner came into the room.',
    occurredAt: null,
    discoveredAt: '2026-03-02T10:00:00.000Z',
    clientCodes: [],
    actions: '',
    ico: { decision: 'undecided', decidedOn: null, reason: '' },
    status: 'open',
    closedAt: null,
    closingNote: '',
    recordedAt: '2026-03-02T10:05:00.000Z',
    ...partial,
  };
}

const noErasures = { erasedAt: () => undefined };

describe('mergeIncidentLogs (a restore of the incident log)', () => {
  it('adds incidents whose id is not here and keeps ours on a clash', () => {
    const ours = { incidents: [incident({ what: 'Ours, as edited here.' })] };
    const theirs = { incidents: [incident({ what: 'The backup’s older words.' }), incident({ id: 'inc-0000000b' })] };
    const result = mergeIncidentLogs(ours, theirs, noErasures);
    expect(result).toMatchObject({ added: 1, skipped: 1, invalid: 0 });
    const merged = result.value as { incidents: Incident[] };
    expect(merged.incidents.map((i) => [i.id, i.what])).toEqual([
      ['inc-0000000a', 'Ours, as edited here.'],
      ['inc-0000000b', 'My partner came into the room.'],
    ]);
  });

  it('brings the whole log back when there is none here, and changes nothing when all are here', () => {
    const theirs = { incidents: [incident()] };
    expect(mergeIncidentLogs(null, theirs, noErasures)).toEqual({ value: theirs, added: 1, skipped: 0, invalid: 0 });
    expect(mergeIncidentLogs(theirs, theirs, noErasures)).toEqual({ value: null, added: 0, skipped: 1, invalid: 0 });
  });

  it('takes a client erased here out of an incident recorded before the erasure, not out of a later one', () => {
    const erasedAt = '2026-03-10T00:00:00.000Z';
    const context = { erasedAt: (code: string) => (code.toUpperCase() === 'AB-017' ? erasedAt : undefined) };
    const theirs = {
      incidents: [
        incident({ clientCodes: ['ab-017', 'CD-204'] }),
        incident({ id: 'inc-0000000b', clientCodes: ['AB-017'], recordedAt: '2026-03-11T09:00:00.000Z' }),
      ],
    };
    const merged = mergeIncidentLogs(null, theirs, context).value as { incidents: Incident[] };
    expect(merged.incidents.map((i) => i.clientCodes)).toEqual([['CD-204'], ['AB-017']]);
  });

  it('counts what it cannot read and never writes over a log this version cannot read', () => {
    const theirs = { incidents: [incident(), { id: 'inc-0000000c', kind: 'from a later version' }] };
    expect(mergeIncidentLogs(null, theirs, noErasures)).toMatchObject({ added: 1, invalid: 1 });
    expect(mergeIncidentLogs(null, { entries: [] }, noErasures)).toEqual({
      value: null,
      added: 0,
      skipped: 0,
      invalid: 1,
    });
    const laterOurs = { incidents: [], version: 2 };
    expect(mergeIncidentLogs(laterOurs, theirs, noErasures)).toEqual({
      value: null,
      added: 0,
      skipped: 0,
      invalid: 2,
    });
  });
});
