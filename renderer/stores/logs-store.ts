import { create } from 'zustand';

import type { ErrorData } from '../../shared/errors';
import type { BackupOutcome, RestoreOutcome, Secret } from '../../shared/ipc/vault.contract';
import type { AddendumInput, LogSummary, ReadinessLog } from '../../shared/logs/readiness-log';
import { call, subscribe } from '../api';
import { emptyFilter, filterLogs, noteQuery, type LogsFilter } from '../features/logs/log-filters-model';
import { registerStoreReset } from './reset-stores';

export { dayBoundary, type LogsFilter } from '../features/logs/log-filters-model';

/** Shown first, so the newest rows are on screen while main lists the rest. */
export const firstPageSize = 200;
/** Words typed into the note search are sent once typing pauses this long. */
export const noteSearchDelayMs = 150;

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorData };

type LogsState = {
  readonly filter: LogsFilter;
  /** Every log main listed, newest first. */
  readonly all: readonly LogSummary[];
  /** False while only the newest logs are loaded and the rest are on their way. */
  readonly complete: boolean;
  /** The logs the filter matches, newest first. */
  readonly logs: readonly LogSummary[];
  /** Ids whose notes hold `noteMatchesFor`; null when no note search is in force. */
  readonly noteMatches: ReadonlySet<string> | null;
  readonly noteMatchesFor: string;
  readonly searchingNotes: boolean;
  readonly notesError: ErrorData | null;
  /** The log last opened, so the list comes back to it. */
  readonly lastOpened: string | null;
  readonly unreadablePeriods: readonly string[];
  /** Months whose logs file is missing. */
  readonly missingPeriods: readonly string[];
  readonly loaded: boolean;
  readonly loading: boolean;
  readonly error: ErrorData | null;
  /** The log being viewed. */
  readonly selected: ReadinessLog | null;
  readonly selectedError: ErrorData | null;
  /** The last erasure removed the logs but not the client's scheduled sessions (main could not write the schedule). */
  readonly erasureLeftSchedule: boolean;
  /** After an erasure: the incident log could not be changed (true), and incidents whose own words still name the client. */
  readonly erasureIncidents: { readonly notCleared: boolean; readonly namingClient: readonly string[] };
  /** The last erasure removed the logs but not the client's set-up (main could not write it). */
  readonly erasureLeftProfile: boolean;
  /** After an erasure: how many other logs have notes that may still name the client; null when they could not be searched. */
  readonly erasureLogsNaming: number | null;
  /** Applies at once; a changed note search is sent to main once typing pauses. */
  setFilter(filter: Partial<LogsFilter>): void;
  load(): Promise<void>;
  searchNotes(): Promise<void>;
  open(id: string): Promise<void>;
  close(): void;
  remove(id: string): Promise<Outcome<boolean>>;
  addNote(id: string, text: string): Promise<Outcome<ReadinessLog>>;
  countClient(client: string): Promise<Outcome<number>>;
  eraseClient(client: string, expectedCount: number): Promise<Outcome<number>>;
  backup(): Promise<Outcome<BackupOutcome>>;
  restore(request?: { token: string; secret: Secret }): Promise<Outcome<RestoreOutcome>>;
};

const initial = {
  filter: emptyFilter,
  all: [] as readonly LogSummary[],
  complete: false,
  logs: [] as readonly LogSummary[],
  noteMatches: null as ReadonlySet<string> | null,
  noteMatchesFor: '',
  searchingNotes: false,
  notesError: null as ErrorData | null,
  lastOpened: null as string | null,
  unreadablePeriods: [] as readonly string[],
  missingPeriods: [] as readonly string[],
  loaded: false,
  loading: false,
  error: null,
  selected: null,
  selectedError: null,
  erasureLeftSchedule: false,
  erasureIncidents: { notCleared: false, namingClient: [] },
  erasureLeftProfile: false,
  erasureLogsNaming: 0,
};

let loadRun = 0;
let noteRun = 0;
let noteTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * The matching logs. While a note search for new words is on its way the last matches stay
 * shown (the status says it is searching) rather than logs whose notes were never looked at.
 */
function matching(state: Pick<LogsState, 'all' | 'filter' | 'noteMatches' | 'noteMatchesFor' | 'logs'>) {
  const words = noteQuery(state.filter);
  if (words && words !== state.noteMatchesFor) return state.logs;
  return filterLogs(state.all, state.filter, words ? state.noteMatches : null);
}

