import { describe, expect, it } from 'vitest';

import { defaultQualityOptions } from '../../../main/probes/net/quality-sampler';
import {
  connectionThresholdSources,
  defaultConnectionThresholds,
  gradeAgainst,
  gradeConnection,
  type ConnectionGrade,
  type ConnectionThresholds,
} from '../../../shared/checks/connection-grading';

/** An exact fraction with BigInt parts. */
interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

function choose(n: number, k: number): bigint {
  let result = 1n;
  for (let i = 1; i <= k; i += 1) result = (result * BigInt(n - k + i)) / BigInt(i);
  return result;
}

/**
 * Exact probability, for a link losing each attempt with probability lossNum/lossDen, that the real
 * grading function gives `grade` for the loss part. Every possible count of lost attempts is graded by
 * gradeConnection itself (round trip and jitter clean), so the figure is the rule's, not a copy of it.
 */
function exactProbability(
  grade: ConnectionGrade,
  lossNum: number,
  lossDen: number,
  n = defaultQualityOptions.samples,
  thresholds: ConnectionThresholds = defaultConnectionThresholds,
): Fraction {
  const p = BigInt(lossNum);
  const q = BigInt(lossDen - lossNum);
  let num = 0n;
  for (let lost = 0; lost <= n; lost += 1) {
    const verdict = gradeConnection({ sent: n, received: n - lost, rttMedianMs: 20, jitterMs: 2 }, thresholds);
    if (verdict.grade === grade) num += choose(n, lost) * p ** BigInt(lost) * q ** BigInt(n - lost);
  }
  return { num, den: BigInt(lossDen) ** BigInt(n) };
}

const atLeast = (f: Fraction, share: number) => f.num * 10n ** 9n >= BigInt(Math.round(share * 1e9)) * f.den;
const asNumber = (f: Fraction) => Number((f.num * 10n ** 12n) / f.den) / 1e12;

describe('loss rule: exact binomial error rates of the default design (60 attempts)', () => {
  it('uses 60 attempts, as the design assumes', () => {
    expect(defaultQualityOptions.samples).toBe(60);
  });

  it('passes a clean link (1 % loss, the worst "clean") in at least 99 % of runs', () => {
    const pass = exactProbability('pass', 1, 100);
    expect(atLeast(pass, 0.99)).toBe(true);
    expect(asNumber(pass)).toBeCloseTo(0.996877, 6);
  });

  it('passes links under 1 % loss even more reliably', () => {
    expect(atLeast(exactProbability('pass', 1, 200), 0.9997)).toBe(true);
  });

  it('fails a link that loses one attempt in six in at least 99 % of runs', () => {
    const fail = exactProbability('fail', 1, 6);
    expect(atLeast(fail, 0.99)).toBe(true);
    expect(asNumber(fail)).toBeCloseTo(0.993654, 6);
  });

  it('fails a link that loses one attempt in three in all but about one run in ten million', () => {
    const fail = exactProbability('fail', 1, 3);
    expect(atLeast(fail, 0.9999998)).toBe(true);
  });

  it('never warns on loss alone: a loss verdict is pass or fail', () => {
    for (const [num, den] of [
      [1, 100],
      [1, 20],
      [1, 6],
    ] as const) {
      expect(exactProbability('warn', num, den).num).toBe(0n);
    }
  });

  it('could not reach both targets with the 12 attempts used before (fail rate at 1 in 6 below 62 %)', () => {
    // With 12 attempts a clean link keeps passing only if 1 lost attempt still passes; then a 1-in-6
    // link fails only when 2 or more are lost.
    const twelve: ConnectionThresholds = {
      ...defaultConnectionThresholds,
      loss: { warnFrom: 2 / 12, failFrom: 2 / 12 },
    };
    expect(atLeast(exactProbability('pass', 1, 100, 12, twelve), 0.99)).toBe(true);
    expect(atLeast(exactProbability('fail', 1, 6, 12, twelve), 0.62)).toBe(false);
  });
});

describe('gradeConnection', () => {
  const clean = { sent: 60, received: 60, rttMedianMs: 20, jitterMs: 3 };

  it('grades round trip and jitter at the published limits', () => {
    const rtt = (ms: number) => gradeConnection({ ...clean, rttMedianMs: ms }).rtt;
    const jitter = (ms: number) => gradeConnection({ ...clean, jitterMs: ms }).jitter;
    expect([99, 100, 299, 300].map(rtt)).toEqual(['pass', 'warn', 'warn', 'fail']);
    expect([29, 30, 99, 100].map(jitter)).toEqual(['pass', 'warn', 'warn', 'fail']);
  });

  it('passes up to 3 lost of 60 and fails from 4', () => {
    const loss = (lost: number) => gradeConnection({ ...clean, received: 60 - lost }).loss;
    expect([0, 1, 3, 4, 10].map(loss)).toEqual(['pass', 'pass', 'pass', 'fail', 'fail']);
  });

  it('takes the worst of the three grades', () => {
    expect(gradeConnection({ ...clean, rttMedianMs: 150 }).grade).toBe('warn');
    expect(gradeConnection({ ...clean, rttMedianMs: 150, received: 50 }).grade).toBe('fail');
    expect(gradeConnection(clean).grade).toBe('pass');
  });

  it('fails when nothing answered, and ignores jitter it could not measure', () => {
    expect(gradeConnection({ sent: 60, received: 0, rttMedianMs: null, jitterMs: null })).toMatchObject({
      grade: 'fail',
      rtt: null,
      jitter: null,
      loss: 'fail',
      lost: 60,
    });
  });

  it('applies whatever limits it is given (Settings will pass the therapist’s own)', () => {
    const strict: ConnectionThresholds = {
      rttMs: { warnFrom: 10, failFrom: 50 },
      jitterMs: { warnFrom: 1, failFrom: 2 },
      loss: { warnFrom: 0.01, failFrom: 0.5 },
    };
    expect(gradeConnection({ ...clean, received: 59 }, strict)).toMatchObject({
      rtt: 'warn',
      jitter: 'fail',
      loss: 'warn',
      grade: 'fail',
    });
  });

  it('is not thrown off by floating point at an exact limit', () => {
    expect(gradeAgainst(4 / 60, { warnFrom: 4 / 60, failFrom: 1 })).toBe('warn');
    expect(gradeAgainst(0.3 - 0.1, { warnFrom: 0.2, failFrom: 1 })).toBe('warn');
  });

  it('names a public source for every default limit', () => {
    for (const key of Object.keys(defaultConnectionThresholds) as (keyof ConnectionThresholds)[]) {
      expect(connectionThresholdSources[key]).toMatch(/Microsoft Teams network guidance/);
    }
    expect(connectionThresholdSources.rttMs).toContain('ITU-T G.114');
  });
});
