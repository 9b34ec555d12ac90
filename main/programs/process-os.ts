import type { OsName } from '../../shared/platform';
import type { ProcessFacts } from '../../shared/programs/program-matching';

/** How to start a closed program again: never with arguments, which could hold personal data. */
export type RelaunchTarget =
  | { readonly kind: 'exec'; readonly path: string }
  | { readonly kind: 'bundle'; readonly bundleId: string }
  | { readonly kind: 'app'; readonly path: string }
  | { readonly kind: 'flatpak'; readonly appId: string };

/** A program to close: its processes as just re-checked, and what the OS needs to address it. */
export interface QuitTarget {
  /** Main processes (whose parent is not part of the program); identity already verified. */
  readonly roots: readonly ProcessFacts[];
  /** Every verified process of the program, roots included. */
  readonly all: readonly ProcessFacts[];
  /** macOS bundle id read from the app itself. */
  readonly bundleId: string | null;
  /** Windows: the program's own shutdown arguments, from the catalog. */
  readonly shutdownArgs: readonly string[] | null;
}

/**
 * What a close request achieved. `sent`: the request was delivered, now wait. `not-sent`: the
 * program could not be asked (e.g. no window on Windows); forcing may still work. `denied`: the OS
 * or the user's privacy settings refused. `gone`: it was no longer running.
 */
export type SignalOutcome =
  | { readonly status: 'sent' }
  | { readonly status: 'not-sent'; readonly detail: string }
  | { readonly status: 'denied'; readonly detail: string }
  | { readonly status: 'gone' };

export type RelaunchOutcome = { readonly ok: true } | { readonly ok: false; readonly detail: string };

/** Everything OS-specific about finding, closing and reopening programs. */
export interface ProcessOs {
  readonly os: OsName;
  /** How often to re-check while waiting for a program to close. */
  readonly pollMs: number;
  /** The current user's processes; null when they could not be read (unknown is not "nothing running"). */
  listProcesses(): Promise<ProcessFacts[] | null>;
  /**
   * Fresh facts for these pids, whoever owns them; a pid that is absent is not running (zombies
   * count as gone). Null when the check itself failed.
   */
  inspect(pids: readonly number[]): Promise<Map<number, ProcessFacts> | null>;
  /** macOS: the bundle id of an app folder; null elsewhere or when unreadable. */
  bundleIdOf(appBundle: string): Promise<string | null>;
  /** How the program could be started again, or null when it cannot be done safely. */
  relaunchTargetFor(root: ProcessFacts, bundleId: string | null): RelaunchTarget | null;
  /** Asks the program to quit, the polite way for this OS. */
  requestQuit(target: QuitTarget): Promise<SignalOutcome>;
  /** Ends the verified processes at once; only after the user agreed that unsaved work may be lost. */
  forceQuit(target: QuitTarget): Promise<SignalOutcome>;
  /** Starts the program again, detached from ReadyRoom. */
  relaunch(target: RelaunchTarget): Promise<RelaunchOutcome>;
}

/** Sends a POSIX signal; injectable so macOS logic can be tested on Linux. */
export type KillFn = (pid: number, signal: 'SIGTERM' | 'SIGKILL') => void;

export const realKill: KillFn = (pid, signal) => {
  process.kill(pid, signal);
};

/**
 * Start times this far apart still mean "the same process is still running". Clock-time start
 * keys come from ps or WMI at one-second or coarser precision and may be rounded differently.
 */
export const startTimeToleranceMs = 2000;

/** Linux shows a running program whose file was replaced (e.g. by an update) as "<path> (deleted)". */
export function normaliseExe(exe: string): string {
  return exe.replace(/ \(deleted\)$/, '');
}

/** A clock-time start key (ISO 8601, UTC) in milliseconds; null for keys that are not clock times (Linux ticks). */
function startKeyTime(key: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/.test(key)) return null;
  const ms = Date.parse(key);
  return Number.isFinite(ms) ? ms : null;
}

/**
 * True when both facts describe the same process: same pid, exactly the same start time and the
 * same executable (ignoring Linux's " (deleted)" mark). Required immediately before any signal.
 */
export function sameProcess(
  recorded: Pick<ProcessFacts, 'pid' | 'startKey' | 'exe'>,
  now: ProcessFacts | undefined,
): boolean {
  if (!now || recorded.startKey === null || recorded.exe === null || now.exe === null) return false;
  return (
    now.pid === recorded.pid &&
    now.startKey === recorded.startKey &&
    normaliseExe(now.exe) === normaliseExe(recorded.exe)
  );
}

/**
 * True when the recorded process is still running: its pid is present with the same start time
 * (within {@link startTimeToleranceMs}; Linux ticks exactly). Its executable may look different
 * (replaced by an update) and an unreadable start time is not proof that it ended. Never enough to
 * send a signal: that needs {@link sameProcess}.
 */
export function stillRunning(recorded: Pick<ProcessFacts, 'pid' | 'startKey'>, now: ProcessFacts | undefined): boolean {
  if (!now || now.pid !== recorded.pid) return false;
  if (recorded.startKey === null || now.startKey === null || recorded.startKey === now.startKey) return true;
  const then = startKeyTime(recorded.startKey);
  const current = startKeyTime(now.startKey);
  return then !== null && current !== null && Math.abs(then - current) <= startTimeToleranceMs;
}

/** Signals each pid, classifying errors: ESRCH means it already ended, EPERM means we may not. */
export function signalAll(pids: readonly number[], signal: 'SIGTERM' | 'SIGKILL', kill: KillFn): SignalOutcome {
  let sent = 0;
  let denied = 0;
  for (const pid of pids) {
    try {
      kill(pid, signal);
      sent += 1;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPERM') denied += 1;
    }
  }
  if (sent > 0) return { status: 'sent' };
  if (denied > 0) return { status: 'denied', detail: 'The system did not allow ReadyRoom to close it.' };
  return { status: 'gone' };
}
