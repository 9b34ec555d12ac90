import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { fixturesDir } from './helpers/probe-test-kit';

const sources = readFileSync(join(fixturesDir, 'SOURCES.md'), 'utf8');

describe('probe fixtures', () => {
  it.each(['win32', 'darwin', 'linux'])('every %s fixture says where it comes from', (os) => {
    const catchAll = sources.includes(`all other files in \`${os}/\``);
    for (const file of readdirSync(join(fixturesDir, os))) {
      expect(sources.includes(`\`${file}\``) || catchAll, `${os}/${file} is not in SOURCES.md`).toBe(true);
    }
  });

  it('names a real source for every file it calls real', () => {
    for (const line of sources.split('\n').filter((l) => /\| real/.test(l))) {
      expect(line, line).toMatch(/@[0-9a-f]{8}:|index id \d+|#\d+|documentation/);
    }
  });
});
