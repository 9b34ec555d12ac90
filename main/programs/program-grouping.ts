import type { OsName } from '../../shared/platform';
import { isProtectedProcess, matchProgram, type ProcessFacts } from '../../shared/programs/program-matching';
import type { ProgramCatalogEntry } from '../../shared/programs/programs.catalog';

/** One program: every process of it that belongs to the current user. */
export interface ProgramGroup {
  readonly entry: ProgramCatalogEntry;
  /** Sorted by pid. */
  readonly processes: readonly ProcessFacts[];
  /** The main processes: those whose parent is not part of the program. */
  readonly roots: readonly ProcessFacts[];
}

export interface GroupingInput {
  readonly processes: readonly ProcessFacts[];
  readonly os: OsName;
  readonly entries: readonly ProgramCatalogEntry[];
  /** ReadyRoom's own pid; it and every ancestor are never touched. */
  readonly ownPid: number;
  /** More pids that are part of ReadyRoom (e.g. Electron's helper processes). */
  readonly excludePids?: readonly number[];
}

/** ReadyRoom's pid and its parents, grandparents and so on, as far as the table shows. */
export function selfAndAncestors(processes: readonly ProcessFacts[], ownPid: number): Set<number> {
  const byPid = new Map(processes.map((p) => [p.pid, p]));
  const chain = new Set<number>([ownPid]);
  let current = byPid.get(ownPid);
  while (current && !chain.has(current.ppid) && current.ppid > 0) {
    chain.add(current.ppid);
    current = byPid.get(current.ppid);
  }
  return chain;
}

/** Main processes of a set: those whose parent is not in the set. */
export function rootsOf<T extends Pick<ProcessFacts, 'pid' | 'ppid'>>(members: readonly T[]): T[] {
  const pids = new Set(members.map((p) => p.pid));
  return members.filter((p) => !pids.has(p.ppid));
}

/**
 * Groups processes into programs. Protected OS processes never match; a program with any
 * process that is ReadyRoom or one of its ancestors is left out whole, since closing it would
 * close ReadyRoom too.
 */
export function groupPrograms(input: GroupingInput): ProgramGroup[] {
  const excluded = selfAndAncestors(input.processes, input.ownPid);
  for (const pid of input.excludePids ?? []) excluded.add(pid);

  const members = new Map<string, { entry: ProgramCatalogEntry; processes: ProcessFacts[] }>();
  const tainted = new Set<string>();
  for (const process of input.processes) {
    if (isProtectedProcess(process, input.os)) continue;
    const entry = matchProgram(process, input.os, input.entries);
    if (!entry) continue;
    if (excluded.has(process.pid)) tainted.add(entry.id);
    const group = members.get(entry.id) ?? { entry, processes: [] };
    group.processes.push(process);
    members.set(entry.id, group);
  }

  const groups: ProgramGroup[] = [];
  for (const [id, group] of members) {
    if (tainted.has(id)) continue;
    const processes = [...group.processes].sort((a, b) => a.pid - b.pid);
    groups.push({ entry: group.entry, processes, roots: rootsOf(processes) });
  }
  return groups;
}
