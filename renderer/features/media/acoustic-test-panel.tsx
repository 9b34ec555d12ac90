import { Button } from '../../components/button';
import { useMediaStore, type AcousticState } from '../../stores/media-store';
import { runAcousticTest } from './acoustic-test';
import { useMediaEnv } from './media-env';
import { explainDeviceProblem } from './media-errors';
import './media.css';

const noSound = {
  title: 'ReadyRoom could not play the test sound.',
  advice: 'Check that your headphones or speakers are connected and turned on, then try again. This test is optional.',
};

/** The optional headphone check: does the microphone pick up the test sound? */
export function AcousticTestPanel() {
  const env = useMediaEnv();
  const acoustic = useMediaStore((s) => s.acoustic);

  async function run() {
    if (useMediaStore.getState().acoustic.status === 'running') return;
    useMediaStore.getState().setAcoustic({ status: 'running' });
    let next: AcousticState;
    try {
      const outcome = await runAcousticTest(env);
      next = outcome.ok
        ? { status: 'done', result: outcome.result }
        : { status: 'failed', device: outcome.device, ...(outcome.reason ? { reason: outcome.reason } : {}) };
    } catch {
      // Never leave "Listening…" showing for ever: an unexpected failure is reported like any other.
      next = { status: 'failed', device: 'error' };
    }
    useMediaStore.getState().setAcoustic(next);
  }

  const problem =
    acoustic.status !== 'failed'
      ? null
      : acoustic.reason === 'no-sound'
        ? noSound
        : explainDeviceProblem('microphone', acoustic.device);
  return (
    <div className="rr-media rr-acoustic">
      <p className="rr-muted">
        Optional: ReadyRoom can play the sound again while listening with the microphone. If the microphone hears it,
        the sound is coming from speakers, and your client could be overheard.
      </p>
      <Button onClick={() => void run()} aria-disabled={acoustic.status === 'running'}>
        {acoustic.status === 'running' ? 'Listening…' : 'Check for speakers with the microphone'}
      </Button>
      <div role="status" aria-live="polite">
        {acoustic.status === 'done' && acoustic.result.verdict === 'speakers' && (
          <p className="rr-alert rr-alert--warn">
            <strong>The microphone heard the test sound.</strong> It seems to be coming from speakers. Plug in or
            connect your headphones and try again.
          </p>
        )}
        {acoustic.status === 'done' && acoustic.result.verdict === 'not-picked-up' && (
          <p className="rr-alert rr-alert--info">
            The microphone did not pick up the test sound, so if you heard it, it is most likely in your headphones.
          </p>
        )}
        {problem && (
          <p className="rr-alert rr-alert--warn">
            <strong>{problem.title}</strong> {problem.advice}
          </p>
        )}
      </div>
    </div>
  );
}
