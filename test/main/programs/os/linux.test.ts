import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import {
  createLinuxProcessOs,
  parseCgroupSandbox,
  parseProcStat,
  parseStatusUid,
} from '../../../../main/programs/os/linux';
import type { KillFn } from '../../../../main/programs/process-os';
import type { ProcessFacts } from '../../../../shared/programs/program-matching';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/programs/${name}`, import.meta.url), 'utf8');

const facts = (pid: number, ppid: number, extra: Partial<ProcessFacts> = {}): ProcessFacts => ({
  pid,
  ppid,
  name: 'x',
  exe: '/usr/bin/x',
  startKey: '1',
  appBundle: null,
  flatpakId: null,
  snapName: null,
  ...extra,
});

describe('Linux procfs parsers', () => {
  it('reads a process name that contains spaces', () => {
    expect(parseProcStat(fixture('linux-stat-spaces.txt'))).toEqual({
      comm: 'Web Content',
      state: 'S',
      ppid: 4200,
      flags: 4194560,
      startTime: '987654',
    });
  });

  it('reads a process name that contains parentheses', () => {
    expect(parseProcStat(fixture('linux-stat-parens.txt'))).toMatchObject({
      comm: 'odd) name)',
      state: 'R',
      ppid: 1,
      startTime: '123456',
    });
  });

  it('marks kernel threads through their flags', () => {
    const stat = parseProcStat(fixture('linux-stat-kthread.txt'));
    expect((stat?.flags ?? 0) & 0x00200000).not.toBe(0);
  });

  it('returns null for text that is not a stat line', () => {
    expect(parseProcStat('')).toBeNull();
    expect(parseProcStat('12 (x) S')).toBeNull();
  });

  it('reads the real uid from status', () => {
    expect(parseStatusUid('Name:\tbash\nUid:\t1000\t1000\t1000\t1000\nGid:\t1000\n')).toBe(1000);
    expect(parseStatusUid('Name:\tbash\n')).toBeNull();
  });

  it('finds the Flatpak app id and the snap name in the cgroup', () => {
    expect(parseCgroupSandbox(fixture('linux-cgroup-flatpak.txt'))).toEqual({
      flatpakId: 'com.spotify.Client',
      snapName: null,
    });
    expect(parseCgroupSandbox(fixture('linux-cgroup-snap.txt'))).toEqual({ flatpakId: null, snapName: 'firefox' });
    expect(parseCgroupSandbox(fixture('linux-cgroup-plain.txt'))).toEqual({ flatpakId: null, snapName: null });
  });
});

describe('Linux process module', () => {
  const children: ReturnType<typeof spawn>[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });

  it.runIf(process.platform === 'linux')(
    'lists this user’s real processes with executable and start time, and sees them end',
    async () => {
      const linux = createLinuxProcessOs({ uid: process.getuid?.() ?? 0 });
      const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 60000)'], { stdio: 'ignore' });
      children.push(child);
      const pid = child.pid ?? -1;
      const listed = (await linux.listProcesses())?.find((p) => p.pid === pid);
      expect(listed).toMatchObject({ pid, ppid: process.pid, exe: process.execPath });
      expect(listed?.startKey).toMatch(/^\d+$/);
      expect((await linux.listProcesses())?.some((p) => p.pid === 2)).toBe(false);

      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      expect((await linux.inspect([pid]))?.has(pid)).toBe(false);
    },
  );

  it.runIf(process.platform === 'linux')('lists nobody’s processes for a uid that owns none', async () => {
    const linux = createLinuxProcessOs({ uid: 4_000_000 });
    expect(await linux.listProcesses()).toEqual([]);
  });

  it('asks main processes with SIGTERM and forces every process with SIGKILL', async () => {
    const sent: [number, string][] = [];
    const kill: KillFn = (pid, signal) => void sent.push([pid, signal]);
    const linux = createLinuxProcessOs({ uid: 1000, kill });
    const target = { roots: [facts(10, 1)], all: [facts(10, 1), facts(11, 10)], bundleId: null, shutdownArgs: null };
    expect(await linux.requestQuit(target)).toEqual({ status: 'sent' });
    expect(await linux.forceQuit(target)).toEqual({ status: 'sent' });
    expect(sent).toEqual([
      [10, 'SIGTERM'],
      [10, 'SIGKILL'],
      [11, 'SIGKILL'],
    ]);
  });

  it('reports denied on EPERM and gone on ESRCH', async () => {
    const failWith =
      (code: string): KillFn =>
      () => {
        throw Object.assign(new Error(code), { code });
      };
    const target = { roots: [facts(10, 1)], all: [facts(10, 1)], bundleId: null, shutdownArgs: null };
    expect((await createLinuxProcessOs({ uid: 1, kill: failWith('EPERM') }).requestQuit(target)).status).toBe('denied');
    expect((await createLinuxProcessOs({ uid: 1, kill: failWith('ESRCH') }).requestQuit(target)).status).toBe('gone');
  });

  it('reopens Flatpaks through flatpak, snaps through /snap/bin, and not AppImages', async () => {
    const launched: [string, readonly string[]][] = [];
    const linux = createLinuxProcessOs({
      uid: 1,
      launch: async (file, args) => {
        launched.push([file, args]);
        return { ok: true };
      },
    });
    const flatpak = linux.relaunchTargetFor(
      facts(1, 1, { flatpakId: 'com.spotify.Client', exe: '/app/extra/spotify' }),
      null,
    );
    expect(flatpak).toEqual({ kind: 'flatpak', appId: 'com.spotify.Client' });
    expect(linux.relaunchTargetFor(facts(1, 1, { snapName: 'firefox' }), null)).toEqual({
      kind: 'exec',
      path: '/snap/bin/firefox',
    });
    expect(linux.relaunchTargetFor(facts(1, 1, { exe: '/tmp/.mount_Obsidi1x2/obsidian' }), null)).toBeNull();
    expect(linux.relaunchTargetFor(facts(1, 1, { exe: '/usr/bin/syncthing (deleted)' }), null)).toEqual({
      kind: 'exec',
      path: '/usr/bin/syncthing',
    });
    expect(linux.relaunchTargetFor(facts(1, 1, { exe: null }), null)).toBeNull();

    await linux.relaunch({ kind: 'flatpak', appId: 'com.spotify.Client' });
    await linux.relaunch({ kind: 'exec', path: '/usr/bin/syncthing' });
    expect(launched).toEqual([
      ['flatpak', ['run', 'com.spotify.Client']],
      ['/usr/bin/syncthing', []],
    ]);
  });
});
