import { describe, expect, it } from 'vitest';

import type { ScheduledTask } from '../../../main/probes/platform/platform-types';
import { describeDue, dueInWindow, sessionWindow } from '../../../main/probes/session-window';

const now = new Date('2026-03-02T13:20:00Z');
const minutes = (n: number) => now.getTime() + n * 60_000;
const task = (over: Partial<ScheduledTask>): ScheduledTask => ({
  name: 'job',
  kind: 'backup',
  dueAt: null,
  running: false,
  everyMinutes: null,
  ...over,
});

describe('the session window', () => {
  it('runs from now to the end of a session of the set length that starts within the lead time', () => {
    const w = sessionWindow({ sessionMinutes: 50 }, now);
    expect(w).toEqual({ startMs: now.getTime(), endMs: minutes(65), minutes: 65, sessionMinutes: 50 });
  });

  it('counts running, due and frequently repeating tasks, but not later or long-stale ones', () => {
    const w = sessionWindow({ sessionMinutes: 60 }, now);
    expect(dueInWindow(task({ running: true }), w)).toBe(true);
    expect(dueInWindow(task({ dueAt: minutes(74) }), w)).toBe(true);
    expect(dueInWindow(task({ dueAt: minutes(76) }), w)).toBe(false);
    // Due a little while ago and not run yet: it may start any moment.
    expect(dueInWindow(task({ dueAt: minutes(-30) }), w)).toBe(true);
    expect(dueInWindow(task({ dueAt: minutes(-13 * 60) }), w)).toBe(false);
    expect(dueInWindow(task({ everyMinutes: 60 }), w)).toBe(true);
    expect(dueInWindow(task({ everyMinutes: 1440 }), w)).toBe(false);
    expect(dueInWindow(task({}), w)).toBe(false);
  });

  it('says when in plain words, without clock times that would need a time zone', () => {
    const w = sessionWindow({ sessionMinutes: 60 }, now);
    expect(describeDue(task({ running: true }), w)).toBe('is running now');
    expect(describeDue(task({ dueAt: minutes(40) }), w)).toBe('is due in 40 minutes');
    expect(describeDue(task({ dueAt: minutes(-5) }), w)).toBe('is due now');
    expect(describeDue(task({ everyMinutes: 60 }), w)).toBe('runs every hour');
    expect(describeDue(task({ everyMinutes: 30 }), w)).toBe('runs every 30 minutes');
  });
});
