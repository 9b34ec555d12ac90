import type { ProcessFacts } from '../../../shared/programs/program-matching';
import type { ExecFn } from '../../platform/exec';
import type { ProcessOs, RelaunchTarget, SignalOutcome } from '../process-os';
import { createDetachedLauncher, type LaunchFn } from './detached-launch';

export interface Win32ProcessOsDeps {
  readonly exec: ExecFn;
  /** %SystemRoot%, so system tools are run by absolute path. */
  readonly systemRoot?: string;
  readonly launch?: LaunchFn;
}

export function win32Paths(systemRoot = 'C:\\Windows') {
  const root = systemRoot.replace(/[\\/]+$/, '');
  return {
    powershell: `${root}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`,
    taskkill: `${root}\\System32\\taskkill.exe`,
  };
}

/** PowerShell reads its script from stdin, so nothing is ever pasted into a command line. */
export const powershellArgs = ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', '-'] as const;

const emitProcesses = `
$out = foreach ($p in $procs) {
  [pscustomobject]@{
    pid = [int]$p.ProcessId
    ppid = [int]$p.ParentProcessId
    name = [string]$p.Name
    exe = $p.ExecutablePath
    start = if ($p.CreationDate) { $p.CreationDate.ToUniversalTime().ToString('o') } else { $null }
  }
}
ConvertTo-Json -InputObject @($out) -Compress -Depth 2`;

const preamble = `$ErrorActionPreference = 'Stop'
[Console]::OutputEncoding = [Text.Encoding]::UTF8`;

/**
 * Processes in the current user's desktop session (another user's session or the services'
 * session 0 are left out). Win32_Process gives the parent, path and exact creation time.
 */
export const listScript = `${preamble}
$session = (Get-Process -Id $PID).SessionId
$procs = @(Get-CimInstance -ClassName Win32_Process -Filter "SessionId = $session")
${emitProcesses}`;

/** The same facts for chosen pids only; the pids are integers we format ourselves. */
export function inspectScript(pids: readonly number[]): string {
  const safe = pids.filter((pid) => Number.isSafeInteger(pid) && pid > 0);
  const filter = safe.map((pid) => `ProcessId = ${pid}`).join(' OR ');
  return `${preamble}
$procs = @(Get-CimInstance -ClassName Win32_Process -Filter "${filter}")
${emitProcesses}`;
}

/** Parses the JSON the scripts print (BOM tolerated, one object or an array). */
export function parseWin32Processes(stdout: string): ProcessFacts[] | null {
  let data: unknown;
  try {
    data = JSON.parse(stdout.replace(/^\uFEFF/, '').trim() || '[]');
  } catch {
    return null;
  }
  const items = Array.isArray(data) ? data : [data];
  const out: ProcessFacts[] = [];
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    const r = item as Record<string, unknown>;
    if (typeof r.pid !== 'number' || !Number.isInteger(r.pid) || typeof r.ppid !== 'number') continue;
    out.push({
      pid: r.pid,
      ppid: r.ppid,
      name: typeof r.name === 'string' ? r.name : '',
      exe: typeof r.exe === 'string' && r.exe.length > 0 ? r.exe : null,
      startKey: typeof r.start === 'string' && r.start.length > 0 ? r.start : null,
      appBundle: null,
      flatpakId: null,
      snapName: null,
    });
  }
  return out;
}

export function taskkillArgs(pids: readonly number[], force: boolean): string[] {
  return [...(force ? ['/F'] : []), ...pids.flatMap((pid) => ['/PID', String(pid)])];
}

/** taskkill exits 128 when no such process exists. */
const taskkillNotFound = 128;

/**
 * Windows: taskkill without /F posts WM_CLOSE, so programs can ask to save; a program's own
 * shutdown command is preferred where the catalog names one (e.g. OneDrive /shutdown).
 */
export function createWin32ProcessOs(deps: Win32ProcessOsDeps): ProcessOs {
  const paths = win32Paths(deps.systemRoot);
  const launch = deps.launch ?? createDetachedLauncher();
  const runScript = async (script: string) => {
    const result = await deps.exec(paths.powershell, powershellArgs, { input: script, timeoutMs: 15_000 });
    return result.ok ? parseWin32Processes(result.stdout) : null;
  };

  return {
    os: 'win32',
    // Each check starts PowerShell, so poll gently.
    pollMs: 1000,
    listProcesses: () => runScript(listScript),
    async inspect(pids) {
      if (pids.length === 0) return new Map();
      const facts = await runScript(inspectScript(pids));
      return facts ? new Map(facts.map((f) => [f.pid, f])) : null;
    },
    bundleIdOf: async () => null,
    relaunchTargetFor(root): RelaunchTarget | null {
      if (!root.exe) return null;
      // Store apps cannot be started from their folder; the user reopens them from the Start menu.
      if (/\\WindowsApps\\/i.test(root.exe)) return null;
      return { kind: 'exec', path: root.exe };
    },
    async requestQuit(target): Promise<SignalOutcome> {
      const main = target.roots[0];
      if (target.shutdownArgs && main?.exe) {
        const own = await deps.exec(main.exe, target.shutdownArgs, { timeoutMs: 15_000 });
        if (own.ok) return { status: 'sent' };
      }
      const result = await deps.exec(
        paths.taskkill,
        taskkillArgs(
          target.roots.map((p) => p.pid),
          false,
        ),
      );
      if (result.ok) return { status: 'sent' };
      if (result.code === taskkillNotFound) return { status: 'gone' };
      return { status: 'not-sent', detail: 'It did not accept a request to close; it may have no window.' };
    },
    async forceQuit(target): Promise<SignalOutcome> {
      const result = await deps.exec(
        paths.taskkill,
        taskkillArgs(
          target.all.map((p) => p.pid),
          true,
        ),
      );
      if (result.ok) return { status: 'sent' };
      if (result.code === taskkillNotFound) return { status: 'gone' };
      return { status: 'denied', detail: 'Windows did not allow ReadyRoom to close it.' };
    },
    async relaunch(target) {
      if (target.kind === 'exec') return launch(target.path, []);
      return { ok: false, detail: 'This kind of program cannot be reopened on Windows.' };
    },
  };
}
