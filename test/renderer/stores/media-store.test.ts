import { describe, expect, it } from 'vitest';

import { lumaStats } from '../../../renderer/features/media/lighting-analysis';
import { lightingWindow, useMediaStore } from '../../../renderer/stores/media-store';
import { faceFrame, sine } from '../features/media/synthetic-media';

describe('useMediaStore', () => {
  it('judges lighting over the recent frames only', () => {
    const dark = lumaStats(faceFrame(30, 30));
    const good = lumaStats(faceFrame(140, 120));
    for (let i = 0; i < lightingWindow; i += 1) useMediaStore.getState().addFrame(dark);
    expect(useMediaStore.getState().lighting?.verdict).toBe('dark');
    for (let i = 0; i < lightingWindow; i += 1) useMediaStore.getState().addFrame(good);
    expect(useMediaStore.getState().frames).toHaveLength(lightingWindow);
    expect(useMediaStore.getState().lighting?.verdict).toBe('good');
  });

  it('clears the old verdict when the camera starts again', () => {
    useMediaStore.getState().addFrame(lumaStats(faceFrame(140, 120)));
    useMediaStore.getState().setCamera('starting');
    expect(useMediaStore.getState().lighting).toBeNull();
    expect(useMediaStore.getState().camera).toBe('starting');
  });

  it('accumulates microphone windows and restarts from nothing', () => {
    const voice = sine(0.3, 220, 48_000, 4800);
    useMediaStore.getState().addLevelWindow(voice, 100);
    useMediaStore.getState().addLevelWindow(voice, 100);
    expect(useMediaStore.getState().level.speechMs).toBe(200);
    useMediaStore.getState().setMicrophone('starting');
    expect(useMediaStore.getState().level.speechMs).toBe(0);
  });

  it('remembers whether the tone was heard', () => {
    expect(useMediaStore.getState().heard).toBeNull();
    useMediaStore.getState().markTonePlayed();
    useMediaStore.getState().setHeard(false);
    expect(useMediaStore.getState()).toMatchObject({ tonePlayed: true, heard: false });
  });
});

describe('media store: the echo test', () => {
  it('takes the answer to "Did you sound clear?" only once the test has finished', () => {
    const store = useMediaStore.getState();
    store.setEchoClear(true);
    expect(useMediaStore.getState().echo).toEqual({ status: 'idle' });
    const report = { voiceDbfs: -18, noiseFloorDbfs: -60, snrDb: 42, clippedFraction: 0, durationMs: 3000, issues: [] };
    store.setEcho({ status: 'done', report, clear: null });
    useMediaStore.getState().setEchoClear(false);
    expect(useMediaStore.getState().echo).toEqual({ status: 'done', report, clear: false });
    useMediaStore.getState().reset();
    expect(useMediaStore.getState().echo).toEqual({ status: 'idle' });
  });
});
