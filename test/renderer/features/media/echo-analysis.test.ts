import { describe, expect, it } from 'vitest';

import { analyseEcho, echoAdvice } from '../../../../renderer/features/media/echo-analysis';
import { mix, noise, sine, speechBursts } from './synthetic-media';

const rate = 48_000;

const speech = (voice: number, room: number) => speechBursts(voice, room, rate);

describe('analyseEcho', () => {
  it('finds nothing to change in a clear voice over a quiet room', () => {
    const report = analyseEcho(speech(0.3, 0.0005), rate);
    expect(report.issues).toEqual([]);
    expect(report.voiceDbfs).toBeGreaterThan(-15);
    expect(report.noiseFloorDbfs).toBeLessThan(-60);
    expect(report.snrDb).toBeGreaterThan(40);
    expect(report.durationMs).toBe(3000);
  });

  it('says the voice is quiet, or the recording silent', () => {
    expect(analyseEcho(speech(0.005, 0.00005), rate).issues).toEqual(['quiet']);
    expect(analyseEcho(new Float32Array(rate * 3), rate).issues).toEqual(['silent']);
  });

  it('says the voice distorts when it hits full scale', () => {
    // Too loud for the input: the peaks of the voice are cut off at full scale.
    const clipped = speech(1.5, 0.0005).map((x) => Math.max(-1, Math.min(1, x)));
    expect(analyseEcho(clipped, rate).issues).toEqual(['clipping']);
  });

  it('says the room is noisy when the pauses are loud or the voice hardly rises above them', () => {
    expect(analyseEcho(speech(0.3, 0.02), rate).issues).toEqual(['noisy']);
    expect(analyseEcho(mix(sine(0.05, 220, rate, rate * 3), noise(0.02, rate * 3)), rate).issues).toContain('noisy');
  });

  it('gives plain advice for each problem', () => {
    expect(echoAdvice.quiet).toMatch(/closer to the microphone/);
    expect(echoAdvice.noisy).toMatch(/headset/);
  });
});
