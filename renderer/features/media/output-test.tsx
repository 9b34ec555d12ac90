import { useState } from 'react';

import { Button } from '../../components/button';
import { useMediaStore } from '../../stores/media-store';
import { settlesWithin, toneGraceMs, useMediaEnv } from './media-env';
import { toneTest } from './tone-analysis';
import './media.css';
import { Check, Icon } from '../../components/icons';

/** Plays a short tone and asks whether the therapist heard it: the only reliable way to test output. */
export function OutputTest() {
  const env = useMediaEnv();
  const tonePlayed = useMediaStore((s) => s.tonePlayed);
  const heard = useMediaStore((s) => s.heard);
  const [playing, setPlaying] = useState(false);
  const [failed, setFailed] = useState(false);

  async function play() {
    if (playing) return;
    setPlaying(true);
    setFailed(false);
    useMediaStore.getState().markTonePlayed();
    // A sound system that throws, or never says the tone ended, must not leave "Playing…" for ever.
    const played = await settlesWithin(
      Promise.resolve().then(() => env.playTone(toneTest)),
      toneTest.durationMs + toneGraceMs,
    );
    setFailed(!played);
    setPlaying(false);
  }

  return (
    <div className="rr-media rr-output">
      <Button onClick={() => void play()} aria-disabled={playing}>
        {playing ? 'Playing…' : tonePlayed ? 'Play the test sound again' : 'Play test sound'}
      </Button>
      {failed && (
        <p className="rr-alert rr-alert--warn" role="alert">
          <strong>ReadyRoom could not play the test sound.</strong> Check that your headphones or speakers are connected
          and turned on, then press &ldquo;Play the test sound again&rdquo;.
        </p>
      )}
      {tonePlayed && (
        <fieldset className="rr-output__question">
          <legend>Did you hear the sound?</legend>
          <div className="rr-actions">
            <Button aria-pressed={heard === true} onClick={() => useMediaStore.getState().setHeard(true)}>
              {heard === true && <Icon icon={Check} />}
              Yes, I heard it
            </Button>
            <Button aria-pressed={heard === false} onClick={() => useMediaStore.getState().setHeard(false)}>
              {heard === false && <Icon icon={Check} />}
              No, I did not
            </Button>
          </div>
        </fieldset>
      )}
    </div>
  );
}
