import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { describe, expect, it } from 'vitest';

import electronConfig from '../../vitest.electron.config';
import mainConfig from '../../vitest.config';

const root = join(import.meta.dirname, '../..');
const workflowsDir = join(root, '.github/workflows');
const workflowFiles = readdirSync(workflowsDir).filter((name) => /\.ya?ml$/.test(name));
const oses = ['windows-latest', 'macos-latest', 'ubuntu-latest'];

type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

/** The parser's serialised tokens as plain values; expressions come back as `${{ … }}`. */
function plain(token: unknown): Plain {
  if (token === null || typeof token !== 'object') return token as Plain;
  const t = token as { type?: number; map?: { Key: unknown; Value: unknown }[]; seq?: unknown[]; expr?: string };
  if (t.map) return Object.fromEntries(t.map.map((e) => [String(plain(e.Key)), plain(e.Value)]));
  if (t.seq) return t.seq.map(plain);
  if (t.expr !== undefined) return `\${{ ${t.expr} }}`;
  return null;
}

function parse(name: string, content: string) {
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  return { result, errors: result.context.errors.getErrors().map((e) => e.message) };
}

async function load(name: string) {
  const content = readFileSync(join(workflowsDir, name), 'utf8');
  const { result, errors } = parse(name, content);
  expect(errors).toEqual([]);
  if (!result.value) throw new Error(`${name} did not parse`);
  const template = await convertWorkflowTemplate(result.context, result.value);
  return { content, template, doc: plain(JSON.parse(JSON.stringify(result.value))) as Record<string, Plain> };
}

type Job = {
  'runs-on': Plain;
  strategy: { 'fail-fast': boolean; matrix: { os: string[] } };
  steps: Step[];
  permissions?: Plain;
};
type Step = { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, Plain> };

describe('the GitHub Actions workflows', () => {
  it('exist, and the schema parser rejects a broken one (so the checks below mean something)', () => {
    expect(workflowFiles).toContain('ci.yml');
    expect(
      parse('broken.yml', 'on: push\njobs:\n  a:\n    runs_on: ubuntu-latest\n    steps: []\n').errors,
    ).not.toEqual([]);
  });

  it.each(workflowFiles)(
    '%s is a valid workflow with least-privilege permissions and SHA-pinned actions',
    async (name) => {
      const { content, template, doc } = await load(name);
      expect(template.errors ?? []).toEqual([]);
      expect(doc.permissions).toEqual({ contents: 'read' });
      for (const job of Object.values(doc.jobs as Record<string, Job>)) {
        if (job.permissions !== undefined) expect(job.permissions).toEqual({ contents: 'read' });
      }
      const uses = [...content.matchAll(/^\s*(?:-\s*)?uses:\s*(\S+)(.*)$/gm)];
      expect(uses.length).toBeGreaterThan(0);
      for (const [, ref, rest] of uses) {
        // owner/repo@<full commit SHA> # v<version>
        expect(ref).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
        expect(rest).toMatch(/^\s+# v\d+(\.\d+)*\b/);
      }
    },
  );

  describe('ci.yml', () => {
    const jobsOf = async () => (await load('ci.yml')).doc.jobs as Record<string, Job>;
    const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');

    it('tests, captures and scans on Windows, macOS and Linux, each to the end', async () => {
      const { test } = await jobsOf();
      expect(test?.strategy).toEqual({ 'fail-fast': false, matrix: { os: oses } });
      expect(test?.['runs-on']).toBe('${{ matrix.os }}');
      const commands = runs(test as Job);
      expect(commands).toMatch(/npm ci\b/);
      expect(commands).toMatch(/^npm test$/m);
      expect(commands).toMatch(/npm run -s cli -- capture --out "\$RUNNER_TEMP\/capture"/);
      expect(commands).toMatch(/npm run -s cli -- scan --json/);
      expect(commands).toMatch(/scan --replay "\$RUNNER_TEMP\/capture" --json/);
      const upload = test?.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
      expect(upload?.if).toBe('always()');
      expect(String(upload?.with?.path)).toContain('/capture');
    });

    it('uses the Node version in .nvmrc', async () => {
      expect(existsSync(join(root, '.nvmrc'))).toBe(true);
      for (const job of Object.values(await jobsOf())) {
        const setup = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
        expect(setup?.with?.['node-version-file']).toBe('.nvmrc');
      }
    });

    it('launches the real Electron app on every OS, under a virtual display on Linux', async () => {
      const { electron } = await jobsOf();
      expect(electron?.strategy).toEqual({ 'fail-fast': false, matrix: { os: oses } });
      const commands = runs(electron as Job);
      expect(commands).toMatch(/install-electron/);
      expect(commands).toMatch(/npm run build/);
      const linux = electron?.steps.find((s) => s.run?.includes('xvfb-run'));
      expect(linux?.if).toBe("runner.os == 'Linux'");
      expect(linux?.run).toContain('vitest run -c vitest.electron.config.ts');
      const others = electron?.steps.find((s) => s.if === "runner.os != 'Linux'" && s.run?.includes('vitest'));
      expect(others?.run).toContain('vitest run -c vitest.electron.config.ts');
    });
  });

  it('keeps the Electron test out of `npm test`: only its own vitest config includes it', () => {
    const included = (mainConfig.test?.projects ?? []).flatMap((p) =>
      typeof p === 'object' && p !== null && 'test' in p ? (p.test?.include ?? []) : [],
    );
    expect(included.length).toBeGreaterThan(0);
    for (const pattern of included) expect(pattern).not.toMatch(/^test\/(electron|\*\*)/);
    expect(electronConfig.test?.include).toEqual(['test/electron/**/*.electron.ts']);
    expect(existsSync(join(root, 'test/electron/app.electron.ts'))).toBe(true);
  });
});
