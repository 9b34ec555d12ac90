import { AppError } from '../../../shared/errors';
import type { ProgramRow } from '../../../shared/programs/program-types';
import { defaultSettings } from '../../../shared/settings/settings';
import type { Logger } from '../../logging/logger';
import type { ExecFn, ExecResult } from '../../platform/exec';
import type { QualityDeps } from '../net/quality-sampler';
import type { ThroughputDeps } from '../net/throughput';
import type { HostFiles, HostStats } from '../platform/platform-types';
import { createProbes } from '../probe-registry';
import { createScanService, type ScanService } from '../scan-service';
import type { SystemInfo } from '../system-info';
import type { CaptureData, CommandRecord, FileRecord } from './capture-types';
import { withoutLiveNetwork } from './live-network';

export const replayNetworkReason =
  'Not measured: this scan was replayed from a capture, and this check needs the live network.';

/** A command the capture does not hold: answered like a tool that is not installed. */
const notRecorded: ExecResult = {
  ok: false,
  stdout: '',
  stderr: '',
  code: null,
  signal: null,
  timedOut: false,
  spawnError: 'ENOENT',
  durationMs: 0,
};

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/**
 * Plays a list back in order. `repeat`: once it runs out, the last entry answers again (a folder listing or
 * a modification time, which the recorder keeps once). Otherwise nothing answers: a second traffic sample
 * the capture does not hold must not be invented as a copy of the first, which would read as a quiet link.
 */
function player<T>(items: readonly T[], repeat: boolean): () => T | undefined {
  let next = 0;
  return () => {
    const item = repeat ? items[Math.min(next, items.length - 1)] : items[next];
    next += 1;
    return item;
  };
}

function group<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/**
 * Answers commands from the capture: by exact argv, else by program name and arguments (so a capture
 * written by hand may say "ip" for "/usr/bin/ip"); a batch without argv answers any powershell.exe.
 * Repeated runs play back in recorded order; a run beyond the recorded ones is "not recorded".
 */
export function createReplayExec(capture: Pick<CaptureData, 'commands' | 'system'>): ExecFn {
  const windows = capture.system.platform === 'win32';
  const norm = (name: string) => (windows ? name.toLowerCase() : name);
  const exactKey = (argv: readonly string[]) => JSON.stringify(argv);
  const baseKey = (argv: readonly string[]) => JSON.stringify([norm(baseName(argv[0] ?? '')), ...argv.slice(1)]);
  const players = new Map<string, () => CommandRecord | undefined>();
  const playerFor = (kind: string, key: string, list: CommandRecord[] | undefined) => {
    if (!list) return undefined;
    const id = `${kind}:${key}`;
    let play = players.get(id);
    if (!play) {
      play = player(list, false);
      players.set(id, play);
    }
    return play;
  };
  const exact = group(capture.commands, (c) => (c.argv ? exactKey(c.argv) : null));
  const byBase = group(capture.commands, (c) => (c.argv ? baseKey(c.argv) : null));
  const anyBatch = capture.commands.filter((c) => c.argv === null);

  return async (file, args) => {
    const argv = [file, ...args];
    const play =
      playerFor('exact', exactKey(argv), exact.get(exactKey(argv))) ??
      playerFor('base', baseKey(argv), byBase.get(baseKey(argv))) ??
      (/^(powershell|pwsh)(\.exe)?$/i.test(baseName(file)) && anyBatch.length > 0
        ? playerFor('batch', '', anyBatch)
        : undefined);
    const record = play?.();
    if (!record) return notRecorded;
    return {
      ok: record.exitCode === 0 && !record.timedOut && record.spawnError === null,
      stdout: record.stdout,
      stderr: record.stderr,
      code: record.exitCode,
      signal: record.signal,
      timedOut: record.timedOut,
      spawnError: record.spawnError,
      durationMs: record.ms,
    };
  };
}

/**
 * Files from the capture; a path the capture does not hold reads as missing. Texts play in recorded order
 * and a read beyond them finds nothing; listings and times answer every time.
 */
