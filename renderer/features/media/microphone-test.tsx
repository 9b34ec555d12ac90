import { useCallback, useEffect, useRef } from 'react';

import { Button } from '../../components/button';
import { useMediaStore } from '../../stores/media-store';
import { isClipping, levelThresholds, levelVerdict, type LevelVerdict } from './level-analysis';
import { stopStream, useMediaEnv } from './media-env';
import { classifyMediaError, explainDeviceProblem } from './media-errors';
import './media.css';
import { DeviceProblemAlert } from './device-problem-alert';

type MicrophoneTestProps = {
  readonly autoStart?: boolean;
};

/** One reading stands for the time since the last one. */
const readEveryMs = 100;

const verdictText: Record<LevelVerdict, string> = {
  listening: 'Say a few words at your normal volume, for example today’s date.',
  speech: 'Your microphone hears you clearly.',
  quiet: 'Your microphone hears you only faintly. Move closer, or check the right microphone is chosen.',
  silent: 'Your microphone hears nothing. Check it is not muted and that the right one is chosen.',
  constant: 'Your microphone sends a flat signal. It may be disconnected: unplug it and plug it in again.',
};

/** A live level meter (RMS in dBFS) that listens for speech and clipping, with the call apps' usual audio processing. */
export function MicrophoneTest({ autoStart = true }: MicrophoneTestProps) {
  const env = useMediaEnv();
  const microphone = useMediaStore((s) => s.microphone);
  const level = useMediaStore((s) => s.level);
  const stopRun = useRef<(() => void) | null>(null);

  const start = useCallback(async () => {
    stopRun.current?.();
    let cancelled = false;
    let stream: MediaStream | null = null;
    let stopReading: (() => void) | null = null;
    let closeSource: (() => void) | null = null;
    stopRun.current = () => {
      cancelled = true;
      stopReading?.();
      closeSource?.();
      stopStream(stream);
    };
    const store = useMediaStore.getState();
    store.setMicrophone('starting');
    try {
      stream = await env.getUserMedia({ audio: true, video: false });
    } catch (error) {
      if (!cancelled) store.setMicrophone(classifyMediaError(error));
      return;
    }
    if (cancelled) {
      stopStream(stream);
      return;
    }
    const source = env.openLevelSource(stream);
    closeSource = () => source.close();
    store.setMicrophone('live');
    stopReading = env.every(readEveryMs, () => {
      const samples = source.read();
      if (samples) useMediaStore.getState().addLevelWindow(samples, readEveryMs);
    });
  }, [env]);

  useEffect(() => {
    if (autoStart) void start();
    return () => {
      stopRun.current?.();
      stopRun.current = null;
      const state = useMediaStore.getState();
      if (state.microphone === 'live' || state.microphone === 'starting') state.setMicrophone('stopped');
    };
  }, [autoStart, start]);

  const problem = explainDeviceProblem('microphone', microphone);
  const verdict = levelVerdict(level);
  const clipping = isClipping(level);
  const live = microphone === 'live';
  const shown = Math.max(-60, Math.round(level.lastDbfs));

  return (
    <div className="rr-media rr-mic">
      {live && (
        <div className="rr-mic__meter">
          <label htmlFor="rr-mic-level">Microphone level</label>
          <meter
            id="rr-mic-level"
            min={-60}
            max={0}
            low={levelThresholds.speechDbfs}
            high={-6}
            optimum={-20}
            value={shown}
            aria-valuetext={`${shown} decibels`}
          />
        </div>
      )}
      <div className="rr-media__status" role="status" aria-live="polite">
        {microphone === 'starting' && <p>Starting the microphone…</p>}
        {(live || microphone === 'stopped') && level.listenedMs > 0 && (
          <p>
            {verdictText[verdict]}
            {clipping && ' It is also very loud and may distort: turn the input volume down a little.'}
          </p>
        )}
        {live && level.listenedMs === 0 && <p>{verdictText.listening}</p>}
      </div>
      <DeviceProblemAlert problem={problem} />
      {/* Always there (not hidden while starting), so keyboard focus is never dropped. */}
      <Button
        aria-disabled={microphone === 'starting'}
        onClick={() => {
          if (useMediaStore.getState().microphone !== 'starting') void start();
        }}
      >
        {microphone === 'idle' ? 'Start the microphone test' : problem ? 'Try again' : 'Test again'}
      </Button>
    </div>
  );
}
