import { baseName, type ProcessFacts } from '../../../shared/programs/program-matching';
import type { ExecFn } from '../../platform/exec';
import {
  realKill,
  signalAll,
  type KillFn,
  type ProcessOs,
  type RelaunchTarget,
  type SignalOutcome,
} from '../process-os';
import { createDetachedLauncher, type LaunchFn } from './detached-launch';

export interface DarwinProcessOsDeps {
  readonly exec: ExecFn;
  /** The current user's uid: only their processes are listed. */
  readonly uid: number;
  readonly kill?: KillFn;
  readonly launch?: LaunchFn;
}

export const darwinPaths = {
  ps: '/bin/ps',
  osascript: '/usr/bin/osascript',
  defaults: '/usr/bin/defaults',
  open: '/usr/bin/open',
} as const;

/**
 * lstart is a fixed-width clock time ("Mon Jan  6 10:00:00 2025" under LC_ALL=C) in ps's time zone.
 * ps runs with TZ=UTC, so the same process shows the same start time after a time zone or
 * daylight-saving change, and in the app and the CLI alike whatever their own TZ.
 */
const psColumns = 'pid=,ppid=,uid=,lstart=,comm=';
const psOptions = { timeoutMs: 8000, env: { TZ: 'UTC' } } as const;
export const listArgs = ['-axww', '-o', psColumns] as const;
export function inspectArgs(pids: readonly number[]): string[] {
  return ['-ww', '-o', psColumns, '-p', pids.filter((p) => Number.isSafeInteger(p) && p > 0).join(',')];
}

/**
 * The bundle id is passed as an argument, never spliced into the script. "is running" first,
 * because telling a closed app anything would launch it.
 */
export function quitAppArgs(bundleId: string): string[] {
  return [
    '-e',
    'on run argv',
    '-e',
    'set bundleId to item 1 of argv',
    '-e',
    'if application id bundleId is running then tell application id bundleId to quit',
    '-e',
    'end run',
    bundleId,
  ];
}

const linePattern =
  /^\s*(\d+)\s+(\d+)\s+(\d+)\s+([A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4})\s+(.+?)\s*$/;

export interface DarwinPsRow extends ProcessFacts {
  readonly uid: number;
}

/** "/Applications/Slack.app/Contents/Frameworks/…/Slack Helper.app/…" → "/Applications/Slack.app". */
export function outermostAppBundle(exe: string): string | null {
  const match = /^(.*?\.app)(?:\/|$)/.exec(exe);
  return match?.[1] ?? null;
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mon Mar  3 08:12:00 2025" as printed under TZ=UTC → "2025-03-03T08:12:00.000Z"; null if malformed. */
export function lstartToUtc(lstart: string): string | null {
  const m = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/.exec(lstart.trim());
  if (!m?.[1] || !m[2] || !m[3] || !m[4] || !m[5] || !m[6]) return null;
  const month = monthNames.indexOf(m[1]);
  if (month < 0) return null;
  const ms = Date.UTC(Number(m[6]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** Parses `ps -o pid=,ppid=,uid=,lstart=,comm=` run under TZ=UTC; comm is the executable's full path on macOS. */
export function parseDarwinPs(stdout: string): DarwinPsRow[] {
  const rows: DarwinPsRow[] = [];
  for (const line of stdout.split('\n')) {
    const m = linePattern.exec(line);
    if (!m?.[1] || !m[2] || !m[3] || !m[4] || !m[5]) continue;
    const comm = m[5];
    if (comm === '<defunct>') continue;
    const exe = comm.startsWith('/') ? comm : null;
    rows.push({
      pid: Number(m[1]),
      ppid: Number(m[2]),
      uid: Number(m[3]),
      startKey: lstartToUtc(m[4]),
      name: baseName(comm),
      exe,
      appBundle: exe ? outermostAppBundle(exe) : null,
      flatpakId: null,
      snapName: null,
    });
  }
  return rows;
}

const validBundleId = /^[A-Za-z0-9][A-Za-z0-9.-]{0,254}$/;

/** osascript error numbers: -1743 Automation not allowed, -600 not running, -128 the user cancelled. */
export function classifyQuitError(stderr: string): SignalOutcome {
  if (/-1743\b/.test(stderr)) {
    return {
      status: 'denied',
      detail:
        'macOS did not let ReadyRoom ask it to quit. Allow ReadyRoom under System Settings › Privacy & Security › Automation, or quit it yourself.',
    };
  }
  if (/-600\b/.test(stderr)) return { status: 'gone' };
  if (/-128\b/.test(stderr))
    return { status: 'not-sent', detail: 'It was asked to quit but stayed open, perhaps to save something.' };
  return { status: 'not-sent', detail: 'It did not accept a request to quit.' };
}

/** macOS: an Apple Event "quit" by bundle id (needs the Automation permission), SIGKILL when forced. */
export function createDarwinProcessOs(deps: DarwinProcessOsDeps): ProcessOs {
  const kill = deps.kill ?? realKill;
  const launch = deps.launch ?? createDetachedLauncher();
  return {
    os: 'darwin',
    pollMs: 200,
    async listProcesses() {
      const result = await deps.exec(darwinPaths.ps, listArgs, psOptions);
      if (!result.ok) return null;
      return parseDarwinPs(result.stdout)
        .filter((row) => row.uid === deps.uid)
        .map(({ uid: _uid, ...facts }) => facts);
    },
    async inspect(pids) {
      if (pids.length === 0) return new Map();
      const result = await deps.exec(darwinPaths.ps, inspectArgs(pids), psOptions);
      // ps exits 1 when none of the pids exist; that is an answer, not a failure.
      if (!result.ok && (result.code !== 1 || result.stdout.trim() !== '')) return null;
      return new Map(parseDarwinPs(result.stdout).map(({ uid: _uid, ...facts }) => [facts.pid, facts]));
    },
    async bundleIdOf(appBundle) {
      const result = await deps.exec(darwinPaths.defaults, [
        'read',
        `${appBundle}/Contents/Info`,
        'CFBundleIdentifier',
      ]);
      const id = result.stdout.trim();
      return result.ok && validBundleId.test(id) ? id : null;
    },
    relaunchTargetFor(root, bundleId): RelaunchTarget | null {
      if (bundleId) return { kind: 'bundle', bundleId };
      if (root.appBundle) return { kind: 'app', path: root.appBundle };
      return root.exe ? { kind: 'exec', path: root.exe } : null;
    },
    async requestQuit(target) {
      if (!target.bundleId)
        return signalAll(
          target.roots.map((p) => p.pid),
          'SIGTERM',
          kill,
        );
      const result = await deps.exec(darwinPaths.osascript, quitAppArgs(target.bundleId), { timeoutMs: 5000 });
      // An app showing a "save changes?" sheet may hold the reply: the request did arrive.
      if (result.ok || result.timedOut) return { status: 'sent' };
      return classifyQuitError(result.stderr);
    },
    forceQuit: async (target) =>
      signalAll(
        target.all.map((p) => p.pid),
        'SIGKILL',
        kill,
      ),
    async relaunch(target) {
      if (target.kind === 'exec') return launch(target.path, []);
      const args =
        target.kind === 'bundle' ? ['-b', target.bundleId] : target.kind === 'app' ? ['-a', target.path] : null;
      if (!args) return { ok: false, detail: 'This kind of program cannot be reopened on macOS.' };
      const result = await deps.exec(darwinPaths.open, args, { timeoutMs: 15_000 });
      return result.ok
        ? { ok: true }
        : { ok: false, detail: 'macOS could not open it; it may have been moved or removed.' };
    },
  };
}
