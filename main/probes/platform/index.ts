import { createDarwinFacts } from './darwin';
import { createLinuxFacts } from './linux';
import type { PlatformDeps, PlatformFacts } from './platform-types';
import { createUnsupportedFacts } from './unsupported';
import { createWin32Facts, defaultWin32Options, type Win32Options } from './win32';

/** The per-OS module for `os`, created afresh for every scan so its answers are memoised per scan. */
export function createPlatformFacts(
  os: NodeJS.Platform,
  deps: PlatformDeps,
  win32?: Partial<Win32Options>,
): PlatformFacts {
  switch (os) {
    case 'linux':
      return createLinuxFacts(deps);
    case 'darwin':
      return createDarwinFacts(deps);
    case 'win32':
      return createWin32Facts(deps, { ...defaultWin32Options, ...win32 });
    default:
      return createUnsupportedFacts(os);
  }
}
