import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createDarwinProcessOs, quitAppArgs } from '../../../main/programs/os/darwin';
import { createWin32ProcessOs, listScript } from '../../../main/programs/os/win32';
import { createProgramsService } from '../../../main/programs/programs-service';
import type { ProgramRow } from '../../../shared/programs/program-types';
import { fakeClock, simulateMac, simulateWindows } from './os/simulated-os';
import { settingsWith } from './stand-ins';

const byName = (rows: readonly ProgramRow[], name: string) => rows.find((r) => r.name === name);
const powershell = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';
const taskkill = 'C:\\Windows\\System32\\taskkill.exe';

let dataDir = '';
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rr-programs-sim-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('programs service on Windows (simulated from fixtures)', () => {
  function setup(stubborn: number[] = []) {
    const sim = simulateWindows({ stubborn });
    const clock = fakeClock();
    const service = createProgramsService({
      os: 'win32',
      dataDir,
      getSettings: () => settingsWith([]),
      ownPid: 5010,
      processOs: createWin32ProcessOs({ exec: sim.exec, systemRoot: 'C:\\Windows', launch: sim.launch }),
      ...clock,
    });
    return { sim, service };
  }

  it('lists one row per program and never the OS, ReadyRoom or the session platform', async () => {
    const { service } = setup();
    const rows = await service.list({ platform: 'zoom' });
    expect(rows.map((r) => r.name).sort()).toEqual(['Dropbox', 'Google Chrome', 'OneDrive', 'Spotify', 'TeamViewer']);
    expect(byName(rows, 'Google Chrome')?.pids).toEqual([1000, 1010, 1020]);
    expect(byName(rows, 'TeamViewer')?.category).toBe('remote-access');
    // Path and start time unreadable (e.g. an elevated process): shown, but not closable.
    expect(byName(rows, 'Dropbox')).toMatchObject({ closable: false });
    expect(byName(rows, 'Dropbox')?.reason).toMatch(/quit it yourself/);
    expect(byName(await service.list({ platform: 'teams' }), 'Zoom')?.category).toBe('video');
  });

  it('closes with the program’s own shutdown command or taskkill without /F, checking identity first', async () => {
    const { sim, service } = setup();
    const rows = await service.list({ platform: 'zoom' });
    sim.calls.length = 0;
    const results = await service.close([byName(rows, 'OneDrive')?.id ?? '', byName(rows, 'Google Chrome')?.id ?? '']);
    expect(results.map((r) => [r.name, r.outcome])).toEqual([
      ['OneDrive', 'closed'],
      ['Google Chrome', 'closed'],
    ]);
    const commands = sim.calls.map((c) => (c.file === powershell ? 'powershell' : `${c.file} ${c.args.join(' ')}`));
    expect(commands).toEqual([
      'powershell',
      'powershell',
      'C:\\Users\\sam\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe /shutdown',
      `${taskkill} /PID 1000`,
      'powershell',
    ]);
    expect(
      sim.calls.filter((c) => c.file === powershell).every((c) => c.input !== listScript && c.args.at(-1) === '-'),
    ).toBe(true);
    expect(sim.calls.some((c) => c.args.includes('/F'))).toBe(false);
  });

  it('reports still-running for a windowless program and forces it only when asked', async () => {
    const { sim, service } = setup([2100]);
    const id = byName(await service.list({ platform: 'zoom' }), 'TeamViewer')?.id ?? '';
    const [polite] = await service.close([id]);
    expect(polite?.outcome).toBe('still-running');
    expect(sim.alive.has(2100)).toBe(true);
    const [forced] = await service.close([id], { force: true });
    expect(forced?.outcome).toBe('closed');
    expect(sim.calls.filter((c) => c.file === taskkill).map((c) => c.args)).toEqual([
      ['/PID', '2100'],
      ['/F', '/PID', '2100'],
    ]);
  });

  it('reopens closed programs by path and keeps Store apps it cannot start', async () => {
    const { sim, service } = setup();
    const rows = await service.list({ platform: 'zoom' });
    await service.close([byName(rows, 'Google Chrome')?.id ?? '', byName(rows, 'Spotify')?.id ?? '']);
    const results = await service.reopen();
    expect(results.map((r) => [r.name, r.outcome])).toEqual([
      ['Google Chrome', 'reopened'],
      ['Spotify', 'failed'],
    ]);
    expect(sim.launched).toEqual([['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', []]]);
    expect(await service.closed()).toEqual([{ name: 'Spotify', category: 'media' }]);
  });
});

