import type { CheckResult } from './check-result';

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
}
export const scanReportSchemaId = 'readyroom.scan/1' as const;
