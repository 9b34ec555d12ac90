import { readFileSync } from 'node:fs';

import { darwinPaths } from '../../../../main/programs/os/darwin';
import type { LaunchFn } from '../../../../main/programs/os/detached-launch';
import type { ExecFn, ExecOptions, ExecResult } from '../../../../main/platform/exec';
import type { KillFn } from '../../../../main/programs/process-os';

/**
 * Windows and macOS cannot run here, so their commands are answered from captured output
 * (test/fixtures/programs) by a small simulation that keeps track of which processes are alive.
 * Every call is recorded, so tests can assert the exact command lines.
 */

export const readFixture = (name: string) =>
  readFileSync(new URL(`../../../fixtures/programs/${name}`, import.meta.url), 'utf8');

export interface ExecCall {
  readonly file: string;
  readonly args: readonly string[];
  readonly input?: string;
  readonly env?: Readonly<Record<string, string>>;
}

function recordCall(calls: ExecCall[], file: string, args: readonly string[], opts: ExecOptions | undefined): void {
  calls.push({
    file,
    args: [...args],
    ...(opts?.input !== undefined ? { input: opts.input } : {}),
    ...(opts?.env !== undefined ? { env: opts.env } : {}),
  });
}

export function result(partial: Partial<ExecResult>): ExecResult {
  const code = partial.code ?? 0;
  return {
    ok: code === 0,
    stdout: '',
    stderr: '',
    code,
    signal: null,
    timedOut: false,
    spawnError: null,
    durationMs: 1,
    ...partial,
  };
}

interface WinRow {
  pid: number;
  ppid: number;
  name: string;
  exe: string | null;
  start: string | null;
}

function descendants<T extends { pid: number; ppid: number }>(
  rows: readonly T[],
  pid: number,
  alive: Set<number>,
): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i += 1) {
    for (const row of rows) if (row.ppid === out[i] && alive.has(row.pid) && !out.includes(row.pid)) out.push(row.pid);
  }
  return out;
}

/** A Windows desktop: PowerShell answers from the fixture, taskkill ends processes unless they are stubborn. */
export function simulateWindows(options: { stubborn?: readonly number[] } = {}) {
  const rows = JSON.parse(readFixture('win32-processes.json').replace(/^\uFEFF/, '')) as WinRow[];
  const alive = new Set(rows.map((r) => r.pid));
  const calls: ExecCall[] = [];
  const launched: [string, readonly string[]][] = [];
  const stubborn = new Set(options.stubborn ?? []);
  const end = (pid: number) => descendants(rows, pid, alive).forEach((p) => alive.delete(p));

  const exec: ExecFn = async (file, args, opts) => {
    recordCall(calls, file, args, opts);
    if (file.endsWith('\\powershell.exe')) {
      const script = opts?.input ?? '';
      const wanted = [...script.matchAll(/ProcessId = (\d+)/g)].map((m) => Number(m[1]));
      const out = rows.filter(
        (r) => alive.has(r.pid) && (script.includes('SessionId = $session') || wanted.includes(r.pid)),
      );
      return result({ stdout: `\uFEFF${JSON.stringify(out)}\r\n` });
    }
    if (file.endsWith('\\taskkill.exe')) {
      const force = args.includes('/F');
      const pids = args.flatMap((a, i) => (args[i - 1] === '/PID' ? [Number(a)] : []));
      if (!pids.some((p) => alive.has(p))) return result({ code: 128, stderr: 'ERROR: The process "x" not found.' });
      const refused = !force && pids.some((p) => stubborn.has(p));
      for (const pid of pids) if (force || !stubborn.has(pid)) end(pid);
      return refused
        ? result({ code: 1, stderr: 'ERROR: The process with PID 1 could not be terminated.' })
        : result({});
    }
    if (file.endsWith('\\OneDrive.exe') && args[0] === '/shutdown') {
      rows.filter((r) => r.name === 'OneDrive.exe').forEach((r) => end(r.pid));
      return result({});
    }
    return result({ code: null, spawnError: 'ENOENT' });
  };
  const launch: LaunchFn = async (file, args) => {
    launched.push([file, args]);
    return { ok: true };
  };
  return { exec, launch, calls, launched, alive };
}

interface MacRow {
  pid: number;
  ppid: number;
  line: string;
  exe: string;
}

