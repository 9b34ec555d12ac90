import { CaptureError } from '../../probes/capture/capture-format';
import { readCaptureFolder } from '../../probes/capture/capture-folder';
import { createReplayScanService } from '../../probes/capture/capture-replay';
import type { ScanService } from '../../probes/scan-service';
import { UsageError, type CliOptionValues } from '../cli-types';

/** `scan --replay DIR`: the extra option the scan command takes. */
export const scanReplayOptions = { replay: { type: 'string' } } as const;

export const scanReplayUsage = `Replaying a capture (see docs/capture.md):
  --replay DIR            Run every check on the answers recorded in DIR (made by \`capture\` or by hand)
                          instead of on this computer, whatever OS this is. Nothing on this computer is
                          read or run. The checks that need the live network are skipped. Not with --save.`;

/** The replay scan service when --replay was given, else null; a bad capture is a usage error (exit 2). */
export async function replayScanServiceFor(options: CliOptionValues): Promise<ScanService | null> {
  const dir = options.replay;
  if (dir === undefined) return null;
  if (typeof dir !== 'string' || dir.trim() === '') throw new UsageError('--replay needs the folder of a capture.');
  if (options.save === true) {
    throw new UsageError('--save cannot be used with --replay: a replayed scan says nothing about this computer.');
  }
  try {
    return createReplayScanService(await readCaptureFolder(dir));
  } catch (error) {
    if (error instanceof CaptureError) throw new UsageError(error.message);
    throw error;
  }
}
