import type { OsName } from '../platform';
import { programCatalog, protectedProcesses, type ProgramCatalogEntry } from './programs.catalog';

/** What ReadyRoom knows of one running process, on any OS. Nothing here comes from its arguments. */
export interface ProcessFacts {
  readonly pid: number;
  readonly ppid: number;
  /** The name the OS shows: Linux `comm`, Windows image name, macOS executable name. */
  readonly name: string;
  /** Full path of the executable; null when the OS would not say. */
  readonly exe: string | null;
  /** OS-specific start time, compared as an opaque value to detect pid reuse; null when unknown. */
  readonly startKey: string | null;
  /** macOS: the outermost ".app" folder the executable lives in. */
  readonly appBundle: string | null;
  /** Linux: the Flatpak application id, when the process runs in a Flatpak sandbox. */
  readonly flatpakId: string | null;
  /** Linux: the snap name, when the process runs as a snap. */
  readonly snapName: string | null;
}

/** Linux keeps only the first 15 characters of a process name. */
const linuxCommLength = 15;

/** Case-insensitive name without a trailing ".exe" or ".app", for comparing names users and OSes write. */
export function normaliseProgramName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/\.(exe|app)$/, '');
}

/** The last part of a path written with either separator. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/** "/Applications/Google Chrome.app" → "Google Chrome". */
export function appNameFromBundle(appBundle: string): string {
  return baseName(appBundle.replace(/\/+$/, '')).replace(/\.app$/i, '');
}

/** The names a process may be known by, normalised. */
export function processNames(process: ProcessFacts, os: OsName): string[] {
  const names: string[] = [];
  if (os === 'darwin' && process.appBundle) {
    // Helpers inside an app (e.g. "Google Chrome Helper") belong to the app.
    names.push(appNameFromBundle(process.appBundle));
  } else {
    if (process.exe) names.push(baseName(process.exe.replace(/ \(deleted\)$/, '')));
    names.push(process.name);
  }
  return [...new Set(names.map(normaliseProgramName).filter((n) => n.length > 0))];
}

function nameMatches(candidate: string, wanted: string, os: OsName): boolean {
  if (candidate === wanted) return true;
  return os === 'linux' && candidate.length === linuxCommLength && wanted.startsWith(candidate);
}

function namesMatch(process: ProcessFacts, os: OsName, wanted: readonly string[]): boolean {
  if (wanted.length === 0) return false;
  const normalisedWanted = wanted.map(normaliseProgramName);
  return processNames(process, os).some((candidate) => normalisedWanted.some((w) => nameMatches(candidate, w, os)));
}

/** Processes that must never be offered for closing: the OS's own, and pid 0/1 (0–4 on Windows). */
export function isProtectedProcess(process: ProcessFacts, os: OsName): boolean {
  if (process.pid <= (os === 'win32' ? 4 : 1)) return true;
  const raw = [process.name, process.exe ? baseName(process.exe) : ''].map(normaliseProgramName);
  const names = new Set([...processNames(process, os), ...raw]);
  const denied = protectedProcesses[os].map(normaliseProgramName);
  return denied.some((d) => names.has(d));
}

/** The first entry that describes this process, by Flatpak id or by name. */
export function matchProgram(
  process: ProcessFacts,
  os: OsName,
  entries: readonly ProgramCatalogEntry[],
): ProgramCatalogEntry | null {
  for (const entry of entries) {
    if (process.flatpakId && entry.flatpakIds?.includes(process.flatpakId)) return entry;
    if (namesMatch(process, os, entry.processes[os] ?? [])) return entry;
  }
  return null;
}

const customPrefix = 'custom:';

/** True for entries made from the user's "always suggest" list. */
export function isCustomEntryId(id: string): boolean {
  return id.startsWith(customPrefix);
}

/**
 * Entries for the user's "always suggest" names that the catalog does not already know, so a
 * program the catalog has never heard of can still be listed and closed.
 */
export function customEntries(
  alwaysSuggest: readonly string[],
  os: OsName,
  catalog: readonly ProgramCatalogEntry[] = programCatalog,
): ProgramCatalogEntry[] {
  const out: ProgramCatalogEntry[] = [];
  const seen = new Set<string>();
  for (const raw of alwaysSuggest) {
    const name = raw.trim();
    const key = normaliseProgramName(name);
    if (key.length === 0 || seen.has(key)) continue;
    seen.add(key);
    const known = catalog.some(
      (entry) =>
        normaliseProgramName(entry.name) === key ||
        (entry.processes[os] ?? []).some((p) => normaliseProgramName(p) === key),
    );
    if (known) continue;
    out.push({
      id: `${customPrefix}${key}`,
      name,
      category: 'other',
      why: 'You asked ReadyRoom to always suggest closing this program.',
      processes: { [os]: [name] },
    });
  }
  return out;
}

/** True when the user asked never to be offered this program (by its name or a process name). */
export function isNeverSuggested(entry: ProgramCatalogEntry, neverSuggest: readonly string[], os: OsName): boolean {
  if (neverSuggest.length === 0) return false;
  const blocked = new Set(neverSuggest.map(normaliseProgramName));
  if (blocked.has(normaliseProgramName(entry.name))) return true;
  return (entry.processes[os] ?? []).some((p) => blocked.has(normaliseProgramName(p)));
}
