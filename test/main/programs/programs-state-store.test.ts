import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createLogger, createMemorySink } from '../../../main/logging/logger';
import {
  closedFileName,
  createProgramsStateStore,
  listingFileName,
  lockFileName,
  type ClosedEntry,
  type Listing,
  type ProgramsStateStore,
} from '../../../main/programs/programs-state-store';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const closedEntry = (key: string): ClosedEntry => ({ key, name: key, category: 'other', relaunch: null, closedAt: 1 });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Adds one entry to the reopen-later list the way the service does: read, change, write, under the lock. */
function addClosed(s: ProgramsStateStore, key: string, whileReading: () => Promise<unknown> = async () => undefined) {
  return s.withLock(async () => {
    const current = await s.readClosed();
    await whileReading();
    await s.writeClosed([...current, closedEntry(key)]);
  });
}

/** Starts the writer fixture in its own process and resolves once it is waiting for "go". */
async function startWriter(dataDir: string, tag: string, count: number) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/fixtures/programs/closed-writer.ts', dataDir, tag, String(count)],
    { cwd: repoRoot, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.setEncoding('utf8').once('data', () => resolve());
    void exited.then(() => reject(new Error(`writer ${tag} exited before it was ready`)));
  });
  return { child, exited };
}

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
      gracefulFor: null,
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

  it('keeps both entries when two stores on the same folder add to the reopen-later list at once', async () => {
    const first = store();
    const second = store();
    // The second writer starts while the first is between reading and writing.
    const slow = addClosed(first, 'first', () => pause(150));
    await pause(20);
    const fast = addClosed(second, 'second');
    await Promise.all([slow, fast]);
    expect((await store().readClosed()).map((e) => e.key).sort()).toEqual(['first', 'second']);
    expect(await readdir(join(dir, 'data'))).toEqual([closedFileName]);
  });

  it('keeps every entry when two processes add to the reopen-later list at the same time', async () => {
    const data = join(dir, 'data');
    const writers = await Promise.all([startWriter(data, 'a', 25), startWriter(data, 'b', 25)]);
    try {
      for (const writer of writers) writer.child.stdin?.end('go\n');
      expect(await Promise.all(writers.map((w) => w.exited))).toEqual([0, 0]);
    } finally {
      for (const writer of writers) writer.child.kill('SIGKILL');
    }
    const keys = (await store().readClosed()).map((e) => e.key);
    expect(keys).toHaveLength(50);
    expect(new Set(keys).size).toBe(50);
    expect(await readdir(data)).toEqual([closedFileName]);
  });

  it('takes over a lock left behind by a process that no longer runs', async () => {
    const gone = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    await new Promise((resolve) => gone.once('exit', resolve));
    const s = store();
    await s.writeClosed([]);
    await writeFile(join(dir, 'data', lockFileName), JSON.stringify({ pid: gone.pid, token: 'left-behind' }));
    await addClosed(s, 'after-crash');
    expect((await s.readClosed()).map((e) => e.key)).toEqual(['after-crash']);
    expect(await readdir(join(dir, 'data'))).toEqual([closedFileName]);
  });

  it('takes over a lock that has been held for far too long', async () => {
    const s = store();
    await s.writeClosed([]);
    const lock = join(dir, 'data', lockFileName);
    // A live pid (the test runner's parent), but the lock is minutes old: its holder is stuck.
    await writeFile(lock, JSON.stringify({ pid: process.ppid, token: 'stuck' }));
    const old = new Date(Date.now() - 10 * 60_000);
    await utimes(lock, old, old);
    await addClosed(s, 'after-stuck');
    expect((await s.readClosed()).map((e) => e.key)).toEqual(['after-stuck']);
  });

  it('waits for a lock that a live process holds', async () => {
    const s = store();
    await s.writeClosed([]);
    const lock = join(dir, 'data', lockFileName);
    await writeFile(lock, JSON.stringify({ pid: process.ppid, token: 'busy' }));
    let done = false;
    const update = addClosed(s, 'waited').then(() => (done = true));
    await pause(300);
    expect(done).toBe(false);
    await rm(lock);
    await update;
    expect((await s.readClosed()).map((e) => e.key)).toEqual(['waited']);
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
