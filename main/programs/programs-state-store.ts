import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { z } from 'zod';

import { AppError } from '../../shared/errors';
import { osNames } from '../../shared/platform';
import { programCategories } from '../../shared/programs/program-types';
import { describeError, type Logger } from '../logging/logger';

/**
 * The latest listing and the programs ReadyRoom closed, kept as small user-only JSON files so a
 * second process (the CLI's `close` after `programs`) can act on them. They hold pids, start
 * times, executable paths and program names, never command-line arguments.
 */

const pathText = z.string().min(1).max(4096);

const relaunchSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('exec'), path: pathText }),
  z.strictObject({ kind: z.literal('bundle'), bundleId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,254}$/) }),
  z.strictObject({ kind: z.literal('app'), path: pathText }),
  z.strictObject({ kind: z.literal('flatpak'), appId: z.string().regex(/^[A-Za-z0-9_.-]{1,255}$/) }),
]);

const recordedProcessSchema = z.strictObject({
  pid: z.number().int().positive(),
  ppid: z.number().int().min(0),
  startKey: z.string().max(100).nullable(),
  exe: pathText.nullable(),
  root: z.boolean(),
});
export type RecordedProcess = z.output<typeof recordedProcessSchema>;

const listingEntrySchema = z.strictObject({
  id: z.string().regex(/^p_[A-Za-z0-9_-]{8,64}$/),
  /** Catalog id, or "custom:<name>" for the user's own "always suggest" names. */
  key: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  category: z.enum(programCategories),
  closable: z.boolean(),
  reason: z.string().max(1000),
  processes: z.array(recordedProcessSchema).min(1).max(5000),
  bundleId: z.string().max(255).nullable(),
  relaunch: relaunchSchema.nullable(),
  /** When ReadyRoom last asked it to close politely; forcing is only offered after that. */
  gracefulAt: z.number().nullable(),
  /** The processes ("pid@startKey") that polite request went to; older files lack it (not asked). */
  gracefulFor: z.array(z.string().max(200)).max(5000).nullable().default(null),
});
export type ListingEntry = z.output<typeof listingEntrySchema>;

const listingSchema = z.strictObject({
  version: z.literal(1),
  os: z.enum(osNames),
  createdAt: z.number(),
  entries: z.array(listingEntrySchema).max(1000),
});
export type Listing = z.output<typeof listingSchema>;

const closedEntrySchema = z.strictObject({
  key: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  category: z.enum(programCategories),
  relaunch: relaunchSchema.nullable(),
  closedAt: z.number(),
});
export type ClosedEntry = z.output<typeof closedEntrySchema>;

const closedSchema = z.strictObject({
  version: z.literal(1),
  programs: z.array(closedEntrySchema).max(1000),
});

export const listingFileName = 'programs-listing.json';
export const closedFileName = 'programs-closed.json';
/** Held while the files are read, changed and written, by the app and the CLI alike. */
export const lockFileName = 'programs-state.lock';

/** A lock this old is taken over: every locked step is only a few small file reads and writes. */
export const lockStaleAfterMs = 30_000;
/** How long to wait for a lock held by another live process before giving up. */
const lockWaitLimitMs = 60_000;
const lockPollMaxMs = 50;

export interface ProgramsStateStore {
  /** The latest listing, or null when there is none (or it was unreadable). */
  readListing(): Promise<Listing | null>;
  writeListing(listing: Listing): Promise<void>;
  readClosed(): Promise<ClosedEntry[]>;
  writeClosed(programs: readonly ClosedEntry[]): Promise<void>;
  /**
   * Runs read-modify-write steps one at a time, within this process and across processes (the app
   * and the CLI) through a lock file in the data folder. Keep tasks short: no waiting on programs.
   */
  withLock<T>(task: () => Promise<T>): Promise<T>;
}

