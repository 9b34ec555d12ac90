import type { ProgramsService } from '../../programs/programs-service';
import type { HandlersFor } from '../handler-types';

/** The renderer names programs only by listing id; the contract's schema already refused anything else. */
export function createProgramsHandlers(
  programs: ProgramsService,
): HandlersFor<'programs:list' | 'programs:close' | 'programs:closed' | 'programs:reopen'> {
  return {
    'programs:list': async ({ platform }) => ({ programs: await programs.list(platform ? { platform } : {}) }),
    'programs:close': async ({ ids, force, timeoutSec }) => ({
      results: await programs.close(ids, {
        ...(force !== undefined ? { force } : {}),
        ...(timeoutSec !== undefined ? { timeoutSec } : {}),
      }),
    }),
    'programs:closed': async () => ({ programs: await programs.closed() }),
    'programs:reopen': async () => ({ results: await programs.reopen() }),
  };
}
