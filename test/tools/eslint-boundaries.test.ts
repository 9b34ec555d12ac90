import { join } from 'node:path';

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it lived at `path`, returning the ids of the rules it breaks. */
async function rulesBroken(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'parse-error');
}

describe('ESLint process boundaries', () => {
  it.each([
    ['shared/example.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['shared/example.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"],
    ['shared/example.ts', "import { useState } from 'react';\nexport const u = useState;\n"],
    ['shared/example.ts', "import { x } from '../main/somewhere';\nexport const y = x;\n"],
    ['renderer/example.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n"],
    ['renderer/example.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"],
    ['renderer/example.ts', "import { dispatch } from '../main/ipc/dispatch';\nexport const d = dispatch;\n"],
    ['main/probes/example.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['main/preload/example.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"],
  ])('refuses a forbidden import in %s', async (path, code) => {
    expect(await rulesBroken(path, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['main/index.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['main/adapters/example.ts', "import { safeStorage } from 'electron';\nexport const s = safeStorage;\n"],
    ['main/probes/example.ts', "import type { App } from 'electron';\nexport type A = App;\n"],
  ])('allows Electron at the edges and as types in %s', async (path, code) => {
    expect(await rulesBroken(path, code)).not.toContain('no-restricted-imports');
  });

  it.each(['main/example.ts', 'shared/example.ts'])('refuses console in %s', async (path) => {
    expect(await rulesBroken(path, "console.log('hello');\n")).toContain('no-console');
  });
});
