import { create } from 'zustand';

import type { LightingReport, LumaStats } from '../features/media/lighting-analysis';
import { summariseLighting } from '../features/media/lighting-analysis';
import { addWindow, initialLevelState, type LevelState } from '../features/media/level-analysis';
import type { EchoReport } from '../features/media/echo-analysis';
import type { AcousticResult } from '../features/media/tone-analysis';
import { registerStoreReset } from './reset-stores';

/** Where a camera or microphone stands; the failure states each get their own explanation. */
export type DeviceState = 'idle' | 'starting' | 'live' | 'denied' | 'no-device' | 'busy' | 'error' | 'stopped';

export type AcousticState =
  | { readonly status: 'idle' }
  | { readonly status: 'running' }
  | { readonly status: 'done'; readonly result: AcousticResult }
  /** `no-sound`: the microphone worked but the test sound could not be played. */
  | { readonly status: 'failed'; readonly device: DeviceState; readonly reason?: 'no-sound' };

/** The "hear yourself" test. Only numbers about the recording are kept here; the recording never is. */
export type EchoState =
  | { readonly status: 'idle' }
  | { readonly status: 'recording' }
  | { readonly status: 'playing' }
  | { readonly status: 'done'; readonly report: EchoReport; readonly clear: boolean | null }
  /** `no-recorder`: this browser cannot record; `no-playback`: the recording could not be played. */
  | { readonly status: 'failed'; readonly device: DeviceState; readonly reason?: 'no-recorder' | 'no-playback' };

/** How many recent frames the lighting verdict looks at (about five seconds at two frames a second). */
export const lightingWindow = 10;

type MediaState = {
  readonly camera: DeviceState;
  readonly frames: readonly LumaStats[];
  readonly lighting: LightingReport | null;
  readonly microphone: DeviceState;
  readonly level: LevelState;
  readonly tonePlayed: boolean;
  /** The therapist's answer to "did you hear the tone?"; null until they answer. */
  readonly heard: boolean | null;
  readonly acoustic: AcousticState;
  readonly echo: EchoState;
  setCamera(state: DeviceState): void;
  addFrame(stats: LumaStats): void;
  setMicrophone(state: DeviceState): void;
  addLevelWindow(samples: ArrayLike<number>, durationMs: number): void;
  /** Starts the microphone test again from nothing (e.g. after switching microphone). */
  restartLevel(): void;
  markTonePlayed(): void;
  setHeard(heard: boolean): void;
  setAcoustic(state: AcousticState): void;
  setEcho(state: EchoState): void;
  /** The therapist's answer to "Did you sound clear?"; ignored unless the test has finished. */
  setEchoClear(clear: boolean): void;
  reset(): void;
};

const initial = {
  camera: 'idle' as DeviceState,
  frames: [],
  lighting: null,
  microphone: 'idle' as DeviceState,
  level: initialLevelState,
  tonePlayed: false,
  heard: null,
  acoustic: { status: 'idle' } as AcousticState,
  echo: { status: 'idle' } as EchoState,
};

/** Camera, microphone and sound test state. The live streams stay in components; only verdicts live here. */
export const useMediaStore = create<MediaState>()((set) => ({
  ...initial,
  setCamera: (camera) => set(camera === 'starting' ? { camera, frames: [], lighting: null } : { camera }),
  addFrame: (stats) =>
    set((s) => {
      const frames = [...s.frames, stats].slice(-lightingWindow);
      return { frames, lighting: summariseLighting(frames) };
    }),
  setMicrophone: (microphone) =>
    set(microphone === 'starting' ? { microphone, level: initialLevelState } : { microphone }),
  addLevelWindow: (samples, durationMs) => set((s) => ({ level: addWindow(s.level, samples, durationMs) })),
  restartLevel: () => set({ level: initialLevelState }),
  markTonePlayed: () => set({ tonePlayed: true }),
  setHeard: (heard) => set({ heard }),
  setAcoustic: (acoustic) => set({ acoustic }),
  setEcho: (echo) => set({ echo }),
  setEchoClear: (clear) => set((s) => (s.echo.status === 'done' ? { echo: { ...s.echo, clear } } : {})),
  reset: () => set(initial),
}));

registerStoreReset(() => useMediaStore.getState().reset());
