import type { CheckStatus } from '../../../shared/checks/check-result';
import type { JsonValue } from '../../../shared/json';
import type { OsName } from '../../../shared/platform';
import type { ProgramCategory } from '../../../shared/programs/program-types';
import type { SiBattery, SiMemory, SiWifi } from '../system-info';

/** The format id written into every capture's index; bump the number when a field changes meaning. */
export const captureFormatId = 'readyroom.capture/1' as const;
/** The index file in a capture folder. */
export const captureIndexName = 'capture.json';

/** One part of the Windows PowerShell batch: a value or the error that part hit. */
export type BatchPart =
  | { readonly part: string; readonly ms: number; readonly value: JsonValue }
  | { readonly part: string; readonly ms: number; readonly error: string };

/** One run of a command, as the scan saw it. */
export interface CommandRecord {
  /** Program and arguments; null for a hand-written Windows batch without argv (matches any powershell.exe). */
  readonly argv: readonly string[] | null;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  /** Why the command could not be started (ENOENT: not installed). */
  readonly spawnError: string | null;
  readonly ms: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Set when stdout is the Windows batch, described part by part (stdout is then assembled from it). */
  readonly batch?: readonly BatchPart[];
}

/** What one look at a path found. Several records for one path play in order (e.g. two traffic samples). */
export interface FileRecord {
  readonly path: string;
  /** The file's text, when it was read. */
  readonly text?: string;
  /** The folder's entries, when it was listed. */
  readonly list?: readonly string[];
  /** Modification time, ms since the epoch. */
  readonly mtimeMs?: number;
  /** False: nothing there (or not readable); true: it exists even if it could not be read. */
  readonly exists?: boolean;
}

export interface CaptureSystem {
  readonly platform: OsName;
  /** os.release(): kernel or build number. */
  readonly release: string;
  /** os.version(): the OS's own description, when known. */
  readonly version?: string;
  readonly arch: string;
}

export interface CapturedProgram {
  readonly name: string;
  readonly category: ProgramCategory;
  readonly closable?: boolean;
}

/** Everything a scan read on one computer, in memory. Loaded from or written to a capture folder. */
export interface CaptureData {
  /** The ReadyRoom version that made it ("hand-written" for a capture put together by hand). */
  readonly readyroomVersion: string;
  /** When the scan ran (ISO 8601); replay runs at this time. */
  readonly recordedAt: string;
  readonly source?: string;
  readonly notes?: string;
  readonly system: CaptureSystem;
  readonly homeDir: string;
  readonly ownPids: readonly number[];
  /** Environment variables the checks read; null: not set. */
  readonly env: Readonly<Record<string, string | null>>;
  readonly commands: readonly CommandRecord[];
  readonly files: readonly FileRecord[];
  readonly systemInfo: {
    readonly battery?: SiBattery | null;
    readonly wifiConnections?: readonly SiWifi[] | null;
    readonly mem?: SiMemory | null;
  };
  readonly stats: {
    readonly cores?: number;
    readonly cpuBusyPercent?: number;
    readonly memory?: { readonly totalBytes: number; readonly availableBytes: number };
  };
  /** The running programs worth closing (names and categories only), or why they could not be listed; absent: not recorded. */
  readonly programs?: { readonly rows: readonly CapturedProgram[] } | { readonly error: string };
  /** What the live scan said when the capture was made (for comparison; replay does not read it). */
  readonly recordedStatuses?: Readonly<Record<string, CheckStatus>>;
  /** How many values of each kind the capture command replaced before writing. */
  readonly redacted?: Readonly<Record<string, number>>;
}
