import type { CheckResult } from './check-result';
import type { Judgement } from './judgement';

/**
 * The JSON the CLI prints for `scan --json`, versioned so scripts can rely on it.
 * `schema` changes only when a field is removed or its meaning changes.
 */
export interface ScanReport {
  readonly schema: 'readyroom.scan/1';
  /** ISO 8601. */
  readonly startedAt: string;
  readonly durationMs: number;
  /** process.platform of the computer that ran the scan. */
  readonly platform: string;
  readonly checks: readonly CheckResult[];
  /**
   * With `scan --save`: the therapist's own judgements saved with the scan ("checked by you", "not
   * applicable"). Each sits beside a check's status, which stays what ReadyRoom saw.
   */
  readonly judgements?: readonly Judgement[];
}
export const scanReportSchemaId = 'readyroom.scan/1' as const;
