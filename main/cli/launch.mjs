/**
 * `npm run -s cli`: runs the CLI from one bundled file (with its packages) in plain Node. Without
 * a TypeScript loader: tsx keeps its loader in a second thread (about 35 MB), which would sit on
 * top of scrypt's 128 MiB at every unlock. The bundle is rebuilt (esbuild, about half a second, in
 * a child process) only when a source file it was built from has changed; its name comes from its
 * content, so concurrent runs never read one half written.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '../..');
const outDir = join(root, 'out/cli');
const manifestPath = join(outDir, 'manifest.json');
/** This file, recorded with the sources: it holds the build settings. */
const launcher = 'main/cli/launch.mjs';

/** The bundle of the last build, if none of the files it was built from has changed since. */
function freshBundle() {
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    // A bundle whose build settings were not recorded (an older launcher) is rebuilt.
    if (manifest.inputs[launcher] === undefined) return null;
    for (const [file, mtimeMs] of Object.entries(manifest.inputs)) {
      if (statSync(join(root, file)).mtimeMs !== mtimeMs) return null;
    }
    statSync(join(outDir, manifest.bundle));
    return manifest.bundle;
  } catch {
    return null;
  }
}

function writeAtomically(path, data) {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}

async function rebuild() {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['main/cli/index.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The packages go into the bundle too: about 10 MiB less than loading zod and conf (with ajv)
    // from their hundreds of files, and that memory sits under scrypt's 128 MiB at every unlock.
    // systeminformation stays outside: it is imported only when a probe first needs it; pdfkit
    // too (only for a PDF report), and it reads its font metrics from files beside its own code.
    external: ['systeminformation', 'pdfkit'],
    // Bundled CommonJS packages call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    write: false,
    metafile: true,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error('the CLI could not be built');
  const bundle = `readyroom-cli.${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
  mkdirSync(outDir, { recursive: true });
  writeAtomically(join(outDir, bundle), code);
  const inputs = {};
  // This file too: a change to how the bundle is built must rebuild it.
  for (const file of [...Object.keys(result.metafile.inputs), launcher]) {
    inputs[file] = statSync(join(root, file)).mtimeMs;
  }
  writeAtomically(manifestPath, JSON.stringify({ bundle, inputs }));
  // Earlier bundles go; a run that already loaded one keeps it in memory.
  for (const name of readdirSync(outDir)) {
    if (name !== bundle && /^readyroom-cli\.[0-9a-f]{16}\.mjs$/.test(name)) rmSync(join(outDir, name), { force: true });
  }
  return bundle;
}

const buildOnly = 'READYROOM_CLI_BUILD_ONLY';

/**
 * Rebuilds in a short-lived child process: esbuild's output and its service would otherwise add
 * about 20 MB to this process, which then runs scrypt.
 */
function rebuildInChild() {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], {
    env: { ...process.env, [buildOnly]: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (child.status !== 0) throw new Error('the CLI could not be built');
  const bundle = freshBundle();
  if (!bundle) throw new Error('the CLI could not be built');
  return bundle;
}

if (process.env[buildOnly] === '1') {
  await rebuild();
} else {
  const bundle = freshBundle() ?? rebuildInChild();
  await import(pathToFileURL(join(outDir, bundle)).href);
}
