/**
 * Runs Electronegativity 1.10.3 in-process and fully offline over chosen parts of a source tree.
 * Electronegativity fetches translations from S3 on every run (about 7 s of retries without a network)
 * and its AvailableSecurityFixes check fetches Electron's release list; we block both.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** Source parts of the repository the gate scans by default. package.json carries the npm scripts it checks. */
export const DEFAULT_ROOTS = ['main', 'renderer', 'package.json'] as const;

// Needs the network and only reports "a newer Electron exists"; Electron updates are tracked elsewhere.
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

// File types Electronegativity 1.10.3 reads (src/util/file.js list_files).
const SCANNED_FILE = /\.(js|jsx|ts|tsx|html|htm)$|package(-lock)?\.json$|yarn\.lock$/i;

const OFFLINE_MESSAGE = 'Could not retrieve updated translations for the current locale';

export type ScanResult = {
  /** Electronegativity's raw result: `{ issues, errors, globalChecks, atomicChecks }`. */
  raw: unknown;
  files: number;
  roots: string[];
  missingRoots: string[];
  blockedRequests: number;
  durationMs: number;
};

type RunElectronegativity = (options: Record<string, unknown>) => Promise<unknown>;

type Offline = { run: RunElectronegativity; blocked: { count: number } };

// Kept on the stub itself: Node's require cache outlives this module if a test runner re-imports it.
const OFFLINE = Symbol.for('readyroom.electronegativity-offline');

/** Loads Electronegativity with its HTTP client (`got`) replaced by one that fails at once, without a socket. */
function loadOffline(): Offline {
  const entry = require.resolve('@doyensec/electronegativity');
  const gotPath = createRequire(entry).resolve('got');
  const cachedGot = require.cache[gotPath]?.exports as { [OFFLINE]?: Offline } | undefined;
  if (cachedGot?.[OFFLINE]) return cachedGot[OFFLINE];
  if (require.cache[entry] || cachedGot) {
    throw new Error('Electronegativity was loaded before its network client could be blocked');
  }
  const blocked = { count: 0 };
  const refuse = (): Promise<never> => {
    blocked.count += 1;
    return Promise.reject(new Error('network disabled by the ReadyRoom security gate'));
  };
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  const stubExports = Object.assign(refuse, {
    default: refuse,
    head: refuse,
    get: refuse,
    post: refuse,
  }) as typeof refuse & { [OFFLINE]?: Offline };
  stub.exports = stubExports;
  require.cache[gotPath] = stub;

  const exported: unknown = require(entry);
  const run = (typeof exported === 'function' ? exported : (exported as { default?: unknown }).default) as
    RunElectronegativity | undefined;
  if (typeof run !== 'function') throw new Error('unexpected @doyensec/electronegativity export');
  stubExports[OFFLINE] = { run, blocked };
  return stubExports[OFFLINE];
}

/** The Electron version the checks assume: the installed package, else the package.json pin. */
export function electronVersion(repoRoot: string): string {
  try {
    const installed = createRequire(join(repoRoot, 'package.json'))('electron/package.json') as {
      version: string;
    };
    return installed.version;
  } catch {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      devDependencies?: Record<string, string>;
    };
    const pinned = pkg.devDependencies?.electron?.replace(/^[^\d]*/, '');
    if (!pinned) throw new Error('cannot tell which Electron version to check against');
    return pinned;
  }
}

function countScannable(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && SCANNED_FILE.test(entry.name)) count += 1;
  }
  return count;
}

/**
 * Copies the roots into a temporary folder (so global checks such as CSP see main and renderer together,
 * and nothing else in the repo) and scans it. Reported paths are relative to repoRoot, with `/`.
 */
export async function scanSources(options: {
  repoRoot: string;
  roots?: readonly string[];
  electronVersion?: string;
}): Promise<ScanResult> {
  const started = performance.now();
  const roots = [...(options.roots ?? DEFAULT_ROOTS)];
  const present = roots.filter((root) => existsSync(join(options.repoRoot, root)));
  const missingRoots = roots.filter((root) => !present.includes(root));
  const version = options.electronVersion ?? electronVersion(options.repoRoot);
  const { run, blocked } = loadOffline();
  const blockedBefore = blocked.count;

  const work = mkdtempSync(join(tmpdir(), 'readyroom-electronegativity-'));
  // Electronegativity logs the offline translation failure with console.log; keep the gate's output short.
  const originalLog = console.log;
  try {
    for (const root of present) {
      const from = join(options.repoRoot, root);
      cpSync(from, join(work, root), {
        recursive: true,
        filter: (source) => !source.split(/[\\/]/).includes('node_modules'),
      });
    }
    const files = countScannable(work);
    console.log = (...args: unknown[]) => {
      if (args.length === 1 && args[0] === OFFLINE_MESSAGE) return;
      originalLog(...args);
    };
    const raw = await run({
      input: work,
      electronVersionOverride: version,
      excludeFromScan: EXCLUDED_CHECKS,
      isRelative: true,
    });
    return {
      raw,
      files,
      roots: present,
      missingRoots,
      blockedRequests: blocked.count - blockedBefore,
      durationMs: performance.now() - started,
    };
  } finally {
    console.log = originalLog;
    rmSync(work, { recursive: true, force: true });
  }
}
