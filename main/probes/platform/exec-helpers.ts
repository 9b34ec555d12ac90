import type { ExecResult } from '../../platform/exec';
import {
  known,
  unknownFact,
  type Fact,
  type HeadroomFacts,
  type HostFiles,
  type HostStats,
  type PlatformDeps,
} from './platform-types';

/** A plain-English reason why a command gave no usable answer. */
export function describeExecFailure(result: ExecResult, label: string): string {
  if (result.spawnError === 'ENOENT') return `${label} is not available on this computer`;
  if (result.spawnError) return `${label} could not be started (${result.spawnError})`;
  if (result.timedOut)
    return `${label} did not answer within ${Math.round(result.durationMs / 100) / 10} s and was stopped`;
  return `${label} reported an error (exit code ${result.code ?? 'none'})`;
}

/** Runs a command with the platform's time limit. */
export function run(
  deps: PlatformDeps,
  file: string,
  args: readonly string[],
  input?: string,
  timeoutMs?: number,
): Promise<ExecResult> {
  return deps.exec(file, args, {
    timeoutMs: timeoutMs ?? deps.commandTimeoutMs,
    ...(input === undefined ? {} : { input }),
  });
}

/**
 * Finds a command in the usual system folders, so a changed PATH cannot substitute another program.
 * Falls back to the bare name (still run without a shell).
 */
export function createCommandResolver(
  files: HostFiles,
  dirs: readonly string[] = ['/usr/bin', '/bin', '/usr/sbin', '/sbin'],
) {
  const cache = new Map<string, Promise<string>>();
  return (name: string): Promise<string> => {
    let found = cache.get(name);
    if (!found) {
      found = (async () => {
        for (const dir of dirs) if (await files.exists(`${dir}/${name}`)) return `${dir}/${name}`;
        return name;
      })();
      cache.set(name, found);
    }
    return found;
  };
}

/** Caches a per-scan answer so several probes can share one command run. */
export function memo<T>(fn: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= fn());
}

/** CPU and memory come from the same host statistics on every OS; figures that are not plausible are unknown. */
export async function readHeadroom(stats: HostStats, windowMs: number): Promise<Fact<HeadroomFacts>> {
  let cpu: number;
  let mem: { totalBytes: number; availableBytes: number };
  let cores: number;
  try {
    [cpu, mem] = await Promise.all([stats.cpuBusyPercent(windowMs), stats.memory()]);
    cores = stats.cores();
  } catch (error) {
    // A figure that cannot be had (a capture that lacks it) is a reason, not a failed check.
    return unknownFact('The processor and memory figures could not be read', {
      error: error instanceof Error ? error.message : 'unknown error',
    });
  }
  const plausible =
    Number.isFinite(cpu) &&
    cpu >= 0 &&
    cpu <= 100 &&
    Number.isInteger(cores) &&
    cores > 0 &&
    Number.isFinite(mem.totalBytes) &&
    Number.isFinite(mem.availableBytes) &&
    mem.totalBytes > 0 &&
    mem.availableBytes >= 0 &&
    mem.availableBytes <= mem.totalBytes;
  if (!plausible) {
    return unknownFact('The processor and memory figures could not be read', {
      cpuBusyPercent: Number.isFinite(cpu) ? cpu : null,
      cores: Number.isFinite(cores) ? cores : null,
    });
  }
  return known({ cpuBusyPercent: cpu, cores, memTotalBytes: mem.totalBytes, memAvailableBytes: mem.availableBytes });
}
