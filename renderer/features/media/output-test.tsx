import { useState } from 'react';

import { Button } from '../../components/button';
import { useMediaStore } from '../../stores/media-store';
import { useMediaEnv } from './media-env';
import { toneTest } from './tone-analysis';
import './media.css';

/** Plays a short tone and asks whether the therapist heard it: the only reliable way to test output. */
export function OutputTest() {
  const env = useMediaEnv();
  const tonePlayed = useMediaStore((s) => s.tonePlayed);
  const heard = useMediaStore((s) => s.heard);
  const [playing, setPlaying] = useState(false);

  async function play() {
    if (playing) return;
    setPlaying(true);
    useMediaStore.getState().markTonePlayed();
    try {
      await env.playTone(toneTest);
    } finally {
      setPlaying(false);
    }
  }

  return (
    <div className="rr-media rr-output">
      <Button onClick={() => void play()} aria-disabled={playing}>
        {playing ? 'Playing…' : tonePlayed ? 'Play the test sound again' : 'Play test sound'}
      </Button>
      {tonePlayed && (
        <fieldset className="rr-output__question">
          <legend>Did you hear the sound?</legend>
          <div className="rr-actions">
            <Button aria-pressed={heard === true} onClick={() => useMediaStore.getState().setHeard(true)}>
              Yes, I heard it
            </Button>
            <Button aria-pressed={heard === false} onClick={() => useMediaStore.getState().setHeard(false)}>
              No, I did not
            </Button>
          </div>
        </fieldset>
      )}
    </div>
  );
}
