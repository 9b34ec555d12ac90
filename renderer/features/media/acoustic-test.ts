import type { LevelSource, MediaEnv } from './media-env';
import { settlesWithin, stopStream, toneGraceMs } from './media-env';
import { classifyMediaError } from './media-errors';
import { judgeAcoustic, toneDbfs, toneTest, type AcousticResult } from './tone-analysis';
import type { DeviceState } from '../../stores/media-store';

export type AcousticOutcome =
  | { readonly ok: true; readonly result: AcousticResult }
  | { readonly ok: false; readonly device: DeviceState; readonly reason?: 'no-sound' };

const readingMs = 100;
const baselineReadings = 6;
/** Readings in the first 200 ms of the tone are skipped: output latency would dilute them. */
const settleMs = 200;

/**
 * Plays the test tone while recording with echo cancellation, noise suppression and gain control
 * off (they would hide the tone), and compares the tone's level with the room just before.
 */
export async function runAcousticTest(env: MediaEnv): Promise<AcousticOutcome> {
  let stream: MediaStream;
  try {
    stream = await env.getUserMedia({
      audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    });
  } catch (error) {
    return { ok: false, device: classifyMediaError(error) };
  }
  let source: LevelSource | null = null;
  try {
    // Opened inside the try, so the microphone is released even if this fails.
    const opened = env.openLevelSource(stream);
    source = opened;
    const level = () => {
      const samples = opened.read();
      return samples ? toneDbfs(samples, opened.sampleRate) : null;
    };
    await env.sleep(readingMs);
    const baseline: number[] = [];
    for (let i = 0; i < baselineReadings; i += 1) {
      const value = level();
      if (value !== null) baseline.push(value);
      await env.sleep(readingMs);
    }
    const during: number[] = [];
    let playing = true;
    // The tone may fail to start or never report its end (no output device): the test then stops, it never hangs.
    const played = settlesWithin(
      Promise.resolve().then(() => env.playTone(toneTest)),
      toneTest.durationMs + toneGraceMs,
    ).finally(() => {
      playing = false;
    });
    await env.sleep(settleMs);
    for (let t = settleMs; playing && t < toneTest.durationMs; t += readingMs) {
      const value = level();
      if (value !== null) during.push(value);
      await env.sleep(readingMs);
    }
    if (!(await played)) return { ok: false, device: 'live', reason: 'no-sound' };
    if (during.length === 0) return { ok: false, device: 'error' };
    return { ok: true, result: judgeAcoustic(baseline, during) };
  } finally {
    source?.close();
    stopStream(stream);
  }
}
