import { toDbfs } from './level-analysis';

/**
 * The acoustic headphone test: a tone is played while the microphone records with echo
 * cancellation off. If the microphone picks the tone up clearly above what it heard just before,
 * the sound is coming out of speakers (and a client could be overheard); if not, and the
 * therapist heard it, it is most likely in their headphones. We listen because no web API says which:
 * a `MediaDeviceInfo` has only an id, kind, label and group (W3C Media Capture and Streams), no form factor.
 */
export const toneTest = {
  frequencyHz: 880,
  /** Quiet enough to be comfortable in headphones, loud enough for a laptop microphone to hear. */
  gainDbfs: -18,
  durationMs: 1500,
  /** The tone must rise this far above the baseline at the same frequency... */
  marginDb: 12,
  /** ...and be at least this loud in the microphone, so noise never counts as "heard". */
  minimumDbfs: -70,
} as const;

/** Amplitude (0–1) of the component at `frequency` in one window, by the Goertzel algorithm. */
export function toneAmplitude(samples: ArrayLike<number>, sampleRate: number, frequency: number): number {
  const n = samples.length;
  if (n === 0) return 0;
  // The exact frequency rather than the nearest bin, so the level does not depend on the window length.
  const omega = (2 * Math.PI * frequency) / sampleRate;
  const coeff = 2 * Math.cos(omega);
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i += 1) {
    // A Hann window keeps a loud neighbouring sound from leaking into the tone's bin.
    const w = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1 || 1));
    const s0 = (samples[i] ?? 0) * w + coeff * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
  // 2|X|/Σw recovers a sine's amplitude; Σw = n/2 for a Hann window.
  return (2 * Math.sqrt(Math.max(0, power))) / (n / 2);
}

export function toneDbfs(
  samples: ArrayLike<number>,
  sampleRate: number,
  frequency: number = toneTest.frequencyHz,
): number {
  return toDbfs(toneAmplitude(samples, sampleRate, frequency));
}

export type AcousticVerdict = 'speakers' | 'not-picked-up';

export interface AcousticResult {
  readonly verdict: AcousticVerdict;
  readonly baselineDbfs: number;
  readonly duringDbfs: number;
}

/** Median of the per-window tone levels, so a cough in one window does not decide the result. */
export function medianDbfs(levels: readonly number[]): number {
  if (levels.length === 0) return toDbfs(0);
  const sorted = [...levels].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function judgeAcoustic(baselineLevels: readonly number[], duringLevels: readonly number[]): AcousticResult {
  const baselineDbfs = medianDbfs(baselineLevels);
  const duringDbfs = medianDbfs(duringLevels);
  const heard = duringDbfs >= toneTest.minimumDbfs && duringDbfs - baselineDbfs >= toneTest.marginDb;
  return { verdict: heard ? 'speakers' : 'not-picked-up', baselineDbfs, duringDbfs };
}
