import { randomBytes } from 'node:crypto';

import { AppError } from '../../shared/errors';
import type { OsName } from '../../shared/platform';
import {
  customEntries,
  isCustomEntryId,
  isNeverSuggested,
  type ProcessFacts,
} from '../../shared/programs/program-matching';
import type {
  ClosedProgram,
  CloseOutcome,
  CloseResult,
  ProgramRow,
  ReopenResult,
} from '../../shared/programs/program-types';
import { getProgramCatalogEntry, programCatalog } from '../../shared/programs/programs.catalog';
import { getSessionPlatform, type SessionPlatformId } from '../../shared/session/platforms';
import type { Settings } from '../../shared/settings/settings';
import { createLogger, describeError, type Logger } from '../logging/logger';
import { runCommand, type ExecFn } from '../platform/exec';
import { createProcessOs } from './os/create-process-os';
import { sameProcess, stillRunning, type ProcessOs, type SignalOutcome } from './process-os';
import { groupPrograms, rootsOf, type ProgramGroup } from './program-grouping';
import {
  createProgramsStateStore,
  type ClosedEntry,
  type Listing,
  type ListingEntry,
  type RecordedProcess,
} from './programs-state-store';

export type ProgramsSettings = Pick<Settings, 'programs' | 'defaultPlatform'>;

export interface ProgramsServiceDeps {
  readonly os: OsName;
  /** Folder for the listing and closed-programs files. */
  readonly dataDir: string;
  readonly getSettings: () => ProgramsSettings | Promise<ProgramsSettings>;
  /** ReadyRoom's pid; it and its ancestors are never listed. */
  readonly ownPid: number;
  /** ReadyRoom's other processes (Electron: app.getAppMetrics() pids). */
  readonly excludePids?: () => readonly number[];
  readonly exec?: ExecFn;
  /** POSIX uid of the current user (defaults to this process's). */
  readonly uid?: number;
  /** Environment handed to reopened programs (cleaned of Electron/Node variables). */
  readonly env?: NodeJS.ProcessEnv;
  /** Replaces the OS module; for testing other OSes on this one. */
  readonly processOs?: ProcessOs;
  /** Milliseconds clock. */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly logger?: Logger;
  /** How long to wait for processes to end after forcing. Default 5 s. */
  readonly forceWaitMs?: number;
}

export interface CloseOptions {
  /** Force programs that did not close when asked politely (the user accepted losing unsaved work). */
  readonly force?: boolean;
  /** How long to wait for a polite close, in seconds. Default 10. */
  readonly timeoutSec?: number;
}

export interface ProgramsService {
  /** Programs worth closing now; each row's id can be passed to close(). */
  list(options?: { readonly platform?: SessionPlatformId }): Promise<ProgramRow[]>;
  close(ids: readonly string[], options?: CloseOptions): Promise<CloseResult[]>;
  /** Programs ReadyRoom closed and has not reopened yet, by name. */
  closed(): Promise<ClosedProgram[]>;
  reopen(): Promise<ReopenResult[]>;
}

export const listingIdPattern = /^p_[A-Za-z0-9_-]{8,64}$/;
export const defaultCloseTimeoutSec = 10;
/**
 * How long a polite request lets `force` skip asking again. Later, the program may be in another
 * state (a new unsaved document), so it is asked politely again first.
 */
export const gracefulRequestValidMs = 5 * 60_000;

const messages = {
  closed: 'It closed normally.',
  forced: 'It was forced to close. Anything unsaved in it may be lost.',
  gone: 'It had already closed.',
  stillRunning:
    'It is still open. It may be waiting for you to save something, so look at its window. If it still will not close, you can force it, but anything unsaved in it will be lost.',
  stillRunningAfterForce:
    'It is still running even after being forced to close. Try restarting the computer before the session.',
  unchecked: 'ReadyRoom could not check whether it closed, so it counts as still open.',
  unconfirmed:
    'It is still running, but it changed since the list was made, so ReadyRoom did not send it anything. Refresh the list and try again, or quit it yourself.',
  unknownIdentity:
    "ReadyRoom can't confirm exactly which program this is, so it won't close it. Please quit it yourself.",
  keepBrowser:
    'Your session runs in a web browser, so keep it open. Close the tabs and windows you do not need instead.',
  noReopen: 'ReadyRoom cannot start this one again by itself. Please open it from your apps.',
} as const;