const bundleIds: Record<string, string> = {
  '/Applications/Google Chrome.app': 'com.google.Chrome',
  '/Applications/Slack.app': 'com.tinyspeck.slackmacgap',
  '/Applications/zoom.us.app': 'us.zoom.xos',
  '/Applications/TeamViewer.app': 'com.teamviewer.TeamViewer',
  '/Applications/ReadyRoom.app': 'org.readyroom.app',
};

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const lstartPattern = /[A-Z][a-z]{2} ([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})/;

/** Rewrites a ps line's start time (written in UTC in the fixture) as a clock `offsetHours` from UTC shows it. */
function shiftStartTime(line: string, offsetHours: number): string {
  if (offsetHours === 0) return line;
  return line.replace(lstartPattern, (_all, mon: string, day: string, h: string, m: string, s: string, y: string) => {
    const utc = Date.UTC(Number(y), months.indexOf(mon), Number(day), Number(h), Number(m), Number(s));
    const d = new Date(utc + offsetHours * 3_600_000);
    const two = (n: number) => String(n).padStart(2, '0');
    return `${weekdays[d.getUTCDay()] ?? ''} ${months[d.getUTCMonth()] ?? ''} ${String(d.getUTCDate()).padStart(2, ' ')} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
  });
}

/**
 * A Mac: ps answers from the fixture; apps quit on an Apple Event unless Automation is denied for
 * them. `zone.offsetHours` is the Mac's time zone, which tests may change (travel, a new setting).
 */
export function simulateMac(options: { automationDenied?: readonly string[] } = {}) {
  const zone = { offsetHours: 0 };
  const lines = readFixture('darwin-ps.txt')
    .split('\n')
    .filter((l) => l.trim());
  const rows: MacRow[] = lines.map((line) => {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    return { pid: pid ?? 0, ppid: ppid ?? 0, line, exe: line.slice(line.indexOf(' 2025 ') + 6).trim() };
  });
  const alive = new Set(rows.map((r) => r.pid));
  const calls: ExecCall[] = [];
  const signals: [number, string][] = [];
  const launched: [string, readonly string[]][] = [];
  const denied = new Set(options.automationDenied ?? []);
  const end = (pid: number) => descendants(rows, pid, alive).forEach((p) => alive.delete(p));

  const exec: ExecFn = async (file, args, opts) => {
    recordCall(calls, file, args, opts);
    if (file === darwinPaths.ps) {
      const pIndex = args.indexOf('-p');
      const wanted = pIndex >= 0 ? (args[pIndex + 1] ?? '').split(',').map(Number) : null;
      const out = rows.filter((r) => alive.has(r.pid) && (!wanted || wanted.includes(r.pid)));
      // Like the real ps, start times are shown in the Mac's time zone unless TZ says otherwise.
      const offset = opts?.env?.TZ === 'UTC' ? 0 : zone.offsetHours;
      return result({
        stdout: out.map((r) => shiftStartTime(r.line, offset)).join('\n'),
        code: out.length === 0 && wanted ? 1 : 0,
      });
    }
    if (file === darwinPaths.defaults) {
      const app = (args[1] ?? '').replace(/\/Contents\/Info$/, '');
      const id = bundleIds[app];
      return id ? result({ stdout: `${id}\n` }) : result({ code: 1, stderr: 'Domain does not exist' });
    }
    if (file === darwinPaths.osascript) {
      const bundleId = args[args.length - 1] ?? '';
      if (denied.has(bundleId)) {
        return result({
          code: 1,
          stderr: '30:95: execution error: Not authorized to send Apple events to Slack. (-1743)\n',
        });
      }
      const app = Object.entries(bundleIds).find(([, id]) => id === bundleId)?.[0];
      rows.filter((r) => app && r.exe.startsWith(`${app}/`)).forEach((r) => end(r.pid));
      return result({});
    }
    if (file === darwinPaths.open) {
      launched.push([file, args]);
      return result({});
    }
    return result({ code: null, spawnError: 'ENOENT' });
  };
  const kill: KillFn = (pid, signal) => {
    signals.push([pid, signal]);
    if (!alive.has(pid)) throw Object.assign(new Error('ESRCH'), { code: 'ESRCH' });
    end(pid);
  };
  const launch: LaunchFn = async (file, args) => {
    launched.push([file, args]);
    return { ok: true };
  };
  return { exec, kill, launch, calls, signals, launched, alive, zone };
}

/** A clock that only moves when the code under test sleeps, so waits take no real time. */
export function fakeClock() {
  let t = 1_700_000_000_000;
  return { now: () => t, sleep: async (ms: number) => void (t += Math.max(1, ms)) };
}
