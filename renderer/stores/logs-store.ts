import { create } from 'zustand';

import type { ErrorData } from '../../shared/errors';
import type { BackupOutcome, RestoreOutcome, Secret } from '../../shared/ipc/vault.contract';
import type { AddendumInput, LogSummary, ReadinessLog } from '../../shared/logs/readiness-log';
import { call, subscribe } from '../api';
import { registerStoreReset } from './reset-stores';

export interface LogsFilter {
  /** Exact client code (case ignored); empty for all. */
  readonly client: string;
  /** "YYYY-MM-DD" from a date input, local time; empty for no limit. */
  readonly from: string;
  readonly to: string;
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorData };

type LogsState = {
  readonly filter: LogsFilter;
  readonly logs: readonly LogSummary[];
  readonly unreadablePeriods: readonly string[];
  /** Months whose logs file is missing. */
  readonly missingPeriods: readonly string[];
  readonly loaded: boolean;
  readonly loading: boolean;
  readonly error: ErrorData | null;
  /** The log being viewed. */
  readonly selected: ReadinessLog | null;
  readonly selectedError: ErrorData | null;
  setFilter(filter: Partial<LogsFilter>): void;
  load(): Promise<void>;
  open(id: string): Promise<void>;
  close(): void;
  remove(id: string): Promise<Outcome<boolean>>;
  addNote(id: string, text: string): Promise<Outcome<ReadinessLog>>;
  countClient(client: string): Promise<Outcome<number>>;
  eraseClient(client: string, expectedCount: number): Promise<Outcome<number>>;
  backup(): Promise<Outcome<BackupOutcome>>;
  restore(request?: { token: string; secret: Secret }): Promise<Outcome<RestoreOutcome>>;
};

const emptyFilter: LogsFilter = { client: '', from: '', to: '' };
const initial = {
  filter: emptyFilter,
  logs: [] as readonly LogSummary[],
  unreadablePeriods: [] as readonly string[],
  missingPeriods: [] as readonly string[],
  loaded: false,
  loading: false,
  error: null,
  selected: null,
  selectedError: null,
};

/** A date input's "YYYY-MM-DD" as the ISO instant of that local midnight (or the next one, for "to"). */
export function dayBoundary(day: string, end: boolean): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + (end ? 1 : 0));
  if (end) date.setMilliseconds(-1);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export const useLogsStore = create<LogsState>()((set, get) => ({
  ...initial,
  setFilter(filter) {
    set({ filter: { ...get().filter, ...filter } });
  },
  async load() {
    const { filter } = get();
    set({ loading: true });
    const since = dayBoundary(filter.from, false);
    const until = dayBoundary(filter.to, true);
    const result = await call('logs:list', {
      ...(filter.client.trim() ? { client: filter.client.trim() } : {}),
      ...(since ? { since } : {}),
      ...(until ? { until } : {}),
    });
    if (result.ok) {
      set({
        logs: result.value.logs,
        unreadablePeriods: result.value.unreadablePeriods,
        missingPeriods: result.value.missingPeriods ?? [],
        loaded: true,
        loading: false,
        error: null,
      });
    } else {
      set({ loading: false, error: result.error });
    }
  },
  async open(id) {
    set({ selectedError: null });
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
    set({ selected: get().selected?.id === id ? null : get().selected, logs: get().logs.filter((l) => l.id !== id) });
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

registerStoreReset(() => useLogsStore.setState(initial));