export function createProgramsStateStore(dataDir: string, log: Logger, now: () => number): ProgramsStateStore {
  let queue: Promise<unknown> = Promise.resolve();
  const listingPath = join(dataDir, listingFileName);
  const closedPath = join(dataDir, closedFileName);
  const lockPath = join(dataDir, lockFileName);

  async function locked<T>(task: () => Promise<T>): Promise<T> {
    const token = await acquireLock(dataDir, lockPath, log);
    try {
      return await task();
    } finally {
      await releaseLock(lockPath, token).catch((error: unknown) =>
        log.error('could not release the programs lock', { error: describeError(error) }),
      );
    }
  }

  return {
    async readListing() {
      const raw = await readJson(listingPath);
      if (raw === undefined) return null;
      const parsed = listingSchema.safeParse(raw);
      if (!parsed.success) {
        // Only a cache of the last listing: the user lists again.
        log.warn('ignoring an unreadable programs listing');
        return null;
      }
      return parsed.data;
    },
    writeListing: (listing) => writeJsonAtomic(dataDir, listingPath, listing),
    async readClosed() {
      const raw = await readJson(closedPath);
      if (raw === undefined) return [];
      const parsed = closedSchema.safeParse(raw);
      if (parsed.success) return parsed.data.programs;
      // Kept aside rather than overwritten, so what was closed is not lost.
      const aside = `${closedPath}.corrupt-${now()}`;
      log.warn('closed-programs file was unreadable; moved aside');
      await rename(closedPath, aside).catch((error: unknown) =>
        log.error('could not move the file aside', { error: describeError(error) }),
      );
      return [];
    },
    writeClosed: (programs) => writeJsonAtomic(dataDir, closedPath, { version: 1, programs }),
    withLock<T>(task: () => Promise<T>): Promise<T> {
      const run = queue.then(
        () => locked(task),
        () => locked(task),
      );
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

/** undefined when the file does not exist; a parse failure yields a value the schema rejects. */
async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { unreadable: true };
  }
}

/** Write to a user-only temporary file, then rename over the target: readers never see half a file. */
async function writeJsonAtomic(dir: string, path: string, value: unknown): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, `${JSON.stringify(value)}\n`, { mode: 0o600, flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Tokens of the locks this process holds: a lock file naming this pid with another token was left by an earlier process. */
const heldTokens = new Set<string>();

interface LockHolder {
  readonly pid: number;
  readonly token: string;
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    return typeof value.pid === 'number' && Number.isSafeInteger(value.pid) && typeof value.token === 'string'
      ? { pid: value.pid, token: value.token }
      : null;
  } catch {
    return null;
  }
}

function holderAlive(holder: LockHolder): boolean {
  if (holder.pid === process.pid) return heldTokens.has(holder.token);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Creates the lock file exclusively (O_EXCL), waiting while a live process holds it. */
async function acquireLock(dir: string, lockPath: string, log: Logger): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const token = randomBytes(12).toString('hex');
  const body = JSON.stringify({ pid: process.pid, token } satisfies LockHolder);
  const started = Date.now();
  let delay = 2;
  for (;;) {
    // Registered before the file exists, so no one in this process mistakes it for a leftover.
    heldTokens.add(token);
    let handle;
    try {
      handle = await open(lockPath, 'wx', 0o600);
    } catch (error) {
      heldTokens.delete(token);
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (handle) {
      try {
        await handle.writeFile(body);
        await handle.close();
        return token;
      } catch (error) {
        await handle.close().catch(() => undefined);
        await rm(lockPath, { force: true });
        heldTokens.delete(token);
        throw error;
      }
    }
    if (await takeOverIfStale(lockPath, log)) continue;
    if (Date.now() - started > lockWaitLimitMs) {
      throw new AppError('BUSY', 'ReadyRoom is busy updating its list of programs elsewhere. Try again in a moment.');
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, lockPollMaxMs);
  }
}

/**
 * Removes the lock when its holder has ended or has held it far too long; true when the caller
 * should try again at once. The lock is moved aside first and checked to be the very file judged
 * stale, so a lock another process took in the meantime is put back rather than lost.
 */
async function takeOverIfStale(lockPath: string, log: Logger): Promise<boolean> {
  let info;
  let text;
  try {
    info = await stat(lockPath, { bigint: true });
    text = await readFile(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  const holder = parseHolder(text);
  const age = Date.now() - Number(info.mtimeMs);
  // A lock without a readable holder may be one being written right now: only its age counts.
  const stale = age > lockStaleAfterMs || (holder !== null && !holderAlive(holder));
  if (!stale) return false;
  const aside = `${lockPath}.stale-${randomBytes(6).toString('hex')}`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  const moved = await stat(aside, { bigint: true }).catch(() => null);
  if (moved && (moved.ino !== info.ino || moved.dev !== info.dev)) {
    // Another process took the lock in between: give it back (fails harmlessly if a newer one exists).
    await link(aside, lockPath).catch(() => undefined);
  } else {
    log.warn('took over a programs lock left by a process that ended or stopped responding');
  }
  await rm(aside, { force: true });
  return true;
}

async function releaseLock(lockPath: string, token: string): Promise<void> {
  heldTokens.delete(token);
  const text = await readFile(lockPath, 'utf8').catch(() => null);
  if (text !== null && parseHolder(text)?.token === token) await rm(lockPath, { force: true });
}