export function createReplayFiles(records: readonly FileRecord[]): HostFiles {
  const texts = group(records, (r) => (r.text !== undefined ? r.path : null));
  const lists = group(records, (r) => (r.list !== undefined ? r.path : null));
  const mtimes = group(records, (r) => (r.mtimeMs !== undefined ? r.path : null));
  const present = new Set(
    records
      .filter((r) => r.text !== undefined || r.list !== undefined || r.mtimeMs !== undefined || r.exists === true)
      .map((r) => r.path),
  );
  const players = new Map<string, () => FileRecord | undefined>();
  const next = (kind: string, map: Map<string, FileRecord[]>, path: string) => {
    const list = map.get(path);
    if (!list) return undefined;
    let play = players.get(`${kind}:${path}`);
    if (!play) {
      play = player(list, kind !== 'text');
      players.set(`${kind}:${path}`, play);
    }
    return play();
  };
  return {
    readText: async (path) => next('text', texts, path)?.text ?? null,
    listDir: async (path) => {
      const list = next('list', lists, path)?.list;
      return list ? [...list] : null;
    },
    exists: async (path) => present.has(path),
    mtimeMs: async (path) => next('mtime', mtimes, path)?.mtimeMs ?? null,
  };
}

/** Figures the capture lacks make the check that needs them fail as "could not check", never pass. */
export function createReplayStats(stats: CaptureData['stats']): HostStats {
  const missing = (what: string) => new Error(`The capture does not record ${what}.`);
  return {
    cores: () => {
      if (stats.cores === undefined) throw missing('the number of processor cores');
      return stats.cores;
    },
    cpuBusyPercent: async () => {
      if (stats.cpuBusyPercent === undefined) throw missing('how busy the processor was');
      return stats.cpuBusyPercent;
    },
    memory: async () => {
      if (!stats.memory) throw missing('the memory figures');
      return stats.memory;
    },
  };
}

export function createReplaySystemInfo(info: CaptureData['systemInfo']): SystemInfo {
  return {
    battery: async () => info.battery ?? null,
    wifiConnections: async () => (info.wifiConnections ? [...info.wifiConnections] : null),
    mem: async () => info.mem ?? null,
  };
}

export function createReplayPrograms(programs: CaptureData['programs']): () => Promise<readonly ProgramRow[]> {
  return async () => {
    if (!programs) throw new AppError('UNAVAILABLE', 'The capture has no list of running programs.');
    if ('error' in programs) throw new AppError('UNAVAILABLE', programs.error);
    return programs.rows.map((row, i) => ({
      id: `p_replay${String(i).padStart(4, '0')}`,
      name: row.name,
      category: row.category,
      pids: [],
      closable: row.closable ?? true,
      reason: 'Recorded in a capture.',
    }));
  };
}

/** The capture's clock: it starts at `recordedAt`, and waiting moves it on without taking real time. */
export function createReplayClock(recordedAt: string): { now: () => Date; sleep: (ms: number) => Promise<void> } {
  const start = Date.parse(recordedAt);
  let elapsed = 0;
  return {
    now: () => new Date(start + elapsed),
    sleep: async (ms) => {
      elapsed += Math.max(0, ms);
    },
  };
}

const refuse = (what: string) => () => Promise.reject(new Error(`A replayed scan does not use the ${what}.`));

/** Network access for a replay: none. The live-network checks are skipped before they get here. */
export const replayNetwork: { quality: QualityDeps; throughput: ThroughputDeps } = {
  quality: { connect: refuse('network'), lookup: refuse('network'), now: () => performance.now() },
  throughput: { fetch: refuse('network'), now: () => performance.now() },
};

export interface ReplayOptions {
  readonly logger?: Logger;
  readonly probeTimeoutMs?: number;
}

/**
 * A scan service that runs every probe on the recorded answers instead of this computer, whatever
 * OS it runs on: no command, no file outside the capture, no network. Settings are the defaults.
 */
export function createReplayScanService(capture: CaptureData, options: ReplayOptions = {}): ScanService {
  const clock = createReplayClock(capture.recordedAt);
  const env: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(capture.env)) if (value !== null) env[name] = value;
  return createScanService({
    os: capture.system.platform,
    exec: createReplayExec(capture),
    files: createReplayFiles(capture.files),
    stats: createReplayStats(capture.stats),
    systemInfo: createReplaySystemInfo(capture.systemInfo),
    env,
    homeDir: capture.homeDir,
    ownPids: () => capture.ownPids,
    listPrograms: createReplayPrograms(capture.programs),
    getSettings: () => defaultSettings,
    now: clock.now,
    sleep: clock.sleep,
    probes: withoutLiveNetwork(createProbes({ now: clock.now }), replayNetworkReason),
    quality: replayNetwork.quality,
    throughput: replayNetwork.throughput,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.probeTimeoutMs !== undefined ? { probeTimeoutMs: options.probeTimeoutMs } : {}),
  });
}
