import { createStderrSink, setLogSink } from '../logging/logger';
import { commands } from './commands';
import { defaultDataDir } from './data-dir';
import { runCli } from './run-cli';

/** `npm run -s cli -- <command>`: the headless front door to the same services the app uses. */
setLogSink(createStderrSink(process.env.READYROOM_LOG_LEVEL === 'debug' ? 'debug' : 'error'));

const code = await runCli(process.argv.slice(2), commands, {
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
