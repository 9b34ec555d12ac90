import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { afterEach, describe, expect, it } from 'vitest';

import {
  evaluate,
  formatSummary,
  GLOBAL_FILE,
  parseAllowlist,
  parseReport,
  type AllowlistEntry,
  type Finding,
} from './electronegativity-policy';
import { scanSources } from './electronegativity-scan';

const here = dirname(fileURLToPath(import.meta.url));
const fixtureReport: unknown = JSON.parse(
  readFileSync(join(here, 'fixtures', 'electronegativity-result.json'), 'utf8'),
);

function finding(overrides: Partial<Finding>): Finding {
  return {
    check: 'SANDBOX_JS_CHECK',
    file: 'main/index.ts',
    line: 1,
    column: 0,
    severity: 'MEDIUM',
    reportedSeverity: 'MEDIUM',
    confidence: 'FIRM',
    manualReview: false,
    description: 'Use sandbox for untrusted origins',
    sample: undefined,
    ...overrides,
  };
}

const reason = 'Options come from mainWindowOptions(), which sets it literally.';

function allow(check: string, file: string, count = 1): AllowlistEntry {
  return { check, file, reason, count };
}

describe('parseReport', () => {
  it('turns the JS API result into findings with repo-relative POSIX paths', () => {
    const { findings } = parseReport(fixtureReport);
    expect(findings.map((f) => [f.check, f.file, f.line])).toEqual([
      ['CSP_GLOBAL_CHECK', GLOBAL_FILE, 0],
      ['CONTEXT_ISOLATION_JS_CHECK', 'main/index.ts', 3],
      ['NODE_INTEGRATION_JS_CHECK', 'main/index.ts', 3],
      ['OPEN_EXTERNAL_JS_CHECK', 'main/windows/main-window.ts', 40],
      ['PRELOAD_JS_CHECK', 'main/preload/index.ts', 1],
    ]);
  });

  it('grades an explicit nodeIntegration finding HIGH and keeps the reported grade', () => {
    const node = parseReport(fixtureReport).findings.find((f) => f.check === 'NODE_INTEGRATION_JS_CHECK');
    expect(node).toMatchObject({ severity: 'HIGH', reportedSeverity: 'INFORMATIONAL' });
  });

  it('keeps only parse errors that stopped a file from being scanned', () => {
    expect(parseReport(fixtureReport).parseErrors).toEqual([
      { file: 'renderer/broken.tsx', message: 'Unexpected token (3:7)' },
    ]);
  });

  it('rejects results whose shape it does not know instead of passing them', () => {
    const issue = {
      id: 'X_CHECK',
      file: 'a.ts',
      location: { line: 1, column: 0 },
      confidence: { name: 'FIRM' },
    };
    expect(() => parseReport({ issues: [{ ...issue, severity: { name: 'CRITICAL' } }], errors: [] })).toThrow(
      /unexpected Electronegativity issue #0/,
    );
    expect(() => parseReport({ issues: [issue], errors: [] })).toThrow(/severity/);
    expect(() => parseReport({ errors: [] })).toThrow();
    expect(() => parseReport(undefined)).toThrow();
  });
});

describe('parseAllowlist', () => {
  const entry = { check: 'CSP_GLOBAL_CHECK', file: GLOBAL_FILE, reason };

  it('accepts entries with a reason, normalises Windows paths and covers one finding by default', () => {
    const windowsPath = { ...entry, file: 'main\\index.ts', count: 2 };
    expect(parseAllowlist({ entries: [entry, windowsPath] })).toEqual([
      { ...entry, count: 1 },
      { ...entry, file: 'main/index.ts', count: 2 },
    ]);
  });

  it.each([
    ['a missing reason', { check: 'CSP_GLOBAL_CHECK', file: GLOBAL_FILE }],
    ['an empty reason', { ...entry, reason: '' }],
    ['a blank reason', { ...entry, reason: '            ' }],
    ['a token reason', { ...entry, reason: 'ok' }],
    ['a lower-case check id', { ...entry, check: 'csp_global_check' }],
    ['an empty file', { ...entry, file: '' }],
    ['an unknown key', { ...entry, line: 3 }],
    ['a zero count', { ...entry, count: 0 }],
    ['a fractional count', { ...entry, count: 1.5 }],
  ])('rejects an entry with %s', (_label, bad) => {
    expect(() => parseAllowlist({ entries: [bad] })).toThrow(/invalid Electronegativity allowlist/);
  });

  it('rejects duplicate entries and a file without an entries list', () => {
    expect(() => parseAllowlist({ entries: [entry, { ...entry, reason: `${reason} Again.` }] })).toThrow(/duplicate/);
    expect(() => parseAllowlist({ entry })).toThrow(/invalid Electronegativity allowlist/);
  });

  it('accepts the committed allowlist', () => {
    const committed: unknown = JSON.parse(readFileSync(join(here, 'electronegativity-allowlist.json'), 'utf8'));
    expect(() => parseAllowlist(committed)).not.toThrow();
  });
});

