import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The version in package.json, recorded in every log the CLI saves (as the app records its own). */
export const appVersion: string = (() => {
  try {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
})();
