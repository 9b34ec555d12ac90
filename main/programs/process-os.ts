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

/** True when both facts describe the same process: same pid, start time and executable. */
export function sameProcess(
  recorded: Pick<ProcessFacts, 'pid' | 'startKey' | 'exe'>,
  now: ProcessFacts | undefined,
): boolean {
  if (!now || recorded.startKey === null || recorded.exe === null) return false;
  return now.pid === recorded.pid && now.startKey === recorded.startKey && now.exe === recorded.exe;
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
