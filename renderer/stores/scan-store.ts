import { create } from 'zustand';

import type { AutomaticCheckId } from '../../shared/checks/check-ids';
import type { CheckResult } from '../../shared/checks/check-result';
import type { EventPayload } from '../../shared/ipc/contract';
import type { HostApprovalRequest, ScanRequest } from '../../shared/ipc/scan.contract';
import { call, subscribe } from '../api';
import { registerStoreReset } from './reset-stores';

type ScanContext = Pick<ScanRequest, 'platform' | 'target'>;

type ScanState = {
  /** The latest result per automatic check id. */
  readonly results: Readonly<Record<string, CheckResult>>;
  /** Ids waiting for a result, across every scan in flight. */
  readonly running: Readonly<Record<string, true>>;
  /** The platform and target of the last full scan, reused by "check again". */
  readonly context: ScanContext | null;
  /** Main's id of the latest whole scan: the log is saved from main's own record of it. */
  readonly scanId: string | null;
  readonly error: string | null;
  /** A whole scan was asked for and main has not yet said which checks it runs: results are pending, not missing. */
  readonly starting: boolean;
  /** Addresses main did not contact because the therapist has not allowed them yet. */
  readonly needsApproval: readonly HostApprovalRequest[];
  /** Starts a scan; results fill in as `scan:result` events arrive. */
  start(context: ScanContext, only?: readonly AutomaticCheckId[]): Promise<void>;
  checkAgain(id: AutomaticCheckId): Promise<void>;
  /** Stops asking about this address for now (the therapist said "not now", or allowed it). */
  dismissApproval(target: string): void;
  /** Forgets every result and stops listening; late events of old scans are then ignored. */
  reset(): void;
};

type Event<E extends 'scan:result' | 'scan:finished'> = EventPayload<E>;
type Buffered =
  | { readonly kind: 'result'; readonly e: Event<'scan:result'> }
  | { readonly kind: 'finished'; readonly e: Event<'scan:finished'> };

const initial = {
  results: {},
  running: {},
  context: null,
  scanId: null,
  error: null,
  starting: false,
  needsApproval: [],
};

/** Ids still owed by each scan we started. */
const outstanding = new Map<string, Set<string>>();
/** Scan ids of whole scans; a new whole scan (say, for another platform) supersedes them. */
const wholeScans = new Set<string>();
/** Events that arrived before `scan:start` answered with their scan id (the push can win the race). */
const early = new Map<string, Buffered[]>();
const maxEarlyScans = 20;
let unsubscribe: (() => void) | null = null;
/** A scan that has not finished by then is given up: its missing checks become unknown. */
export const scanGiveUpMs = 120_000;
const giveUpTimers = new Map<string, ReturnType<typeof setTimeout>>();
/** Bumped by reset, so a scan:start that answers after a reset is ignored. */
let generation = 0;
/** Bumped by each whole scan, so of two started in a row only the later one counts. */
let wholeGeneration = 0;

