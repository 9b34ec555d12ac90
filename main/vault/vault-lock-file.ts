import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

import { isCode, type VaultFs } from './vault-fs';

/** Who may be holding the vault, and whether that process still runs. */
export interface ProcessInfo {
  readonly pid: number;
  readonly host: string;
  isAlive(pid: number): boolean;
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
};

export type LockOutcome =
  { readonly ok: true; readonly token: string } | { readonly ok: false; readonly reason: 'held' | 'other-computer' };

/** A lock file being written this instant is empty; give its writer this long before calling it abandoned. */
const emptyLockGraceMs = 10_000;

/**
 * Only one process may write the vault. The lock file names the holder; a holder that no
 * longer runs on this computer (a crash, a SIGKILL) is taken over, never a live one.
 */
export function acquireVaultLock(fs: VaultFs, path: string, me: ProcessInfo, now: Date): LockOutcome {
  const token = randomBytes(12).toString('hex');
  const content = JSON.stringify({ pid: me.pid, host: me.host, token, since: now.toISOString() });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      fs.createExclusive(path, content);
      return { ok: true, token };
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
    }
    const holder = readHolder(fs, path);
    if (holder === 'gone') continue;
    if (holder === 'unreadable') {
      const modified = fs.modifiedAt(path);
      if (modified && now.getTime() - modified.getTime() < emptyLockGraceMs) return { ok: false, reason: 'held' };
    } else if (holder.host !== me.host) {
      return { ok: false, reason: 'other-computer' };
    } else if (holder.pid === me.pid || me.isAlive(holder.pid)) {
      return { ok: false, reason: 'held' };
    }
    fs.remove(path);
  }
  return { ok: false, reason: 'held' };
}

/** Removes the lock only if it is still ours. */
export function releaseVaultLock(fs: VaultFs, path: string, token: string): void {
  const holder = readHolder(fs, path);
  if (holder !== 'gone' && holder !== 'unreadable' && holder.token === token) fs.remove(path);
}

type Holder = { pid: number; host: string; token: string } | 'gone' | 'unreadable';

function readHolder(fs: VaultFs, path: string): Holder {
  const bytes = fs.read(path);
  if (bytes === null) return 'gone';
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as Partial<{ pid: number; host: string; token: string }>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.token === 'string') {
      return { pid: parsed.pid, host: parsed.host, token: parsed.token };
    }
  } catch {
    // fall through
  }
  return 'unreadable';
}
