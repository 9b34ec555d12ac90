import { describe, expect, it } from 'vitest';

import {
  classifyQuitError,
  createDarwinProcessOs,
  inspectArgs,
  listArgs,
  outermostAppBundle,
  parseDarwinPs,
  quitAppArgs,
} from '../../../../main/programs/os/darwin';
import type { ProcessFacts } from '../../../../shared/programs/program-matching';
import { readFixture, simulateMac } from './simulated-os';

const facts = (pid: number, extra: Partial<ProcessFacts> = {}): ProcessFacts => ({
  pid,
  ppid: 1,
  name: 'x',
  exe: '/opt/homebrew/bin/syncthing',
  startKey: '2025-03-03T08:12:00.000Z',
  appBundle: null,
  flatpakId: null,
  snapName: null,
  ...extra,
});

describe('macOS process module', () => {
  it('lists with ps by absolute path and fixed columns, with start times in UTC', async () => {
    const sim = simulateMac();
    await createDarwinProcessOs({ exec: sim.exec, uid: 501 }).listProcesses();
    expect(sim.calls).toEqual([
      { file: '/bin/ps', args: ['-axww', '-o', 'pid=,ppid=,uid=,lstart=,comm='], env: { TZ: 'UTC' } },
    ]);
    expect(listArgs).toEqual(['-axww', '-o', 'pid=,ppid=,uid=,lstart=,comm=']);
  });

  it('inspects chosen integer pids only', () => {
    expect(inspectArgs([600, 610, Number.NaN, -1])).toEqual([
      '-ww',
      '-o',
      'pid=,ppid=,uid=,lstart=,comm=',
      '-p',
      '600,610',
    ]);
  });

  it('parses ps output: paths with spaces, app bundles, start time as a UTC timestamp, zombies dropped', () => {
    const rows = parseDarwinPs(readFixture('darwin-ps.txt'));
    expect(rows.find((r) => r.pid === 610)).toEqual({
      pid: 610,
      ppid: 600,
      uid: 501,
      name: 'Google Chrome Helper (GPU)',
      exe: '/Applications/Google Chrome.app/Contents/Frameworks/Google Chrome Framework.framework/Versions/120.0.6099.109/Helpers/Google Chrome Helper (GPU).app/Contents/MacOS/Google Chrome Helper (GPU)',
      startKey: '2025-03-03T08:30:01.000Z',
      appBundle: '/Applications/Google Chrome.app',
      flatpakId: null,
      snapName: null,
    });
    expect(rows.find((r) => r.pid === 800)).toMatchObject({
      name: 'syncthing',
      appBundle: null,
      exe: '/opt/homebrew/bin/syncthing',
    });
    expect(rows.some((r) => r.pid === 1200)).toBe(false);
    expect(rows).toHaveLength(16);
  });

  it('inspects in UTC too, so a time zone change does not alter start times', async () => {
    const sim = simulateMac();
    const mac = createDarwinProcessOs({ exec: sim.exec, uid: 501 });
    expect((await mac.inspect([600]))?.get(600)?.startKey).toBe('2025-03-03T08:30:00.000Z');
    sim.zone.offsetHours = 9;
    expect((await mac.inspect([600]))?.get(600)?.startKey).toBe('2025-03-03T08:30:00.000Z');
    expect(sim.calls.at(-1)?.env).toEqual({ TZ: 'UTC' });
  });

  it('lists only the current user’s processes', async () => {
    const sim = simulateMac();
    const listed = (await createDarwinProcessOs({ exec: sim.exec, uid: 501 }).listProcesses()) ?? [];
    expect(listed.map((p) => p.pid)).not.toContain(950);
    expect(listed.map((p) => p.pid)).not.toContain(1);
    expect(listed.map((p) => p.pid)).toContain(600);
  });

  it('finds the outermost app bundle of a helper', () => {
    expect(
      outermostAppBundle('/Applications/Slack.app/Contents/Frameworks/Slack Helper.app/Contents/MacOS/Slack Helper'),
    ).toBe('/Applications/Slack.app');
    expect(outermostAppBundle('/opt/homebrew/bin/syncthing')).toBeNull();
  });

  it('asks an app to quit by bundle id passed as an argument, only if it is running', () => {
    expect(quitAppArgs('com.google.Chrome')).toEqual([
      '-e',
      'on run argv',
      '-e',
      'set bundleId to item 1 of argv',
      '-e',
      'if application id bundleId is running then tell application id bundleId to quit',
      '-e',
      'end run',
      'com.google.Chrome',
    ]);
  });

  it('sends the Apple Event through osascript and SIGTERM to programs outside app bundles', async () => {
    const sim = simulateMac();
    const mac = createDarwinProcessOs({ exec: sim.exec, uid: 501, kill: sim.kill });
    expect(
      await mac.requestQuit({
        roots: [facts(600)],
        all: [facts(600)],
        bundleId: 'com.google.Chrome',
        shutdownArgs: null,
      }),
    ).toEqual({
      status: 'sent',
    });
    expect(sim.calls.at(-1)).toEqual({ file: '/usr/bin/osascript', args: quitAppArgs('com.google.Chrome') });
    await mac.requestQuit({ roots: [facts(800)], all: [facts(800), facts(801)], bundleId: null, shutdownArgs: null });
    expect(sim.signals).toEqual([[800, 'SIGTERM']]);
  });

  it('explains a missing Automation permission and recognises other osascript errors', () => {
    const denied = classifyQuitError('execution error: Not authorized to send Apple events to Slack. (-1743)');
    expect(denied.status).toBe('denied');
    expect(denied.status === 'denied' ? denied.detail : '').toMatch(/Automation/);
    expect(classifyQuitError("execution error: Application isn't running. (-600)")).toEqual({ status: 'gone' });
    expect(classifyQuitError('execution error: User canceled. (-128)').status).toBe('not-sent');
    expect(classifyQuitError('something else').status).toBe('not-sent');
  });

  it('reads the bundle id from the app’s Info.plist with defaults, refusing odd values', async () => {
    const sim = simulateMac();
    const mac = createDarwinProcessOs({ exec: sim.exec, uid: 501 });
    expect(await mac.bundleIdOf('/Applications/Slack.app')).toBe('com.tinyspeck.slackmacgap');
    expect(sim.calls.at(-1)).toEqual({
      file: '/usr/bin/defaults',
      args: ['read', '/Applications/Slack.app/Contents/Info', 'CFBundleIdentifier'],
    });
    expect(await mac.bundleIdOf('/Applications/Nothing.app')).toBeNull();
  });

  it('reopens apps with open -b, app folders with open -a, and plain programs directly', async () => {
    const sim = simulateMac();
    const mac = createDarwinProcessOs({ exec: sim.exec, uid: 501, launch: sim.launch });
    expect(
      mac.relaunchTargetFor(facts(600, { appBundle: '/Applications/Google Chrome.app' }), 'com.google.Chrome'),
    ).toEqual({
      kind: 'bundle',
      bundleId: 'com.google.Chrome',
    });
    expect(mac.relaunchTargetFor(facts(1, { appBundle: '/Applications/Odd.app' }), null)).toEqual({
      kind: 'app',
      path: '/Applications/Odd.app',
    });
    await mac.relaunch({ kind: 'bundle', bundleId: 'com.google.Chrome' });
    await mac.relaunch({ kind: 'app', path: '/Applications/Odd.app' });
    await mac.relaunch({ kind: 'exec', path: '/opt/homebrew/bin/syncthing' });
    expect(sim.launched).toEqual([
      ['/usr/bin/open', ['-b', 'com.google.Chrome']],
      ['/usr/bin/open', ['-a', '/Applications/Odd.app']],
      ['/opt/homebrew/bin/syncthing', []],
    ]);
  });

  it('treats "none of these pids exist" as an answer and other ps failures as unknown', async () => {
    const sim = simulateMac();
    const mac = createDarwinProcessOs({ exec: sim.exec, uid: 501 });
    expect((await mac.inspect([99999]))?.size).toBe(0);
    const broken = createDarwinProcessOs({
      exec: async () => ({
        ok: false,
        stdout: '',
        stderr: 'x',
        code: null,
        signal: null,
        timedOut: true,
        spawnError: null,
        durationMs: 1,
      }),
      uid: 501,
    });
    expect(await broken.listProcesses()).toBeNull();
    expect(await broken.inspect([1])).toBeNull();
  });
});