describe('evaluate', () => {
  it('fails on HIGH and MEDIUM findings that are not allow-listed', () => {
    const high = finding({ check: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH' });
    const medium = finding({});
    const verdict = evaluate([high, medium], []);
    expect(verdict.passed).toBe(false);
    expect(verdict.blocking).toEqual([high, medium]);
  });

  it('passes when every blocking finding is allow-listed by check id and file', () => {
    const medium = finding({});
    const entry = allow(medium.check, medium.file);
    const verdict = evaluate([medium], [entry]);
    expect(verdict.passed).toBe(true);
    expect(verdict.allowed).toEqual([{ finding: medium, entry }]);
  });

  it('does not let an entry for one file cover the same check in another file', () => {
    const verdict = evaluate(
      [finding({ file: 'main/tray/tray-service.ts' })],
      [allow('SANDBOX_JS_CHECK', 'main/index.ts')],
    );
    expect(verdict.passed).toBe(false);
    expect(verdict.stale).toHaveLength(1);
  });

  it('lets LOW and INFORMATIONAL findings through without an entry', () => {
    const verdict = evaluate([finding({ severity: 'LOW' }), finding({ severity: 'INFORMATIONAL', line: 2 })], []);
    expect(verdict.passed).toBe(true);
    expect(verdict.belowThreshold).toHaveLength(2);
  });

  it('blocks a finding beyond the count an entry covers, so a new instance gets reviewed', () => {
    const first = finding({ line: 10 });
    const second = finding({ line: 20 });
    const once = evaluate([first, second], [allow(first.check, first.file)]);
    expect(once.passed).toBe(false);
    expect(once.blocking).toEqual([second]);
    expect(once.exceeded).toEqual([allow(first.check, first.file)]);
    expect(evaluate([first, second], [allow(first.check, first.file, 2)]).passed).toBe(true);
  });

  it('reports entries that match nothing as stale without failing', () => {
    const stale = allow('AUXCLICK_JS_CHECK', 'main/gone.ts');
    const verdict = evaluate([], [stale]);
    expect(verdict.passed).toBe(true);
    expect(verdict.stale).toEqual([stale]);
  });

  it('fails when a source file could not be parsed, even with no findings', () => {
    const verdict = evaluate([], [], [{ file: 'renderer/broken.tsx', message: 'Unexpected token' }]);
    expect(verdict.passed).toBe(false);
  });

  it('gates the fixture report: three blocking findings, one parse error, one below threshold', () => {
    const { findings, parseErrors } = parseReport(fixtureReport);
    const verdict = evaluate(findings, [allow('OPEN_EXTERNAL_JS_CHECK', 'main/windows/main-window.ts')], parseErrors);
    expect(verdict.blocking.map((f) => f.check)).toEqual([
      'CSP_GLOBAL_CHECK',
      'CONTEXT_ISOLATION_JS_CHECK',
      'NODE_INTEGRATION_JS_CHECK',
    ]);
    expect(verdict.allowed.map(({ finding: f }) => f.check)).toEqual(['OPEN_EXTERNAL_JS_CHECK']);
    expect(verdict.belowThreshold.map((f) => f.check)).toEqual(['PRELOAD_JS_CHECK']);
    expect(verdict.passed).toBe(false);
  });
});

describe('formatSummary', () => {
  it('lists blocking findings and stale entries, then one count line with the verdict', () => {
    const verdict = evaluate(
      [
        finding({
          check: 'NODE_INTEGRATION_JS_CHECK',
          severity: 'HIGH',
          reportedSeverity: 'INFORMATIONAL',
          line: 3,
        }),
      ],
      [allow('AUXCLICK_JS_CHECK', 'main/gone.ts')],
    );
    const lines = formatSummary(verdict, { files: 12, durationMs: 1234, blockedRequests: 1 }).split('\n');
    expect(lines[0]).toBe(
      '✗ NODE_INTEGRATION_JS_CHECK HIGH (reported INFORMATIONAL) at main/index.ts:3:0: Use sandbox for untrusted origins',
    );
    expect(lines[1]).toMatch(/^! stale allowlist entry AUXCLICK_JS_CHECK main\/gone.ts/);
    expect(lines.at(-1)).toBe(
      'Electronegativity: 12 files in 1.2 s, 1 network request(s) blocked; 1 blocking, 0 allow-listed, ' +
        '0 low/informational, 1 stale allowlist entries → FAIL',
    );
  });
});

describe('the real gate on a fixture tree', () => {
  const require = createRequire(import.meta.url);
  const run = promisify(execFile);
  const dirs: string[] = [];

  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function fixtureTree(webPreferences: string): string {
    const root = mkdtempSync(join(tmpdir(), 'readyroom-gate-fixture-'));
    dirs.push(root);
    mkdirSync(join(root, 'main'));
    writeFileSync(
      join(root, 'package.json'),
      JSON.stringify({ name: 'fixture', private: true, devDependencies: { electron: '45.5.0' } }),
    );
    // Everything else Electronegativity asks for is in place, so only webPreferences decides the verdict.
    writeFileSync(
      join(root, 'main', 'index.ts'),
      [
        "import { app, BrowserWindow, session } from 'electron';",
        'app.whenReady().then(() => {',
        '  session.defaultSession.setPermissionRequestHandler((_c, _p, callback) => callback(false));',
        '  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {',
        `    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': ["default-src 'none'"] } });`,
        '  });',
        `  const win = new BrowserWindow({ webPreferences: ${webPreferences} });`,
        "  win.webContents.on('will-navigate', (event) => event.preventDefault());",
        "  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));",
        "  void win.loadURL('app://bundle/index.html');",
        '});',
        '',
      ].join('\n'),
    );
    writeFileSync(join(root, 'allowlist.json'), JSON.stringify({ entries: [] }));
    return root;
  }

  async function runGate(root: string): Promise<{ code: number; stdout: string; stderr: string }> {
    const args = [require.resolve('tsx/cli'), join(here, 'electronegativity-gate.ts'), '--root', root];
    args.push('--allowlist', join(root, 'allowlist.json'));
    try {
      const { stdout, stderr } = await run(process.execPath, args, { timeout: 60_000 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
    }
  }

  it('exits 1 and names the check for a window with nodeIntegration: true', async () => {
    const root = fixtureTree('{ nodeIntegration: true }');
    const result = await runGate(root);
    expect(result.stderr).toBe(`! renderer not found under ${root}, not scanned\n`);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✗ NODE_INTEGRATION_JS_CHECK HIGH (reported INFORMATIONAL) at main/index.ts:7:');
    expect(result.stdout).toContain('✗ CONTEXT_ISOLATION_JS_CHECK HIGH at main/index.ts:7:');
    expect(result.stdout).toContain('✗ SANDBOX_JS_CHECK MEDIUM at main/index.ts:7:');
    expect(result.stdout).toMatch(
      /Electronegativity: 2 files in [\d.]+ s, 1 network request\(s\) blocked; .* → FAIL$/m,
    );
  });

  it('exits 0 once the same findings are allow-listed with reasons', async () => {
    const root = fixtureTree('{ nodeIntegration: true }');
    const entries = [
      'NODE_INTEGRATION_JS_CHECK',
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'AUXCLICK_JS_CHECK',
    ].map((check) => ({
      check,
      file: 'main/index.ts',
      reason: 'Fixture: accepted to test the allowlist path.',
    }));
    writeFileSync(join(root, 'allowlist.json'), JSON.stringify({ entries }));
    const result = await runGate(root);
    expect(result.stdout).toMatch(/0 blocking, 4 allow-listed, .* → PASS$/m);
    expect(result.code).toBe(0);
  });

  it('finds nothing blocking in a window that writes its security options out, without using the network', async () => {
    const root = fixtureTree(
      "{ contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' }",
    );
    const scan = await scanSources({ repoRoot: root });
    const { findings, parseErrors } = parseReport(scan.raw);
    const verdict = evaluate(findings, [], parseErrors);
    expect(verdict.blocking).toEqual([]);
    expect(verdict.passed).toBe(true);
    expect(scan.files).toBe(2);
    expect(scan.missingRoots).toEqual(['renderer']);
    // The translation download was attempted and refused by the stub, not sent.
    expect(scan.blockedRequests).toBeGreaterThanOrEqual(1);
  });
});
