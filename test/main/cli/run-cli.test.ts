import { Readable } from 'node:stream';

import { beforeEach, describe, expect, it } from 'vitest';

import { AppError, type ErrorCode } from '../../../shared/errors';
import { UsageError, type CliCommand, type CliContext, type CliIo } from '../../../main/cli/cli-types';
import { helpText, runCli, takeGlobalFlags } from '../../../main/cli/run-cli';
import { createMemorySink, setLogSink } from '../../../main/logging/logger';

const marker = 'MARKER-c11e';

class RecordingIo implements CliIo {
  readonly out: string[] = [];
  readonly err: string[] = [];
  readonly stdin = Readable.from([]);
  readonly interactive = false;
  stdout(text: string): void {
    this.out.push(text);
  }
  stderr(text: string): void {
    this.err.push(text);
  }
  get stdoutText(): string {
    return this.out.join('');
  }
  get stderrText(): string {
    return this.err.join('');
  }
}

/** A command that records its arguments and then does what `behaviour` says. */
function command(
  name: string,
  behaviour: (argv: readonly string[]) => Promise<number> | number,
): CliCommand & { runs: (readonly string[])[] } {
  const runs: (readonly string[])[] = [];
  return {
    name,
    summary: `Does ${name} things.`,
    usage: `Usage: npm run -s cli -- ${name} [--json]\n\n  --json  print JSON\n\n`,
    runs,
    run: async (argv) => {
      runs.push(argv);
      return behaviour(argv);
    },
  };
}

function context(io: RecordingIo): CliContext {
  return { io, env: {}, defaultDataDir: '/tmp/readyroom-test', platform: 'linux' };
}

/** Exactly one line, ending in a newline. */
function expectOneLine(text: string): void {
  expect(text.endsWith('\n')).toBe(true);
  expect(text.split('\n')).toHaveLength(2);
}

let io: RecordingIo;
let sink: ReturnType<typeof createMemorySink>;

beforeEach(() => {
  io = new RecordingIo();
  sink = createMemorySink();
  setLogSink(sink);
});

