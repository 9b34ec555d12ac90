import { createDefaultProgramsService } from '../cli-services';
import { dataDirOption, formatReopenResults, runWithPrograms } from '../programs-cli';
import type { ProgramsServiceFactory } from '../programs-cli';
import { parseCommandArgs } from '../cli-args';
import { exitCodes, UsageError, type CliCommand } from '../cli-types';

const usage = `Usage: reopen [--json] [--data-dir DIR]

Starts again the programs ReadyRoom closed (without any of their previous arguments).
Programs that could not be started stay remembered. Exit 1 when one could not be reopened.

  --json          print { "results": [ { "name", "outcome", "message" } ] }
  --data-dir DIR  ReadyRoom's data folder (default: the app's)
`;

export function createReopenCommand(factory: ProgramsServiceFactory = createDefaultProgramsService): CliCommand {
  return {
    name: 'reopen',
    summary: 'Reopen the programs ReadyRoom closed',
    usage,
    async run(argv, context) {
      const { values, positionals } = parseCommandArgs(argv, {
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        ...dataDirOption,
      });
      if (values.help) {
        context.io.stdout(usage);
        return exitCodes.ok;
      }
      if (positionals.length > 0) throw new UsageError('reopen takes no arguments.');
      const json = values.json === true;
      return runWithPrograms(context, { dataDir: values['data-dir'], json }, factory, async (service) => {
        const results = await service.reopen();
        context.io.stdout(json ? `${JSON.stringify({ results }, null, 2)}\n` : formatReopenResults(results));
        return results.every((r) => r.outcome === 'reopened') ? exitCodes.ok : exitCodes.failed;
      });
    },
  };
}

export const reopenCommand = createReopenCommand();
