import { levelThresholds, toDbfs } from './level-analysis';

/**
 * How a short recording of the therapist's voice sounds, from its samples (−1…1): the level of the voice,
 * the room's noise between words, and distortion. Windows of 50 ms; the voice is the 90th percentile of
 * the windows' level (the loud parts of speech), the noise floor the 10th (the pauses between words).
 * - silent: the voice stays below −60 dBFS (WebRTC testrtc's "low" line): muted, wrong or dead microphone;
 * - quiet: the voice stays below −40 dBFS, the speech line of the live microphone meter;
 * - clipping: more than 0.1 % of samples at or above 0.99 of full scale (as the meter);
 * - noisy: the pauses sit above −50 dBFS, or the voice is less than 15 dB above them. These two lines
 *   are ReadyRoom's own margin, not a published figure: below them a listener has to strain.
 */
export const echoThresholds = {
  windowMs: 50,
  voicePercentile: 0.9,
  floorPercentile: 0.1,
  silentDbfs: levelThresholds.silentDbfs,
  quietDbfs: levelThresholds.speechDbfs,
  noisyFloorDbfs: -50,
  minSnrDb: 15,
  clipSample: levelThresholds.clipSample,
  clippingFraction: levelThresholds.clippingFraction,
} as const;

export type EchoIssue = 'silent' | 'quiet' | 'clipping' | 'noisy';

/** Only numbers: what the log may keep of a recording that itself is never kept. */
export interface EchoReport {
  readonly voiceDbfs: number;
  readonly noiseFloorDbfs: number;
  readonly snrDb: number;
  readonly clippedFraction: number;
  readonly durationMs: number;
  readonly issues: readonly EchoIssue[];
}

/** What to change, in plain words, for each problem. */
export const echoAdvice: Record<EchoIssue, string> = {
  silent: 'The recording is almost silent. Check that the microphone is not muted and is the one you mean to use.',
  quiet: 'You sound quiet. Move closer to the microphone, or turn its input volume up.',
  clipping:
    'Your voice distorts because it is too loud for the microphone. Move back a little, or turn the input volume down.',
  noisy:
    'There is a lot of background noise. Close the door and windows, move away from fans and traffic, or use a headset with its own microphone.',
};

/** The level (dBFS) of the varying part of one window: a DC offset from a faulty input is not sound. */
function windowLevel(samples: ArrayLike<number>, from: number, to: number): number {
  let mean = 0;
  for (let i = from; i < to; i += 1) mean += samples[i] ?? 0;
  mean /= Math.max(1, to - from);
  let sum = 0;
  for (let i = from; i < to; i += 1) {
    const d = (samples[i] ?? 0) - mean;
    sum += d * d;
  }
  return toDbfs(Math.sqrt(sum / Math.max(1, to - from)));
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return levelThresholds.floorDbfs;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))));
  return sorted[index] ?? levelThresholds.floorDbfs;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function analyseEcho(samples: ArrayLike<number>, sampleRate: number): EchoReport {
  const t = echoThresholds;
  const size = Math.max(1, Math.round((sampleRate * t.windowMs) / 1000));
  const levels: number[] = [];
  for (let from = 0; from + size <= samples.length; from += size) levels.push(windowLevel(samples, from, from + size));
  levels.sort((a, b) => a - b);
  let clipped = 0;
  for (let i = 0; i < samples.length; i += 1) if (Math.abs(samples[i] ?? 0) >= t.clipSample) clipped += 1;
  const voice = percentile(levels, t.voicePercentile);
  const floor = percentile(levels, t.floorPercentile);
  const clippedFraction = samples.length > 0 ? clipped / samples.length : 0;
  const issues: EchoIssue[] = [];
  if (voice < t.silentDbfs) issues.push('silent');
  else {
    if (voice < t.quietDbfs) issues.push('quiet');
    if (clippedFraction > t.clippingFraction) issues.push('clipping');
    if (floor > t.noisyFloorDbfs || voice - floor < t.minSnrDb) issues.push('noisy');
  }
  return {
    voiceDbfs: round1(voice),
    noiseFloorDbfs: round1(floor),
    snrDb: round1(voice - floor),
    clippedFraction: Math.round(clippedFraction * 10_000) / 10_000,
    durationMs: Math.round((samples.length / sampleRate) * 1000),
    issues,
  };
}
