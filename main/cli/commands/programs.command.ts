import { isSessionPlatformId, platformChoiceError, sessionPlatformIds } from '../../../shared/session/platforms';
import { createDefaultProgramsService } from '../cli-services';
import { dataDirOption, formatProgramRows, runWithPrograms } from '../programs-cli';
import type { ProgramsServiceFactory } from '../programs-cli';
import { parseCommandArgs } from '../cli-args';
import { exitCodes, UsageError, type CliCommand } from '../cli-types';

const usage = `Usage: programs [--json] [--platform ID] [--data-dir DIR]

Lists the running programs worth closing before a session, one line per program.
Each has an id to pass to "close". The session platform (default: the one in your
settings) is never listed.

  --json          print { "programs": [ { "id", "name", "category", "pids", "closable", "reason" } ] }
  --platform ID   the session platform: ${sessionPlatformIds.join(', ')}
                  (Skype closed in May 2025 and can no longer be chosen)
  --data-dir DIR  ReadyRoom's data folder (default: the app's)
`;

export function createProgramsCommand(factory: ProgramsServiceFactory = createDefaultProgramsService): CliCommand {
  return {
    name: 'programs',
    summary: 'List running programs worth closing before a session',
    usage,
    async run(argv, context) {
      const { values, positionals } = parseCommandArgs(argv, {
        json: { type: 'boolean' },
        platform: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        ...dataDirOption,
      });
      if (values.help) {
        context.io.stdout(usage);
        return exitCodes.ok;
      }
      if (positionals.length > 0) throw new UsageError('programs takes no arguments.');
      const platform = values.platform;
      if (platform !== undefined && !isSessionPlatformId(platform)) throw new UsageError(platformChoiceError(platform));
      const json = values.json === true;
      return runWithPrograms(context, { dataDir: values['data-dir'], json }, factory, async (service) => {
        const rows = await service.list(platform ? { platform } : {});
        context.io.stdout(json ? `${JSON.stringify({ programs: rows }, null, 2)}\n` : formatProgramRows(rows));
        return exitCodes.ok;
      });
    },
  };
}

export const programsCommand = createProgramsCommand();
