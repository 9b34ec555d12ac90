import type { ProgramRow } from '../../../shared/programs/program-types';
import type { SessionPlatformId } from '../../../shared/session/platforms';
import type { ExecFn } from '../../platform/exec';
import type { HostFiles, PlatformDeps } from '../platform/platform-types';
import type { CaptureData, CommandRecord, FileRecord } from './capture-types';

type ListPrograms = (options: { platform?: SessionPlatformId }) => Promise<readonly ProgramRow[]>;

/** The live sources a scan reads; the recorder passes every call through and keeps the answer. */
export interface RecordedSources extends Pick<
  PlatformDeps,
  'exec' | 'files' | 'stats' | 'systemInfo' | 'env' | 'homeDir' | 'now'
> {
  readonly ownPids: () => readonly number[];
  readonly listPrograms: ListPrograms;
}

export interface CaptureRecorder {
  /** Hand these to the scan service instead of the live ones. */
  readonly sources: RecordedSources;
  /** Everything recorded so far, as an (unredacted) capture. */
  finish(meta: Pick<CaptureData, 'readyroomVersion' | 'system' | 'source' | 'notes' | 'recordedStatuses'>): CaptureData;
}

interface PathLog {
  readonly path: string;
  texts: string[];
  list?: readonly string[];
  mtimeMs?: number;
  exists?: boolean;
}

/**
 * Wraps the scan's sources so every answer is kept: commands in the order they were started, each
 * path with what was read there, only the environment variables that were asked for, and the
 * program list as names and categories (no process ids or command lines).
 */
export function createCaptureRecorder(live: RecordedSources): CaptureRecorder {
  const commands: (CommandRecord | null)[] = [];
  const paths = new Map<string, PathLog>();
  const env: Record<string, string | null> = {};
  const stats: { cores?: number; cpuBusyPercent?: number; memory?: { totalBytes: number; availableBytes: number } } =
    {};
  const systemInfo: { -readonly [K in keyof CaptureData['systemInfo']]: CaptureData['systemInfo'][K] } = {};
  let programs: CaptureData['programs'];
  let ownPids: readonly number[] = [];
  let recordedAt: Date | null = null;

  const pathLog = (path: string): PathLog => {
    let log = paths.get(path);
    if (!log) {
      log = { path, texts: [] };
      paths.set(path, log);
    }
    return log;
  };

  const exec: ExecFn = async (file, args, options) => {
    const slot = commands.length;
    commands.push(null);
    const result = await live.exec(file, args, options);
    commands[slot] = {
      argv: [file, ...args],
      exitCode: result.code,
      signal: result.signal,
      timedOut: result.timedOut,
      spawnError: result.spawnError,
      ms: Math.round(result.durationMs),
      stdout: result.stdout,
      stderr: result.stderr,
    };
    return result;
  };

  const files: HostFiles = {
    readText: async (path) => {
      const log = pathLog(path);
      const text = await live.files.readText(path);
      // Every read is kept, even an unchanged one: a replay answers each recorded read once.
      if (text !== null) log.texts.push(text);
      return text;
    },
    listDir: async (path) => {
      const log = pathLog(path);
      const list = await live.files.listDir(path);
      if (list !== null) log.list ??= [...list];
      return list;
    },
    exists: async (path) => {
      const log = pathLog(path);
      const found = await live.files.exists(path);
      log.exists ??= found;
      return found;
    },
    mtimeMs: async (path) => {
      const log = pathLog(path);
      const mtime = await live.files.mtimeMs(path);
      if (mtime !== null) log.mtimeMs ??= mtime;
      return mtime;
    },
  };

  const sources: RecordedSources = {
    exec,
    files,
    stats: {
      cores: () => (stats.cores = live.stats.cores()),
      cpuBusyPercent: async (windowMs) => (stats.cpuBusyPercent = await live.stats.cpuBusyPercent(windowMs)),
      memory: async () => {
        const memory = await live.stats.memory();
        stats.memory = { totalBytes: memory.totalBytes, availableBytes: memory.availableBytes };
        return memory;
      },
    },
    systemInfo: {
      battery: async () => (systemInfo.battery = await live.systemInfo.battery()),
      wifiConnections: async () => (systemInfo.wifiConnections = await live.systemInfo.wifiConnections()),
      mem: async () => (systemInfo.mem = await live.systemInfo.mem()),
    },
    env: new Proxy(live.env, {
      get(target, key) {
        const value = Reflect.get(target, key) as string | undefined;
        if (typeof key === 'string') env[key] = value ?? null;
        return value;
      },
    }),
    homeDir: live.homeDir,
    ownPids: () => (ownPids = live.ownPids()),
    listPrograms: async (options) => {
      try {
        const rows = await live.listPrograms(options);
        programs = { rows: rows.map((r) => ({ name: r.name, category: r.category, closable: r.closable })) };
        return rows;
      } catch (error) {
        programs = { error: error instanceof Error && 'code' in error ? error.message : 'The program list failed.' };
        throw error;
      }
    },
    now: () => {
      const now = live.now();
      recordedAt ??= now;
      return now;
    },
  };

  return {
    sources,
    finish(meta) {
      const fileRecords: FileRecord[] = [];
      for (const log of paths.values()) {
        const [first, ...later] = log.texts;
        const record: { -readonly [K in keyof FileRecord]: FileRecord[K] } = { path: log.path };
        if (first !== undefined) record.text = first;
        if (log.list !== undefined) record.list = log.list;
        if (log.mtimeMs !== undefined) record.mtimeMs = log.mtimeMs;
        if (log.exists === false || (log.exists === true && first === undefined && !log.list && !log.mtimeMs)) {
          record.exists = log.exists;
        }
        fileRecords.push(record);
        for (const text of later) fileRecords.push({ path: log.path, text });
      }
      return {
        readyroomVersion: meta.readyroomVersion,
        recordedAt: (recordedAt ?? live.now()).toISOString(),
        ...(meta.source !== undefined ? { source: meta.source } : {}),
        ...(meta.notes !== undefined ? { notes: meta.notes } : {}),
        system: meta.system,
        homeDir: live.homeDir,
        ownPids: [...ownPids],
        env: { ...env },
        // A command still running when the scan gave up has no answer to keep.
        commands: commands.filter((c): c is CommandRecord => c !== null),
        files: fileRecords,
        systemInfo: { ...systemInfo },
        stats: { ...stats },
        ...(programs !== undefined ? { programs } : {}),
        ...(meta.recordedStatuses !== undefined ? { recordedStatuses: meta.recordedStatuses } : {}),
      };
    },
  };
}
