import type { CliCommand } from '../cli-types';

/** Every CLI command, in the order `--help` lists them. */
export const commands: readonly CliCommand[] = [];
