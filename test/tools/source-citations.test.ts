import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

/** Internal working notes that never ship with the repository: a comment citing them sends a reader nowhere. */
const unpublishedNotes = /precall-thresholds|posture-checks|electron-security\.md|toolchain\.md|shared\/notes/i;

describe('source citations', () => {
  it('cite public sources, never working notes that are not in the repository', () => {
    const files = execFileSync('git', ['ls-files', 'main', 'renderer', 'shared', 'test', 'docs', 'README.md'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((f) => /\.(ts|tsx|md|css|html)$/.test(f) && !f.endsWith('source-citations.test.ts'));
    expect(files.length).toBeGreaterThan(100);
    const citing = files.filter((f) => unpublishedNotes.test(readFileSync(join(root, f), 'utf8')));
    expect(citing).toEqual([]);
  });
});
