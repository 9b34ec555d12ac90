import { AppError } from '../../shared/errors';
import type { ProgramsService } from './programs-service';

/** On an OS ReadyRoom does not support, every request says so instead of pretending nothing runs. */
export function createUnsupportedProgramsService(platform: string): ProgramsService {
  const refuse = async (): Promise<never> => {
    throw new AppError('UNAVAILABLE', `ReadyRoom cannot list or close programs on ${platform}.`);
  };
  return { list: refuse, close: refuse, closed: refuse, reopen: refuse };
}
