import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';

import {
  awaitingDecision,
  closedAwaitingDecision,
  deadlineWords,
  enteredTextProblem,
  icoDecisionProblem,
  incidentInputSchema,
  incidentLogSchema,
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

  it('is never overdue once decided, open or closed', () => {
    const late = new Date('2026-03-09T00:00:00Z');
    const no = { decision: 'no', decidedOn: '2026-03-03', reason: 'No risk' } as const;
    expect(overdue(incident({ ico: no }), late)).toBe(false);
    expect(overdue(incident({ ico: no, status: 'closed', closedAt: '2026-03-03T00:00:00.000Z' }), late)).toBe(false);
  });

  it('keeps running after an undecided incident is closed: closing does not settle whether to report', () => {
    const closed = incident({ status: 'closed', closedAt: '2026-03-03T00:00:00.000Z' });
    expect(awaitingDecision(closed)).toBe(true);
    expect(closedAwaitingDecision(closed)).toBe(true);
    expect(closedAwaitingDecision(incident())).toBe(false);
    expect(overdue(closed, new Date('2026-03-05T10:00:00Z'))).toBe(true);
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
  it('lists the undecided incidents, open or closed, soonest first, with no text or client code', () => {
    const closed = { status: 'closed', closedAt: '2026-03-04T00:00:00.000Z' } as const;
    const list = [
      incident({ id: 'inc-0000000a', discoveredAt: '2026-03-04T10:00:00.000Z', clientCodes: ['AB-017'] }),
      incident({ id: 'inc-0000000b', discoveredAt: '2026-03-02T10:00:00.000Z' }),
      incident({ id: 'inc-0000000c', discoveredAt: '2026-03-03T10:00:00.000Z', ...closed }),
      incident({ id: 'inc-0000000d', ico: { decision: 'yes', decidedOn: '2026-03-03', reason: '' } }),
      incident({ id: 'inc-0000000e', ico: { decision: 'no', decidedOn: '2026-03-03', reason: 'x' }, ...closed }),
    ];
    expect(pendingDeadlines(list)).toEqual([
      { id: 'inc-0000000b', deadline: '2026-03-05T10:00:00.000Z' },
      { id: 'inc-0000000c', deadline: '2026-03-06T10:00:00.000Z' },
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
    [
      'a right-to-left override in what happened',
      { what: 'Sent to \u202egnorw the person' },
      'What happened contains a hidden character (U+202E), perhaps from copying and pasting. Type that part again by hand.',
    ],
    [
      'a zero-width space in the actions taken',
      { actions: 'Asked\u200bthem to delete it' },
      'Actions taken contains a hidden character (U+200B)',
    ],
    [
      'a bidi isolate in the ICO note',
      { ico: { decision: 'no', decidedOn: '2026-03-03', reason: 'Low \u2066risk' } },
      'contains a hidden character (U+2066)',
    ],
    ['a control character in what happened', { what: 'Bell\u0007' }, 'hidden character (U+0007)'],
    ['a local time without offset', { discoveredAt: '2026-03-02T10:00:00' }, ''],
    ['an unknown kind', { kind: 'flood' }, ''],
  ])('refuses %s', (_label, patch, message) => {
    const result = incidentInputSchema.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    if (message) expect(result.error?.issues.map((i) => i.message).join(' ')).toContain(message);
  });
});

describe('entered text', () => {
  it('allows line breaks and tabs in multi-line text, and any visible character', () => {
    expect(enteredTextProblem('What happened', 'First line\n\tSecond line: Zoë, 東京, café')).toBeNull();
    const parsed = incidentInputSchema.safeParse({
      kind: 'other',
      what: 'Line one\nLine two',
      occurredAt: null,
      discoveredAt: '2026-03-02T10:00:00Z',
      clientCodes: [],
      actions: 'One\n\tTwo',
      ico: { decision: 'undecided', decidedOn: null, reason: '' },
    });
    expect(parsed.success).toBe(true);
  });

  it.each([
    ['U+202A', '\u202a'],
    ['U+202E', '\u202e'],
    ['U+2066', '\u2066'],
    ['U+2069', '\u2069'],
    ['U+200B', '\u200b'],
    ['U+200D', '\u200d'],
    ['U+200E', '\u200e'],
    ['U+200F', '\u200f'],
    ['U+FEFF', '\ufeff'],
    ['U+FE0F', '\ufe0f'],
    ['U+001B', '\u001b'],
    ['U+009B', '\u009b'],
    ['U+2028', '\u2028'],
  ])('refuses the hidden character %s, naming it', (name, char) => {
    expect(enteredTextProblem('Actions taken', `before${char}after`)).toBe(
      `Actions taken contains a hidden character (${name}), perhaps from copying and pasting. Type that part again by hand.`,
    );
  });

  it('accepts emoji an earlier version let in (a heart, a family, a keycap, the flag of Wales) and keeps CRLF as LF', () => {
    const emoji =
      'Sorry \u2764\ufe0f \u{1f468}\u200d\u{1f469}\u200d\u{1f467} 1\ufe0f\u20e3 \u{1f3f4}\u{e0067}\u{e0062}\u{e0077}\u{e006c}\u{e0073}\u{e007f}';
    const parsed = incidentInputSchema.parse({
      kind: 'other',
      what: `${emoji}\r\nSecond line\rThird`,
      occurredAt: null,
      discoveredAt: '2026-03-02T10:00:00Z',
      clientCodes: [],
      actions: 'One\r\nTwo',
      ico: { decision: 'no', decidedOn: '2026-03-03', reason: `Low risk \u{1f44d}\u{1f3fd}\r\nsee notes` },
    });
    expect(parsed.what).toBe(`${emoji}\nSecond line\nThird`);
    expect(parsed.actions).toBe('One\nTwo');
    expect(parsed.ico.reason).toBe('Low risk \u{1f44d}\u{1f3fd}\nsee notes');
  });

  it('refuses a bidi control next to an emoji, naming it', () => {
    expect(enteredTextProblem('What happened', '\u2764\ufe0f\u2066x')).toContain('(U+2066)');
  });

  it('still reads a stored log whose words an earlier version let through, so nothing becomes unreadable', () => {
    const stored = incident({ what: 'Old words\u200b', actions: 'Line\r\nbreak' });
    expect(incidentLogSchema.safeParse({ incidents: [stored] }).success).toBe(true);
  });
});

describe('icoDecisionProblem', () => {
  const discoveredAt = '2026-03-02T12:00:00Z';
  it('wants a decision with a date that is not after today', () => {
    expect(icoDecisionProblem({ decision: 'yes', decidedOn: '2026-03-03', reason: '' }, '2026-03-03', null)).toBeNull();
    expect(icoDecisionProblem({ decision: 'undecided', decidedOn: null, reason: '' }, '2026-03-03', null)).toContain(
      'Say whether',
    );
    expect(icoDecisionProblem({ decision: 'no', decidedOn: null, reason: '' }, '2026-03-03', null)).toContain(
      'Give the date',
    );
    expect(icoDecisionProblem({ decision: 'no', decidedOn: '2026-03-04', reason: '' }, '2026-03-03', null)).toContain(
      'cannot be in the future',
    );
  });

  it('refuses a date before the day the incident was found out, in plain words, and accepts that day itself', () => {
    expect(
      icoDecisionProblem({ decision: 'yes', decidedOn: '2020-01-01', reason: '' }, '2026-03-03', discoveredAt),
    ).toBe('The date you reported it, or decided not to, cannot be before you found out about it (2 March 2026).');
    expect(
      icoDecisionProblem({ decision: 'no', decidedOn: '2026-03-01', reason: '' }, '2026-03-03', discoveredAt),
    ).toContain('cannot be before you found out');
    expect(
      icoDecisionProblem({ decision: 'no', decidedOn: '2026-03-02', reason: '' }, '2026-03-03', discoveredAt),
    ).toBeNull();
  });

  it('counts the day of discovery on this computer’s calendar, not in UTC', () => {
    // Late in the evening here may already be tomorrow in UTC (or the other way round).
    const late = DateTime.local(2026, 3, 2, 23, 30).toUTC().toISO() ?? '';
    expect(icoDecisionProblem({ decision: 'yes', decidedOn: '2026-03-02', reason: '' }, '2026-03-03', late)).toBeNull();
    const early = DateTime.local(2026, 3, 2, 0, 30).toUTC().toISO() ?? '';
    expect(icoDecisionProblem({ decision: 'yes', decidedOn: '2026-03-01', reason: '' }, '2026-03-03', early)).toContain(
      'cannot be before',
    );
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
