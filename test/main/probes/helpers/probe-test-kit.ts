import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { ExecFn, ExecResult } from '../../../../main/platform/exec';
import {
  type HostFiles,
  type HostStats,
  type PlatformDeps,
  type PlatformFacts,
} from '../../../../main/probes/platform/platform-types';
import type { Probe, ProbeContext } from '../../../../main/probes/probe-types';
import { createScanService, type ScanService } from '../../../../main/probes/scan-service';
import type { SystemInfo } from '../../../../main/probes/system-info';
import type { ProgramRow } from '../../../../shared/programs/program-types';
import { defaultSettings } from '../../../../shared/settings/settings';
import { createUnsupportedFacts } from '../../../../main/probes/platform/unsupported';

export const fixturesDir = fileURLToPath(new URL('../../../fixtures/probes/', import.meta.url));

export function fixture(os: 'win32' | 'darwin' | 'linux', name: string): string {
  return readFileSync(join(fixturesDir, os, name), 'utf8');
}

export function execResult(partial: Partial<ExecResult> = {}): ExecResult {
  return {
    ok: partial.ok ?? ((partial.code ?? 0) === 0 && !partial.timedOut && !partial.spawnError),
    stdout: '',
    stderr: '',
    code: 0,
    signal: null,
    timedOut: false,
    spawnError: null,
    durationMs: 5,
    ...partial,
  };
}

/** An exec that answers by "file arg arg…" from a table; anything else is "not installed". Records calls. */
export function tableExec(table: Record<string, Partial<ExecResult> | string>): ExecFn & { calls: string[] } {
  const calls: string[] = [];
  const fn = (async (file: string, args: readonly string[]) => {
    const key = [file, ...args].join(' ');
    calls.push(key);
    const entry = table[key];
    if (entry === undefined) return execResult({ ok: false, code: null, spawnError: 'ENOENT' });
    return typeof entry === 'string' ? execResult({ stdout: entry }) : execResult(entry);
  }) as ExecFn & { calls: string[] };
  fn.calls = calls;
  return fn;
}

/** Files from an in-memory table: path → text (or null for a directory listing). */
export function tableFiles(
  texts: Record<string, string>,
  dirs: Record<string, readonly string[]> = {},
  mtimes: Record<string, number> = {},
): HostFiles {
  return {
    readText: async (p) => texts[p] ?? null,
    listDir: async (p) => dirs[p] ?? null,
    exists: async (p) => p in texts || p in dirs || p in mtimes,
    mtimeMs: async (p) => mtimes[p] ?? null,
  };
}

export const fakeStats: HostStats = {
  cpuBusyPercent: async () => 12,
  cores: () => 4,
  memory: async () => ({ totalBytes: 16 * 1024 ** 3, availableBytes: 8 * 1024 ** 3 }),
};

export const nullSystemInfo: SystemInfo = {
  battery: async () => null,
  wifiConnections: async () => null,
  mem: async () => null,
};

export function platformDeps(partial: Partial<PlatformDeps> = {}): PlatformDeps {
  return {
    exec: tableExec({}),
    files: tableFiles({}),
    stats: fakeStats,
    systemInfo: nullSystemInfo,
    env: {},
    homeDir: '/home/jane',
    ownPids: [],
    commandTimeoutMs: 3000,
    sleep: async () => undefined,
    now: () => new Date('2026-11-28T12:00:00Z'),
    ...partial,
  };
}

/** Facts that answer "unknown" unless overridden. */
export function fakeFacts(overrides: Partial<PlatformFacts> = {}): PlatformFacts {
  return { ...createUnsupportedFacts('a faked OS'), ...overrides };
}

export function row(name: string, category: ProgramRow['category']): ProgramRow {
  return { id: `p_${name.replace(/\W/g, '')}00000000`, name, category, pids: [1234], closable: true, reason: 'test' };
}

export function probeContext(partial: Partial<ProbeContext> = {}): ProbeContext {
  return {
    os: 'linux',
    facts: fakeFacts(),
    settings: defaultSettings,
    platform: 'zoom',
    target: undefined,
    listPrograms: async () => [],
    quality: {
      connect: async () => ({ ok: false, error: 'not faked' }),
      lookup: async () => ({ ok: false, error: 'not faked' }),
      now: () => performance.now(),
    },
    throughput: { fetch: globalThis.fetch, now: () => performance.now() },
    networkQuiet: Promise.resolve(),
    networkSampled: () => undefined,
    signal: new AbortController().signal,
    ...partial,
  };
}

/** A real scan service on Linux that runs only the given probes, with nothing read from this computer. */
export function probesOnlyScanService(probes: readonly Probe[]): ScanService {
  return createScanService({
    os: 'linux',
    exec: tableExec({}),
    listPrograms: async () => [],
    getSettings: () => defaultSettings,
    systemInfo: nullSystemInfo,
    files: tableFiles({}),
    stats: fakeStats,
    probes,
  });
}
