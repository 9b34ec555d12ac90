import { readdir, readFile, stat } from 'node:fs/promises';
import { cpus, freemem, totalmem } from 'node:os';

import type { SystemInfo } from '../system-info';
import type { HostFiles, HostStats } from './platform-types';

/** Real file access; every failure (missing, no permission) reads as "nothing there". */
export function createHostFiles(): HostFiles {
  return {
    readText: async (path) => {
      try {
        return await readFile(path, 'utf8');
      } catch {
        return null;
      }
    },
    listDir: async (path) => {
      try {
        return await readdir(path);
      } catch {
        return null;
      }
    },
    exists: async (path) => {
      try {
        await stat(path);
        return true;
      } catch {
        return false;
      }
    },
    mtimeMs: async (path) => {
      try {
        return (await stat(path)).mtimeMs;
      } catch {
        return null;
      }
    },
  };
}

/** CPU from Node's per-core counters (load average is always 0 on Windows); memory from systeminformation where it knows "available". */
export function createHostStats(systemInfo: SystemInfo, os: NodeJS.Platform): HostStats {
  return {
    cores: () => cpus().length,
    cpuBusyPercent: async (windowMs) => {
      const before = cpuTotals();
      await new Promise((resolve) => setTimeout(resolve, windowMs));
      const after = cpuTotals();
      const total = after.total - before.total;
      // No counter movement at all means the figures are not being kept: unknown, not idle.
      return total > 0 ? Math.min(100, Math.max(0, (100 * (after.busy - before.busy)) / total)) : Number.NaN;
    },
    memory: async () => {
      // Windows: os.freemem() is the available memory; systeminformation would start PowerShell.
      const m = os === 'win32' ? null : await systemInfo.mem();
      return m
        ? { totalBytes: m.total, availableBytes: m.available }
        : { totalBytes: totalmem(), availableBytes: freemem() };
    },
  };
}

function cpuTotals(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const cpu of cpus()) {
    const t = cpu.times;
    const all = t.user + t.nice + t.sys + t.irq + t.idle;
    total += all;
    busy += all - t.idle;
  }
  return { busy, total };
}
