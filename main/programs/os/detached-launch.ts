import { spawn } from 'node:child_process';

import type { RelaunchOutcome } from '../process-os';

/** Starts a program that outlives ReadyRoom: no shell, no arguments we did not choose, no pipes. */
export type LaunchFn = (file: string, args: readonly string[]) => Promise<RelaunchOutcome>;

/** Variables that would make a relaunched Electron or Node program behave unlike its normal self. */
const droppedVariables = /^(ELECTRON_|NODE_OPTIONS$|NODE_CHANNEL_FD$|NODE_UNIQUE_ID$)/;

export function relaunchEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) if (!droppedVariables.test(key)) out[key] = value;
  return out;
}

/** A launcher that spawns detached with the given environment (ReadyRoom's own, cleaned, by default). */
export function createDetachedLauncher(env: NodeJS.ProcessEnv = process.env, cwd?: string): LaunchFn {
  const cleanEnv = relaunchEnvironment(env);
  return (file, args) =>
    new Promise<RelaunchOutcome>((resolve) => {
      let child: ReturnType<typeof spawn>;
      try {
        child = spawn(file, [...args], {
          shell: false,
          detached: true,
          stdio: 'ignore',
          windowsHide: false,
          env: cleanEnv,
          ...(cwd ? { cwd } : {}),
        });
      } catch (error) {
        resolve({ ok: false, detail: spawnProblem((error as NodeJS.ErrnoException).code) });
        return;
      }
      child.once('spawn', () => {
        child.unref();
        resolve({ ok: true });
      });
      child.once('error', (error: NodeJS.ErrnoException) => resolve({ ok: false, detail: spawnProblem(error.code) }));
    });
}

function spawnProblem(code: string | undefined): string {
  if (code === 'ENOENT') return 'The program is no longer where it was: it may have been updated, moved or removed.';
  if (code === 'EACCES') return 'The system did not allow ReadyRoom to start it.';
  return 'It could not be started.';
}
