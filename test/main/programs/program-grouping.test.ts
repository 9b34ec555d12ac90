import { describe, expect, it } from 'vitest';

import { groupPrograms, rootsOf, selfAndAncestors } from '../../../main/programs/program-grouping';
import type { ProcessFacts } from '../../../shared/programs/program-matching';
import { programCatalog } from '../../../shared/programs/programs.catalog';

const p = (pid: number, ppid: number, exe: string): ProcessFacts => ({
  pid,
  ppid,
  name: exe.split('/').pop() ?? exe,
  exe,
  startKey: String(pid * 10),
  appBundle: null,
  flatpakId: null,
  snapName: null,
});

const table = [
  p(1, 0, '/sbin/init'),
  p(50, 1, '/usr/bin/gnome-shell'),
  p(100, 50, '/opt/google/chrome/chrome'),
  p(101, 100, '/opt/google/chrome/chrome'),
  p(102, 101, '/opt/google/chrome/chrome'),
  p(200, 50, '/usr/bin/syncthing'),
  p(201, 200, '/usr/bin/syncthing'),
  p(300, 50, '/usr/bin/bash'),
  p(400, 300, '/usr/bin/readyroom'),
  p(500, 50, '/usr/bin/slack'),
  p(501, 500, '/usr/bin/slack'),
];

describe('program grouping', () => {
  it('gives one group per program with its main processes', () => {
    const groups = groupPrograms({ processes: table, os: 'linux', entries: programCatalog, ownPid: 400 });
    const chrome = groups.find((g) => g.entry.id === 'chrome');
    expect(chrome?.processes.map((x) => x.pid)).toEqual([100, 101, 102]);
    expect(chrome?.roots.map((x) => x.pid)).toEqual([100]);
    expect(groups.find((g) => g.entry.id === 'syncthing')?.roots.map((x) => x.pid)).toEqual([200]);
    expect(groups.map((g) => g.entry.id).sort()).toEqual(['chrome', 'slack', 'syncthing']);
  });

  it('walks up from ReadyRoom to find its parents', () => {
    expect([...selfAndAncestors(table, 400)].sort((a, b) => a - b)).toEqual([1, 50, 300, 400]);
    expect([...selfAndAncestors(table, 9999)]).toEqual([9999]);
  });

  it('leaves out a whole program when ReadyRoom runs inside it or it is one of ReadyRoom’s own processes', () => {
    // ReadyRoom started from a Chrome helper: closing Chrome would close ReadyRoom.
    const inside = [...table, p(600, 102, '/usr/bin/readyroom')];
    const groups = groupPrograms({ processes: inside, os: 'linux', entries: programCatalog, ownPid: 600 });
    expect(groups.some((g) => g.entry.id === 'chrome')).toBe(false);
    const excluded = groupPrograms({
      processes: table,
      os: 'linux',
      entries: programCatalog,
      ownPid: 400,
      excludePids: [501],
    });
    expect(excluded.some((g) => g.entry.id === 'slack')).toBe(false);
  });

  it('finds roots as the processes whose parent is outside the set', () => {
    expect(rootsOf([p(5, 1, 'a'), p(6, 5, 'a'), p(7, 2, 'a')]).map((x) => x.pid)).toEqual([5, 7]);
  });
});