/** Streams automatic check results: one store for the whole scan, fed by main's push events. */
export const useScanStore = create<ScanState>()((set, get) => {
  function onResult({ scanId, result }: Event<'scan:result'>): void {
    const owed = outstanding.get(scanId);
    if (!owed) return buffer(scanId, { kind: 'result', e: { scanId, result } });
    owed.delete(result.id);
    set((s) => ({ results: { ...s.results, [result.id]: result }, running: withoutIds(s.running, [result.id]) }));
  }

  function onFinished({ scanId, durationMs }: Event<'scan:finished'>): void {
    const owed = outstanding.get(scanId);
    if (!owed) return buffer(scanId, { kind: 'finished', e: { scanId, durationMs } });
    outstanding.delete(scanId);
    wholeScans.delete(scanId);
    clearTimeout(giveUpTimers.get(scanId));
    giveUpTimers.delete(scanId);
    if (owed.size === 0) return;
    // A check that never answered is unknown, never quietly dropped or shown as fine.
    const missing = [...owed];
    set((s) => {
      const results = { ...s.results };
      for (const id of missing) results[id] = noAnswer(id);
      return { results, running: withoutIds(s.running, missing) };
    });
  }

  function buffer(scanId: string, event: Buffered): void {
    const list = early.get(scanId) ?? [];
    list.push(event);
    early.set(scanId, list);
    while (early.size > maxEarlyScans) early.delete(early.keys().next().value as string);
  }

  /** Late results of an older whole scan must not overwrite the new one's; their events are then ignored. */
  function supersedeWholeScans(): void {
    const dropped: string[] = [];
    for (const scanId of wholeScans) {
      dropped.push(...(outstanding.get(scanId) ?? []));
      outstanding.delete(scanId);
      clearTimeout(giveUpTimers.get(scanId));
      giveUpTimers.delete(scanId);
    }
    wholeScans.clear();
    if (dropped.length > 0) set((s) => ({ running: withoutIds(s.running, dropped) }));
  }

  function ensureSubscribed(): void {
    if (unsubscribe) return;
    const offResult = subscribe('scan:result', onResult);
    const offFinished = subscribe('scan:finished', onFinished);
    unsubscribe = () => {
      offResult();
      offFinished();
    };
  }

  return {
    ...initial,
    async start(context, only) {
      ensureSubscribed();
      if (!only) supersedeWholeScans();
      set(only ? { error: null } : { error: null, context, starting: true, scanId: null });
      // "Check again" updates main's record of the whole scan, so the saved log holds the new result.
      const parent = get().scanId;
      const request: ScanRequest = {
        ...context,
        ...(only ? { only: [...only], ...(parent ? { recheckOf: parent } : {}) } : {}),
      };
      const asked = generation;
      const askedWhole = only ? wholeGeneration : ++wholeGeneration;
      const started = await call('scan:start', request);
      if (asked !== generation || askedWhole !== wholeGeneration) return;
      if (!only) set({ starting: false });
      if (!started.ok) {
        set({ error: started.error.message });
        return;
      }
      const { scanId, checkIds } = started.value;
      // A whole scan asks afresh; a re-run of some checks answers afresh for those checks only.
      const waiting = started.value.needsApproval ?? [];
      const rerun = new Set<string>(checkIds);
      set((s) => ({
        needsApproval: [
          ...(only ? s.needsApproval.filter((a) => !a.checkIds.every((id) => rerun.has(id))) : []),
          ...waiting,
        ],
      }));
      outstanding.set(scanId, new Set(checkIds));
      if (!only) {
        wholeScans.add(scanId);
        set({ scanId });
      }
      // If the finished event never comes (a lost connection), stop showing "Checking…" for ever.
      giveUpTimers.set(
        scanId,
        setTimeout(() => onFinished({ scanId, durationMs: scanGiveUpMs }), scanGiveUpMs),
      );
      set((s) => {
        const running = { ...s.running };
        for (const id of checkIds) running[id] = true;
        return { running };
      });
      const replay = early.get(scanId) ?? [];
      early.delete(scanId);
      for (const event of replay) {
        if (event.kind === 'result') onResult(event.e);
        else onFinished(event.e);
      }
    },
    async checkAgain(id) {
      await get().start(get().context ?? {}, [id]);
    },
    dismissApproval(target) {
      set((s) => ({ needsApproval: s.needsApproval.filter((a) => a.target !== target) }));
    },
    reset() {
      generation += 1;
      unsubscribe?.();
      unsubscribe = null;
      outstanding.clear();
      wholeScans.clear();
      early.clear();
      for (const timer of giveUpTimers.values()) clearTimeout(timer);
      giveUpTimers.clear();
      set(initial);
    },
  };
});

function withoutIds(running: Readonly<Record<string, true>>, ids: readonly string[]): Record<string, true> {
  const next = { ...running };
  for (const id of ids) delete next[id];
  return next;
}

function noAnswer(id: string): CheckResult {
  return {
    id,
    status: 'unknown',
    summary: 'This check did not report back, so ReadyRoom cannot say whether it is fine.',
    evidence: { reason: 'no-result' },
    fix: null,
    durationMs: 0,
  };
}

registerStoreReset(() => useScanStore.getState().reset());
