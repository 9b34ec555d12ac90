import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { ExecFn, ExecResult } from '../../../../main/platform/exec';
import { readCaptureFolder } from '../../../../main/probes/capture/capture-folder';
import type { CaptureData } from '../../../../main/probes/capture/capture-types';
import { parseWindowsBatch } from '../../../../main/probes/platform/win32-batch';
import {
  type HostFiles,
  type HostStats,
  type PlatformDeps,
  type PlatformFacts,
} from '../../../../main/probes/platform/platform-types';
import type { Probe, ProbeContext } from '../../../../main/probes/probe-types';
import { createScanService, type ScanService, type ScanServiceDeps } from '../../../../main/probes/scan-service';
import type { SystemInfo } from '../../../../main/probes/system-info';
import type { ProgramRow } from '../../../../shared/programs/program-types';
import { defaultSettings } from '../../../../shared/settings/settings';
import { createUnsupportedFacts } from '../../../../main/probes/platform/unsupported';

export const fixturesDir = fileURLToPath(new URL('../../../fixtures/probes/', import.meta.url));
/** Windows and macOS outputs live in captures, one folder per computer (see docs/capture.md). */
export const capturesDir = fileURLToPath(new URL('../../../fixtures/captures/', import.meta.url));

export function fixture(os: 'linux', name: string): string {
  return readFileSync(join(fixturesDir, os, name), 'utf8');
}

/** One file of a capture folder as it is on disk, e.g. a pasted output. */
export function captureFile(capture: string, rel: string): string {
  return readFileSync(join(capturesDir, capture, ...rel.split('/')), 'utf8');
}

/** The pasted `netsh wlan show interfaces` of a Windows capture. */
export function capturedNetsh(capture: string, file = 'pasted/netsh-wlan-show-interfaces.txt'): string {
  return captureFile(capture, file);
}

/** A capture, loaded as `scan --replay` loads it. */
export function loadCapture(name: string): Promise<CaptureData> {
  return readCaptureFolder(join(capturesDir, name));
}

/**
 * What a command recorded in a capture printed, found by program name (without folder) and arguments:
 * its standard output, or its error output when the answer is there (sysadminctl). Throws when missing.
 */
export async function capturedOutput(name: string, program: string, ...args: string[]): Promise<string> {
  const capture = await loadCapture(name);
  const record = capture.commands.find(
    (c) => c.argv && c.argv[0]?.split(/[\\/]/).pop() === program && c.argv.slice(1).join(' ') === args.join(' '),
  );
  if (!record) throw new Error(`${name} has no recorded "${[program, ...args].join(' ')}"`);
  return record.stdout !== '' ? record.stdout : record.stderr;
}

/**
 * A capture's commands as answers keyed "file arg arg…", as the per-OS modules call them: `resolve` turns
 * the program name a hand-written capture uses ("netstat") into the path the module runs. Repeated runs
 * of one command keep their order.
 */
export async function capturedAnswers(
  name: string,
  resolve: (program: string) => string = (p) => p,
): Promise<Record<string, Partial<ExecResult>[]>> {
  const table: Record<string, Partial<ExecResult>[]> = {};
  for (const c of (await loadCapture(name)).commands) {
    if (!c.argv) continue;
    const [program = '', ...args] = c.argv;
    const key = [resolve(program), ...args].join(' ');
    const answer: Partial<ExecResult> = c.spawnError
      ? { ok: false, code: null, spawnError: c.spawnError }
      : {
          ok: c.exitCode === 0 && !c.timedOut,
          code: c.exitCode,
          stdout: c.stdout,
          stderr: c.stderr,
          timedOut: c.timedOut,
        };
    (table[key] ??= []).push(answer);
  }
  return table;
}

/** The Windows batch output of a capture (its one PowerShell run). */
export async function capturedBatchOutput(name: string): Promise<string> {
  const capture = await loadCapture(name);
  const record = capture.commands.find((c) => c.batch !== undefined || /powershell/i.test(c.argv?.[0] ?? ''));
  if (!record) throw new Error(`${name} has no Windows batch`);
  return record.stdout;
}

/** The values of the parts of a capture's Windows batch, by part name (failed parts left out). */
export async function capturedBatchParts(name: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [part, entry] of parseWindowsBatch(await capturedBatchOutput(name)).parts) {
    if (entry.ok) out[part] = entry.value;
  }
  return out;
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

/** A real scan service on Linux with nothing read from this computer; `partial` overrides any port. */
export function testScanService(partial: Partial<ScanServiceDeps> = {}): ScanService {
  return createScanService({
    os: 'linux',
    exec: tableExec({}),
    listPrograms: async () => [],
    getSettings: () => defaultSettings,
    systemInfo: nullSystemInfo,
    files: tableFiles({}),
    stats: fakeStats,
    ...partial,
  });
}

/** A real scan service on Linux that runs only the given probes, with nothing read from this computer. */
export function probesOnlyScanService(probes: readonly Probe[]): ScanService {
  return testScanService({ probes });
}
