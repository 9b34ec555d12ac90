import { createContext, useContext } from 'react';

import { recordAudioClip, type AudioClip } from './echo-recording';
import type { FrameLike } from './lighting-analysis';

/** Reads the latest time-domain samples of a stream's audio. */
export interface LevelSource {
  readonly sampleRate: number;
  /** The latest window of samples (−1…1), or null before audio flows. */
  read(): Float32Array | null;
  close(): void;
}

export interface ToneOptions {
  readonly frequencyHz: number;
  readonly gainDbfs: number;
  readonly durationMs: number;
}

/**
 * The browser APIs the camera, microphone and sound tests use, behind one seam so component tests
 * can drive them with synthetic frames and samples. The app uses `browserMediaEnv`.
 */
export interface MediaEnv {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
  openLevelSource(stream: MediaStream): LevelSource;
  /** Plays a sine tone through the default output; resolves when it has finished. */
  playTone(options: ToneOptions): Promise<void>;
  /** Records `durationMs` of the stream into memory (MediaRecorder, decoded); nothing is written anywhere. */
  recordClip(stream: MediaStream, durationMs: number): Promise<AudioClip>;
  /** Plays a recorded clip through the default output; resolves when it has finished. */
  playClip(clip: AudioClip): Promise<void>;
  /** The current video frame drawn small (64×36), or null when no frame has arrived yet. */
  sampleFrame(video: HTMLVideoElement): FrameLike | null;
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
  sleep(ms: number): Promise<void>;
}

export const frameSize = { width: 64, height: 36 } as const;
/** About 85 ms of audio at 48 kHz per reading. */
const analyserSize = 4096;

let sharedContext: AudioContext | null = null;
function audioContext(): AudioContext {
  if (!sharedContext || sharedContext.state === 'closed') sharedContext = new AudioContext();
  // Electron allows audio without a gesture; a browser may start the context suspended.
  if (sharedContext.state === 'suspended') void sharedContext.resume().catch(() => undefined);
  return sharedContext;
}

export const browserMediaEnv: MediaEnv = {
  getUserMedia(constraints) {
    if (!navigator.mediaDevices?.getUserMedia) {
      return Promise.reject(new DOMException('No media devices here.', 'NotFoundError'));
    }
    return navigator.mediaDevices.getUserMedia(constraints);
  },
  openLevelSource(stream) {
    const context = audioContext();
    const source = context.createMediaStreamSource(stream);
    const analyser = context.createAnalyser();
    analyser.fftSize = analyserSize;
    source.connect(analyser);
    const buffer = new Float32Array(analyser.fftSize);
    return {
      sampleRate: context.sampleRate,
      read() {
        if (context.state !== 'running') {
          void context.resume().catch(() => undefined);
          return null;
        }
        analyser.getFloatTimeDomainData(buffer);
        return buffer.slice();
      },
      close() {
        source.disconnect();
        analyser.disconnect();
      },
    };
  },
  playTone({ frequencyHz, gainDbfs, durationMs }) {
    const context = audioContext();
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    const start = context.currentTime + 0.05;
    const end = start + durationMs / 1000;
    const level = 10 ** (gainDbfs / 20);
    oscillator.frequency.value = frequencyHz;
    // Short fades avoid a click at either end.
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(level, start + 0.05);
    gain.gain.setValueAtTime(level, end - 0.05);
    gain.gain.linearRampToValueAtTime(0, end);
    oscillator.connect(gain).connect(context.destination);
    return new Promise((resolve) => {
      oscillator.onended = () => {
        oscillator.disconnect();
        gain.disconnect();
        resolve();
      };
      oscillator.start(start);
      oscillator.stop(end);
    });
  },
  recordClip(stream, durationMs) {
    if (typeof MediaRecorder === 'undefined') {
      return Promise.reject(new DOMException('No MediaRecorder here.', 'NotSupportedError'));
    }
    return recordAudioClip({
      stream,
      durationMs,
      createRecorder: (s) => new MediaRecorder(s),
      decode: (data) => audioContext().decodeAudioData(data),
      wait: (ms) => new Promise((resolve) => window.setTimeout(resolve, ms)),
    });
  },
  playClip(clip) {
    const context = audioContext();
    const buffer = context.createBuffer(1, clip.samples.length, clip.sampleRate);
    buffer.copyToChannel(new Float32Array(clip.samples), 0);
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(context.destination);
    return new Promise((resolve) => {
      source.onended = () => {
        source.disconnect();
        resolve();
      };
      source.start();
    });
  },
  sampleFrame(video) {
    if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) return null;
    const canvas = document.createElement('canvas');
    canvas.width = frameSize.width;
    canvas.height = frameSize.height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return null;
    context.drawImage(video, 0, 0, frameSize.width, frameSize.height);
    return context.getImageData(0, 0, frameSize.width, frameSize.height);
  },
  every(ms, tick) {
    const id = window.setInterval(tick, ms);
    return () => window.clearInterval(id);
  },
  sleep(ms) {
    return new Promise((resolve) => window.setTimeout(resolve, ms));
  },
};

export const MediaEnvContext = createContext<MediaEnv>(browserMediaEnv);

export function useMediaEnv(): MediaEnv {
  return useContext(MediaEnvContext);
}

/** Stops every track, so the camera light goes off and the microphone is released. */
export function stopStream(stream: MediaStream | null | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/** How long past the tone's own length we wait for the sound system to say it finished. */
export const toneGraceMs = 3000;

/** True when the promise resolves within `ms`; false when it rejects, throws or takes longer. */
export async function settlesWithin(start: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([start.then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
