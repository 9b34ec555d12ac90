import type { AudioClip } from '../../../../renderer/features/media/echo-recording';
import type { FrameLike } from '../../../../renderer/features/media/lighting-analysis';
import type { LevelSource, MediaEnv, ToneOptions } from '../../../../renderer/features/media/media-env';

export interface FakeTrack {
  readonly kind: 'audio' | 'video';
  stopped: boolean;
  stop(): void;
  addEventListener(type: 'ended', listener: () => void): void;
  /** Simulates the device being unplugged. */
  end(): void;
}

export interface FakeMediaEnv {
  readonly env: MediaEnv;
  /** Every stream handed out, with the constraints asked for. */
  readonly streams: { constraints: MediaStreamConstraints; tracks: FakeTrack[] }[];
  readonly tones: ToneOptions[];
  /** Make the next getUserMedia calls fail with this DOMException name (null: succeed). */
  failWith: string | null;
  /** What sampleFrame returns. */
  frame: FrameLike | null;
  /** What a level source returns; gets whether a tone is playing. */
  samples: (tonePlaying: boolean) => Float32Array | null;
  /** What recordClip returns (a copy each time). */
  clip: AudioClip;
  /** Make recordClip fail with this DOMException name (null: succeed). */
  failRecordWith: string | null;
  /** Make playClip fail (no output device). */
  playFails: boolean;
  /** Durations asked of recordClip, and the clips played back. */
  readonly recordings: number[];
  readonly played: AudioClip[];
  /** Runs every `every` callback once (one interval tick). */
  tick(times?: number): void;
  /** Holds getUserMedia until `release()` is called. */
  hold(): void;
  release(): void;
}

function track(kind: 'audio' | 'video'): FakeTrack {
  const listeners: (() => void)[] = [];
  return {
    kind,
    stopped: false,
    stop() {
      this.stopped = true;
    },
    addEventListener(_type, listener) {
      listeners.push(listener);
    },
    end() {
      for (const l of listeners) l();
    },
  };
}

/** A scriptable stand-in for the browser's media APIs: frames and samples are synthetic. */
export function createFakeMediaEnv(): FakeMediaEnv {
  const tickers = new Set<() => void>();
  let tonePlaying = false;
  let gate: Promise<void> | null = null;
  let open: (() => void) | null = null;
  const fake: FakeMediaEnv = {
    streams: [],
    tones: [],
    failWith: null,
    frame: null,
    samples: () => null,
    clip: { samples: new Float32Array(4800), sampleRate: 48_000 },
    failRecordWith: null,
    playFails: false,
    recordings: [],
    played: [],
    tick(times = 1) {
      for (let i = 0; i < times; i += 1) for (const t of [...tickers]) t();
    },
    hold() {
      gate = new Promise((resolve) => {
        open = resolve;
      });
    },
    release() {
      open?.();
      gate = null;
    },
    env: {
      async getUserMedia(constraints) {
        if (gate) await gate;
        if (fake.failWith) throw new DOMException('fake failure', fake.failWith);
        const tracks: FakeTrack[] = [];
        if (constraints.video) tracks.push(track('video'));
        if (constraints.audio) tracks.push(track('audio'));
        fake.streams.push({ constraints, tracks });
        return {
          getTracks: () => tracks,
          getVideoTracks: () => tracks.filter((t) => t.kind === 'video'),
          getAudioTracks: () => tracks.filter((t) => t.kind === 'audio'),
        } as unknown as MediaStream;
      },
      openLevelSource(): LevelSource {
        return { sampleRate: 48_000, read: () => fake.samples(tonePlaying), close: () => undefined };
      },
      async playTone(options) {
        fake.tones.push(options);
        tonePlaying = true;
        // The tone lasts for a number of sleeps, like real time passing.
        for (let i = 0; i < options.durationMs / 100; i += 1) await Promise.resolve();
        tonePlaying = false;
      },
      async recordClip(_stream, durationMs) {
        fake.recordings.push(durationMs);
        if (fake.failRecordWith) throw new DOMException('fake recording failure', fake.failRecordWith);
        return { samples: fake.clip.samples.slice(), sampleRate: fake.clip.sampleRate };
      },
      playClip(clip) {
        fake.played.push(clip);
        return fake.playFails ? Promise.reject(new DOMException('no output', 'NotFoundError')) : Promise.resolve();
      },
      sampleFrame: () => fake.frame,
      every(_ms, tick) {
        tickers.add(tick);
        return () => tickers.delete(tick);
      },
      sleep: () => Promise.resolve(),
    },
  };
  return fake;
}
