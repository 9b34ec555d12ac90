/**
 * How connection.quality turns a measurement into pass / warn / fail. Pure, so the same rule runs in the
 * probe, in the tests that prove its error rates, and (issue 10) in Settings when the therapist changes
 * the limits.
 */

export type ConnectionGrade = 'pass' | 'warn' | 'fail';

/** A limit pair: `warnFrom` ≤ value < `failFrom` warns, from `failFrom` on fails. */
export interface GradeLimits {
  readonly warnFrom: number;
  readonly failFrom: number;
}

export interface ConnectionThresholds {
  /** Median round trip of a TCP connect, in ms. */
  readonly rttMs: GradeLimits;
  /** Mean absolute difference of consecutive round trips, in ms. */
  readonly jitterMs: GradeLimits;
  /** Share of attempts lost (0–1). */
  readonly loss: GradeLimits;
}

/**
 * Loss limits. The sampler sends 60 connection attempts (see quality-sampler.ts for why 60), so
 * failing from 6 % means failing from 4 lost attempts: 3 lost (5 %) still pass. There is no warn band
 * for loss: with 60 attempts a warn band would either warn on clean links or pass lossy ones too often.
 */
const lossLimits: GradeLimits = { warnFrom: 0.06, failFrom: 0.06 };

export const defaultConnectionThresholds: ConnectionThresholds = {
  rttMs: { warnFrom: 100, failFrom: 300 },
  jitterMs: { warnFrom: 30, failFrom: 100 },
  loss: lossLimits,
};

/** Where each default comes from, shown next to the limits in the evidence (and later in Settings). */
export const connectionThresholdSources: Record<keyof ConnectionThresholds, string> = {
  rttMs:
    'Microsoft Teams network guidance: round trip under 100 ms from the computer to Microsoft’s edge (learn.microsoft.com/microsoftteams/prepare-network). ITU-T G.114 (2003): one-way delay above about 150 ms (round trip 300 ms) harms conversation.',
  jitterMs:
    'Microsoft Teams network guidance: jitter under 30 ms (learn.microsoft.com/microsoftteams/prepare-network). From 100 ms Vidyo’s guidance no longer calls a connection workable (support.vidyo.io, article 115002941614).',
  loss: 'Microsoft Teams network guidance: under 1 % loss for calls (learn.microsoft.com/microsoftteams/prepare-network). The fail point (6 % of 60 attempts) is set so a link losing 1 attempt in 6 fails in over 99 % of runs while a link under 1 % passes in over 99 %.',
};

/** Short names of the same sources, for the evidence saved with every log. */
export const connectionThresholdSourceNames: Record<keyof ConnectionThresholds, string> = {
  rttMs: 'Microsoft Teams network guidance; ITU-T G.114',
  jitterMs: 'Microsoft Teams network guidance; Vidyo network guidance',
  loss: 'Microsoft Teams network guidance; binomial design for 60 attempts',
};

export interface ConnectionMeasurementSummary {
  readonly sent: number;
  readonly received: number;
  /** Median round trip of the answered attempts; null when none answered. */
  readonly rttMedianMs: number | null;
  /** Null with fewer than two answers. */
  readonly jitterMs: number | null;
}

export interface ConnectionVerdict {
  readonly grade: ConnectionGrade;
  readonly rtt: ConnectionGrade | null;
  readonly jitter: ConnectionGrade | null;
  readonly loss: ConnectionGrade;
  readonly lost: number;
  /** Loss as a share of the attempts sent. */
  readonly lossShare: number;
}

const rank: Record<ConnectionGrade, number> = { pass: 0, warn: 1, fail: 2 };
const worst = (grades: readonly (ConnectionGrade | null)[]): ConnectionGrade =>
  grades.reduce<ConnectionGrade>((a, b) => (b !== null && rank[b] > rank[a] ? b : a), 'pass');

/** Grades one value against a limit pair. */
export function gradeAgainst(value: number, limits: GradeLimits): ConnectionGrade {
  // A tiny tolerance so 4/60 ≥ 0.0666… is not lost to floating point.
  const eps = 1e-9;
  if (value >= limits.failFrom - eps) return 'fail';
  if (value >= limits.warnFrom - eps) return 'warn';
  return 'pass';
}

/** The worst of the three grades; nothing answered is a fail. */
export function gradeConnection(
  m: ConnectionMeasurementSummary,
  thresholds: ConnectionThresholds = defaultConnectionThresholds,
): ConnectionVerdict {
  const lost = Math.max(0, m.sent - m.received);
  const lossShare = m.sent > 0 ? lost / m.sent : 1;
  const loss = m.received === 0 ? 'fail' : gradeAgainst(lossShare, thresholds.loss);
  const rtt = m.rttMedianMs === null ? null : gradeAgainst(m.rttMedianMs, thresholds.rttMs);
  const jitter = m.jitterMs === null ? null : gradeAgainst(m.jitterMs, thresholds.jitterMs);
  return { grade: worst([rtt, jitter, loss]), rtt, jitter, loss, lost, lossShare };
}