export function createProgramsService(deps: ProgramsServiceDeps): ProgramsService {
  const log = deps.logger ?? createLogger('programs');
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const env = deps.env ?? process.env;
  const processOs =
    deps.processOs ??
    createProcessOs(deps.os, { exec: deps.exec ?? runCommand, uid: deps.uid ?? process.getuid?.() ?? -1, env });
  const store = createProgramsStateStore(deps.dataDir, log, now);
  const forceWaitMs = deps.forceWaitMs ?? 5000;
  let reopenQueue: Promise<unknown> = Promise.resolve();

  async function currentGroups(platform?: SessionPlatformId): Promise<{ groups: ProgramGroup[]; inBrowser: boolean }> {
    const settings = await deps.getSettings();
    const session = getSessionPlatform(platform ?? settings.defaultPlatform);
    const processes = await processOs.listProcesses();
    if (!processes) throw new AppError('UNAVAILABLE', 'ReadyRoom could not read which programs are running.');
    const never = settings.programs.neverSuggest;
    // "Never suggest" does not hide a recorder: a session being recorded is a matter of confidentiality,
    // and privacy.recording reads this list.
    const entries = [...programCatalog, ...customEntries(settings.programs.alwaysSuggest, deps.os)].filter(
      (entry) =>
        entry.id !== session.programId && (entry.category === 'recorder' || !isNeverSuggested(entry, never, deps.os)),
    );
    const groups = groupPrograms({
      processes,
      os: deps.os,
      entries,
      ownPid: deps.ownPid,
      excludePids: deps.excludePids?.() ?? [],
    });
    return { groups, inBrowser: session.inBrowser };
  }

  /** True for a polite request made within {@link gracefulRequestValidMs} (and not in the future). */
  function isRecent(at: number | null): at is number {
    if (at === null) return false;
    const age = now() - at;
    return age >= 0 && age <= gracefulRequestValidMs;
  }

  function mainProcessOf(group: ProgramGroup): ProcessFacts | undefined {
    return group.roots[0] ?? group.processes[0];
  }

  function toListingEntry(
    group: ProgramGroup,
    inBrowser: boolean,
    previous: Listing | null,
    bundleId: string | null,
  ): ListingEntry {
    const { entry } = group;
    const rootKey = identityKey(group.roots);
    const earlier = previous?.entries.find(
      (e) => e.key === entry.id && identityKey(e.processes.filter((p) => p.root)) === rootKey,
    );
    // Only a recent polite request to these very processes carries over.
    const asked = earlier && isRecent(earlier.gracefulAt) ? earlier : null;
    const main = mainProcessOf(group);
    const identityKnown = group.roots.every((p) => p.exe !== null && p.startKey !== null);
    const keepBrowser = inBrowser && entry.category === 'browser';
    const closable = identityKnown && !keepBrowser;
    const roots = new Set(group.roots.map((p) => p.pid));
    return {
      id: earlier?.id ?? newListingId(),
      key: entry.id,
      name: entry.name,
      category: entry.category,
      closable,
      reason: keepBrowser ? messages.keepBrowser : identityKnown ? entry.why : messages.unknownIdentity,
      processes: group.processes.map((p) => ({
        pid: p.pid,
        ppid: p.ppid,
        startKey: p.startKey,
        exe: p.exe,
        root: roots.has(p.pid),
      })),
      bundleId,
      relaunch: main ? processOs.relaunchTargetFor(main, bundleId) : null,
      gracefulAt: asked?.gracefulAt ?? null,
      gracefulFor: asked?.gracefulFor ?? null,
    };
  }

  /** Re-reads the recorded processes; those whose pid, start time and executable still match are alive. */
  async function verify(processes: readonly RecordedProcess[]): Promise<Map<number, ProcessFacts> | null> {
    return processOs.inspect(processes.map((p) => p.pid));
  }

  function aliveOf(entry: ListingEntry, snapshot: Map<number, ProcessFacts>): ProcessFacts[] {
    const out: ProcessFacts[] = [];
    for (const recorded of entry.processes) {
      const current = snapshot.get(recorded.pid);
      if (current && sameProcess(recorded, current)) out.push(current);
    }
    return out;
  }

  /** The listing entries for these ids; anything that is not an id of the latest listing is refused. */
  async function resolveForClose(ids: readonly string[]): Promise<ListingEntry[]> {
    for (const id of ids) {
      if (!listingIdPattern.test(id)) {
        throw new AppError(
          'BAD_REQUEST',
          'Programs are closed by their id from the list, never by a process number or name.',
        );
      }
    }
    const listing = await store.readListing();
    return ids.map((id) => {
      const entry = listing?.os === deps.os ? listing.entries.find((e) => e.id === id) : undefined;
      if (!entry)
        throw new AppError('NOT_FOUND', 'That program is not in the latest list. Refresh the list and try again.');
      return entry;
    });
  }

  /** A program is stale when one of its pids now belongs to another process, or it has restarted. */
  async function findStale(entries: readonly ListingEntry[], snapshot: Map<number, ProcessFacts>): Promise<string[]> {
    const stale = new Set<string>();
    const vanished: ListingEntry[] = [];
    for (const entry of entries) {
      if (!entry.closable) continue;
      const reused = entry.processes.some((p) => {
        const current = snapshot.get(p.pid);
        return p.startKey !== null && p.exe !== null && current !== undefined && !sameProcess(p, current);
      });
      if (reused) stale.add(entry.name);
      else if (aliveOf(entry, snapshot).length === 0) vanished.push(entry);
    }
    if (vanished.length > 0) {
      const { groups } = await currentGroups().catch(() => ({ groups: [] as ProgramGroup[] }));
      for (const entry of vanished) if (groups.some((g) => g.entry.id === entry.key)) stale.add(entry.name);
    }
    return [...stale];
  }

  interface Job {
    readonly entry: ListingEntry;
    /**
     * The program's processes still running, with the facts verified when closing began. Each
     * later check compares against these: leniently for "still running?", strictly before a signal.
     */
    alive: ProcessFacts[];
    /** Processes ("pid@startKey") already asked to close, so orphans left behind are asked once too. */
    readonly asked: Set<string>;
    outcome: CloseOutcome | null;
    message: string;
    forced: boolean;
    /** Unknown because a check failed: never reported as closed. */
    unchecked: boolean;
    /** Still running but no longer provably the listed process, so nothing was sent to it. */
    unconfirmed: boolean;
  }

  function markUnconfirmed(job: Job): void {
    job.unconfirmed = true;
    job.outcome = 'still-running';
    job.message = messages.unconfirmed;
  }

  /** Whether `force` may skip the polite step: asked recently, and exactly these main processes. */
  function askedPolitelyAlready(job: Job): boolean {
    const { gracefulAt, gracefulFor } = job.entry;
    if (!isRecent(gracefulAt) || !gracefulFor) return false;
    const asked = new Set(gracefulFor);
    return rootsOf(job.alive).every((p) => asked.has(processKey(p)));
  }

  /** `all`: only processes just verified to be the listed ones. */
  function quitTarget(job: Job, roots: readonly ProcessFacts[], all: readonly ProcessFacts[]) {
    const catalog = getProgramCatalogEntry(job.entry.key);
    return {
      roots,
      all,
      bundleId: job.entry.bundleId,
      shutdownArgs: deps.os === 'win32' && catalog?.win32ShutdownArgs ? catalog.win32ShutdownArgs : null,
    };
  }

  function applySignal(job: Job, outcome: SignalOutcome): void {
    if (outcome.status === 'denied') {
      job.outcome = 'refused';
      job.message = outcome.detail;
    } else if (outcome.status === 'not-sent') {
      job.outcome = 'still-running';
      job.message = `${outcome.detail} You can force it to close, but anything unsaved in it will be lost.`;
    }
  }

  /** Polls until every waiting job's processes are gone or the deadline passes. */
  async function waitForExit(jobs: Job[], deadline: number, askOrphans: boolean): Promise<void> {
    let waiting = jobs.filter((j) => j.outcome === null);
    while (waiting.length > 0) {
      const snapshot = await processOs.inspect(waiting.flatMap((j) => j.alive.map((p) => p.pid)));
      for (const job of waiting) {
        if (!snapshot) {
          job.unchecked = true;
          continue;
        }
        job.unchecked = false;
        // Closed means gone: a process that only looks different (its file replaced by an
        // update) is still running.
        job.alive = job.alive.filter((p) => stillRunning(p, snapshot.get(p.pid)));
        if (job.alive.length === 0) {
          job.outcome = 'closed';
          job.message = job.forced ? messages.forced : messages.closed;
        } else if (askOrphans) {
          // The main process ended but left helpers behind: ask those to close as well, each only
          // if it is provably the listed process.
          const orphans = rootsOf(job.alive).filter(
            (p) => !job.asked.has(processKey(p)) && sameProcess(p, snapshot.get(p.pid)),
          );
          if (orphans.length > 0) {
            orphans.forEach((p) => job.asked.add(processKey(p)));
            await processOs.requestQuit(quitTarget(job, orphans, orphans));
          }
        }
      }
      waiting = waiting.filter((j) => j.outcome === null);
      if (waiting.length === 0 || now() >= deadline) break;
      await sleep(Math.min(processOs.pollMs, Math.max(0, deadline - now())));
    }
  }

  async function closePolitely(jobs: Job[], timeoutSec: number): Promise<void> {
    if (jobs.length === 0) return;
    const snapshot = await processOs.inspect(jobs.flatMap((j) => j.alive.map((p) => p.pid)));
    if (!snapshot)
      throw new AppError('UNAVAILABLE', 'ReadyRoom could not check the programs again before closing them.');
    for (const job of jobs) {
      job.alive = job.alive.filter((p) => stillRunning(p, snapshot.get(p.pid)));
      if (job.alive.length === 0) {
        job.outcome = 'gone';
        job.message = messages.gone;
        continue;
      }
      // Identity checked again immediately before the signal.
      const roots = rootsOf(job.alive);
      if (!roots.every((p) => sameProcess(p, snapshot.get(p.pid)))) {
        markUnconfirmed(job);
        continue;
      }
      roots.forEach((p) => job.asked.add(processKey(p)));
      applySignal(job, await processOs.requestQuit(quitTarget(job, roots, roots)));
    }
    await waitForExit(jobs, now() + timeoutSec * 1000, true);
  }

  async function closeByForce(jobs: Job[]): Promise<void> {
    if (jobs.length === 0) return;
    const snapshot = await processOs.inspect(jobs.flatMap((j) => j.alive.map((p) => p.pid)));
    if (!snapshot)
      throw new AppError('UNAVAILABLE', 'ReadyRoom could not check the programs again before forcing them to close.');
    for (const job of jobs) {
      job.outcome = null;
      job.unconfirmed = false;
      job.alive = job.alive.filter((p) => stillRunning(p, snapshot.get(p.pid)));
      if (job.alive.length === 0) {
        job.outcome = 'closed';
        job.message = messages.closed;
        continue;
      }
      // Identity checked again immediately before forcing: only provably listed processes are ended.
      const verified = job.alive.filter((p) => sameProcess(p, snapshot.get(p.pid)));
      if (verified.length === 0) {
        markUnconfirmed(job);
        continue;
      }
      job.unconfirmed = verified.length < job.alive.length;
      job.forced = true;
      const outcome = await processOs.forceQuit(quitTarget(job, rootsOf(verified), verified));
      if (outcome.status === 'denied') {
        job.outcome = 'refused';
        job.message = outcome.detail;
      }
    }
    await waitForExit(jobs, now() + forceWaitMs, false);
    for (const job of jobs) {
      if (job.outcome === null) {
        job.outcome = 'still-running';
        job.message = job.unchecked
          ? messages.unchecked
          : job.unconfirmed
            ? messages.unconfirmed
            : messages.stillRunningAfterForce;
      }
    }
  }

  async function rememberClosed(jobs: readonly Job[]): Promise<void> {
    const closedNow = jobs.filter((j) => j.outcome === 'closed');
    if (closedNow.length === 0) return;
    await store.withLock(async () => {
      const existing = await store.readClosed();
      const keys = new Set(closedNow.map((j) => j.entry.key));
      const kept = existing.filter((e) => !keys.has(e.key));
      const added: ClosedEntry[] = closedNow.map((j) => ({
        key: j.entry.key,
        name: j.entry.name,
        category: j.entry.category,
        relaunch: j.entry.relaunch,
        closedAt: now(),
      }));
      await store.writeClosed([...kept, ...added]);
    });
  }

  /**
   * Starts the remembered programs again. The lock is not held while they start (that can take a
   * while); afterwards only the reopened entries are removed, so programs another process closed
   * meanwhile stay remembered.
   */
  async function reopenAll(): Promise<ReopenResult[]> {
    const programs = await store.readClosed();
    const results: ReopenResult[] = [];
    const reopened: ClosedEntry[] = [];
    for (const program of programs) {
      if (!program.relaunch) {
        results.push({ name: program.name, outcome: 'failed', message: messages.noReopen });
        continue;
      }
      const outcome = await processOs.relaunch(program.relaunch).catch((error: unknown) => {
        log.warn('relaunch threw', { error: describeError(error) });
        return { ok: false as const, detail: 'It could not be started.' };
      });
      if (outcome.ok) {
        results.push({ name: program.name, outcome: 'reopened', message: 'It was started again.' });
        reopened.push(program);
      } else {
        results.push({
          name: program.name,
          outcome: 'failed',
          message: `${outcome.detail} Please open it from your apps.`,
        });
      }
    }
    // Failed ones stay remembered, so the user can try again or see what to open by hand.
    const remaining = await store.withLock(async () => {
      const current = await store.readClosed();
      const keep = current.filter((e) => !reopened.some((r) => r.key === e.key && r.closedAt === e.closedAt));
      if (keep.length !== current.length) await store.writeClosed(keep);
      return keep;
    });
    log.info('reopen finished', { reopened: reopened.length, remaining: remaining.length });
    return results;
  }

  /** Records which processes of each program were asked politely, and when. */
  async function markGraceful(asked: ReadonlyMap<string, readonly string[]>, at: number): Promise<void> {
    if (asked.size === 0) return;
    await store.withLock(async () => {
      const listing = await store.readListing();
      if (!listing) return;
      const entries = listing.entries.map((e) => {
        const processes = asked.get(e.id);
        return processes ? { ...e, gracefulAt: at, gracefulFor: [...processes] } : e;
      });
      await store.writeListing({ ...listing, entries });
    });
  }

  return {
    async list(options = {}) {
      const { groups, inBrowser } = await currentGroups(options.platform);
      // Read before taking the lock, which is kept for file reads and writes only.
      const bundleIds = await Promise.all(
        groups.map((g) => {
          const bundle = mainProcessOf(g)?.appBundle;
          return bundle ? processOs.bundleIdOf(bundle) : null;
        }),
      );
      return store.withLock(async () => {
        const previous = await store.readListing();
        const usable = previous?.os === deps.os ? previous : null;
        const entries = groups.map((g, i) => toListingEntry(g, inBrowser, usable, bundleIds[i] ?? null));
        entries.sort((a, b) => categoryRank(a.category) - categoryRank(b.category) || a.name.localeCompare(b.name));
        await store.writeListing({ version: 1, os: deps.os, createdAt: now(), entries });
        log.info('listed programs', { count: entries.length });
        return entries.map(toRow);
      });
    },

    async close(ids, options = {}) {
      const unique = [...new Set(ids)];
      if (unique.length === 0) throw new AppError('BAD_REQUEST', 'Choose at least one program to close.');
      const timeoutSec = options.timeoutSec ?? defaultCloseTimeoutSec;
      if (!Number.isFinite(timeoutSec) || timeoutSec < 0 || timeoutSec > 600) {
        throw new AppError('BAD_REQUEST', 'The waiting time must be between 0 and 600 seconds.');
      }
      const entries = await resolveForClose(unique);
      const snapshot = await verify(entries.flatMap((e) => e.processes));
      if (!snapshot) throw new AppError('UNAVAILABLE', 'ReadyRoom could not check the programs before closing them.');
      const stale = await findStale(entries, snapshot);
      if (stale.length > 0) {
        throw new AppError(
          'STALE',
          `${stale.join(', ')} changed since the list was made (it may have restarted). Refresh the list and try again.`,
        );
      }

      const jobs: Job[] = entries.map((entry) => ({
        entry,
        alive: aliveOf(entry, snapshot),
        asked: new Set<string>(),
        outcome: null,
        message: '',
        forced: false,
        unchecked: false,
        unconfirmed: false,
      }));
      for (const job of jobs) {
        if (!job.entry.closable) {
          job.outcome = 'refused';
          job.message = job.entry.reason;
        } else if (job.alive.length === 0) {
          if (job.entry.processes.some((p) => stillRunning(p, snapshot.get(p.pid)))) {
            markUnconfirmed(job);
          } else {
            job.outcome = 'gone';
            job.message = messages.gone;
          }
        }
      }

      const force = options.force === true;
      // Forcing skips the polite step only for the same processes asked politely a short while
      // ago; the others are asked first.
      const politeJobs = jobs.filter((j) => j.outcome === null && !(force && askedPolitelyAlready(j)));
      const startedAt = now();
      try {
        await closePolitely(politeJobs, timeoutSec);
      } finally {
        await markGraceful(
          new Map(politeJobs.filter((j) => j.asked.size > 0).map((j) => [j.entry.id, [...j.asked]])),
          startedAt,
        );
      }
      if (force) {
        const toForce = jobs.filter(
          (j) =>
            j.alive.length > 0 &&
            (j.outcome === null || j.outcome === 'still-running' || (j.outcome === 'refused' && j.entry.closable)),
        );
        await closeByForce(toForce);
      }
      for (const job of jobs) {
        if (job.outcome === null) {
          job.outcome = 'still-running';
          job.message = job.unchecked
            ? messages.unchecked
            : job.unconfirmed
              ? messages.unconfirmed
              : messages.stillRunning;
        }
      }
      await rememberClosed(jobs);
      for (const job of jobs) {
        log.info('close finished', {
          program: isCustomEntryId(job.entry.key) ? 'custom' : job.entry.key,
          outcome: job.outcome,
          forced: job.forced,
        });
      }
      return jobs.map((j) => ({
        id: j.entry.id,
        name: j.entry.name,
        outcome: j.outcome ?? 'still-running',
        message: j.message,
      }));
    },

    async closed() {
      const programs = await store.readClosed();
      return programs.map((p) => ({ name: p.name, category: p.category }));
    },

    reopen() {
      // One reopen at a time in this process, so a double request does not start programs twice.
      const run = reopenQueue.then(reopenAll, reopenAll);
      reopenQueue = run.catch(() => undefined);
      return run;
    },
  };
}

function toRow(entry: ListingEntry): ProgramRow {
  return {
    id: entry.id,
    name: entry.name,
    category: entry.category,
    pids: entry.processes.map((p) => p.pid),
    closable: entry.closable,
    reason: entry.reason,
  };
}

const categoryOrder = ['remote-access', 'assistant', 'video', 'sync', 'torrent', 'media', 'chat', 'browser', 'other'];
function categoryRank(category: string): number {
  const index = categoryOrder.indexOf(category);
  return index < 0 ? categoryOrder.length : index;
}

/** One process by pid and start time, e.g. "4242@987654". */
function processKey(p: Pick<ProcessFacts, 'pid' | 'startKey'>): string {
  return `${p.pid}@${p.startKey ?? '?'}`;
}

/** Stable key of a set of processes by pid and start time, to keep an id across listings. */
function identityKey(processes: readonly Pick<ProcessFacts, 'pid' | 'startKey'>[]): string {
  return processes.map(processKey).sort().join(',');
}

function newListingId(): string {
  return `p_${randomBytes(16).toString('base64url')}`;
}
