import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The nearest package.json above this file that is ReadyRoom's (from the sources or the bundled CLI). */
function readOwnPackage(): { version?: unknown } | null {
  let dir = import.meta.dirname;
  for (let depth = 0; depth < 6; depth += 1) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'readyroom') return pkg;
    } catch {
      // Not here; look one folder up.
    }
    dir = dirname(dir);
  }
  return null;
}

/** The version in package.json, recorded in every log the CLI saves (as the app records its own). */
export const appVersion: string = (() => {
  const version = readOwnPackage()?.version;
  return typeof version === 'string' ? version : '0.0.0';
})();
