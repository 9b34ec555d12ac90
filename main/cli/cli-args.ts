import { parseArgs, type ParseArgsConfig } from 'node:util';

import { UsageError } from './cli-types';

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs in strict mode, with every parse problem turned into a UsageError (exit 2). */
export function parseCommandArgs<O extends Options>(argv: readonly string[], options: O, allowPositionals = true) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError(
      error instanceof Error ? (error.message.split('\n')[0] ?? 'Bad arguments.') : 'Bad arguments.',
    );
  }
}
