import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { readCaptureFolder } from '../../../../main/probes/capture/capture-folder';
import { createReplayScanService } from '../../../../main/probes/capture/capture-replay';
import { liveNetworkCheckIds } from '../../../../main/probes/capture/live-network';
import { automaticCheckIds } from '../../../../shared/checks/check-ids';

const capturesDir = join(import.meta.dirname, '../../../fixtures/captures');
const captures = readdirSync(capturesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** Every capture under test/fixtures/captures/, replayed on whatever OS runs the tests, against its expected.json. */
describe('recorded captures replay to their expected verdicts', () => {
  it('has captures to replay, including one of a real machine made by the CLI', () => {
    expect(captures).toContain('linux-debian12-ci');
    expect(captures.length).toBeGreaterThanOrEqual(3);
  });

  it.each(captures)('%s', async (name) => {
    const dir = join(capturesDir, name);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, string>;
    // expected.json names every check, so a new check cannot slip through unreviewed.
    expect(Object.keys(expected).sort()).toEqual([...automaticCheckIds].sort());

    const capture = await readCaptureFolder(dir);
    const report = await createReplayScanService(capture).run({});
    expect(report.schema).toBe('readyroom.scan/1');
    expect(report.platform).toBe(capture.system.platform);
    expect(Object.fromEntries(report.checks.map((c) => [c.id, c.status]))).toEqual(expected);
    for (const id of liveNetworkCheckIds) expect(expected[id]).toBe('skipped');

    // A capture made by the CLI also holds what the live scan said: the replay must agree with it.
    if (capture.recordedStatuses) expect(capture.recordedStatuses).toEqual(expected);
  });
});
