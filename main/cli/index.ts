import { createStderrSink, setLogSink } from '../logging/logger';
import { commands } from './commands';
import { defaultDataDir } from './data-dir';
import { runCli, takeGlobalFlags } from './run-cli';

/** `npm run -s cli -- <command>`: the headless front door to the same services the app uses. */
const { argv, verbose } = takeGlobalFlags(process.argv.slice(2));
// stderr is for the user's messages; diagnostic log lines only on request.
setLogSink(
  verbose || process.env.READYROOM_LOG_LEVEL === 'debug' ? createStderrSink('debug') : { write: () => undefined },
);

const code = await runCli(argv, commands, {
  io: {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdin: process.stdin,
    interactive: Boolean(process.stdin.isTTY),
  },
  env: process.env,
  defaultDataDir: defaultDataDir(),
  platform: process.platform,
});
process.exitCode = code;