describe('runCli', () => {
  const scan = command('scan', () => 0);
  const logs = command('logs', () => 0);

  it.each([[[]], [['--help']], [['-h']], [['help']]])(
    'prints the help listing every command for %j and exits 0',
    async (argv) => {
      const code = await runCli(argv, [scan, logs], context(io));
      expect(code).toBe(0);
      expect(io.stdoutText).toContain('scan');
      expect(io.stdoutText).toContain('Does scan things.');
      expect(io.stdoutText).toContain('logs');
      expect(io.stdoutText).toContain('Does logs things.');
      expect(io.stderrText).toBe('');
    },
  );

  it('answers an unknown command with exit 2 and one line on stderr', async () => {
    const code = await runCli(['scna', '--json'], [scan], context(io));
    expect(code).toBe(2);
    expectOneLine(io.stderrText);
    expect(io.stderrText).toContain('scna');
    expect(io.stdoutText).toBe('');
  });

  it.each([['--help'], ['-h']])('prints the command usage for `scan %s` without running it', async (flag) => {
    const cmd = command('scan', () => 1);
    const code = await runCli(['scan', '--json', flag], [cmd], context(io));
    expect(code).toBe(0);
    expect(io.stdoutText).toBe('Usage: npm run -s cli -- scan [--json]\n\n  --json  print JSON\n');
    expect(cmd.runs).toEqual([]);
  });

  it('runs the command with the remaining arguments and returns its exit code', async () => {
    const cmd = command('scan', () => 1);
    expect(await runCli(['scan', '--only', 'security.firewall'], [cmd], context(io))).toBe(1);
    expect(cmd.runs).toEqual([['--only', 'security.firewall']]);
  });

  it('turns a UsageError into exit 2 with one line on stderr', async () => {
    const cmd = command('scan', () => {
      throw new UsageError('Unknown option --fast.');
    });
    expect(await runCli(['scan', '--fast'], [cmd], context(io))).toBe(2);
    expect(io.stderrText).toBe('readyroom scan: Unknown option --fast.\n');
  });

  it.each<[ErrorCode, number]>([
    ['NOT_FOUND', 2],
    ['BAD_REQUEST', 2],
    ['STALE', 2],
    ['LOCKED', 1],
    ['WRONG_PASSPHRASE', 1],
    ['UNAVAILABLE', 1],
    ['INTERNAL', 1],
  ])('turns AppError %s into exit %i with its message on one line', async (errorCode, exit) => {
    const cmd = command('logs', () => {
      throw new AppError(errorCode, 'That did not work.');
    });
    expect(await runCli(['logs'], [cmd], context(io))).toBe(exit);
    expect(io.stderrText).toBe('readyroom logs: That did not work.\n');
  });

  it('turns an unexpected error into exit 1 with a generic line that does not echo its message', async () => {
    const cmd = command('scan', () => {
      throw new Error(`client AB-017 at /home/alice ${marker}`);
    });
    expect(await runCli(['scan'], [cmd], context(io))).toBe(1);
    expectOneLine(io.stderrText);
    expect(io.stderrText).toMatch(/^readyroom scan: /);
    expect(io.stderrText).not.toContain(marker);
    expect(io.stdoutText).toBe('');
  });

  it('does not log the message of an unexpected error (the CLI logs to stderr)', async () => {
    const cmd = command('scan', () => {
      throw new Error(`client AB-017 ${marker}`);
    });
    await runCli(['scan'], [cmd], context(io));
    expect(sink.entries.length).toBeGreaterThan(0);
    expect(JSON.stringify(sink.entries)).not.toContain(marker);
  });

  it('claims nothing was changed only for a run the command knows only reads, and points to --verbose', async () => {
    const boom = () => {
      throw new Error('boom');
    };
    const writer = command('logs', boom);
    expect(await runCli(['logs', 'delete', 'x'], [writer], context(io))).toBe(1);
    expectOneLine(io.stderrText);
    expect(io.stderrText).not.toMatch(/nothing was (lost|changed)/i);
    expect(io.stderrText).toContain('--verbose');

    const reader = { ...command('logs', boom), changesNothing: (argv: readonly string[]) => argv[0] === 'list' };
    const second = new RecordingIo();
    expect(await runCli(['logs', 'list'], [reader], context(second))).toBe(1);
    expectOneLine(second.stderrText);
    expect(second.stderrText).toMatch(/nothing was changed/);
  });

  it('handles a thrown value that is not an Error', async () => {
    const cmd = command('scan', () => {
      throw marker;
    });
    expect(await runCli(['scan'], [cmd], context(io))).toBe(1);
    expect(io.stderrText).not.toContain(marker);
  });
});

describe('takeGlobalFlags', () => {
  it('takes --verbose out wherever it is, but not after --', () => {
    expect(takeGlobalFlags(['logs', 'list', '--verbose', '--json'])).toEqual({
      argv: ['logs', 'list', '--json'],
      verbose: true,
    });
    expect(takeGlobalFlags(['--verbose', 'scan'])).toEqual({ argv: ['scan'], verbose: true });
    expect(takeGlobalFlags(['logs', 'show', '--', '--verbose'])).toEqual({
      argv: ['logs', 'show', '--', '--verbose'],
      verbose: false,
    });
  });
});

describe('helpText', () => {
  it('lists the exit codes and the --json promise', () => {
    const text = helpText([command('scan', () => 0)]);
    expect(text).toContain('Exit codes: 0 success, 1 a check or action failed, 2 usage error or bad input.');
    expect(text).toContain('--json');
  });

  it('lines up the summaries of commands with names of different lengths', () => {
    const text = helpText([command('a', () => 0), command('close-programs', () => 0)]);
    const column = (name: string) => {
      const line = text.split('\n').find((l) => l.trimStart().startsWith(`${name} `)) ?? '';
      return line.indexOf('Does');
    };
    expect(column('a')).toBeGreaterThan(0);
    expect(column('a')).toBe(column('close-programs'));
  });

  it('works with no commands', () => {
    expect(helpText([])).toContain('Commands:');
  });
});
