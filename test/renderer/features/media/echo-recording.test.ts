import { afterEach, describe, expect, it, vi } from 'vitest';

import { recordAudioClip, type RecorderLike } from '../../../../renderer/features/media/echo-recording';

/** A MediaRecorder stand-in that counts its listeners and hands out one chunk when stopped. */
class FakeRecorder extends EventTarget implements RecorderLike {
  state = 'inactive';
  readonly mimeType = 'audio/webm;codecs=opus';
  listeners = 0;
  failOnStop = false;
  override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    this.listeners += 1;
    super.addEventListener(...args);
  }
  override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
    this.listeners -= 1;
    super.removeEventListener(...args);
  }
  start(): void {
    this.state = 'recording';
  }
  stop(): void {
    if (this.state === 'inactive') return;
    this.state = 'inactive';
    if (this.failOnStop) {
      this.dispatchEvent(new Event('error'));
      return;
    }
    this.dispatchEvent(Object.assign(new Event('dataavailable'), { data: new Blob([new Uint8Array([1, 2, 3, 4])]) }));
    this.dispatchEvent(new Event('stop'));
  }
}

const stream = {} as MediaStream;
afterEach(() => vi.restoreAllMocks());

describe('recordAudioClip', () => {
  it('records for the time asked, decodes the recording and gives back only its samples', async () => {
    const recorder = new FakeRecorder();
    const waits: number[] = [];
    const decoded: ArrayBuffer[] = [];
    const clip = await recordAudioClip({
      stream,
      durationMs: 3000,
      createRecorder: () => recorder,
      wait: async (ms) => {
        waits.push(ms);
      },
      decode: async (data) => {
        decoded.push(data);
        return { sampleRate: 48_000, getChannelData: () => new Float32Array([0.1, -0.1]) };
      },
    });
    expect(waits).toEqual([3000]);
    expect(decoded.map((d) => d.byteLength)).toEqual([4]);
    expect(Object.keys(clip).sort()).toEqual(['sampleRate', 'samples']);
    expect([...clip.samples].map((x) => Math.round(x * 10) / 10)).toEqual([0.1, -0.1]);
    // Stopped, and nothing left listening that could keep a chunk alive.
    expect(recorder.state).toBe('inactive');
    expect(recorder.listeners).toBe(0);
  });

  it('never makes an object URL for the recording', async () => {
    const createObjectURL = vi.fn(() => 'blob:nope');
    Object.defineProperty(URL, 'createObjectURL', { value: createObjectURL, configurable: true });
    await recordAudioClip({
      stream,
      durationMs: 10,
      createRecorder: () => new FakeRecorder(),
      wait: async () => undefined,
      decode: async () => ({ sampleRate: 8000, getChannelData: () => new Float32Array(1) }),
    });
    expect(createObjectURL).not.toHaveBeenCalled();
  });

  it('stops the recorder and drops its listeners when recording or decoding fails', async () => {
    const failing = new FakeRecorder();
    failing.failOnStop = true;
    const options = { stream, durationMs: 10, wait: async () => undefined };
    await expect(
      recordAudioClip({
        ...options,
        createRecorder: () => failing,
        decode: async () => ({ sampleRate: 1, getChannelData: () => new Float32Array(1) }),
      }),
    ).rejects.toThrow(/recording failed/);
    expect(failing.listeners).toBe(0);
    const undecodable = new FakeRecorder();
    await expect(
      recordAudioClip({
        ...options,
        createRecorder: () => undecodable,
        decode: () => Promise.reject(new DOMException('bad data', 'EncodingError')),
      }),
    ).rejects.toThrow(/bad data/);
    expect(undecodable.state).toBe('inactive');
    expect(undecodable.listeners).toBe(0);
  });
});
