import { spawn } from 'node:child_process';

export interface ExecOptions {
  /** Kill the command (and its process group) after this long. Default 4 s. */
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

export const runCommand: ExecFn = (file, args, options = {}) => {
  const timeoutMs = options.timeoutMs ?? 4000;
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const started = performance.now();
  return new Promise<ExecResult>((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let settled = false;
    const finish = (code: number | null, signal: string | null, spawnError: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
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
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(file, [...args], {
        shell: false,
        windowsHide: true,
        // Own process group on POSIX, so a timeout kills grandchildren too.
        detached: process.platform !== 'win32',
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, LC_ALL: 'C', LANG: 'C', ...options.env },
      });
    } catch (error) {
      resolve({
        ok: false,
        stdout: '',
        stderr: '',
        code: null,
        signal: null,
        timedOut: false,
        spawnError: (error as NodeJS.ErrnoException).code ?? 'SPAWN_FAILED',
        durationMs: performance.now() - started,
      });
      return;
    }
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child);
    }, timeoutMs);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length < maxBytes) stdout += chunk;
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < maxBytes) stderr += chunk;
    });
    child.on('error', (error: NodeJS.ErrnoException) => finish(null, null, error.code ?? 'SPAWN_FAILED'));
    child.on('close', (code, signal) => finish(code, signal, null));
    child.stdin?.on('error', () => undefined);
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
};

function killTree(child: ReturnType<typeof spawn>): void {
  try {
    if (process.platform !== 'win32' && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}
