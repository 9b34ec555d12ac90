import { describe, expect, it } from 'vitest';

import {
  classifyLighting,
  lightingAdvice,
  lumaStats,
  luma,
  summariseLighting,
} from '../../../../renderer/features/media/lighting-analysis';
import { faceFrame, greyFrame } from './synthetic-media';

const verdictOf = (centre: number, surround: number) => classifyLighting(lumaStats(faceFrame(centre, surround)));

describe('lumaStats', () => {
  it('weights green most, as BT.709 luma does', () => {
    expect(luma(0, 255, 0)).toBeGreaterThan(luma(255, 0, 0));
    expect(luma(255, 0, 0)).toBeGreaterThan(luma(0, 0, 255));
    expect(luma(255, 255, 255)).toBeCloseTo(255);
  });

  it('measures the centre and the surround separately', () => {
    const stats = lumaStats(faceFrame(60, 240));
    expect(stats.centreMean).toBeCloseTo(60, 0);
    expect(stats.surroundMean).toBeGreaterThan(200);
    expect(stats.mean).toBeGreaterThan(60);
  });

  it('reports percentiles and clipped and crushed shares', () => {
    const stats = lumaStats(greyFrame(10, 10, (x) => (x < 5 ? 0 : 255)));
    expect(stats.p5).toBe(0);
    expect(stats.p95).toBe(255);
    expect(stats.clipped).toBeCloseTo(0.5);
    expect(stats.crushed).toBeCloseTo(0.5);
  });

  it('refuses a frame whose data is shorter than its size', () => {
    expect(() => lumaStats({ data: new Uint8ClampedArray(8), width: 4, height: 4 })).toThrow();
  });
});

describe('classifyLighting', () => {
  it('passes an evenly lit face', () => {
    expect(verdictOf(140, 120)).toBe('good');
  });

  it('calls a very dark picture dark', () => {
    expect(verdictOf(30, 25)).toBe('dark');
  });

  it('calls a picture with nothing in it black', () => {
    expect(verdictOf(5, 5)).toBe('black');
  });

  it('calls a dim room dim', () => {
    expect(verdictOf(65, 60)).toBe('dim');
  });

  it('spots a face in shadow against a bright window', () => {
    expect(verdictOf(70, 250)).toBe('backlit');
  });

  it('spots a bright lamp beside a dim face even without clipping', () => {
    expect(verdictOf(60, 170)).toBe('backlit');
  });

  it('does not call a bright face in a darker room backlit', () => {
    expect(verdictOf(180, 90)).toBe('good');
  });

  it('calls a washed-out picture overexposed', () => {
    expect(verdictOf(252, 252)).toBe('overexposed');
  });
});

describe('summariseLighting', () => {
  it('returns null before any frame was sampled', () => {
    expect(summariseLighting([])).toBeNull();
  });

  it('averages frames so one odd frame does not decide', () => {
    const good = lumaStats(faceFrame(140, 120));
    const dark = lumaStats(faceFrame(30, 30));
    expect(summariseLighting([good, good, good, dark])?.verdict).toBe('good');
  });

  it('calls the camera black when more than a third of frames are black', () => {
    const good = lumaStats(faceFrame(140, 120));
    const black = lumaStats(faceFrame(2, 2));
    const report = summariseLighting([good, black, black]);
    expect(report?.verdict).toBe('black');
    expect(report?.blackFrames).toBeCloseTo(2 / 3);
    expect(report?.frames).toBe(3);
  });
});

describe('lightingAdvice', () => {
  it('advises against a light behind or beside for a backlit picture', () => {
    expect(lightingAdvice.backlit.advice).toMatch(/window or lamp behind or beside/);
  });

  it('gives advice for every verdict except good', () => {
    for (const [verdict, text] of Object.entries(lightingAdvice)) {
      if (verdict === 'good') expect(text.advice).toBeNull();
      else expect(text.advice).toBeTruthy();
    }
  });
});
