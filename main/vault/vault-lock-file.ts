import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';

import { isCode, type VaultFs } from './vault-fs';

/** This start of the computer: the OS's boot id where it has one, and when it started. */
export interface BootInfo {
  /** Linux: /proc/sys/kernel/random/boot_id. Null elsewhere. */
  readonly id: string | null;
  /** Milliseconds since the epoch, from the wall clock and the uptime (so within a second or so). */
  readonly at: number;
}

/** Who may be holding the vault, and whether that process still runs. */
export interface ProcessInfo {
  readonly pid: number;
  readonly host: string;
  /** EPERM counts as alive: the pid exists but belongs to someone else. */
  isAlive(pid: number): boolean;
  /** Omitted (tests), a lock is judged by its pid alone. */
  boot?(): BootInfo;
  /**
   * An opaque marker of when process `pid` started, or null where the OS does not say cheaply.
   * Two different markers for one pid mean the pid was reused by another process.
   */
  startMarker?(pid: number): string | null;
}

let darwinBootId: string | null | undefined;

/** macOS: kern.bootsessionuuid, a random UUID the kernel makes at each boot (asked once per process). */
function readDarwinBootId(): string | null {
  if (darwinBootId !== undefined) return darwinBootId;
  try {
    const out = execFileSync('/usr/sbin/sysctl', ['-n', 'kern.bootsessionuuid'], {
      encoding: 'utf8',
      timeout: 2000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    darwinBootId = out.trim().toLowerCase();
  } catch {
    darwinBootId = null;
  }
  return darwinBootId;
}

function readTrimmed(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Linux only: field 22 of /proc/<pid>/stat, the start time in clock ticks since boot. */
function linuxStartMarker(pid: number): string | null {
  if (process.platform !== 'linux' || !Number.isInteger(pid) || pid <= 0) return null;
  const stat = readTrimmed(`/proc/${pid}/stat`);
  if (!stat) return null;
  // The command name (field 2) may hold spaces and parentheses; the fields after its last ")" do not.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const start = fields[19];
  return start && /^\d+$/.test(start) ? `linux:${start}` : null;
}

export const currentProcess: ProcessInfo = {
  pid: process.pid,
  host: hostname(),
  isAlive(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      // EPERM: it exists but belongs to someone else, so it is alive.
      return !isCode(error, 'ESRCH');
    }
  },
  boot() {
    const id =
      process.platform === 'linux'
        ? readTrimmed('/proc/sys/kernel/random/boot_id')
        : process.platform === 'darwin'
          ? readDarwinBootId()
          : null;
    return { id: id && /^[0-9a-f-]{16,64}$/.test(id) ? id : null, at: Date.now() - uptime() * 1000 };
  },
  startMarker: linuxStartMarker,
};

export type LockOutcome =
  { readonly ok: true; readonly token: string } | { readonly ok: false; readonly reason: 'held' | 'other-computer' };

/** A lock file being written this instant is empty; give its writer this long before calling it abandoned. */
const emptyLockGraceMs = 10_000;
/**
 * Without a boot id, the boot time comes from the wall clock minus the uptime, which wobbles by a
 * second or so (more if the clock is corrected); a lock counts as older than this boot only when
 * it was made well before it.
 */
const bootSlackMs = 2 * 60_000;

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly token: string;
  /** When the lock was made (ms since the epoch), if it says. */
  readonly since: number | null;
  /** When the computer had started, as its maker saw it (ms since the epoch), if it says. */
  readonly boot: number | null;
  readonly bootId: string | null;
  readonly start: string | null;
}

type Judgement = 'stale' | 'held' | 'other-computer';

/**
 * By boot id when both sides have one (exact); otherwise by time, on both the lock's own time
 * and the boot time it recorded, so a clock corrected forward does not make a live lock look old.
 */
function fromEarlierBoot(holder: Holder, boot: BootInfo | null): boolean {
  if (!boot) return false;
  if (holder.bootId !== null && boot.id !== null) return holder.bootId !== boot.id;
  const before = (ms: number | null) => ms !== null && ms < boot.at - bootSlackMs;
  return before(holder.since) && (holder.boot === null || before(holder.boot));
}

/**
 * Whether a readable lock still keeps us out. The boot id comes first: it is random per start of
 * the computer, so the same id means this very computer in this very boot, whatever its name says
 * now (macOS renames the computer when it joins another network).
 */
function judge(holder: Holder, me: ProcessInfo): Judgement {
  const boot = me.boot?.() ?? null;
  const sameBoot = holder.bootId !== null && boot?.id !== null && boot?.id !== undefined && holder.bootId === boot.id;
  if (holder.host !== me.host && !sameBoot) return 'other-computer';
  // Made before this computer last started: whatever runs under that pid now is not its maker.
  if (fromEarlierBoot(holder, boot)) return 'stale';
  // Our own pid is alive by definition (another vault in this very process, or a reused pid).
  if (holder.pid !== me.pid && !me.isAlive(holder.pid)) return 'stale';
  // Same boot, pid alive: it is the maker unless the pid has since been reused.
  const started = holder.start !== null ? (me.startMarker?.(holder.pid) ?? null) : null;
  if (started !== null && started !== holder.start) return 'stale';
  return 'held';
}

/**
 * Only one process may write the vault. The lock file names the holder (host, pid, when this
 * computer started, when the process started); a holder that no longer runs here (a crash, a
 * SIGKILL, a reboot) is taken over, never a live one.
 *
 * Taking over is atomic: the stale file is renamed to a name of our own, checked to be the very
 * file judged stale (another process may have replaced it meanwhile; then it is put back), and
 * only then is a new lock created with O_EXCL and read back to confirm it is ours.
 */
export function acquireVaultLock(fs: VaultFs, path: string, me: ProcessInfo, now: Date): LockOutcome {
  const token = randomBytes(12).toString('hex');
  const boot = me.boot?.() ?? null;
  const start = me.startMarker?.(me.pid) ?? null;
  const content = JSON.stringify({
    pid: me.pid,
    host: me.host,
    token,
    since: now.toISOString(),
    ...(boot ? { boot: new Date(boot.at).toISOString() } : {}),
    ...(boot?.id ? { bootId: boot.id } : {}),
    ...(start ? { start } : {}),
  });
  for (let attempt = 0; attempt < 4; attempt += 1) {
    try {
      fs.createExclusive(path, content);
      if (confirmOwn(fs, path, token)) return { ok: true, token };
      // Moved away by a process with a stale view of it; it puts ours back, or someone else won.
      continue;
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
    }
    const seen = fs.read(path);
    if (seen === null) continue;
    const holder = parseHolder(seen);
    if (holder?.token === token) return { ok: true, token };
    if (holder === null) {
      const modified = fs.modifiedAt(path);
      if (modified && now.getTime() - modified.getTime() < emptyLockGraceMs) return { ok: false, reason: 'held' };
    } else {
      const verdict = judge(holder, me);
      if (verdict !== 'stale') return { ok: false, reason: verdict };
    }
    const taken = setAsideIfUnchanged(fs, path, seen, `${path}.${token}-${attempt}.stale`);
    if (taken === 'replaced') return { ok: false, reason: 'held' };
  }
  // Never leave a lock of ours behind when giving up.
  releaseVaultLock(fs, path, token);
  return { ok: false, reason: 'held' };
}

/**
 * Renames the lock file aside and keeps it aside only if it is byte for byte the one judged
 * stale. Anything else is a lock another process made meanwhile: it goes back under its name.
 */
function setAsideIfUnchanged(fs: VaultFs, path: string, judged: Buffer, aside: string): 'gone' | 'replaced' {
  try {
    fs.move(path, aside);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return 'gone';
    throw error;
  }
  const moved = fs.read(aside);
  if (moved === null || moved.equals(judged)) {
    fs.remove(aside);
    return 'gone';
  }
  putBack(fs, aside, path);
  return 'replaced';
}

/** Returns a lock to its name without ever replacing one made in between. */
function putBack(fs: VaultFs, aside: string, path: string): void {
  try {
    if (fs.link(aside, path)) {
      fs.remove(aside);
      return;
    }
    fs.move(aside, path);
  } catch (error) {
    // A third process made a lock in the moment it was away; its maker finds out when it checks.
    if (!isCode(error, 'EEXIST')) throw error;
  }
}

/** Reads the lock back: the file under the lock's name is the one we wrote. */
function confirmOwn(fs: VaultFs, path: string, token: string): boolean {
  const bytes = fs.read(path);
  return bytes !== null && parseHolder(bytes)?.token === token;
}

/** Whether the lock file still names us; the vault checks before each write. */
export function holdsVaultLock(fs: VaultFs, path: string, token: string): boolean {
  return confirmOwn(fs, path, token);
}

/** Removes the lock only if it is still ours. */
export function releaseVaultLock(fs: VaultFs, path: string, token: string): void {
  if (confirmOwn(fs, path, token)) fs.remove(path);
}

function parseHolder(bytes: Buffer): Holder | null {
  let parsed: Partial<Record<'pid' | 'host' | 'token' | 'since' | 'boot' | 'bootId' | 'start', unknown>>;
  try {
    parsed = JSON.parse(bytes.toString('utf8')) as typeof parsed;
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string' || typeof parsed.token !== 'string') {
    return null;
  }
  const time = (value: unknown) => {
    const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    return Number.isFinite(ms) ? ms : null;
  };
  return {
    pid: parsed.pid,
    host: parsed.host,
    token: parsed.token,
    since: time(parsed.since),
    boot: time(parsed.boot),
    bootId: typeof parsed.bootId === 'string' ? parsed.bootId : null,
    start: typeof parsed.start === 'string' ? parsed.start : null,
  };
}
