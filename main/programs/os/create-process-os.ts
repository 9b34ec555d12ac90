import type { OsName } from '../../../shared/platform';
import type { ExecFn } from '../../platform/exec';
import type { KillFn, ProcessOs } from '../process-os';
import { createDarwinProcessOs } from './darwin';
import { createDetachedLauncher, type LaunchFn } from './detached-launch';
import { createLinuxProcessOs } from './linux';
import { createWin32ProcessOs } from './win32';

export interface ProcessOsDeps {
  readonly exec: ExecFn;
  /** POSIX uid of the current user. */
  readonly uid: number;
  /** Environment for relaunched programs and for finding %SystemRoot%. */
  readonly env: NodeJS.ProcessEnv;
  readonly kill?: KillFn;
  readonly launch?: LaunchFn;
}

/** The one place that picks the OS module. */
export function createProcessOs(os: OsName, deps: ProcessOsDeps): ProcessOs {
  const launch = deps.launch ?? createDetachedLauncher(deps.env);
  switch (os) {
    case 'linux':
      return createLinuxProcessOs({ uid: deps.uid, launch, ...(deps.kill ? { kill: deps.kill } : {}) });
    case 'darwin':
      return createDarwinProcessOs({
        exec: deps.exec,
        uid: deps.uid,
        launch,
        ...(deps.kill ? { kill: deps.kill } : {}),
      });
    case 'win32':
      return createWin32ProcessOs({
        exec: deps.exec,
        systemRoot: deps.env.SystemRoot ?? deps.env.SYSTEMROOT ?? 'C:\\Windows',
        launch,
      });
  }
}
