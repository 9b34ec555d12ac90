import { create } from 'zustand';

import type { ClosedProgram, CloseResult, ProgramRow, ReopenResult } from '../../shared/programs/program-types';
import type { SessionPlatformId } from '../../shared/session/platforms';
import { call } from '../api';
import { registerStoreReset } from './reset-stores';

type ProgramsState = {
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly rows: readonly ProgramRow[];
  readonly selected: Readonly<Record<string, boolean>>;
  /** The latest close result per listing id. */
  readonly results: Readonly<Record<string, CloseResult>>;
  readonly closing: boolean;
  readonly error: string | null;
  readonly reopening: boolean;
  readonly reopenResults: readonly ReopenResult[] | null;
  /** Lists the programs worth closing; pre-selects the closable ones the user has not asked us to leave alone. */
  load(platform: SessionPlatformId, neverSuggest: readonly string[]): Promise<void>;
  setSelected(id: string, selected: boolean): void;
  /** Asks the selected programs to close (gracefully). */
  closeSelected(): Promise<void>;
  /** Force-closes programs that ignored the graceful request; the caller must have warned about unsaved work. */
  forceClose(ids: readonly string[]): Promise<void>;
  /** What was closed, by name and category, for the log. */
  closedPrograms(): Promise<readonly ClosedProgram[]>;
  reopen(): Promise<readonly ReopenResult[] | null>;
  reset(): void;
};

const initial = {
  status: 'idle' as const,
  rows: [],
  selected: {},
  results: {},
  closing: false,
  error: null,
  reopening: false,
  reopenResults: null,
};

/** Background programs: the listing, what the therapist picked, and what happened to each. */
export const useProgramsStore = create<ProgramsState>()((set, get) => {
  async function close(ids: readonly string[], force: boolean): Promise<void> {
    if (ids.length === 0 || get().closing) return;
    set({ closing: true, error: null });
    const result = await call('programs:close', { ids: [...ids], ...(force ? { force: true } : {}) });
    if (!result.ok) {
      set({ closing: false, error: result.error.message });
      return;
    }
    set((s) => {
      const results = { ...s.results };
      for (const r of result.value.results) results[r.id] = r;
      return { closing: false, results };
    });
  }

  return {
    ...initial,
    async load(platform, neverSuggest) {
      set({ status: 'loading', error: null });
      const result = await call('programs:list', { platform });
      if (!result.ok) {
        set({ status: 'error', error: result.error.message });
        return;
      }
      const never = new Set(neverSuggest.map((name) => name.trim().toLowerCase()));
      const selected: Record<string, boolean> = {};
      for (const row of result.value.programs) {
        selected[row.id] = row.closable && !never.has(row.name.toLowerCase());
      }
      set({ status: 'ready', rows: result.value.programs, selected, results: {} });
    },
    setSelected(id, value) {
      const row = get().rows.find((r) => r.id === id);
      if (!row?.closable) return;
      set((s) => ({ selected: { ...s.selected, [id]: value } }));
    },
    async closeSelected() {
      const { rows, selected, results } = get();
      const ids = rows.filter((r) => r.closable && selected[r.id] && !isDone(results[r.id])).map((r) => r.id);
      await close(ids, false);
    },
    async forceClose(ids) {
      const stragglers = new Set(stragglerIds(get().results));
      await close(
        ids.filter((id) => stragglers.has(id)),
        true,
      );
    },
    async closedPrograms() {
      const result = await call('programs:closed', {});
      if (result.ok) return result.value.programs;
      // Main could not say: the log must not claim nothing was closed, so use what this check closed.
      const { rows, results } = get();
      return Object.values(results)
        .filter((r) => r.outcome === 'closed')
        .flatMap((r): ClosedProgram[] => {
          const row = rows.find((x) => x.id === r.id);
          const name = row?.name ?? r.name;
          return name ? [{ name, category: row?.category ?? 'other' }] : [];
        });
    },
    async reopen() {
      if (get().reopening) return null;
      set({ reopening: true, error: null });
      const result = await call('programs:reopen', {});
      if (!result.ok) {
        set({ reopening: false, error: result.error.message });
        return null;
      }
      set({ reopening: false, reopenResults: result.value.results });
      return result.value.results;
    },
    reset: () => set(initial),
  };
});

function isDone(result: CloseResult | undefined): boolean {
  return result?.outcome === 'closed' || result?.outcome === 'gone';
}

/** Programs that stayed open after a graceful close: the only ones a force close may target. */
export function stragglerIds(results: Readonly<Record<string, CloseResult>>): string[] {
  return Object.values(results)
    .filter((r) => r.outcome === 'still-running')
    .map((r) => r.id);
}

registerStoreReset(() => useProgramsStore.getState().reset());
