import type { CliCommand } from '../cli-types';
import { closeCommand } from './close.command';
import { programsCommand } from './programs.command';
import { reopenCommand } from './reopen.command';

/** Every CLI command, in the order `--help` lists them. */
export const commands: readonly CliCommand[] = [programsCommand, closeCommand, reopenCommand];
