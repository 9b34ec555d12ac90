import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { capturesDir, fixturesDir } from './helpers/probe-test-kit';

const sources = readFileSync(join(fixturesDir, 'SOURCES.md'), 'utf8');
/** How a claim of "real" names where the output comes from: repo@commit:path, an index id, an issue, a URL. */
const citation = /@[0-9a-f]{8}:|index ids? \d+|#\d+|https?:\/\/|documentation/;

interface Noted {
  readonly note?: string;
}
interface CaptureIndex {
  readonly readyroomVersion: string;
  readonly source?: string;
  readonly notes?: string;
  readonly commands?: readonly (Noted & { readonly batch?: readonly Noted[] })[];
  readonly files?: readonly Noted[];
}

const captures = readdirSync(capturesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const indexOf = (name: string) =>
  JSON.parse(readFileSync(join(capturesDir, name, 'capture.json'), 'utf8')) as CaptureIndex;

describe('probe fixtures', () => {
  it('keeps only Linux outputs outside the captures', () => {
    expect(readdirSync(fixturesDir).sort()).toEqual(['SOURCES.md', 'linux']);
  });

  it('says where every Linux fixture comes from', () => {
    const catchAll = sources.includes('all other files in `linux/`');
    for (const file of readdirSync(join(fixturesDir, 'linux'))) {
      expect(sources.includes(`\`${file}\``) || catchAll, `linux/${file} is not in SOURCES.md`).toBe(true);
    }
  });

  it('names a real source for every file it calls real', () => {
    for (const line of sources.split('\n').filter((l) => /\| real/.test(l))) expect(line, line).toMatch(citation);
  });
});

describe('captures say where their outputs come from', () => {
  it.each(captures)('%s', (name) => {
    const index = indexOf(name);
    expect(index.source?.trim().length ?? 0, `${name} has no "source"`).toBeGreaterThan(20);
    const notes = [
      ...(index.commands ?? []).flatMap((c) => [c.note, ...(c.batch ?? []).map((p) => p.note)]),
      ...(index.files ?? []).map((f) => f.note),
    ].filter((n): n is string => n !== undefined);
    // An output called real names where it was found; the capture then says so in its source too.
    for (const note of notes.filter((n) => /^(real|partly real|derived from real)\b/.test(n))) {
      expect(note, `${name}: ${note}`).toMatch(citation);
      expect(index.source, `${name}: its source should mention its real outputs`).toMatch(/\breal\b/i);
    }
    if (/\breal\b/i.test(index.source ?? '') && index.readyroomVersion === 'hand-written') {
      expect(`${index.source} ${notes.join(' ')}`, name).toMatch(citation);
    }
  });
});
