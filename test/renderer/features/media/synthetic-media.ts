import { lightingThresholds, type FrameLike } from '../../../../renderer/features/media/lighting-analysis';

/** A frame whose pixel at (x, y) has the grey level `shade(x, y)`, as RGBA. */
export function greyFrame(width: number, height: number, shade: (x: number, y: number) => number): FrameLike {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      const v = shade(x, y);
      data[i] = v;
      data[i + 1] = v;
      data[i + 2] = v;
      data[i + 3] = 255;
    }
  }
  return { data, width, height };
}

/** A face-like centre of one brightness in a surround of another (64×36, like the live sampler). */
export function faceFrame(centre: number, surround: number, width = 64, height = 36): FrameLike {
  const c = lightingThresholds.centre;
  const inCentre = (x: number, y: number) =>
    x >= Math.floor(width * c.x0) &&
    x < Math.ceil(width * c.x1) &&
    y >= Math.floor(height * c.y0) &&
    y < Math.ceil(height * c.y1);
  return greyFrame(width, height, (x, y) => (inCentre(x, y) ? centre : surround));
}

/** A sine of the given peak amplitude and frequency. */
export function sine(amplitude: number, frequency: number, sampleRate: number, length: number): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i += 1) out[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate);
  return out;
}

/** Deterministic white noise (a small LCG), so tests never depend on Math.random. */
export function noise(amplitude: number, length: number, seed = 1): Float32Array {
  const out = new Float32Array(length);
  let s = seed;
  for (let i = 0; i < length; i += 1) {
    s = (s * 1664525 + 1013904223) % 4294967296;
    out[i] = amplitude * ((s / 4294967296) * 2 - 1);
  }
  return out;
}

export function mix(...signals: Float32Array[]): Float32Array {
  const length = Math.max(...signals.map((s) => s.length));
  const out = new Float32Array(length);
  for (const s of signals) for (let i = 0; i < s.length; i += 1) out[i] = (out[i] ?? 0) + (s[i] ?? 0);
  return out;
}

/** Speech-like: 400 ms of a voice-like tone, 200 ms of pause, over a room's noise. */
export function speechBursts(voice: number, room: number, sampleRate: number, seconds = 3): Float32Array {
  const out = noise(room, sampleRate * seconds, 7);
  const tone = sine(voice, 220, sampleRate, sampleRate * seconds);
  for (let i = 0; i < out.length; i += 1) {
    if (i % (sampleRate * 0.6) < sampleRate * 0.4) out[i] = (out[i] ?? 0) + (tone[i] ?? 0);
  }
  return out;
}
