import { describe, expect, it } from 'vitest';

import { lumaStats, summariseLighting } from '../../../../renderer/features/media/lighting-analysis';
import { addWindow, initialLevelState, type LevelState } from '../../../../renderer/features/media/level-analysis';
import type { EchoReport } from '../../../../renderer/features/media/echo-analysis';
import { mediaResults, type MediaSnapshot } from '../../../../renderer/features/media/media-results';
import { faceFrame, noise, sine } from './synthetic-media';

const untouched: MediaSnapshot = {
  camera: 'idle',
  lighting: null,
  microphone: 'idle',
  level: initialLevelState,
  tonePlayed: false,
  heard: null,
  acoustic: { status: 'idle' },
  echo: { status: 'idle' },
};

const lit = (centre: number, surround: number) => summariseLighting([lumaStats(faceFrame(centre, surround))]);
function levels(window: Float32Array, count: number): LevelState {
  let state = initialLevelState;
  for (let i = 0; i < count; i += 1) state = addWindow(state, window, 100);
  return state;
}

describe('mediaResults', () => {
  it('gives no result for tests that have not run, so they count as unknown', () => {
    expect(mediaResults(untouched)).toEqual({});
  });

  it('passes a working camera with good light', () => {
    const results = mediaResults({ ...untouched, camera: 'live', lighting: lit(140, 120) });
    expect(results['media.camera']?.status).toBe('pass');
    expect(results['media.lighting']?.status).toBe('pass');
  });

  it('warns about a backlit picture and records the evidence', () => {
    const results = mediaResults({ ...untouched, camera: 'live', lighting: lit(60, 250) });
    expect(results['media.lighting']).toMatchObject({ status: 'warn', evidence: { verdict: 'backlit' } });
    expect(results['media.lighting']?.summary).toMatch(/behind or beside you/);
  });

  it('fails lighting that is too dark', () => {
    expect(mediaResults({ ...untouched, camera: 'live', lighting: lit(30, 30) })['media.lighting']?.status).toBe(
      'fail',
    );
  });

  it('fails a black camera and leaves lighting unknown, never passed', () => {
    const results = mediaResults({ ...untouched, camera: 'live', lighting: lit(3, 3) });
    expect(results['media.camera']?.status).toBe('fail');
    expect(results['media.lighting']?.status).toBe('unknown');
  });

  it('explains a camera the user did not allow', () => {
    const results = mediaResults({ ...untouched, camera: 'denied' });
    expect(results['media.camera']).toMatchObject({ status: 'fail', evidence: { device: 'denied' } });
    expect(results['media.camera']?.summary).toMatch(/not allowed/);
    expect(results['media.lighting']).toBeUndefined();
  });

  it('passes a microphone that heard speech, and warns when it clips', () => {
    const speech = mediaResults({ ...untouched, microphone: 'live', level: levels(sine(0.3, 220, 48_000, 4800), 6) });
    expect(speech['media.microphone']?.status).toBe('pass');
    const clipped = sine(2, 220, 48_000, 4800).map((x) => Math.max(-1, Math.min(1, x)));
    const loud = mediaResults({ ...untouched, microphone: 'live', level: levels(clipped, 6) });
    expect(loud['media.microphone']).toMatchObject({ status: 'warn', evidence: { clipping: true } });
  });

  it('gives no microphone result while it is still listening', () => {
    expect(mediaResults({ ...untouched, microphone: 'live', level: levels(new Float32Array(480), 5) })).toEqual({});
  });

  it('fails a silent microphone after listening long enough', () => {
    const results = mediaResults({ ...untouched, microphone: 'live', level: levels(noise(0.0005, 4800), 35) });
    expect(results['media.microphone']?.status).toBe('fail');
  });

  it('passes the sound test when the tone was heard and the microphone did not pick it up', () => {
    const results = mediaResults({
      ...untouched,
      tonePlayed: true,
      heard: true,
      acoustic: { status: 'done', result: { verdict: 'not-picked-up', baselineDbfs: -80, duringDbfs: -79 } },
    });
    expect(results['media.output']?.status).toBe('pass');
  });

  it('warns when the microphone heard the tone: it came from speakers, whatever the therapist says', () => {
    const results = mediaResults({
      ...untouched,
      tonePlayed: true,
      heard: true,
      acoustic: { status: 'done', result: { verdict: 'speakers', baselineDbfs: -80.04, duringDbfs: -40.26 } },
    });
    expect(results['media.output']).toMatchObject({
      status: 'warn',
      evidence: { heard: true, acousticTest: { verdict: 'speakers', baselineDbfs: -80, duringDbfs: -40.3 } },
    });
    expect(mediaResults({ ...untouched, heard: false })['media.output']?.status).toBe('fail');
  });
});

describe('media.echo', () => {
  const report = (issues: EchoReport['issues']): EchoReport => ({
    voiceDbfs: -18,
    noiseFloorDbfs: -62,
    snrDb: 44,
    clippedFraction: 0,
    durationMs: 3000,
    issues,
  });
  const echo = (state: MediaSnapshot['echo']) => mediaResults({ ...untouched, echo: state })['media.echo'];

  it('gives no result until the test ran and the therapist answered', () => {
    expect(echo({ status: 'idle' })).toBeUndefined();
    expect(echo({ status: 'done', report: report([]), clear: null })).toBeUndefined();
  });

  it('passes when the therapist sounded clear and the recording agrees', () => {
    const result = echo({ status: 'done', report: report([]), clear: true });
    expect(result?.status).toBe('pass');
    expect(result?.evidence).toEqual({
      soundedClear: true,
      voiceDbfs: -18,
      noiseFloorDbfs: -62,
      snrDb: 44,
      clippedFraction: 0,
      durationMs: 3000,
      issues: [],
    });
  });

  it('warns with what to change when either the therapist or the recording says it was not clear', () => {
    expect(echo({ status: 'done', report: report([]), clear: false })?.status).toBe('warn');
    const noisy = echo({ status: 'done', report: report(['noisy']), clear: true });
    expect(noisy?.status).toBe('warn');
    expect(noisy?.summary).toContain('background noise');
  });

  it('fails on an almost silent recording or a microphone that would not start', () => {
    expect(echo({ status: 'done', report: report(['silent']), clear: true })?.status).toBe('fail');
    expect(echo({ status: 'failed', device: 'denied' })?.status).toBe('fail');
    // Playback that failed is not the microphone's fault: no result, so it counts as not checked.
    expect(echo({ status: 'failed', device: 'live', reason: 'no-playback' })).toBeUndefined();
  });
});
