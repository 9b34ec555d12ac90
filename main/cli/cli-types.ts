import type { Readable } from 'node:stream';

export interface CliIo {
  /** Writes to stdout as is (add your own newline). With --json only JSON goes here. */
  stdout(text: string): void;
  /** Writes to stderr as is. */
  stderr(text: string): void;
  readonly stdin: Readable;
  /** True when stdin is an interactive terminal (prompts are allowed). */
  readonly interactive: boolean;
}

export interface CliContext {
  readonly io: CliIo;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The app's data folder on this OS; commands accept --data-dir to override it. */
  readonly defaultDataDir: string;
  readonly platform: NodeJS.Platform;
}

export interface CliCommand {
  readonly name: string;
  /** One line for `--help`. */
  readonly summary: string;
  /** Full usage text for `<command> --help`. */
  readonly usage: string;
  /** Returns the exit code: 0 success, 1 a check or action failed, 2 usage error or bad input. */
  run(argv: readonly string[], context: CliContext): Promise<number>;
  /**
   * True when this run can only read (list, show, test a passphrase), so an unexpected failure is
   * known to have changed nothing. Absent: not known, and the CLI does not claim it.
   */
  changesNothing?(argv: readonly string[]): boolean;
}

/** Thrown for bad arguments or input: the CLI prints its message on one line and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A parsed option: a flag, a value, or every value of a repeatable option. */
export type CliOptionValue = string | boolean | readonly string[] | undefined;
export type CliOptionValues = Readonly<Record<string, CliOptionValue>>;
/** How a command layer declares extra options (node:util parseArgs' own shape). */
export type CliOptionSpecs = Readonly<Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>>;

export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;
