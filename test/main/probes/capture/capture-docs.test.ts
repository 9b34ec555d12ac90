import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { describe, expect, it } from 'vitest';

import { readCaptureFolder } from '../../../../main/probes/capture/capture-folder';
import { createReplayScanService } from '../../../../main/probes/capture/capture-replay';
import { windowsBatchParts } from '../../../../main/probes/platform/win32-batch';
import { automaticCheckIds } from '../../../../shared/checks/check-ids';

const root = join(import.meta.dirname, '../../../..');
const fixtures = join(root, 'test/fixtures');
const docs = readFileSync(join(root, 'docs/capture.md'), 'utf8');
const shown = [...docs.matchAll(/<!-- fixture: (\S+) -->\s*```(json|text)\n([\s\S]*?)```/g)].map((m) => ({
  path: m[1] ?? '',
  lang: m[2],
  body: m[3] ?? '',
}));
const examples = ['captures/linux-hand-written', 'captures/macos-hand-written', 'captures/windows-hand-written'];

const trimLines = (text: string) => text.replace(/[ \t]+$/gm, '');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe('"What the captures cover" in docs/capture.md', () => {
  const start = docs.indexOf('## What the captures cover');
  const section = docs.slice(start, docs.indexOf('\n## ', start + 1));

  it('names every capture under test/fixtures/captures/, so a new one is also listed there', () => {
    expect(start).toBeGreaterThan(0);
    const folders = readdirSync(join(fixtures, 'captures'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    for (const name of folders) expect(section, name).toContain(`\`${name}\``);
  });

  it('names only checks that exist', () => {
    for (const id of section.match(/`[a-z]+\.[a-z-]+`/g) ?? []) {
      expect(automaticCheckIds as readonly string[]).toContain(id.slice(1, -1));
    }
  });
});

/** docs/capture.md shows its worked examples from the test fixtures, so the page cannot drift from what works. */
describe('the worked examples in docs/capture.md', () => {
  it('shows every file of the three examples (their expected.json aside)', () => {
    const paths = new Set(shown.map((s) => s.path));
    for (const example of examples) {
      for (const file of filesUnder(join(fixtures, example))) {
        const rel = relative(fixtures, file).replace(/\\/g, '/');
        if (!rel.endsWith('/expected.json')) expect(paths, rel).toContain(rel);
      }
    }
  });

  it.each(shown.map((s) => [s.path, s] as const))('shows %s as it is in the fixture', (path, s) => {
    const fixture = readFileSync(join(fixtures, path), 'utf8');
    if (s.lang === 'json') expect(JSON.parse(s.body)).toEqual(JSON.parse(fixture));
    // Pasted outputs keep their own line endings and trailing spaces in the fixture; the page cannot show either.
    else expect(trimLines(s.body)).toBe(trimLines(fixture.replace(/\r\n/g, '\n')));
  });

  it('gives the Windows batch back as one JSON line per part, with the pasted netsh text as the wifi value', async () => {
    const dir = join(fixtures, 'captures/windows-hand-written');
    const capture = await readCaptureFolder(dir);
    const [batch] = capture.commands;
    const lines = (batch?.stdout ?? '').trimEnd().split('\n');
    expect(lines).toHaveLength(batch?.batch?.length ?? -1);
    for (const line of lines)
      expect(line).toMatch(/^\{"readyroom":"batch\/2","part":"[A-Za-z]+","ms":\d+,"(value|error)":/);
    const wifi = readFileSync(join(dir, 'pasted/netsh-wlan-show-interfaces.txt'), 'utf8');
    expect(lines).toContain(JSON.stringify({ readyroom: 'batch/2', part: 'wifi', ms: 110, value: wifi }));
    expect(lines).toContain('{"readyroom":"batch/2","part":"bitlocker","ms":294,"value":{"drive":"C:","value":1}}');
    // Every part the batch script prints, in its order, and nothing else.
    expect(batch?.batch?.map((p) => p.part)).toEqual([...windowsBatchParts]);

    const report = await createReplayScanService(capture).run({});
    expect(report.platform).toBe('win32');
    expect(report.checks.map((c) => c.id)).toEqual(automaticCheckIds);
  });
});
