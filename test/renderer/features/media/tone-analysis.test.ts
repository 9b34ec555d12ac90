import { describe, expect, it } from 'vitest';

import { judgeAcoustic, medianDbfs, toneDbfs, toneTest } from '../../../../renderer/features/media/tone-analysis';
import { mix, noise, sine } from './synthetic-media';

const rate = 48_000;
const n = 2048;
const f = toneTest.frequencyHz;

describe('toneDbfs', () => {
  it('measures the amplitude of a sine at the test frequency', () => {
    expect(toneDbfs(sine(0.1, f, rate, n), rate)).toBeCloseTo(-20, 0);
  });

  it('barely registers a loud sound at another frequency', () => {
    expect(toneDbfs(sine(0.5, 200, rate, n), rate)).toBeLessThan(-60);
  });

  it('finds a quiet tone under room noise', () => {
    const level = toneDbfs(mix(sine(0.01, f, rate, n), noise(0.01, n)), rate);
    expect(level).toBeGreaterThan(-45);
    expect(level).toBeLessThan(-35);
  });
});

describe('judgeAcoustic', () => {
  const windows = (make: () => Float32Array) => Array.from({ length: 5 }, () => toneDbfs(make(), rate));

  it('says speakers when the microphone hears the tone well above the room', () => {
    const before = windows(() => noise(0.003, n));
    const during = windows(() => mix(noise(0.003, n), sine(0.02, f, rate, n)));
    expect(judgeAcoustic(before, during).verdict).toBe('speakers');
  });

  it('says not picked up when the tone stays in the headphones', () => {
    const before = windows(() => noise(0.003, n));
    const during = windows(() => noise(0.003, n, 7));
    expect(judgeAcoustic(before, during).verdict).toBe('not-picked-up');
  });

  it('does not count a faint rise in a silent room as heard', () => {
    const result = judgeAcoustic([-100, -100], [-80, -80]);
    expect(result.verdict).toBe('not-picked-up');
  });
});

describe('medianDbfs', () => {
  it('ignores one loud window', () => {
    expect(medianDbfs([-60, -61, -10, -59, -60])).toBe(-60);
    expect(medianDbfs([-60, -50])).toBe(-55);
  });
});
