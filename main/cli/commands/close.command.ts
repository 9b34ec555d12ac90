import { createDefaultProgramsService } from '../cli-services';
import { dataDirOption, formatCloseResults, runWithPrograms } from '../programs-cli';
import type { ProgramsServiceFactory } from '../programs-cli';
import { defaultCloseTimeoutSec } from '../../programs/programs-service';
import { parseCommandArgs } from '../cli-args';
import { exitCodes, UsageError, type CliCommand } from '../cli-types';

const usage = `Usage: close <id>... [--force] [--timeout SEC] [--json] [--data-dir DIR]

Asks the programs with these ids (from "programs") to close, waits, and reports for each:
closed, still-running, refused or gone. Exit 0 when all closed, 1 when one did not,
2 for an unknown or out-of-date id.

  --force         if a program does not close when asked, end it anyway
                  (anything unsaved in it is lost)
  --timeout SEC   how long to wait for each program (default ${defaultCloseTimeoutSec})
  --json          print { "results": [ { "id", "name", "outcome", "message" } ] }
  --data-dir DIR  ReadyRoom's data folder (default: the app's)
`;

export function createCloseCommand(factory: ProgramsServiceFactory = createDefaultProgramsService): CliCommand {
  return {
    name: 'close',
    summary: 'Close programs from the latest "programs" list',
    usage,
    async run(argv, context) {
      const { values, positionals } = parseCommandArgs(argv, {
        force: { type: 'boolean' },
        timeout: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        ...dataDirOption,
      });
      if (values.help) {
        context.io.stdout(usage);
        return exitCodes.ok;
      }
      if (positionals.length === 0) throw new UsageError('Name at least one program id from "programs".');
      const timeoutSec = values.timeout === undefined ? defaultCloseTimeoutSec : Number(values.timeout);
      if (values.timeout !== undefined && (!/^\d+$/.test(values.timeout) || timeoutSec > 600)) {
        throw new UsageError('--timeout must be a whole number of seconds from 0 to 600.');
      }
      const json = values.json === true;
      if (values.force && !json) {
        context.io.stderr('Forcing a program to close loses anything unsaved in it.\n');
      }
      return runWithPrograms(context, { dataDir: values['data-dir'], json }, factory, async (service) => {
        const results = await service.close(positionals, { force: values.force === true, timeoutSec });
        context.io.stdout(json ? `${JSON.stringify({ results }, null, 2)}\n` : formatCloseResults(results));
        const allDone = results.every((r) => r.outcome === 'closed' || r.outcome === 'gone');
        return allDone ? exitCodes.ok : exitCodes.failed;
      });
    },
  };
}

export const closeCommand = createCloseCommand();
