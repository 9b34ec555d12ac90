import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { createHostFiles, createHostStats } from '../../../../main/probes/platform/host';
import { nullSystemInfo } from '../helpers/probe-test-kit';

describe('host files', () => {
  it('reads, lists and dates real files, and reads missing ones as nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'readyroom-host-'));
    await writeFile(join(dir, 'a.txt'), 'hello');
    const files = createHostFiles();
    expect(await files.readText(join(dir, 'a.txt'))).toBe('hello');
    expect(await files.listDir(dir)).toEqual(['a.txt']);
    expect(await files.exists(join(dir, 'a.txt'))).toBe(true);
    expect(await files.mtimeMs(join(dir, 'a.txt'))).toBeGreaterThan(0);
    expect(await files.readText(join(dir, 'missing'))).toBeNull();
    expect(await files.listDir(join(dir, 'missing'))).toBeNull();
    expect(await files.exists(join(dir, 'missing'))).toBe(false);
  });
});

describe('host stats', () => {
  it('samples processor use between 0 and 100 % and falls back to Node for memory', async () => {
    const stats = createHostStats(nullSystemInfo, 'linux');
    const busy = await stats.cpuBusyPercent(50);
    expect(busy).toBeGreaterThanOrEqual(0);
    expect(busy).toBeLessThanOrEqual(100);
    expect(stats.cores()).toBeGreaterThan(0);
    const mem = await stats.memory();
    expect(mem.availableBytes).toBeLessThanOrEqual(mem.totalBytes);
  });
});
