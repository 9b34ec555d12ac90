import { isAppError } from '../../shared/errors';
import { createLogger, describeError } from '../logging/logger';
import { UsageError, exitCodes, type CliCommand, type CliContext } from './cli-types';

const log = createLogger('cli');

export function helpText(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length), 8);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'ReadyRoom: before-session readiness checks and an encrypted readiness log.',
    '',
    'Usage: npm run -s cli -- <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `<command> --help` for its options. Add --json for machine-readable output (only JSON on stdout).',
    'Add --verbose to any command to see its diagnostic log lines on stderr (they never hold client data).',
    'Exit codes: 0 success, 1 a check or action failed, 2 usage error or bad input.',
    '',
  ].join('\n');
}

/**
 * Takes the global `--verbose` flag out of the arguments (wherever it is, up to a `--`), so the
 * commands never see it.
 */
export function takeGlobalFlags(argv: readonly string[]): { readonly argv: string[]; readonly verbose: boolean } {
  const end = argv.indexOf('--');
  const head = end < 0 ? argv : argv.slice(0, end);
  const tail = end < 0 ? [] : argv.slice(end);
  return { argv: [...head.filter((a) => a !== '--verbose'), ...tail], verbose: head.includes('--verbose') };
}

/** The line for a failure nobody expected: what is known, and how to learn more. */
function unexpectedFailure(command: CliCommand, argv: readonly string[]): string {
  let readOnly = false;
  try {
    readOnly = command.changesNothing?.(argv) ?? false;
  } catch {
    readOnly = false;
  }
  const known = readOnly ? ' This command only reads, so nothing was changed.' : '';
  return `readyroom ${command.name}: something went wrong.${known} Run it again with --verbose to see where, or report this.\n`;
}

/** Dispatches argv to a command; every failure becomes an exit code and one line on stderr. */
export async function runCli(
  argv: readonly string[],
  commands: readonly CliCommand[],
  context: CliContext,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    context.io.stdout(helpText(commands));
    return exitCodes.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    context.io.stderr(`readyroom: unknown command "${name}". Run --help to see the commands.\n`);
    return exitCodes.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    context.io.stdout(`${command.usage.trimEnd()}\n`);
    return exitCodes.ok;
  }
  try {
    return await command.run(rest, context);
  } catch (error) {
    if (error instanceof UsageError) {
      context.io.stderr(`readyroom ${command.name}: ${error.message}\n`);
      return exitCodes.usage;
    }
    if (isAppError(error)) {
      context.io.stderr(`readyroom ${command.name}: ${error.message}\n`);
      const badInput = error.code === 'BAD_REQUEST' || error.code === 'NOT_FOUND' || error.code === 'STALE';
      return badInput ? exitCodes.usage : exitCodes.failed;
    }
    log.error('command failed', { command: command.name, error: describeError(error) });
    context.io.stderr(unexpectedFailure(command, rest));
    return exitCodes.failed;
  }
}
