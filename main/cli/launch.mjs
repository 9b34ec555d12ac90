/**
 * `npm run -s cli`: runs the CLI from one bundled file in plain Node. Without a TypeScript
 * loader: tsx keeps its loader in a second thread (about 35 MB), which would sit on top of
 * scrypt's 128 MiB at every unlock. The bundle is rebuilt (esbuild, about half a second) only
 * when a source file it was built from has changed; its name comes from its content, so
 * concurrent runs never read one half written.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '../..');
const outDir = join(root, 'out/cli');
const manifestPath = join(outDir, 'manifest.json');

/** The bundle of the last build, if none of the files it was built from has changed since. */
function freshBundle() {
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
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
    packages: 'external',
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
  for (const file of Object.keys(result.metafile.inputs)) inputs[file] = statSync(join(root, file)).mtimeMs;
  writeAtomically(manifestPath, JSON.stringify({ bundle, inputs }));
  // Earlier bundles go; a run that already loaded one keeps it in memory.
  for (const name of readdirSync(outDir)) {
    if (name !== bundle && /^readyroom-cli\.[0-9a-f]{16}\.mjs$/.test(name)) rmSync(join(outDir, name), { force: true });
  }
  return bundle;
}

const bundle = freshBundle() ?? (await rebuild());
await import(pathToFileURL(join(outDir, bundle)).href);
