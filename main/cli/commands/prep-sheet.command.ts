import { resolve } from 'node:path';

import { prepSheetFormats, prepSheetRequestSchema } from '../../../shared/ipc/safety.contract';
import { isSessionPlatformId, platformChoiceError, sessionPlatformIds } from '../../../shared/session/platforms';
import { createPrepSheetExport } from '../../export/prep-sheet-export';
import { parseCommandArgs } from '../cli-args';
import { exitCodes, UsageError, type CliCommand } from '../cli-types';

const usage = `Usage: prep-sheet --platform ID --format pdf|text --out FILE

Writes the client preparation sheet for a video platform: a private space, headphones, a charged
device, what to do if the call drops, the platform's privacy risks and how to leave the call fast.
It holds no client details. The file is not encrypted; send it to your client privately.

  --platform ID  ${sessionPlatformIds.join(', ')}
  --format       pdf or text
  --out FILE     where to write it (readable by you only)`;

/** `readyroom prep-sheet`: the same sheet as the app's export, without the save dialog. */
export const prepSheetCommand: CliCommand = {
  name: 'prep-sheet',
  summary: 'Write the client preparation sheet for a platform as PDF or text.',
  usage,
  async run(argv, context) {
    const { values, positionals } = parseCommandArgs(argv, {
      platform: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      context.io.stdout(`${usage}\n`);
      return exitCodes.ok;
    }
    if (positionals.length > 0) throw new UsageError('prep-sheet takes no arguments.');
    if (values.platform === undefined) throw new UsageError(`Say which platform: --platform ${sessionPlatformIds[0]}.`);
    if (!isSessionPlatformId(values.platform)) throw new UsageError(platformChoiceError(values.platform));
    const parsed = prepSheetRequestSchema.safeParse({ platform: values.platform, format: values.format });
    if (!parsed.success)
      throw new UsageError(`Say which kind of file: --format ${prepSheetFormats.join(' or --format ')}.`);
    if (values.out === undefined || values.out === '') throw new UsageError('Say where to write it: --out FILE.');
    const target = resolve(values.out);
    await createPrepSheetExport().write(parsed.data, target);
    context.io.stdout(`Wrote the preparation sheet to ${target}.\n`);
    context.io.stderr('This file is not encrypted. It holds no client details; send it to your client privately.\n');
    return exitCodes.ok;
  },
};
