import { useEffect, useRef } from 'react';

import { Button } from '../../components/button';
import { useMediaStore, type EchoState } from '../../stores/media-store';
import { DeviceProblemAlert } from './device-problem-alert';
import { analyseEcho, echoAdvice, type EchoReport } from './echo-analysis';
import type { AudioClip } from './echo-recording';
import { settlesWithin, stopStream, useMediaEnv } from './media-env';
import { classifyMediaError, explainDeviceProblem } from './media-errors';
import './media.css';

/** How long the therapist speaks for. */
export const echoRecordMs = 3000;
/** How long past the clip's own length playback may take before it counts as failed. */
const playbackGraceMs = 3000;

const problems = {
  'no-recorder': {
    title: 'This computer cannot make the short recording.',
    advice: 'Try the microphone test above instead, or ask someone to listen to you on a test call.',
  },
  'no-playback': {
    title: 'ReadyRoom could not play the recording back.',
    advice: 'Check that your headphones or speakers are connected and turned on, then try again.',
  },
} as const;

function problemOf(echo: EchoState) {
  if (echo.status !== 'failed') return null;
  if (echo.reason) return problems[echo.reason];
  return explainDeviceProblem('microphone', echo.device);
}

function findings(report: EchoReport): string[] {
  if (report.issues.length === 0) {
    return ['The recording has a good level, no distortion and little background noise.'];
  }
  return report.issues.map((issue) => echoAdvice[issue]);
}

/**
 * "Hear yourself": records about three seconds from the microphone, plays it straight back through the
 * sound output and asks whether the therapist sounded clear, with what the recording's level, distortion
 * and background noise suggest changing. The recording lives in memory only until it has been played and
 * measured; only the numbers are kept. It is made without the call apps' noise suppression and gain
 * control, so the room and the microphone are judged rather than the processing.
 */
export function EchoTest() {
  const env = useMediaEnv();
  const echo = useMediaStore((s) => s.echo);
  const cancelled = useRef(false);

  useEffect(() => {
    cancelled.current = false;
    return () => {
      cancelled.current = true;
      const state = useMediaStore.getState().echo;
      if (state.status === 'recording' || state.status === 'playing')
        useMediaStore.getState().setEcho({ status: 'idle' });
    };
  }, []);

  async function run() {
    const store = useMediaStore.getState();
    if (store.echo.status === 'recording' || store.echo.status === 'playing') return;
    store.setEcho({ status: 'recording' });
    let stream: MediaStream;
    try {
      stream = await env.getUserMedia({
        audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
      });
    } catch (error) {
      if (!cancelled.current) store.setEcho({ status: 'failed', device: classifyMediaError(error) });
      return;
    }
    let clip: AudioClip;
    try {
      clip = await env.recordClip(stream, echoRecordMs);
    } catch (error) {
      const unsupported = error instanceof DOMException && error.name === 'NotSupportedError';
      if (!cancelled.current) {
        store.setEcho(
          unsupported
            ? { status: 'failed', device: 'live', reason: 'no-recorder' }
            : { status: 'failed', device: 'error' },
        );
      }
      return;
    } finally {
      // The microphone is released as soon as the recording is made.
      stopStream(stream);
    }
    if (cancelled.current) return;
    const report = analyseEcho(clip.samples, clip.sampleRate);
    store.setEcho({ status: 'playing' });
    const played = await settlesWithin(
      Promise.resolve().then(() => env.playClip(clip)),
      echoRecordMs + playbackGraceMs,
    );
    // Only the numbers go on: once this returns, nothing refers to the recording.
    if (cancelled.current) return;
    useMediaStore
      .getState()
      .setEcho(
        played ? { status: 'done', report, clear: null } : { status: 'failed', device: 'live', reason: 'no-playback' },
      );
  }

  const busy = echo.status === 'recording' || echo.status === 'playing';
  return (
    <div className="rr-media rr-echo">
      <p className="rr-muted">
        Hear how you sound to your client: ReadyRoom records you for three seconds and plays it straight back. The
        recording is deleted as soon as it has played.
      </p>
      <Button onClick={() => void run()} aria-disabled={busy}>
        {echo.status === 'idle' ? 'Record and play back 3 seconds' : busy ? 'Please wait…' : 'Record again'}
      </Button>
      <div className="rr-media__status" role="status" aria-live="polite">
        {echo.status === 'recording' && (
          <p>Recording: say a sentence at your normal volume, as you would to a client.</p>
        )}
        {echo.status === 'playing' && <p>Playing it back: listen to how you sound.</p>}
      </div>
      <DeviceProblemAlert problem={problemOf(echo)} />
      {echo.status === 'done' && (
        <>
          <fieldset className="rr-output__question">
            <legend>Did you sound clear?</legend>
            <div className="rr-actions">
              <Button aria-pressed={echo.clear === true} onClick={() => useMediaStore.getState().setEchoClear(true)}>
                Yes, I sounded clear
              </Button>
              <Button aria-pressed={echo.clear === false} onClick={() => useMediaStore.getState().setEchoClear(false)}>
                No, not clearly
              </Button>
            </div>
          </fieldset>
          <div className={`rr-alert ${echo.report.issues.length === 0 ? 'rr-alert--info' : 'rr-alert--warn'}`}>
            <p>
              <strong>What ReadyRoom heard in the recording:</strong>
            </p>
            <ul>
              {findings(echo.report).map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          </div>
        </>
      )}
    </div>
  );
}