describe('programs service on macOS (simulated from fixtures)', () => {
  function setup(automationDenied: string[] = []) {
    const sim = simulateMac({ automationDenied });
    const service = createProgramsService({
      os: 'darwin',
      dataDir,
      getSettings: () => settingsWith([]),
      ownPid: 1001,
      processOs: createDarwinProcessOs({ exec: sim.exec, uid: 501, kill: sim.kill, launch: sim.launch }),
      ...fakeClock(),
    });
    return { sim, service };
  }

  it('groups helpers under their app and leaves out the system, other users and ReadyRoom', async () => {
    const { service } = setup();
    const rows = await service.list({ platform: 'zoom' });
    expect(rows.map((r) => r.name).sort()).toEqual(['Google Chrome', 'Slack', 'Syncthing', 'TeamViewer']);
    expect(byName(rows, 'Google Chrome')?.pids).toEqual([600, 610, 611]);
    expect(byName(rows, 'Syncthing')).toMatchObject({ category: 'sync', pids: [800, 801] });
  });

  it('quits apps with an Apple Event and command-line programs with SIGTERM to the main process', async () => {
    const { sim, service } = setup();
    const rows = await service.list({ platform: 'zoom' });
    const results = await service.close([byName(rows, 'Google Chrome')?.id ?? '', byName(rows, 'Syncthing')?.id ?? '']);
    expect(results.map((r) => r.outcome)).toEqual(['closed', 'closed']);
    expect(sim.calls.filter((c) => c.file === '/usr/bin/osascript').map((c) => c.args)).toEqual([
      quitAppArgs('com.google.Chrome'),
    ]);
    expect(sim.signals).toEqual([[800, 'SIGTERM']]);
  });

  it('recognises the same running apps after the Mac changes time zone between listing and closing', async () => {
    const { sim, service } = setup();
    const rows = await service.list({ platform: 'zoom' });
    sim.zone.offsetHours = -5;
    const results = await service.close([byName(rows, 'Google Chrome')?.id ?? '', byName(rows, 'Syncthing')?.id ?? '']);
    expect(results.map((r) => r.outcome)).toEqual(['closed', 'closed']);
    expect(sim.signals).toEqual([[800, 'SIGTERM']]);
  });

  it('reports refused when Automation is not allowed, and forces only on request', async () => {
    const { sim, service } = setup(['com.tinyspeck.slackmacgap']);
    const id = byName(await service.list({ platform: 'zoom' }), 'Slack')?.id ?? '';
    const [refused] = await service.close([id]);
    expect(refused?.outcome).toBe('refused');
    expect(refused?.message).toMatch(/Automation/);
    expect(sim.signals).toEqual([]);
    const [forced] = await service.close([id], { force: true });
    expect(forced?.outcome).toBe('closed');
    expect(sim.signals).toEqual([[700, 'SIGKILL']]);
  });

  it('reopens apps by bundle id and other programs by path', async () => {
    const { sim, service } = setup();
    const rows = await service.list({ platform: 'zoom' });
    await service.close([byName(rows, 'Slack')?.id ?? '', byName(rows, 'Syncthing')?.id ?? '']);
    const results = await service.reopen();
    expect(results.every((r) => r.outcome === 'reopened')).toBe(true);
    expect(sim.launched).toEqual([
      ['/usr/bin/open', ['-b', 'com.tinyspeck.slackmacgap']],
      ['/opt/homebrew/bin/syncthing', []],
    ]);
  });
});
