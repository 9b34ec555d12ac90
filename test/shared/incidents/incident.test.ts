import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';

import {
  deadlineWords,
  incidentInputSchema,
  overdue,
  pendingDeadlines,
  reportDeadline,
  timeLeft,
  type Incident,
} from '../../../shared/incidents/incident';
import { icoQuestions, icoSource } from '../../../shared/incidents/ico-questions.catalog';

const hour = 60 * 60 * 1000;

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

const london = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/London' });

describe('reportDeadline', () => {
  it('is 72 real hours after discovery across the spring change in Europe/London (clocks go forward)', () => {
    // Discovered 10:00 GMT on Saturday 28 March 2026; clocks go forward at 01:00 on the 29th.
    const discovered = london('2026-03-28T10:00');
    const deadline = reportDeadline(discovered.toISO() ?? '');
    expect(Date.parse(deadline) - discovered.toMillis()).toBe(72 * hour);
    // On the wall clock it reads 11:00 BST, not 10:00: the lost hour is not given back.
    expect(DateTime.fromISO(deadline).setZone('Europe/London').toFormat('yyyy-MM-dd HH:mm')).toBe('2026-03-31 11:00');
  });

  it('is 72 real hours after discovery across the autumn change in Europe/London (clocks go back)', () => {
    // Discovered 10:00 BST on Saturday 24 October 2026; clocks go back at 02:00 on the 25th.
    const discovered = london('2026-10-24T10:00');
    const deadline = reportDeadline(discovered.toISO() ?? '');
    expect(Date.parse(deadline) - discovered.toMillis()).toBe(72 * hour);
    expect(DateTime.fromISO(deadline).setZone('Europe/London').toFormat('yyyy-MM-dd HH:mm')).toBe('2026-10-27 09:00');
  });

  it('gives the same instant whatever offset discovery was written with', () => {
    expect(reportDeadline('2026-03-28T10:00:00Z')).toBe('2026-03-31T10:00:00.000Z');
    expect(reportDeadline('2026-03-28T11:00:00+01:00')).toBe('2026-03-31T10:00:00.000Z');
  });

  it('refuses a discovery time that is not a time', () => {
    expect(() => reportDeadline('not a time')).toThrow(RangeError);
  });
});

describe('timeLeft and overdue', () => {
  it('counts down from 72 hours and is overdue only once the deadline passes without a decision', () => {
    const i = incident();
    expect(timeLeft(i, new Date('2026-03-02T10:00:00Z'))).toBe(72 * hour);
    expect(timeLeft(i, new Date('2026-03-03T17:00:00Z'))).toBe(41 * hour);
    expect(overdue(i, new Date('2026-03-05T09:59:59Z'))).toBe(false);
    expect(overdue(i, new Date('2026-03-05T10:00:00Z'))).toBe(true);
    expect(timeLeft(i, new Date('2026-03-05T13:00:00Z'))).toBe(-3 * hour);
  });

  it('is never overdue once decided or closed', () => {
    const late = new Date('2026-03-09T00:00:00Z');
    expect(overdue(incident({ ico: { decision: 'no', decidedOn: '2026-03-03', reason: 'No risk' } }), late)).toBe(
      false,
    );
    expect(overdue(incident({ status: 'closed', closedAt: '2026-03-03T00:00:00.000Z' }), late)).toBe(false);
  });

  it('says the time left in plain words, and how long ago it ran out', () => {
    const deadline = '2026-03-05T10:00:00.000Z';
    expect(deadlineWords(deadline, new Date('2026-03-03T17:00:00Z'))).toBe(
      'Incident: 41 h left to decide whether to report',
    );
    expect(deadlineWords(deadline, new Date('2026-03-05T09:25:00Z'))).toBe(
      'Incident: 35 min left to decide whether to report',
    );
    expect(deadlineWords(deadline, new Date('2026-03-05T13:30:00Z'))).toBe(
      'Incident: the 72 hours to decide whether to report ran out 3 h ago',
    );
  });
});

describe('pendingDeadlines', () => {
  it('lists only open, undecided incidents, soonest first, with no text or client code', () => {
    const list = [
      incident({ id: 'inc-0000000a', discoveredAt: '2026-03-04T10:00:00.000Z', clientCodes: ['AB-017'] }),
      incident({ id: 'inc-0000000b', discoveredAt: '2026-03-02T10:00:00.000Z' }),
      incident({ id: 'inc-0000000c', status: 'closed', closedAt: '2026-03-03T00:00:00.000Z' }),
      incident({ id: 'inc-0000000d', ico: { decision: 'yes', decidedOn: '2026-03-03', reason: '' } }),
    ];
    expect(pendingDeadlines(list)).toEqual([
      { id: 'inc-0000000b', deadline: '2026-03-05T10:00:00.000Z' },
      { id: 'inc-0000000a', deadline: '2026-03-07T10:00:00.000Z' },
    ]);
  });
});

describe('incidentInputSchema', () => {
  const valid = {
    kind: 'overheard',
    what: 'A neighbour heard part of a session through the wall.',
    occurredAt: '2026-03-02T09:00:00Z',
    discoveredAt: '2026-03-02T10:00:00Z',
    clientCodes: [' AB-017 '],
    actions: '',
    ico: { decision: 'undecided', decidedOn: null, reason: '' },
  };

  it('accepts a complete incident and normalises client codes', () => {
    const parsed = incidentInputSchema.parse(valid);
    expect(parsed.clientCodes).toEqual(['AB-017']);
  });

  it.each([
    ['an empty description', { what: '   ' }, 'Say in a few words what happened.'],
    [
      'discovery before the incident',
      { occurredAt: '2026-03-02T11:00:00Z' },
      'It cannot have happened after it was discovered.',
    ],
    ['the same client twice', { clientCodes: ['AB-017', 'ab-017'] }, 'A client code is listed twice.'],
    ['a decision without a date', { ico: { decision: 'no', decidedOn: null, reason: '' } }, 'Give the date'],
    [
      'a date without a decision',
      { ico: { decision: 'undecided', decidedOn: '2026-03-03', reason: '' } },
      'only once you have decided',
    ],
    ['a hidden character in a client code', { clientCodes: ['AB\u202e017'] }, 'hidden or control character'],
    ['a local time without offset', { discoveredAt: '2026-03-02T10:00:00' }, ''],
    ['an unknown kind', { kind: 'flood' }, ''],
  ])('refuses %s', (_label, patch, message) => {
    const result = incidentInputSchema.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    if (message) expect(result.error?.issues.map((i) => i.message).join(' ')).toContain(message);
  });
});

describe('ICO questions', () => {
  it('names its source and links to the ICO self-assessment over https on ico.org.uk', () => {
    expect(icoSource.name).toBe('ICO, personal data breaches guidance');
    const url = new URL(icoSource.selfAssessmentUrl);
    expect(url.protocol).toBe('https:');
    expect(url.hostname).toBe('ico.org.uk');
    expect(icoQuestions.length).toBeGreaterThanOrEqual(4);
    expect(new Set(icoQuestions.map((q) => q.id)).size).toBe(icoQuestions.length);
    for (const q of icoQuestions) expect(q.question.length * q.help.length).toBeGreaterThan(0);
  });
});
