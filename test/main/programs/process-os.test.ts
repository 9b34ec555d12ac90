import { describe, expect, it } from 'vitest';

import { sameProcess, stillRunning } from '../../../main/programs/process-os';
import type { ProcessFacts } from '../../../shared/programs/program-matching';

const facts = (extra: Partial<ProcessFacts> = {}): ProcessFacts => ({
  pid: 100,
  ppid: 1,
  name: 'syncthing',
  exe: '/usr/bin/syncthing',
  startKey: '2025-03-03T08:12:00.000Z',
  appBundle: null,
  flatpakId: null,
  snapName: null,
  ...extra,
});

describe('stillRunning', () => {
  it('counts the same pid with the same start time as running, whatever its executable now shows', () => {
    expect(stillRunning(facts(), facts())).toBe(true);
    expect(stillRunning(facts(), facts({ exe: '/usr/bin/syncthing (deleted)' }))).toBe(true);
    expect(stillRunning(facts(), facts({ exe: '/opt/other/bin/thing' }))).toBe(true);
    expect(stillRunning(facts(), facts({ exe: null }))).toBe(true);
  });

  it('allows start times two seconds apart', () => {
    expect(stillRunning(facts(), facts({ startKey: '2025-03-03T08:12:02.000Z' }))).toBe(true);
    expect(stillRunning(facts(), facts({ startKey: '2025-03-03T08:11:58.4000000Z' }))).toBe(true);
  });

  it('counts a missing pid or a clearly different start time as gone', () => {
    expect(stillRunning(facts(), undefined)).toBe(false);
    expect(stillRunning(facts(), facts({ startKey: '2025-03-03T08:12:05.000Z' }))).toBe(false);
    expect(stillRunning(facts(), facts({ startKey: '2025-03-03T09:12:00.000Z' }))).toBe(false);
    expect(stillRunning(facts(), facts({ pid: 101 }))).toBe(false);
  });

  it('compares Linux start ticks exactly', () => {
    expect(stillRunning(facts({ startKey: '987654' }), facts({ startKey: '987654' }))).toBe(true);
    expect(stillRunning(facts({ startKey: '987654' }), facts({ startKey: '987655' }))).toBe(false);
  });

  it('does not count a process as gone when its start time cannot be read now', () => {
    expect(stillRunning(facts(), facts({ startKey: null }))).toBe(true);
  });
});

describe('sameProcess', () => {
  it('matches an executable that Linux marks as deleted after an update', () => {
    expect(sameProcess(facts({ startKey: '42' }), facts({ startKey: '42', exe: '/usr/bin/syncthing (deleted)' }))).toBe(
      true,
    );
  });

  it('stays strict before a signal: a different executable, start time or unknown identity does not match', () => {
    expect(sameProcess(facts(), facts({ exe: '/opt/other/bin/thing' }))).toBe(false);
    expect(sameProcess(facts(), facts({ startKey: '2025-03-03T08:12:01.000Z' }))).toBe(false);
    expect(sameProcess(facts(), facts({ exe: null }))).toBe(false);
    expect(sameProcess(facts(), facts({ startKey: null }))).toBe(false);
    expect(sameProcess(facts({ exe: null }), facts())).toBe(false);
    expect(sameProcess(facts(), undefined)).toBe(false);
  });
});