export const useLogsStore = create<LogsState>()((set, get) => ({
  ...initial,
  setFilter(patch) {
    const before = get().filter;
    const filter = { ...before, ...patch };
    const words = noteQuery(filter);
    const searching = words !== '' && words !== get().noteMatchesFor;
    set((state) => ({ filter, searchingNotes: searching, notesError: null, logs: matching({ ...state, filter }) }));
    if (noteQuery(before) !== words) {
      clearTimeout(noteTimer);
      noteRun += 1;
      if (searching) noteTimer = setTimeout(() => void get().searchNotes(), noteSearchDelayMs);
    }
  },
  async load() {
    const run = ++loadRun;
    set({ loading: true });
    if (!get().loaded) {
      // The newest month or two come back at once; the full list follows.
      const first = await call('logs:list', { limit: firstPageSize });
      if (run !== loadRun) return;
      if (!first.ok) return void set({ loading: false, error: first.error });
      set((state) => {
        const all = first.value.logs;
        return {
          all,
          complete: all.length < firstPageSize,
          logs: matching({ ...state, all }),
          unreadablePeriods: first.value.unreadablePeriods,
          missingPeriods: first.value.missingPeriods ?? [],
          loaded: true,
          error: null,
        };
      });
    }
    const result = await call('logs:list', {});
    if (run !== loadRun) return;
    if (!result.ok) return void set({ loading: false, error: result.error });
    set((state) => {
      const all = result.value.logs;
      return {
        all,
        complete: true,
        logs: matching({ ...state, all }),
        unreadablePeriods: result.value.unreadablePeriods,
        missingPeriods: result.value.missingPeriods ?? [],
        loaded: true,
        loading: false,
        error: null,
      };
    });
    // Notes may have changed with the logs (one added, one erased): the search is run again.
    if (noteQuery(get().filter)) await get().searchNotes();
  },
  async searchNotes() {
    const words = noteQuery(get().filter);
    const run = ++noteRun;
    clearTimeout(noteTimer);
    if (!words) return void set((state) => ({ searchingNotes: false, logs: matching(state) }));
    set({ searchingNotes: true });
    const result = await call('logs:search-notes', { text: words });
    if (run !== noteRun) return;
    if (!result.ok) return void set({ searchingNotes: false, notesError: result.error });
    set((state) => {
      const next = { ...state, noteMatches: new Set(result.value.ids), noteMatchesFor: words };
      return { ...next, searchingNotes: false, notesError: null, logs: matching(next) };
    });
  },
  async open(id) {
    set({ selectedError: null, lastOpened: id });
    const result = await call('logs:get', { id });
    if (result.ok) set({ selected: result.value });
    else set({ selected: null, selectedError: result.error });
  },
  close() {
    set({ selected: null, selectedError: null });
  },
  async remove(id) {
    const result = await call('logs:delete', { id });
    if (!result.ok) return result;
    set({
      selected: get().selected?.id === id ? null : get().selected,
      all: get().all.filter((l) => l.id !== id),
      logs: get().logs.filter((l) => l.id !== id),
    });
    return { ok: true, value: result.value.deleted };
  },
  async addNote(id, text) {
    const addendum: AddendumInput = { kind: 'note', text };
    const result = await call('logs:add-addendum', { id, addendum });
    if (!result.ok) return result;
    if (get().selected?.id === id) set({ selected: result.value });
    return result;
  },
  async countClient(client) {
    const result = await call('logs:list', { client: client.trim() });
    if (!result.ok) return result;
    return { ok: true, value: result.value.logs.length };
  },
  async eraseClient(client, expectedCount) {
    const result = await call('logs:erase-client', { client: client.trim(), expectedCount });
    if (!result.ok) return result;
    set({
      erasureLeftSchedule: result.value.scheduleNotCleared === true,
      erasureIncidents: {
        notCleared: result.value.incidentsNotCleared === true,
        namingClient: result.value.incidentsNamingClient ?? [],
      },
      erasureLeftProfile: result.value.profileNotCleared === true,
      erasureLogsNaming: result.value.notesNotSearched ? null : (result.value.logsNamingClient?.length ?? 0),
    });
    await get().load();
    return { ok: true, value: result.value.erased };
  },
  async backup() {
    return call('logs:backup', {});
  },
  async restore(request) {
    const result = await call('logs:restore', request ? { token: request.token, secret: request.secret } : {});
    if (result.ok && result.value.status === 'restored') await get().load();
    return result;
  },
}));

/** Reloads an open list when main says the logs changed (a save from the wizard, a purge). */
export function followLogChanges(): () => void {
  return subscribe('logs:changed', () => {
    if (useLogsStore.getState().loaded) void useLogsStore.getState().load();
  });
}

registerStoreReset(() => {
  loadRun += 1;
  noteRun += 1;
  clearTimeout(noteTimer);
  useLogsStore.setState(initial);
});
