/**
 * `npm run lint:security`: scans main/, renderer/ and package.json with Electronegativity, offline,
 * and exits 1 on any HIGH or MEDIUM finding that test/tools/electronegativity-allowlist.json does not explain.
 * Electronegativity itself exits 0 whatever it finds, hence this wrapper.
 *
 * Usage: tsx test/tools/electronegativity-gate.ts [--root DIR] [--allowlist FILE]
 * Exit codes: 0 pass, 1 unexplained finding or unparsable source, 2 the gate itself could not run.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { evaluate, formatSummary, parseAllowlist, parseReport } from './electronegativity-policy';
import { scanSources } from './electronegativity-scan';

const here = dirname(fileURLToPath(import.meta.url));

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      root: { type: 'string' },
      allowlist: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write('Usage: tsx test/tools/electronegativity-gate.ts [--root DIR] [--allowlist FILE]\n');
    return 0;
  }
  const repoRoot = resolve(values.root ?? join(here, '..', '..'));
  const allowlistPath = resolve(values.allowlist ?? join(here, 'electronegativity-allowlist.json'));
  // Read the allowlist first: a broken list should fail before a scan, not after.
  const allowlist = parseAllowlist(JSON.parse(readFileSync(allowlistPath, 'utf8')));

  const scan = await scanSources({ repoRoot });
  for (const root of scan.missingRoots) process.stderr.write(`! ${root} not found under ${repoRoot}, not scanned\n`);
  if (scan.files === 0) {
    process.stderr.write(`electronegativity-gate: no source files found under ${repoRoot}\n`);
    return 2;
  }
  const { findings, parseErrors } = parseReport(scan.raw);
  const verdict = evaluate(findings, allowlist, parseErrors);
  process.stdout.write(`${formatSummary(verdict, scan)}\n`);
  return verdict.passed ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`electronegativity-gate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
