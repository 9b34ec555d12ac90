import { readdir, readFile, readlink } from 'node:fs/promises';

import type { ProcessFacts } from '../../../shared/programs/program-matching';
import { realKill, signalAll, type KillFn, type ProcessOs, type RelaunchTarget } from '../process-os';
import { createDetachedLauncher, type LaunchFn } from './detached-launch';

export interface LinuxProcessOsDeps {
  /** The current user's uid: only their processes are listed. */
  readonly uid: number;
  readonly kill?: KillFn;
  readonly launch?: LaunchFn;
  /** Where procfs is mounted; "/proc" except in tests. */
  readonly procRoot?: string;
}

/** `PF_KTHREAD`: kernel threads have no program to close. */
const kernelThreadFlag = 0x00200000;

export interface ProcStat {
  readonly comm: string;
  readonly state: string;
  readonly ppid: number;
  readonly flags: number;
  /** Clock ticks after boot: exact, so it tells a reused pid apart. */
  readonly startTime: string;
}

/** Parses /proc/<pid>/stat; the name sits in parentheses and may itself contain spaces or ")". */
export function parseProcStat(text: string): ProcStat | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const rest = text
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  // rest[0] is field 3 (state), so field n is rest[n - 3].
  const state = rest[0];
  const ppid = Number(rest[1]);
  const flags = Number(rest[6]);
  const startTime = rest[19];
  if (!state || !Number.isInteger(ppid) || !Number.isFinite(flags) || !startTime || !/^\d+$/.test(startTime))
    return null;
  return { comm: text.slice(open + 1, close), state, ppid, flags, startTime };
}

/** The real uid from /proc/<pid>/status. */
export function parseStatusUid(text: string): number | null {
  const match = /^Uid:\s+(\d+)/m.exec(text);
  return match?.[1] ? Number(match[1]) : null;
}

/** Flatpak app id or snap command name from /proc/<pid>/cgroup (systemd scopes name the sandbox). */
export function parseCgroupSandbox(text: string): { flatpakId: string | null; snapName: string | null } {
  const flatpak = /app-flatpak-([A-Za-z0-9_.-]+?)-\d+\.scope/.exec(text);
  if (flatpak?.[1]) return { flatpakId: flatpak[1], snapName: null };
  const snap =
    /\/snap\.([a-z0-9][a-z0-9-]*)\.([A-Za-z0-9][A-Za-z0-9-]*?)[-.](?:[0-9a-f]{8}-[0-9a-f-]+|[0-9a-f]+)\.scope/.exec(
      text,
    );
  if (snap?.[1] && snap[2])
    return { flatpakId: null, snapName: snap[1] === snap[2] ? snap[1] : `${snap[1]}.${snap[2]}` };
  return { flatpakId: null, snapName: null };
}

/** Linux: reads procfs directly (no `ps`), SIGTERM to the main processes, SIGKILL when forced. */
export function createLinuxProcessOs(deps: LinuxProcessOsDeps): ProcessOs {
  const procRoot = deps.procRoot ?? '/proc';
  const kill = deps.kill ?? realKill;
  const launch = deps.launch ?? createDetachedLauncher();

  const readText = (pid: number, file: string) => readFile(`${procRoot}/${pid}/${file}`, 'utf8').catch(() => null);

  /** Facts for one pid, or null when it is gone, a zombie, a kernel thread or (if asked) someone else's. */
  async function readFacts(pid: number, onlyOwn: boolean): Promise<ProcessFacts | null> {
    const statText = await readText(pid, 'stat');
    const stat = statText ? parseProcStat(statText) : null;
    if (!stat || stat.state === 'Z' || stat.state === 'X' || stat.flags & kernelThreadFlag) return null;
    if (onlyOwn) {
      const statusText = await readText(pid, 'status');
      if (statusText === null || parseStatusUid(statusText) !== deps.uid) return null;
    }
    const [exe, cgroup] = await Promise.all([
      readlink(`${procRoot}/${pid}/exe`).catch(() => null),
      readText(pid, 'cgroup'),
    ]);
    const sandbox = cgroup ? parseCgroupSandbox(cgroup) : { flatpakId: null, snapName: null };
    return {
      pid,
      ppid: stat.ppid,
      name: stat.comm,
      exe,
      startKey: stat.startTime,
      appBundle: null,
      ...sandbox,
    };
  }

  return {
    os: 'linux',
    pollMs: 100,
    async listProcesses() {
      let names: string[];
      try {
        names = await readdir(procRoot);
      } catch {
        return null;
      }
      const pids = names.filter((n) => /^\d+$/.test(n)).map(Number);
      const facts = await Promise.all(pids.map((pid) => readFacts(pid, true)));
      return facts.filter((f): f is ProcessFacts => f !== null);
    },
    async inspect(pids) {
      const facts = await Promise.all(pids.map((pid) => readFacts(pid, false)));
      const map = new Map<number, ProcessFacts>();
      for (const f of facts) if (f) map.set(f.pid, f);
      return map;
    },
    bundleIdOf: async () => null,
    relaunchTargetFor(root): RelaunchTarget | null {
      if (root.flatpakId) return { kind: 'flatpak', appId: root.flatpakId };
      if (root.snapName) return { kind: 'exec', path: `/snap/bin/${root.snapName}` };
      if (!root.exe) return null;
      // An AppImage runs from a temporary mount that disappears when it quits.
      if (root.exe.startsWith('/tmp/.mount_')) return null;
      return { kind: 'exec', path: root.exe.replace(/ \(deleted\)$/, '') };
    },
    // `flatpak kill` sends SIGKILL to the whole sandbox, so it is not a polite request: the app's
    // own main process gets SIGTERM like any other program.
    requestQuit: async (target) =>
      signalAll(
        target.roots.map((p) => p.pid),
        'SIGTERM',
        kill,
      ),
    forceQuit: async (target) =>
      signalAll(
        target.all.map((p) => p.pid),
        'SIGKILL',
        kill,
      ),
    async relaunch(target) {
      if (target.kind === 'exec') return launch(target.path, []);
      if (target.kind === 'flatpak') return launch('flatpak', ['run', target.appId]);
      return { ok: false, detail: 'This kind of program cannot be reopened on Linux.' };
    },
  };
}
