import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';

import { describe, expect, it, vi } from 'vitest';

import { createRunCommand, runCommand, windowsTreeKillCommand, type SpawnFn } from '../../../main/platform/exec';

/** A child process that never exits by itself, for driving the runner without a real OS. */
class FakeChild extends EventEmitter {
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  readonly stdin = new PassThrough();
  readonly kill = vi.fn(() => true);
  constructor(readonly pid: number) {
    super();
  }
}

function fakeSpawn(
  makeKiller: () => FakeChild,
): SpawnFn & { calls: [string, readonly string[], SpawnOptions][]; command: FakeChild } {
  const command = new FakeChild(4242);
  const calls: [string, readonly string[], SpawnOptions][] = [];
  const fn = ((file: string, args: readonly string[], options: SpawnOptions) => {
    calls.push([file, args, options]);
    return (calls.length === 1 ? command : makeKiller()) as unknown as ChildProcess;
  }) as SpawnFn & { calls: typeof calls; command: FakeChild };
  fn.calls = calls;
  fn.command = command;
  return fn;
}

/** A Node script that starts a grandchild in its own process group, holding our stdout, and prints its pid. */
const escapingGrandchild = (thenExit: boolean) => `
const { spawn } = require('node:child_process');
const g = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'], { detached: true, stdio: ['ignore', 'inherit', 'inherit'] });
process.stdout.write('grandchild ' + g.pid + '\\n');
${thenExit ? 'process.exit(0);' : 'setInterval(() => {}, 1000);'}
`;

const grandchildPid = (stdout: string) => Number(/grandchild (\d+)/.exec(stdout)?.[1]);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGrandchild(stdout: string): void {
  const pid = grandchildPid(stdout);
  if (Number.isInteger(pid) && pid > 0) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

describe('runCommand', () => {
  it('captures the output and exit code of a command', async () => {
    const r = await runCommand(process.execPath, [
      '-e',
      'process.stdout.write("hello"); process.stderr.write("warn"); process.exit(3)',
    ]);
    expect(r).toMatchObject({ ok: false, stdout: 'hello', stderr: 'warn', code: 3, timedOut: false, spawnError: null });
  });

  it('returns what the command printed before it was stopped at its time limit', async () => {
    const script =
      'process.stdout.write("first line\\n"); process.stdout.write("second line\\n"); setInterval(() => {}, 1000);';
    const r = await runCommand(process.execPath, ['-e', script], { timeoutMs: 1500 });
    expect(r).toMatchObject({ ok: false, timedOut: true });
    expect(r.stdout).toBe('first line\nsecond line\n');
  });

  it('reports a command that is not installed as a spawn error', async () => {
    const r = await runCommand('/nonexistent/readyroom-no-such-tool', []);
    expect(r).toMatchObject({ ok: false, spawnError: 'ENOENT', timedOut: false });
  });

  it.runIf(process.platform !== 'win32')(
    'returns at the time limit even when a grandchild outside the process group keeps the output open',
    async () => {
      const r = await runCommand(process.execPath, ['-e', escapingGrandchild(false)], { timeoutMs: 2000 });
      // The grandchild holds the output for 20 s: still alive means runCommand did not wait for it.
      const stillHeld = isAlive(grandchildPid(r.stdout));
      killGrandchild(r.stdout);
      expect(r.stdout).toMatch(/grandchild \d+/);
      expect(r).toMatchObject({ ok: false, timedOut: true });
      expect(stillHeld).toBe(true);
    },
  );

  it.runIf(process.platform !== 'win32')(
    'returns soon after a command exits even when a grandchild it started keeps the output open',
    async () => {
      const r = await runCommand(process.execPath, ['-e', escapingGrandchild(true)], { timeoutMs: 15_000 });
      const stillHeld = isAlive(grandchildPid(r.stdout));
      killGrandchild(r.stdout);
      expect(r).toMatchObject({ ok: true, code: 0, timedOut: false });
      expect(r.stdout).toMatch(/grandchild \d+/);
      expect(stillHeld).toBe(true);
    },
  );
});

describe('runCommand on Windows (through the spawn seam)', () => {
  it('kills the whole process tree with taskkill by absolute path, without a shell, and returns after the grace period', async () => {
    const spawn = fakeSpawn(() => {
      const killer = new FakeChild(5151);
      setImmediate(() => killer.emit('exit', 0, null));
      return killer;
    });
    const run = createRunCommand({ platform: 'win32', spawn, env: { SystemRoot: 'D:\\Windows' }, graceMs: 20 });
    // The fake command never exits and never closes its pipes, like one whose grandchild holds them.
    const r = await run('D:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', ['-Command', '-'], {
      timeoutMs: 30,
    });
    expect(r).toMatchObject({ ok: false, timedOut: true, code: null });
    expect(spawn.calls[0]?.[2]).toMatchObject({ shell: false, windowsHide: true, detached: false });
    expect(spawn.calls[1]?.[0]).toBe('D:\\Windows\\System32\\taskkill.exe');
    expect(spawn.calls[1]?.[1]).toEqual(['/T', '/F', '/PID', '4242']);
    expect(spawn.calls[1]?.[2]).toMatchObject({ shell: false, windowsHide: true });
    expect(spawn.command.stdout.destroyed).toBe(true);
  });

  it('falls back to killing the command itself when taskkill cannot be started', async () => {
    const spawn = fakeSpawn(() => {
      const killer = new FakeChild(5151);
      setImmediate(() => killer.emit('error', Object.assign(new Error('spawn'), { code: 'ENOENT' })));
      return killer;
    });
    const run = createRunCommand({ platform: 'win32', spawn, env: {}, graceMs: 20 });
    const r = await run('C:\\Windows\\System32\\reg.exe', ['query', 'HKCU'], { timeoutMs: 30 });
    expect(r.timedOut).toBe(true);
    expect(spawn.calls[1]?.[0]).toBe('C:\\Windows\\System32\\taskkill.exe');
    expect(spawn.command.kill).toHaveBeenCalledWith('SIGKILL');
  });

  it('builds the taskkill command line from %SystemRoot%', () => {
    expect(windowsTreeKillCommand(77, { SYSTEMROOT: 'E:\\WINNT' })).toEqual({
      file: 'E:\\WINNT\\System32\\taskkill.exe',
      args: ['/T', '/F', '/PID', '77'],
    });
  });
});
