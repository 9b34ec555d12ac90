import type { JsonObject } from '../json';

export const checkStatuses = ['pass', 'warn', 'fail', 'unknown', 'skipped'] as const;
export type CheckStatus = (typeof checkStatuses)[number];

/** Plain-English labels; `unknown` is never worded as a pass. */
export const statusLabels: Record<CheckStatus, string> = {
  pass: 'OK',
  warn: 'Needs attention',
  fail: 'Problem',
  unknown: 'Could not check',
  skipped: 'Not needed',
};

export interface FixAdvice {
  /** Numbered steps in plain English. */
  readonly steps: readonly string[];
  /** An OS settings deep link the app may open on request (looked up by check id in main). */
  readonly link?: { readonly label: string; readonly url: string };
}

/** The outcome of one check. Probes never throw: every failure mode is one of these. */
export interface CheckResult {
  readonly id: string;
  readonly status: CheckStatus;
  /** One line a non-technical therapist understands. */
  readonly summary: string;
  /** The raw facts behind the status, for the log and for support. */
  readonly evidence: JsonObject;
  /** How to fix it on this OS, from the catalog; null when nothing needs fixing. */
  readonly fix: FixAdvice | null;
  readonly durationMs: number;
}
