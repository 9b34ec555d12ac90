import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

const out = join(import.meta.dirname, '../../out');

/** Checks on what `electron-vite build` produced (test:e2e builds first). */
describe('build output', () => {
  it('bundles a CommonJS preload that requires nothing but electron, as the sandbox demands', () => {
    const preload = readFileSync(join(out, 'preload/index.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('loads the renderer from its own files only: no remote scripts or styles in index.html', () => {
    const html = readFileSync(join(out, 'renderer/index.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)=["'](https?:)?\/\//);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/);
  });
});
