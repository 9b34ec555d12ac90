import type { AutomaticCheckId } from '../../shared/checks/check-ids';
import type { CheckResult } from '../../shared/checks/check-result';
import type { SessionPlatformId } from '../../shared/session/platforms';

/** One automatic result as main received it from its own probe, with when it finished. */
export interface RecordedResult {
  readonly result: CheckResult;
  readonly checkedAt: string;
}

/** What main itself saw of one readiness check's scan (and its "check again" runs). */
export interface ScanRecord {
  readonly scanId: string;
  readonly startedAt: string;
  readonly platform: SessionPlatformId | undefined;
  readonly target: string | undefined;
  /** Latest result per check, from the scan or a later "check again". */
  readonly results: ReadonlyMap<AutomaticCheckId, RecordedResult>;
  /** Checks still running (in the scan or a "check again"), so not yet in `results`. */
  readonly pending: ReadonlySet<AutomaticCheckId>;
}

export type ScanLookup =
  | { readonly state: 'found'; readonly record: ScanRecord }
  /** Once known, but older than the limit and forgotten: its results are too old to log. */
  | { readonly state: 'expired' }
  | { readonly state: 'unknown' };

export interface ScanRecords {
  /** Starts a record for a new scan; a "check again" names the scan whose record it updates. */
  open(
    scanId: string,
    scan: {
      readonly checkIds: readonly AutomaticCheckId[];
      readonly platform?: SessionPlatformId;
      readonly target?: string;
      readonly recheckOf?: string;
    },
  ): void;
  /** Stores one finished result in the scan's record (or in the record a "check again" updates). */
  add(scanId: string, result: CheckResult): void;
  /** Marks a scan finished: checks that never reported stop being pending. */
  finish(scanId: string): void;
  lookup(scanId: string): ScanLookup;
}

export interface ScanRecordsOptions {
  readonly now?: () => Date;
  /** Results older than this are not put in a log; default 3 hours after the record last changed. */
  readonly maxAgeMs?: number;
  /** The oldest records are forgotten beyond this many; default 20. */
  readonly maxRecords?: number;
}

export const defaultScanRecordMaxAgeMs = 3 * 60 * 60 * 1000;
const defaultMaxRecords = 20;
/** How many expired ids are remembered, so a late save is told "too old" rather than "unknown". */
const maxExpiredIds = 100;

interface MutableRecord {
  readonly scanId: string;
  readonly startedAt: string;
  readonly platform: SessionPlatformId | undefined;
  readonly target: string | undefined;
  readonly results: Map<AutomaticCheckId, RecordedResult>;
  touchedAt: number;
}

/** One run (a whole scan or a "check again"): the record it fills and the checks it still owes. */
interface Run {
  readonly recordId: string;
  readonly owed: Set<AutomaticCheckId>;
}

/**
 * Main's own memory of each scan it ran, so a saved log holds what main measured, never results
 * the window sends. Kept in memory only (a restart forgets them: the checks are run again), each
 * for a few hours after its last result, and only the latest few.
 */
export function createScanRecords(options: ScanRecordsOptions = {}): ScanRecords {
  const now = options.now ?? (() => new Date());
  const maxAgeMs = options.maxAgeMs ?? defaultScanRecordMaxAgeMs;
  const maxRecords = options.maxRecords ?? defaultMaxRecords;
  const records = new Map<string, MutableRecord>();
  const runs = new Map<string, Run>();
  const expired = new Set<string>();

  function forget(scanId: string): void {
    records.delete(scanId);
    expired.add(scanId);
    while (expired.size > maxExpiredIds) expired.delete(expired.values().next().value as string);
    for (const [runId, run] of runs) if (run.recordId === scanId) runs.delete(runId);
  }

  function sweep(): void {
    const cutoff = now().getTime() - maxAgeMs;
    for (const record of [...records.values()]) if (record.touchedAt < cutoff) forget(record.scanId);
    while (records.size > maxRecords) forget(records.keys().next().value as string);
  }

  function snapshot(record: MutableRecord): ScanRecord {
    const pending = new Set<AutomaticCheckId>();
    for (const run of runs.values()) {
      if (run.recordId !== record.scanId) continue;
      for (const id of run.owed) pending.add(id);
    }
    return { ...record, results: new Map(record.results), pending };
  }

  return {
    open(scanId, scan) {
      sweep();
      const parent = scan.recheckOf !== undefined ? records.get(scan.recheckOf) : undefined;
      const at = now();
      if (parent) {
        parent.touchedAt = at.getTime();
      } else {
        records.set(scanId, {
          scanId,
          startedAt: at.toISOString(),
          platform: scan.platform,
          target: scan.target,
          results: new Map(),
          touchedAt: at.getTime(),
        });
      }
      runs.set(scanId, { recordId: parent?.scanId ?? scanId, owed: new Set(scan.checkIds) });
      sweep();
    },
    add(scanId, result) {
      const run = runs.get(scanId);
      const record = run ? records.get(run.recordId) : undefined;
      if (!run || !record) return;
      const id = result.id as AutomaticCheckId;
      if (!run.owed.delete(id)) return;
      const at = now();
      record.results.set(id, { result, checkedAt: at.toISOString() });
      record.touchedAt = at.getTime();
    },
    finish(scanId) {
      // Checks a finished run never reported are no longer pending: the log says they did not report.
      runs.delete(scanId);
    },
    lookup(scanId) {
      sweep();
      const record = records.get(scanId);
      if (record) return { state: 'found', record: snapshot(record) };
      return expired.has(scanId) ? { state: 'expired' } : { state: 'unknown' };
    },
  };
}
