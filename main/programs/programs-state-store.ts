import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { z } from 'zod';

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

export interface ProgramsStateStore {
  /** The latest listing, or null when there is none (or it was unreadable). */
  readListing(): Promise<Listing | null>;
  writeListing(listing: Listing): Promise<void>;
  readClosed(): Promise<ClosedEntry[]>;
  writeClosed(programs: readonly ClosedEntry[]): Promise<void>;
  /** Runs read-modify-write steps one at a time within this process. */
  withLock<T>(task: () => Promise<T>): Promise<T>;
}

export function createProgramsStateStore(dataDir: string, log: Logger, now: () => number): ProgramsStateStore {
  let queue: Promise<unknown> = Promise.resolve();
  const listingPath = join(dataDir, listingFileName);
  const closedPath = join(dataDir, closedFileName);

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
      const run = queue.then(task, task);
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
