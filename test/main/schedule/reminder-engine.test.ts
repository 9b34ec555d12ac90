import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createReminderEngine, type ReminderClock } from '../../../main/schedule/reminder-engine';
import type { ScheduleEntry } from '../../../shared/schedule/schedule';

/** The engine's clock port over vitest's fake timers: Date.now and setTimeout both move only when the test says. */
const fakeTimerClock: ReminderClock = {
  now: () => Date.now(),
  setTimer: (callback, ms) => setTimeout(callback, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Shown {
  readonly at: string;
  readonly text: string;
  readonly click: () => void;
}

function setup(options: {
  entries: ScheduleEntry[];
  zone: string;
  codes?: Record<string, string>;
  locked?: () => boolean;
  lead?: number | (() => number);
}) {
  const shown: Shown[] = [];
  const opened: string[] = [];
  const engine = createReminderEngine({
    clock: fakeTimerClock,
    notifier: { show: (text, click) => shown.push({ at: new Date().toISOString(), text, click }) },
    entries: () => options.entries,
    clientCode: (id) => (options.locked?.() ? null : (options.codes?.[id] ?? null)),
    namesClientInNotifications: () => true,
    leadMinutes: () => (typeof options.lead === 'function' ? options.lead() : (options.lead ?? 15)),
    displayZone: () => options.zone,
    onOpen: (occurrence) => opened.push(occurrence.startUtc),
  });
  return { engine, shown, opened };
}

function weekly(id: string, start: string, zone: string, extra: Partial<ScheduleEntry> = {}): ScheduleEntry {
  return { id, start, zone, durationMinutes: 50, platform: 'zoom', repeat: 'weekly', until: null, ...extra };
}

const hour = 3600_000;
const day = 24 * hour;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('reminder timing across daylight-saving changes', () => {
  it('Europe/London, clocks forward: a weekly 09:00 session is reminded at 08:45 local on both sides of the change', () => {
    vi.setSystemTime(new Date('2026-03-26T12:00:00Z'));
    const id = 'a1a1a1a1a1a1a1a1';
    const { engine, shown } = setup({
      entries: [weekly(id, '2026-03-20T09:00', 'Europe/London')],
      zone: 'Europe/London',
      codes: { [id]: 'AB-017' },
    });
    engine.start();
    vi.advanceTimersByTime(9 * day);
    // 27 March is GMT (UTC+0); 3 April is BST (UTC+1), so the same 08:45 is an hour earlier in UTC.
    expect(shown.map((s) => s.at)).toEqual(['2026-03-27T08:45:00.000Z', '2026-04-03T07:45:00.000Z']);
    expect(shown.map((s) => s.text)).toEqual([
      'Session with AB-017 at 09:00: check now',
      'Session with AB-017 at 09:00: check now',
    ]);
  });

  it('Europe/London, clocks back: the reminder moves an hour later in UTC and still reads 09:00', () => {
    vi.setSystemTime(new Date('2026-10-22T12:00:00Z'));
    const id = 'b2b2b2b2b2b2b2b2';
    const { engine, shown } = setup({
      entries: [weekly(id, '2026-10-16T09:00', 'Europe/London')],
      zone: 'Europe/London',
      codes: { [id]: 'CD-2' },
    });
    engine.start();
    vi.advanceTimersByTime(9 * day);
    expect(shown.map((s) => s.at)).toEqual(['2026-10-23T07:45:00.000Z', '2026-10-30T08:45:00.000Z']);
    expect(new Set(shown.map((s) => s.text))).toEqual(new Set(['Session with CD-2 at 09:00: check now']));
  });

  it('America/New_York, clocks forward (8 March): a Thursday 14:00 session stays at 14:00 local', () => {
    vi.setSystemTime(new Date('2026-03-04T12:00:00Z'));
    const id = 'c3c3c3c3c3c3c3c3';
    const { engine, shown } = setup({
      entries: [weekly(id, '2026-03-05T14:00', 'America/New_York')],
      zone: 'America/New_York',
      codes: { [id]: 'NY-1' },
    });
    engine.start();
    vi.advanceTimersByTime(9 * day);
    // EST is UTC−5, EDT UTC−4.
    expect(shown.map((s) => s.at)).toEqual(['2026-03-05T18:45:00.000Z', '2026-03-12T17:45:00.000Z']);
    expect(shown.every((s) => s.text === 'Session with NY-1 at 14:00: check now')).toBe(true);
  });

  it('America/New_York, clocks back (1 November): fortnightly sessions keep 14:00 local', () => {
    vi.setSystemTime(new Date('2026-10-20T12:00:00Z'));
    const id = 'd4d4d4d4d4d4d4d4';
    const { engine, shown } = setup({
      entries: [weekly(id, '2026-10-22T14:00', 'America/New_York', { repeat: 'fortnightly' })],
      zone: 'America/New_York',
      codes: { [id]: 'NY-2' },
    });
    engine.start();
    vi.advanceTimersByTime(17 * day);
    expect(shown.map((s) => s.at)).toEqual(['2026-10-22T17:45:00.000Z', '2026-11-05T18:45:00.000Z']);
    expect(shown.every((s) => s.text === 'Session with NY-2 at 14:00: check now')).toBe(true);
  });

  it('shows the time on the computer’s own clock when it is in another zone than the session', () => {
    vi.setSystemTime(new Date('2026-03-26T12:00:00Z'));
    const id = 'e5e5e5e5e5e5e5e5';
    const { engine, shown } = setup({
      entries: [weekly(id, '2026-03-27T09:00', 'Europe/London', { repeat: 'none' })],
      zone: 'America/New_York',
      codes: { [id]: 'AB-017' },
    });
    engine.start();
    vi.advanceTimersByTime(2 * day);
    // 27 March: London is still on GMT but New York already on EDT (UTC−4).
    expect(shown.map((s) => s.text)).toEqual(['Session with AB-017 at 05:00: check now']);
  });
});

describe('sleep and wake', () => {
  const id = 'f6f6f6f6f6f6f6f6';
  const entries = [weekly(id, '2026-06-10T14:00', 'Europe/London', { repeat: 'none' })];

  /** The computer sleeps: wall time jumps while no timer runs; on waking the OS says so (powerMonitor resume). */
  function sleepUntil(iso: string, engine: { wake(): void }): void {
    vi.setSystemTime(new Date(iso));
    engine.wake();
  }

  it('a reminder that fell due during sleep is not shown late; one "you missed a reminder" is, as the session has not started', () => {
    vi.setSystemTime(new Date('2026-06-10T12:00:00Z')); // 13:00 BST
    const { engine, shown } = setup({ entries, zone: 'Europe/London', codes: { [id]: 'AB-017' } });
    engine.start();
    vi.advanceTimersByTime(10 * 60_000); // awake until 13:10
    sleepUntil('2026-06-10T12:52:00Z', engine); // wakes at 13:52, the 13:45 reminder missed
    vi.advanceTimersByTime(2 * hour); // the timer set before sleep fires now too: no second notice
    expect(shown.map((s) => s.text)).toEqual([
      'You missed a reminder: session with AB-017 at 14:00 has not started yet. Check now',
    ]);
    expect(shown[0]?.at).toBe('2026-06-10T12:52:00.000Z');
  });

  it('nothing is shown when the session had already started before the computer woke', () => {
    vi.setSystemTime(new Date('2026-06-10T12:00:00Z'));
    const { engine, shown } = setup({ entries, zone: 'Europe/London', codes: { [id]: 'AB-017' } });
    engine.start();
    sleepUntil('2026-06-10T13:20:00Z', engine); // 14:20 BST
    vi.advanceTimersByTime(2 * hour);
    expect(shown).toEqual([]);
  });

  it('a timer that fires late after sleep (no resume event) is treated the same way', () => {
    vi.setSystemTime(new Date('2026-06-10T12:00:00Z'));
    const { engine, shown } = setup({ entries, zone: 'Europe/London', codes: { [id]: 'AB-017' } });
    engine.start();
    vi.advanceTimersByTime(31 * 60_000); // 13:31 BST; the next timer is due at 13:45
    vi.setSystemTime(new Date('2026-06-10T12:40:00Z')); // slept nine minutes; timers stood still
    vi.advanceTimersByTime(14 * 60_000); // the timer fires at 13:54, nine minutes late
    expect(shown.map((s) => s.at)).toEqual(['2026-06-10T12:54:00.000Z']);
    expect(shown.map((s) => s.text)).toEqual([
      'You missed a reminder: session with AB-017 at 14:00 has not started yet. Check now',
    ]);
  });

  it('several reminders missed in one sleep give one notice, for the soonest session still to come', () => {
    const two = [
      weekly('1111111111111111', '2026-06-10T14:00', 'Europe/London', { repeat: 'none' }),
      weekly('2222222222222222', '2026-06-10T14:05', 'Europe/London', { repeat: 'none' }),
    ];
    vi.setSystemTime(new Date('2026-06-10T12:00:00Z'));
    const { engine, shown } = setup({ entries: two, zone: 'Europe/London', codes: {} });
    engine.start();
    sleepUntil('2026-06-10T12:58:00Z', engine);
    expect(shown.map((s) => s.text)).toEqual([
      'You missed a reminder: session at 14:00 has not started yet. Check now',
    ]);
  });
});

describe('privacy and changes to the schedule', () => {
  it('while the vault is locked the notification names no client code', () => {
    vi.setSystemTime(new Date('2026-06-10T12:00:00Z'));
    const id = '7777777777777777';
    const { engine, shown } = setup({
      entries: [weekly(id, '2026-06-10T14:00', 'Europe/London', { repeat: 'none' })],
      zone: 'Europe/London',
      codes: { [id]: 'AB-017' },
      locked: () => true,
    });
    engine.start();
    vi.advanceTimersByTime(2 * hour);
    expect(shown.map((s) => s.text)).toEqual(['Session at 14:00: check now']);
    expect(JSON.stringify(shown)).not.toContain('AB-017');
    expect(engine.nextSession()).toBeNull();
  });

  it('a deleted session is not reminded', () => {
    vi.setSystemTime(new Date('2026-06-10T12:00:00Z'));
    const id = '8888888888888888';
    const entries = [weekly(id, '2026-06-10T14:00', 'Europe/London', { repeat: 'none' })];
    const { engine, shown } = setup({ entries, zone: 'Europe/London', codes: { [id]: 'AB-017' } });
    engine.start();
    vi.advanceTimersByTime(30 * 60_000);
    entries.splice(0); // deleted from the schedule
    engine.refresh();
    vi.advanceTimersByTime(2 * hour);
    expect(shown).toEqual([]);
  });

  it('the reminder comes the set lead time before, and clicking it opens the check for that session', () => {
    vi.setSystemTime(new Date('2026-06-10T12:00:00Z'));
    const id = '9999999999999999';
    const { engine, shown, opened } = setup({
      entries: [weekly(id, '2026-06-10T14:00', 'Europe/London', { repeat: 'none' })],
      zone: 'Europe/London',
      codes: { [id]: 'AB-017' },
      lead: 30,
    });
    engine.start();
    vi.advanceTimersByTime(2 * hour);
    expect(shown.map((s) => s.at)).toEqual(['2026-06-10T12:30:00.000Z']);
    shown[0]?.click();
    expect(opened).toEqual(['2026-06-10T13:00:00.000Z']);
  });

  it('nextSession labels the next session, with the client code only while the vault is open', () => {
    vi.setSystemTime(new Date('2026-06-08T12:00:00Z'));
    const id = 'aaaaaaaaaaaaaaaa';
    let locked = false;
    const { engine } = setup({
      entries: [weekly(id, '2026-06-03T14:00', 'Europe/London')],
      zone: 'Europe/London',
      codes: { [id]: 'AB-017' },
      locked: () => locked,
    });
    expect(engine.nextSession()).toEqual({ label: 'Next session: AB-017, Wed 10 Jun, 14:00' });
    locked = true;
    expect(engine.nextSession()).toEqual({ label: 'Next session: Wed 10 Jun, 14:00' });
  });

  it('a new lead time takes effect at once; a moment it puts in the past gives no late notice', () => {
    const id = 'cccccccccccccccc';
    const entries = [weekly(id, '2026-06-10T14:00', 'Europe/London', { repeat: 'none' })];
    for (const [newLead, expected] of [
      [20, ['2026-06-10T12:40:00.000Z']], // 13:40 BST is still ahead
      [45, []], // 13:15 BST has passed: no "missed" notice for a change the therapist just made
    ] as const) {
      vi.setSystemTime(new Date('2026-06-10T12:30:00Z')); // 13:30 BST, the session at 14:00
      let lead = 15;
      const { engine, shown } = setup({ entries, zone: 'Europe/London', codes: { [id]: 'AB-017' }, lead: () => lead });
      engine.start();
      lead = newLead;
      engine.refresh();
      vi.advanceTimersByTime(2 * hour);
      expect(shown.map((s) => s.at)).toEqual(expected);
      engine.stop();
    }
  });

  it('a session ended by its end date is not reminded after it', () => {
    vi.setSystemTime(new Date('2026-06-01T12:00:00Z'));
    const id = 'bbbbbbbbbbbbbbbb';
    const { engine, shown } = setup({
      entries: [weekly(id, '2026-06-03T14:00', 'Europe/London', { until: '2026-06-10' })],
      zone: 'Europe/London',
      codes: { [id]: 'AB-017' },
    });
    engine.start();
    vi.advanceTimersByTime(30 * day);
    expect(shown.map((s) => s.at)).toEqual(['2026-06-03T12:45:00.000Z', '2026-06-10T12:45:00.000Z']);
  });
});
