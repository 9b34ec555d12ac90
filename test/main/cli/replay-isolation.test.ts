import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const guard = join(import.meta.dirname, 'helpers/isolation-guard.ts');
const captures = join(root, 'test/fixtures/captures');
const dataDir = mkdtempSync(join(tmpdir(), 'readyroom-isolation-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The CLI in its own Node process, with the guard that reports any use of this computer. */
function guardedCli(allow: readonly string[], ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--import', guard, 'main/cli/index.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, READYROOM_GUARD_ALLOW: allow.join(delimiter), READYROOM_DATA_DIR: dataDir },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('scan --replay touches nothing of this computer', () => {
  // Each OS's checks run their own code on a replay: Linux, macOS and the Windows batch.
  it.each([
    ['linux-hand-written', 'linux'],
    ['macos-hand-written', 'darwin'],
    ['windows-hand-written', 'win32'],
  ])(
    'runs no command, reads no file outside the capture (and the code), and uses no network or host figures (%s)',
    (name, platform) => {
      const capture = join(captures, name);
      const { code, stdout, stderr } = guardedCli([root, capture], 'scan', '--replay', capture, '--json');
      expect(stderr).not.toMatch(/ISOLATION/);
      expect(code).toBe(0);
      const report = JSON.parse(stdout) as { schema: string; platform: string; checks: { status: string }[] };
      expect(report.schema).toBe('readyroom.scan/1');
      expect(report.platform).toBe(platform);
      expect(report.checks.filter((c) => c.status === 'pass').length).toBeGreaterThan(5);
    },
  );

  it('would be caught if it did: a live scan under the same guard is reported', () => {
    const { stderr } = guardedCli([root, dataDir], 'scan', '--json', '--only', 'security.os-support,computer.headroom');
    expect(stderr).toMatch(/ISOLATION: (file|child_process|os\.)/);
  });
});
