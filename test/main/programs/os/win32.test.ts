import { describe, expect, it } from 'vitest';

import {
  createWin32ProcessOs,
  inspectScript,
  listScript,
  parseWin32Processes,
  powershellArgs,
  taskkillArgs,
  win32Paths,
} from '../../../../main/programs/os/win32';
import { createProcessOs } from '../../../../main/programs/os/create-process-os';
import type { ExecFn } from '../../../../main/platform/exec';
import type { ProcessFacts } from '../../../../shared/programs/program-matching';
import { readFixture, result, simulateWindows, type ExecCall } from './simulated-os';

const facts = (pid: number, exe: string | null): ProcessFacts => ({
  pid,
  ppid: 1,
  name: 'x.exe',
  exe,
  startKey: '2025-03-03T08:00:00.0000000Z',
  appBundle: null,
  flatpakId: null,
  snapName: null,
});

function recordingExec(answer: (call: ExecCall) => ReturnType<typeof result>) {
  const calls: ExecCall[] = [];
  const exec: ExecFn = async (file, args, opts) => {
    const call = { file, args: [...args], ...(opts?.input !== undefined ? { input: opts.input } : {}) };
    calls.push(call);
    return answer(call);
  };
  return { exec, calls };
}

describe('Windows process module', () => {
  it('runs system tools by absolute path under %SystemRoot%', () => {
    expect(win32Paths('C:\\Windows')).toEqual({
      powershell: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      taskkill: 'C:\\Windows\\System32\\taskkill.exe',
    });
    expect(win32Paths('D:\\WINNT\\').taskkill).toBe('D:\\WINNT\\System32\\taskkill.exe');
  });

  it('lists processes of the current session with one PowerShell whose script goes through stdin', async () => {
    const { exec, calls } = recordingExec(() => result({ stdout: readFixture('win32-processes.json') }));
    const processes = await createWin32ProcessOs({ exec, systemRoot: 'C:\\Windows' }).listProcesses();
    expect(calls).toEqual([
      {
        file: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
        args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', '-'],
        input: listScript,
      },
    ]);
    expect(powershellArgs).not.toContain(listScript);
    expect(listScript).toContain('Win32_Process -Filter "SessionId = $session"');
    expect(listScript).toContain("ToUniversalTime().ToString('o')");
    expect(processes).toHaveLength(14);
  });

  it('parses the PowerShell JSON, BOM and CRLF included, keeping unknown paths and times as null', () => {
    const rows = parseWin32Processes(readFixture('win32-processes.json')) ?? [];
    expect(rows.find((r) => r.pid === 1010)).toEqual({
      pid: 1010,
      ppid: 1000,
      name: 'chrome.exe',
      exe: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      startKey: '2025-03-03T08:30:00.3000000Z',
      appBundle: null,
      flatpakId: null,
      snapName: null,
    });
    expect(rows.find((r) => r.pid === 4)).toMatchObject({ exe: null, startKey: null });
  });

  it('accepts a single object as well as an array, and rejects output that is not JSON', () => {
    expect(parseWin32Processes(readFixture('win32-process-single.json'))?.map((r) => r.pid)).toEqual([1000]);
    expect(parseWin32Processes('')).toEqual([]);
    expect(parseWin32Processes('Get-CimInstance : Access denied')).toBeNull();
  });

  it('builds the inspect filter from integer pids only', () => {
    expect(inspectScript([12, 345])).toContain('-Filter "ProcessId = 12 OR ProcessId = 345"');
    expect(inspectScript([12, Number.NaN, -3, 1.5, 7])).toContain('-Filter "ProcessId = 12 OR ProcessId = 7"');
  });

  it('builds taskkill without /F to ask politely and with /F only to force', () => {
    expect(taskkillArgs([1000], false)).toEqual(['/PID', '1000']);
    expect(taskkillArgs([1000, 1010], true)).toEqual(['/F', '/PID', '1000', '/PID', '1010']);
  });

  it('uses the program’s own shutdown command when the catalog has one', async () => {
    const sim = simulateWindows();
    const win = createWin32ProcessOs({ exec: sim.exec, systemRoot: 'C:\\Windows' });
    const exe = 'C:\\Users\\sam\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe';
    const outcome = await win.requestQuit({
      roots: [facts(2000, exe)],
      all: [facts(2000, exe)],
      bundleId: null,
      shutdownArgs: ['/shutdown'],
    });
    expect(outcome).toEqual({ status: 'sent' });
    expect(sim.calls).toEqual([{ file: exe, args: ['/shutdown'] }]);
  });

  it('falls back to taskkill when the shutdown command fails', async () => {
    const { exec, calls } = recordingExec((call) =>
      call.file.endsWith('taskkill.exe') ? result({}) : result({ code: 2 }),
    );
    const win = createWin32ProcessOs({ exec, systemRoot: 'C:\\Windows' });
    await win.requestQuit({
      roots: [facts(2000, 'C:\\x\\OneDrive.exe')],
      all: [],
      bundleId: null,
      shutdownArgs: ['/shutdown'],
    });
    expect(calls.map((c) => [c.file, c.args])).toEqual([
      ['C:\\x\\OneDrive.exe', ['/shutdown']],
      ['C:\\Windows\\System32\\taskkill.exe', ['/PID', '2000']],
    ]);
  });

  it('maps taskkill exit codes: 128 gone, other failures not sent (polite) or denied (forced)', async () => {
    const code = (n: number) => createWin32ProcessOs({ exec: recordingExec(() => result({ code: n })).exec });
    const target = { roots: [facts(5, 'C:\\a.exe')], all: [facts(5, 'C:\\a.exe')], bundleId: null, shutdownArgs: null };
    expect(await code(128).requestQuit(target)).toEqual({ status: 'gone' });
    expect((await code(1).requestQuit(target)).status).toBe('not-sent');
    expect((await code(1).forceQuit(target)).status).toBe('denied');
  });

  it('treats a failed PowerShell as unknown, not as no processes', async () => {
    const win = createWin32ProcessOs({ exec: recordingExec(() => result({ code: 1 })).exec });
    expect(await win.listProcesses()).toBeNull();
    expect(await win.inspect([5])).toBeNull();
  });

  it('reopens by executable path, but not Store apps that cannot be started from their folder', async () => {
    const sim = simulateWindows();
    const win = createWin32ProcessOs({ exec: sim.exec, launch: sim.launch });
    expect(win.relaunchTargetFor(facts(1, 'C:\\Program Files\\WindowsApps\\Spotify_1\\Spotify.exe'), null)).toBeNull();
    const target = win.relaunchTargetFor(facts(1, 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'), null);
    expect(target).toEqual({ kind: 'exec', path: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe' });
    if (target) await win.relaunch(target);
    expect(sim.launched).toEqual([['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', []]]);
  });

  it('is picked by the factory with %SystemRoot% from the environment', async () => {
    const { exec, calls } = recordingExec(() => result({ stdout: '[]' }));
    const win = createProcessOs('win32', { exec, uid: -1, env: { SystemRoot: 'E:\\Win' } });
    expect(win.os).toBe('win32');
    await win.listProcesses();
    expect(calls[0]?.file).toBe('E:\\Win\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
  });
});
