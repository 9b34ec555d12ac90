import { describe, expect, it } from 'vitest';

import {
  addWindow,
  initialLevelState,
  isClipping,
  levelVerdict,
  peak,
  rmsDbfs,
  type LevelState,
} from '../../../../renderer/features/media/level-analysis';
import { noise, sine } from './synthetic-media';

const rate = 48_000;
/** 100 ms windows. */
const win = 4800;

function listen(windows: Float32Array[], ms = 100): LevelState {
  return windows.reduce((state, w) => addWindow(state, w, ms), initialLevelState);
}
const repeat = (w: Float32Array, n: number) => Array.from({ length: n }, () => w);
const amplitudeForDbfs = (db: number) => Math.SQRT2 * 10 ** (db / 20);

describe('rmsDbfs', () => {
  it('reads a full-scale sine as about −3 dBFS', () => {
    expect(rmsDbfs(sine(1, 440, rate, win))).toBeCloseTo(-3.01, 1);
  });

  it('reads a sine at the level it was made for', () => {
    expect(rmsDbfs(sine(amplitudeForDbfs(-50), 440, rate, win))).toBeCloseTo(-50, 1);
  });

  it('floors digital silence at −100 instead of −Infinity', () => {
    expect(rmsDbfs(new Float32Array(win))).toBe(-100);
    expect(rmsDbfs(new Float32Array(0))).toBe(-100);
  });

  it('finds the peak of either sign', () => {
    expect(peak(Float32Array.from([0.1, -0.7, 0.3]))).toBeCloseTo(0.7);
  });
});

describe('levelVerdict', () => {
  it('keeps listening for the first seconds when nothing was heard yet', () => {
    expect(levelVerdict(listen(repeat(new Float32Array(win), 10)))).toBe('listening');
  });

  it('hears speech after half a second above −40 dBFS', () => {
    const voice = sine(amplitudeForDbfs(-20), 220, rate, win);
    expect(levelVerdict(listen(repeat(voice, 4)))).toBe('listening');
    expect(levelVerdict(listen(repeat(voice, 5)))).toBe('speech');
  });

  it('adds up speech across pauses', () => {
    const voice = sine(amplitudeForDbfs(-25), 220, rate, win);
    const pause = noise(0.0005, win);
    const state = listen([voice, pause, voice, pause, voice, pause, voice, pause, voice]);
    expect(state.speechMs).toBe(500);
    expect(levelVerdict(state)).toBe('speech');
  });

  it('calls a faint microphone quiet', () => {
    const faint = sine(amplitudeForDbfs(-50), 220, rate, win);
    const state = listen(repeat(faint, 30));
    expect(state.maxDbfs).toBeCloseTo(-50, 0);
    expect(levelVerdict(state)).toBe('quiet');
  });

  it('calls a microphone that only hears hiss silent', () => {
    expect(levelVerdict(listen(repeat(noise(0.0005, win), 30)))).toBe('silent');
  });

  it('calls a flat line constant', () => {
    expect(levelVerdict(listen(repeat(new Float32Array(win).fill(0.2), 30)))).toBe('constant');
    expect(levelVerdict(listen(repeat(new Float32Array(win), 30)))).toBe('constant');
  });
});

describe('isClipping', () => {
  it('flags a voice that hits full scale', () => {
    const clipped = sine(1.5, 220, rate, win).map((x) => Math.max(-1, Math.min(1, x)));
    const state = listen(repeat(clipped, 5));
    expect(isClipping(state)).toBe(true);
    expect(levelVerdict(state)).toBe('speech');
  });

  it('does not flag a healthy voice', () => {
    expect(isClipping(listen(repeat(sine(0.5, 220, rate, win), 5)))).toBe(false);
  });

  it('does not flag before anything was heard', () => {
    expect(isClipping(initialLevelState)).toBe(false);
  });
});
