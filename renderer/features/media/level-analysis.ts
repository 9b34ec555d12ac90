/**
 * Microphone level from time-domain samples (Float32, −1…1, e.g. AnalyserNode.getFloatTimeDomainData).
 *
 * RMS in dBFS = 20·log10(√mean(x²)); a full-scale sine reads about −3 dBFS. Thresholds:
 * - speech: a window's RMS above −40 dBFS for at least 500 ms in total → the microphone hears you
 *   (our own margin of 20 dB over the "low" line below; no published figure for speech);
 * - quiet: the loudest window stayed between −60 and −40 dBFS → it hears you, faintly;
 * - silent: nothing above −60 dBFS → muted, wrong microphone, or dead. −60 dB is the low-volume line of
 *   the WebRTC project's own test page (webrtc/testrtc, src/js/mictest.js, `lowVolumeThreshold`);
 * - constant: the signal never varies (a stuck or disconnected input produces a flat line);
 * - clipping: more than 0.1 % of samples at or above 0.99 of full scale → distorted, too loud.
 * A verdict is only given after `minListenMs` of listening, unless speech was already heard.
 */
export const levelThresholds = {
  speechDbfs: -40,
  silentDbfs: -60,
  speechMs: 500,
  minListenMs: 3000,
  clipSample: 0.99,
  clippingFraction: 0.001,
  /** A window whose samples vary less than this (standard deviation) is flat. */
  flatStdDev: 1e-4,
  /** The floor shown for digital silence, instead of −Infinity. */
  floorDbfs: -100,
} as const;

export function rms(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i += 1) {
    const x = samples[i] ?? 0;
    sum += x * x;
  }
  return Math.sqrt(sum / samples.length);
}

/** 20·log10 of a linear level, floored so silence is a number. */
export function toDbfs(linear: number): number {
  if (!(linear > 0)) return levelThresholds.floorDbfs;
  return Math.max(levelThresholds.floorDbfs, 20 * Math.log10(linear));
}

export function rmsDbfs(samples: ArrayLike<number>): number {
  return toDbfs(rms(samples));
}

export function peak(samples: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < samples.length; i += 1) max = Math.max(max, Math.abs(samples[i] ?? 0));
  return max;
}

function stdDev(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let mean = 0;
  for (let i = 0; i < samples.length; i += 1) mean += samples[i] ?? 0;
  mean /= samples.length;
  let sum = 0;
  for (let i = 0; i < samples.length; i += 1) {
    const d = (samples[i] ?? 0) - mean;
    sum += d * d;
  }
  return Math.sqrt(sum / samples.length);
}

export type LevelVerdict = 'listening' | 'speech' | 'quiet' | 'silent' | 'constant';

export interface LevelState {
  readonly listenedMs: number;
  /** Total time with a window above the speech line. */
  readonly speechMs: number;
  readonly lastDbfs: number;
  readonly maxDbfs: number;
  readonly peak: number;
  readonly samples: number;
  readonly clippedSamples: number;
  /** Whether any window varied at all. */
  readonly varied: boolean;
}

export const initialLevelState: LevelState = {
  listenedMs: 0,
  speechMs: 0,
  lastDbfs: levelThresholds.floorDbfs,
  maxDbfs: levelThresholds.floorDbfs,
  peak: 0,
  samples: 0,
  clippedSamples: 0,
  varied: false,
};

/** Adds one window of samples that covers `durationMs` of audio; pure, returns the new state. */
export function addWindow(state: LevelState, samples: ArrayLike<number>, durationMs: number): LevelState {
  // RMS of the varying part (the standard deviation): a DC offset from a faulty input is not a voice.
  const spread = stdDev(samples);
  const level = toDbfs(spread);
  let clipped = 0;
  for (let i = 0; i < samples.length; i += 1) {
    if (Math.abs(samples[i] ?? 0) >= levelThresholds.clipSample) clipped += 1;
  }
  return {
    listenedMs: state.listenedMs + durationMs,
    speechMs: state.speechMs + (level > levelThresholds.speechDbfs ? durationMs : 0),
    lastDbfs: level,
    maxDbfs: Math.max(state.maxDbfs, level),
    peak: Math.max(state.peak, peak(samples)),
    samples: state.samples + samples.length,
    clippedSamples: state.clippedSamples + clipped,
    varied: state.varied || spread >= levelThresholds.flatStdDev,
  };
}

export function isClipping(state: LevelState): boolean {
  return state.samples > 0 && state.clippedSamples / state.samples > levelThresholds.clippingFraction;
}

export function levelVerdict(state: LevelState): LevelVerdict {
  const t = levelThresholds;
  if (state.speechMs >= t.speechMs) return 'speech';
  if (state.listenedMs < t.minListenMs) return 'listening';
  if (!state.varied) return 'constant';
  if (state.maxDbfs < t.silentDbfs) return 'silent';
  return 'quiet';
}
