import { Readable } from 'node:stream';

import type { CliContext } from '../../../main/cli/cli-types';

/** A CLI context that captures output, for running commands in-process. */
export function captureContext(defaultDataDir: string, env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const context: CliContext = {
    io: {
      stdout: (text) => void out.push(text),
      stderr: (text) => void err.push(text),
      stdin: Readable.from([]),
      interactive: false,
    },
    env,
    defaultDataDir,
    platform: process.platform,
  };
  return { context, stdout: () => out.join(''), stderr: () => err.join('') };
}
