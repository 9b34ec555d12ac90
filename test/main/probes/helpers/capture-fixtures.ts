import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Test fixtures that live inside capture folders (test/fixtures/captures/<name>/). */
export const capturesDir = fileURLToPath(new URL('../../../fixtures/captures/', import.meta.url));

/** A file of a capture folder, e.g. captureFile('linux-listeners-ubuntu', 'pasted/upower-dump.txt'). */
export function captureFile(capture: string, path: string): string {
  return readFileSync(join(capturesDir, capture, path), 'utf8');
}

interface BatchEntry {
  readonly part: string;
  readonly value?: unknown;
  readonly valueFile?: string;
  readonly textFile?: string;
}

/** The Windows batch parts of a capture by name, with `valueFile` and `textFile` read. */
export function captureBatchParts(capture: string): Record<string, unknown> {
  const index = JSON.parse(captureFile(capture, 'capture.json')) as { commands: { batch?: BatchEntry[] }[] };
  const out: Record<string, unknown> = {};
  for (const entry of index.commands.flatMap((c) => c.batch ?? [])) {
    if (entry.valueFile) out[entry.part] = JSON.parse(captureFile(capture, entry.valueFile)) as unknown;
    else if (entry.textFile) out[entry.part] = captureFile(capture, entry.textFile);
    else out[entry.part] = entry.value;
  }
  return out;
}

/** The stdout a capture recorded for a command, by its argv (inline or from its file). */
export function captureStdout(capture: string, argv: readonly string[]): string {
  const index = JSON.parse(captureFile(capture, 'capture.json')) as {
    commands: { argv?: string[]; stdout?: string; stdoutFile?: string }[];
  };
  const command = index.commands.find((c) => JSON.stringify(c.argv) === JSON.stringify(argv));
  if (!command) throw new Error(`${capture} has no command ${argv.join(' ')}`);
  return command.stdoutFile ? captureFile(capture, command.stdoutFile) : (command.stdout ?? '');
}
