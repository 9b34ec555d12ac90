import { useCallback, useEffect, useRef } from 'react';

import { Button } from '../../components/button';
import { useMediaStore } from '../../stores/media-store';
import { lightingAdvice, lumaStats } from './lighting-analysis';
import { stopStream, useMediaEnv } from './media-env';
import { classifyMediaError, explainDeviceProblem } from './media-errors';
import './media.css';
import { DeviceProblemAlert } from './device-problem-alert';

type CameraTestProps = {
  /** Start as soon as it is shown (the media step and the quick check); otherwise on a button press. */
  readonly autoStart?: boolean;
};

/** How often a frame is sampled for the lighting check. */
const sampleEveryMs = 500;

/** The camera preview with a live lighting check. The camera is released when this leaves the screen. */
export function CameraTest({ autoStart = true }: CameraTestProps) {
  const env = useMediaEnv();
  const camera = useMediaStore((s) => s.camera);
  const lighting = useMediaStore((s) => s.lighting);
  const video = useRef<HTMLVideoElement>(null);
  /** Cancels the run in progress (stream and sampling); also guards against a start that resolves late. */
  const stopRun = useRef<(() => void) | null>(null);

  const start = useCallback(async () => {
    stopRun.current?.();
    let cancelled = false;
    let stream: MediaStream | null = null;
    let stopSampling: (() => void) | null = null;
    const stop = () => {
      cancelled = true;
      stopSampling?.();
      stopStream(stream);
      if (video.current) video.current.srcObject = null;
    };
    stopRun.current = stop;
    const store = useMediaStore.getState();
    store.setCamera('starting');
    try {
      stream = await env.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 } }, audio: false });
    } catch (error) {
      if (!cancelled) store.setCamera(classifyMediaError(error));
      return;
    }
    if (cancelled) {
      stopStream(stream);
      return;
    }
    const element = video.current;
    // Muted + autoPlay starts the preview without a play() call, which a browser may refuse.
    if (element) element.srcObject = stream;
    for (const track of stream.getVideoTracks()) {
      track.addEventListener('ended', () => {
        if (!cancelled) useMediaStore.getState().setCamera('no-device');
      });
    }
    store.setCamera('live');
    stopSampling = env.every(sampleEveryMs, () => {
      const frame = element ? env.sampleFrame(element) : null;
      if (frame) useMediaStore.getState().addFrame(lumaStats(frame));
    });
  }, [env]);

  useEffect(() => {
    if (autoStart) void start();
    return () => {
      stopRun.current?.();
      stopRun.current = null;
      const state = useMediaStore.getState();
      if (state.camera === 'live' || state.camera === 'starting') state.setCamera('stopped');
    };
  }, [autoStart, start]);

  const problem = explainDeviceProblem('camera', camera);
  const verdict = lighting ? lightingAdvice[lighting.verdict] : null;
  const showVideo = camera === 'live' || camera === 'starting';

  return (
    <div className="rr-media rr-camera">
      <video
        ref={video}
        className="rr-camera__preview"
        hidden={!showVideo}
        muted
        playsInline
        autoPlay
        aria-label="Camera preview: what your client will see"
      />
      <div className="rr-media__status" role="status" aria-live="polite">
        {camera === 'starting' && <p>Starting the camera…</p>}
        {camera === 'live' && !verdict && <p>Looking at the picture…</p>}
        {showVideo && verdict && (
          <p>
            <strong>{verdict.summary}</strong> {verdict.advice}
          </p>
        )}
        {camera === 'stopped' && verdict && <p>Camera test finished: {verdict.summary}</p>}
      </div>
      <DeviceProblemAlert problem={problem} />
      {/* Always there (not hidden while starting), so keyboard focus is never dropped. */}
      <Button
        aria-disabled={camera === 'starting'}
        onClick={() => {
          if (useMediaStore.getState().camera !== 'starting') void start();
        }}
      >
        {camera === 'idle' ? 'Start the camera' : camera === 'live' ? 'Test the camera again' : 'Try again'}
      </Button>
    </div>
  );
}
