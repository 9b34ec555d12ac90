/**
 * Lighting analysis of small camera frames (RGBA, e.g. a 64×36 canvas sample taken every ~500 ms).
 *
 * Luma is BT.709: Y = 0.2126 R + 0.7152 G + 0.0722 B (0–255). Thresholds, and where they come from:
 * - black: mean ≤ 20 — the camera shows nothing (covered, or no picture); the black-frame cut-off of the
 *   WebRTC project's test page (webrtc/testrtc, src/js/videoframechecker.js, `nonBlackPixelLumaThreshold`).
 * - dark: mean < 40 — too dark for the client to see a face.
 * - dim: mean < 80, or mean < 60 with p95 < 120 — usable but gloomy; good light starts at 80.
 *   No standard publishes dark/dim lines: 40 and 80 are our own, close to what small open-source camera checks use.
 * - overexposed: more than 15 % of pixels clipped (Y ≥ 250).
 * - backlit: the centre (where a face usually sits) is less than 0.6 × as bright as the surround,
 *   and the surround is bright (≥ 5 % clipped, or mean ≥ 150): a window or lamp behind or beside.
 * These are generic ratio heuristics (no face detection) and should be tuned on real cameras.
 */
export const lightingThresholds = {
  blackMean: 20,
  darkMean: 40,
  dimMean: 80,
  dimMeanWithLowHighlights: 60,
  dimP95: 120,
  clippedLuma: 250,
  crushedLuma: 16,
  overexposedFraction: 0.15,
  backlitRatio: 0.6,
  backlitSurroundClipped: 0.05,
  backlitSurroundMean: 150,
  /** The centre region, as fractions of width and height. */
  centre: { x0: 0.3, x1: 0.7, y0: 0.2, y1: 0.8 },
} as const;

export type LightingVerdict = 'good' | 'black' | 'dark' | 'dim' | 'backlit' | 'overexposed';

export interface LumaStats {
  readonly mean: number;
  readonly p5: number;
  readonly p95: number;
  /** Fraction of pixels at Y ≤ 16. */
  readonly crushed: number;
  /** Fraction of pixels at Y ≥ 250. */
  readonly clipped: number;
  readonly centreMean: number;
  readonly surroundMean: number;
  readonly surroundClipped: number;
}

export interface FrameLike {
  readonly data: ArrayLike<number>;
  readonly width: number;
  readonly height: number;
}

export function luma(r: number, g: number, b: number): number {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function lumaStats(frame: FrameLike): LumaStats {
  const { data, width, height } = frame;
  const count = width * height;
  if (count === 0 || data.length < count * 4) throw new Error('Frame data is smaller than its size.');
  const histogram = new Array<number>(256).fill(0);
  const c = lightingThresholds.centre;
  const cx0 = Math.floor(width * c.x0);
  const cx1 = Math.ceil(width * c.x1);
  const cy0 = Math.floor(height * c.y0);
  const cy1 = Math.ceil(height * c.y1);
  let sum = 0;
  let clipped = 0;
  let crushed = 0;
  let centreSum = 0;
  let centreCount = 0;
  let surroundClipped = 0;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      const value = luma(data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0);
      sum += value;
      const bin = Math.min(255, Math.max(0, Math.round(value)));
      histogram[bin] = (histogram[bin] ?? 0) + 1;
      const isClipped = value >= lightingThresholds.clippedLuma;
      if (isClipped) clipped += 1;
      if (value <= lightingThresholds.crushedLuma) crushed += 1;
      if (x >= cx0 && x < cx1 && y >= cy0 && y < cy1) {
        centreSum += value;
        centreCount += 1;
      } else if (isClipped) {
        surroundClipped += 1;
      }
    }
  }
  const surroundCount = count - centreCount;
  return {
    mean: sum / count,
    p5: percentile(histogram, count, 0.05),
    p95: percentile(histogram, count, 0.95),
    crushed: crushed / count,
    clipped: clipped / count,
    centreMean: centreCount ? centreSum / centreCount : 0,
    surroundMean: surroundCount ? (sum - centreSum) / surroundCount : 0,
    surroundClipped: surroundCount ? surroundClipped / surroundCount : 0,
  };
}

function percentile(histogram: readonly number[], count: number, p: number): number {
  const target = p * count;
  let seen = 0;
  for (let bin = 0; bin < histogram.length; bin += 1) {
    seen += histogram[bin] ?? 0;
    if (seen >= target) return bin;
  }
  return 255;
}

export function classifyLighting(stats: LumaStats): LightingVerdict {
  const t = lightingThresholds;
  if (stats.mean <= t.blackMean) return 'black';
  if (stats.mean < t.darkMean) return 'dark';
  const surroundBright =
    stats.surroundClipped >= t.backlitSurroundClipped || stats.surroundMean >= t.backlitSurroundMean;
  if (stats.surroundMean > 0 && stats.centreMean / stats.surroundMean < t.backlitRatio && surroundBright)
    return 'backlit';
  if (stats.clipped > t.overexposedFraction) return 'overexposed';
  if (stats.mean < t.dimMean || (stats.mean < t.dimMeanWithLowHighlights && stats.p95 < t.dimP95)) return 'dim';
  return 'good';
}

/** Averages several frames' stats so one odd frame (a hand passing) does not flip the verdict. */
export function averageStats(samples: readonly LumaStats[]): LumaStats | null {
  if (samples.length === 0) return null;
  const keys: (keyof LumaStats)[] = [
    'mean',
    'p5',
    'p95',
    'crushed',
    'clipped',
    'centreMean',
    'surroundMean',
    'surroundClipped',
  ];
  const out = {} as Record<keyof LumaStats, number>;
  for (const key of keys) out[key] = samples.reduce((acc, s) => acc + s[key], 0) / samples.length;
  return out;
}

export interface LightingReport {
  readonly verdict: LightingVerdict;
  readonly stats: LumaStats;
  /** Share of the sampled frames that were black (camera covered or not sending a picture). */
  readonly blackFrames: number;
  readonly frames: number;
}

/** The verdict over recent frames: a camera whose picture is black in over a third of frames is black. */
export function summariseLighting(samples: readonly LumaStats[]): LightingReport | null {
  const stats = averageStats(samples);
  if (!stats) return null;
  const black = samples.filter((s) => s.mean <= lightingThresholds.blackMean).length;
  const blackFrames = black / samples.length;
  const verdict = blackFrames > 1 / 3 ? 'black' : classifyLighting(stats);
  return { verdict, stats, blackFrames, frames: samples.length };
}

/** Plain words for each verdict, with what to do. */
export const lightingAdvice: Record<LightingVerdict, { readonly summary: string; readonly advice: string | null }> = {
  good: { summary: 'Your face is well lit.', advice: null },
  black: {
    summary: 'The camera picture is black.',
    advice: 'Check the camera is not covered by a shutter or tape, and that no other program is using it.',
  },
  dark: {
    summary: 'The picture is too dark for your client to see you.',
    advice: 'Turn on a light in front of you, a little above eye level.',
  },
  dim: {
    summary: 'The picture is rather dim.',
    advice: 'More light in front of you will help your client see your expressions.',
  },
  backlit: {
    summary: 'There is a bright light behind or beside you, so your face is in shadow.',
    advice: 'Do not sit with a window or lamp behind or beside you: face the light, or close the curtains behind you.',
  },
  overexposed: {
    summary: 'The picture is very bright and washed out.',
    advice: 'Move away from direct sunlight or turn down a bright lamp pointing at you.',
  },
};
