import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface ExecOptions {
  /** Kill the command (and everything it started) after this long. Default 4 s. */
  readonly timeoutMs?: number;
  /** Written to stdin, then stdin is closed (e.g. a PowerShell script). */
  readonly input?: string;
  /** Extra environment; LC_ALL=C is always set so output is not translated on macOS/Linux. */
  readonly env?: Readonly<Record<string, string>>;
  /** Cap on captured stdout/stderr, each. Default 10 MB. */
  readonly maxBytes?: number;
}

export interface ExecResult {
  /** Exit code 0 and not timed out. */
  readonly ok: boolean;
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  /** Spawn error code such as ENOENT (command not installed). */
  readonly spawnError: string | null;
  readonly durationMs: number;
}

/** Runs a command without a shell, with fixed arguments. Never rejects. */
export type ExecFn = (file: string, args: readonly string[], options?: ExecOptions) => Promise<ExecResult>;

/** The part of `child_process.spawn` the runner uses (a seam for tests). */
export type SpawnFn = (file: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

export interface RunCommandDeps {
  readonly platform: NodeJS.Platform;
  readonly spawn: SpawnFn;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * How long to wait for the output pipes to close once the command has exited or been killed.
   * A grandchild that inherited the pipes (a helper or daemon the command started) can keep them
   * open for ever; after this grace the pipes are destroyed and the result is returned.
   */
  readonly graceMs: number;
}

export const defaultExecGraceMs = 250;

/** `taskkill /T /F /PID <pid>` by absolute path: ends the command and every process it started (Windows). */
export function windowsTreeKillCommand(
  pid: number,
  env: Readonly<Record<string, string | undefined>>,
): { file: string; args: string[] } {
  const root = env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows';
  return { file: `${root}\\System32\\taskkill.exe`, args: ['/T', '/F', '/PID', String(pid)] };
}

/** A command runner for this OS; `runCommand` is the real one. */
export function createRunCommand(overrides: Partial<RunCommandDeps> = {}): ExecFn {
  const deps: RunCommandDeps = {
    platform: process.platform,
    spawn: (file, args, options) => spawn(file, [...args], options),
    env: process.env,
    graceMs: defaultExecGraceMs,
    ...overrides,
  };
  const windows = deps.platform === 'win32';

  /** Ends the command and its descendants; never throws. */
  const killTree = (child: ChildProcess): void => {
    const killChild = () => {
      try {
        child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    };
    if (child.pid === undefined) return killChild();
    if (!windows) {
      // The command runs in its own process group (detached), so this reaches grandchildren too.
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        killChild();
      }
      return;
    }
    // taskkill walks the tree from the parent, so the parent must still be alive: kill it last.
    const { file, args } = windowsTreeKillCommand(child.pid, deps.env);
    try {
      const killer = deps.spawn(file, args, { shell: false, windowsHide: true, stdio: 'ignore' });
      killer.on('error', killChild);
      killer.on('exit', (code) => {
        if (code !== 0) killChild();
      });
    } catch {
      killChild();
    }
  };

  return (file, args, options = {}) => {
    const timeoutMs = options.timeoutMs ?? 4000;
    const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
    const started = performance.now();
    return new Promise<ExecResult>((resolve) => {
      let stdout = '';
      let stderr = '';
      let timedOut = false;
      let settled = false;
      let exited = false;
      let exitCode: number | null = null;
      let exitSignal: string | null = null;
      const timers: { limit?: ReturnType<typeof setTimeout>; grace?: ReturnType<typeof setTimeout> } = {};
      let child: ChildProcess | undefined;

      const finish = (code: number | null, signal: string | null, spawnError: string | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timers.limit);
        clearTimeout(timers.grace);
        // Whatever still holds the pipes (an escaped grandchild) must not keep us, or the event loop, waiting.
        child?.stdout?.destroy();
        child?.stderr?.destroy();
        child?.stdin?.destroy();
        resolve({
          ok: code === 0 && !timedOut && spawnError === null,
          stdout,
          stderr,
          code,
          signal,
          timedOut,
          spawnError,
          durationMs: performance.now() - started,
        });
      };
      const finishAfterGrace = () => {
        clearTimeout(timers.grace);
        timers.grace = setTimeout(() => finish(exitCode, exitSignal, null), deps.graceMs);
      };

      try {
        child = deps.spawn(file, args, {
          shell: false,
          windowsHide: true,
          // Own process group on POSIX, so a timeout kills grandchildren too.
          detached: !windows,
          stdio: ['pipe', 'pipe', 'pipe'],
          env: { ...process.env, LC_ALL: 'C', LANG: 'C', ...options.env },
        });
      } catch (error) {
        finish(null, null, (error as NodeJS.ErrnoException).code ?? 'SPAWN_FAILED');
        return;
      }
      const running = child;
      timers.limit = setTimeout(() => {
        timedOut = true;
        killTree(running);
        // Resolve even if the kill does not take or the pipes stay open: at most timeout + grace.
        finishAfterGrace();
      }, timeoutMs);
      running.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        if (stdout.length < maxBytes) stdout += chunk;
        // Output still draining after a normal exit: give it a little longer.
        if (exited && !timedOut) finishAfterGrace();
      });
      running.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        if (stderr.length < maxBytes) stderr += chunk;
      });
      running.stdout?.on('error', () => undefined);
      running.stderr?.on('error', () => undefined);
      running.on('error', (error: NodeJS.ErrnoException) => finish(null, null, error.code ?? 'SPAWN_FAILED'));
      running.on('exit', (code, signal) => {
        exited = true;
        exitCode = code;
        exitSignal = signal;
        // 'close' normally follows at once; if a grandchild holds the pipes it never does.
        if (!timedOut) finishAfterGrace();
      });
      running.on('close', (code, signal) => finish(code ?? exitCode, signal ?? exitSignal, null));
      running.stdin?.on('error', () => undefined);
      if (options.input !== undefined) running.stdin?.end(options.input);
      else running.stdin?.end();
    });
  };
}

/** Runs commands on this computer: no shell, fixed arguments, time limit with tree kill. */
export const runCommand: ExecFn = createRunCommand();
