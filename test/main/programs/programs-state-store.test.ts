import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createLogger, createMemorySink } from '../../../main/logging/logger';
import {
  closedFileName,
  createProgramsStateStore,
  listingFileName,
  type Listing,
} from '../../../main/programs/programs-state-store';

const listing: Listing = {
  version: 1,
  os: 'linux',
  createdAt: 1,
  entries: [
    {
      id: 'p_abcdefghijkl',
      key: 'syncthing',
      name: 'Syncthing',
      category: 'sync',
      closable: true,
      reason: 'why',
      processes: [{ pid: 10, ppid: 1, startKey: '99', exe: '/usr/bin/syncthing', root: true }],
      bundleId: null,
      relaunch: { kind: 'exec', path: '/usr/bin/syncthing' },
      gracefulAt: null,
    },
  ],
};

describe('programs state store', () => {
  let dir = '';
  const sink = createMemorySink();
  const store = () => createProgramsStateStore(join(dir, 'data'), createLogger('test', sink), () => 42);
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rr-programs-store-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the listing to a user-only file, creating a user-only folder, and reads it back', async () => {
    await store().writeListing(listing);
    expect((await stat(join(dir, 'data'))).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, 'data', listingFileName))).mode & 0o777).toBe(0o600);
    expect(await store().readListing()).toEqual(listing);
    // No temporary files are left behind.
    expect(await readdir(join(dir, 'data'))).toEqual([listingFileName]);
  });

  it('has no listing before the first one and ignores a damaged one', async () => {
    expect(await store().readListing()).toBeNull();
    await store().writeListing(listing);
    await writeFile(join(dir, 'data', listingFileName), '{"version":1,"os":"linux","entr');
    expect(await store().readListing()).toBeNull();
  });

  it('refuses a listing that names a pid where an id belongs', async () => {
    await store().writeListing(listing);
    const text = (await readFile(join(dir, 'data', listingFileName), 'utf8')).replace('p_abcdefghijkl', '1234');
    await writeFile(join(dir, 'data', listingFileName), text);
    expect(await store().readListing()).toBeNull();
  });

  it('keeps a damaged closed-programs file aside instead of overwriting it', async () => {
    const s = store();
    await s.writeClosed([{ key: 'syncthing', name: 'Syncthing', category: 'sync', relaunch: null, closedAt: 1 }]);
    expect((await stat(join(dir, 'data', closedFileName))).mode & 0o777).toBe(0o600);
    await writeFile(join(dir, 'data', closedFileName), 'not json');
    expect(await s.readClosed()).toEqual([]);
    expect(await readdir(join(dir, 'data'))).toContain(`${closedFileName}.corrupt-42`);
    expect(sink.entries.some((e) => e.level === 'warn')).toBe(true);
  });

  it('runs locked tasks one after another, even after one fails', async () => {
    const s = store();
    const order: string[] = [];
    const slow = s.withLock(async () => {
      await new Promise((r) => setTimeout(r, 20));
      order.push('first');
      throw new Error('boom');
    });
    const fast = s.withLock(async () => {
      order.push('second');
    });
    await expect(slow).rejects.toThrow('boom');
    await fast;
    expect(order).toEqual(['first', 'second']);
  });
});
