import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { EchoTest, echoRecordMs } from '../../../../renderer/features/media/echo-test';
import { MediaEnvContext } from '../../../../renderer/features/media/media-env';
import { useMediaStore } from '../../../../renderer/stores/media-store';
import { createFakeMediaEnv, type FakeMediaEnv } from './fake-media-env';
import { mix, noise, sine, speechBursts } from './synthetic-media';

const rate = 48_000;

function renderEcho(setup: (fake: FakeMediaEnv) => void = () => undefined) {
  const fake = createFakeMediaEnv();
  setup(fake);
  const view = render(
    <MediaEnvContext.Provider value={fake.env}>
      <EchoTest />
    </MediaEnvContext.Provider>,
  );
  return { fake, view };
}

describe('EchoTest ("hear yourself")', () => {
  it('records three seconds without call-app processing, plays exactly that back, then asks "Did you sound clear?"', async () => {
    const user = userEvent.setup();
    const { fake } = renderEcho((f) => {
      f.clip = { samples: speechBursts(0.3, 0.0005, rate), sampleRate: rate };
    });
    expect(screen.queryByText('Did you sound clear?')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Record and play back 3 seconds' }));
    await screen.findByText('Did you sound clear?');
    expect(fake.recordings).toEqual([echoRecordMs]);
    expect(fake.streams[0]?.constraints.audio).toEqual({
      echoCancellation: false,
      noiseSuppression: false,
      autoGainControl: false,
    });
    // The microphone is released as soon as the recording is made.
    expect(fake.streams[0]?.tracks.every((t) => t.stopped)).toBe(true);
    expect(fake.played).toHaveLength(1);
    expect(fake.played[0]?.samples).toEqual(fake.clip.samples);
    expect(screen.getByText('The recording has a good level, no distortion and little background noise.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Yes, I sounded clear' }));
    const echo = useMediaStore.getState().echo;
    expect(echo).toMatchObject({ status: 'done', clear: true });
    // Only numbers are kept: no samples, no recording.
    if (echo.status !== 'done') throw new Error('not done');
    expect(Object.keys(echo.report).sort()).toEqual([
      'clippedFraction',
      'durationMs',
      'issues',
      'noiseFloorDbfs',
      'snrDb',
      'voiceDbfs',
    ]);
    expect(JSON.stringify(useMediaStore.getState()).length).toBeLessThan(2000);
  });

  it('says in plain words what to change when the recording is quiet or noisy', async () => {
    const user = userEvent.setup();
    renderEcho((f) => {
      f.clip = { samples: mix(sine(0.004, 220, rate, rate * 3), noise(0.002, rate * 3)), sampleRate: rate };
    });
    await user.click(screen.getByRole('button', { name: 'Record and play back 3 seconds' }));
    expect(await screen.findByText(/You sound quiet\. Move closer to the microphone/)).toBeTruthy();
    expect(screen.getByText(/a lot of background noise/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'No, not clearly' }));
    expect(useMediaStore.getState().echo).toMatchObject({ clear: false });
    expect(screen.getByRole('button', { name: 'No, not clearly' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('explains a microphone it may not use, a computer that cannot record, and a recording that would not play', async () => {
    const user = userEvent.setup();
    const denied = renderEcho((f) => {
      f.failWith = 'NotAllowedError';
    });
    await user.click(screen.getByRole('button', { name: 'Record and play back 3 seconds' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/not allowed to use the microphone/);
    denied.view.unmount();
    useMediaStore.getState().reset();

    const noRecorder = renderEcho((f) => {
      f.failRecordWith = 'NotSupportedError';
    });
    await user.click(screen.getByRole('button', { name: 'Record and play back 3 seconds' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/cannot make the short recording/);
    expect(noRecorder.fake.streams[0]?.tracks.every((t) => t.stopped)).toBe(true);
    noRecorder.view.unmount();
    useMediaStore.getState().reset();

    renderEcho((f) => {
      f.playFails = true;
    });
    await user.click(screen.getByRole('button', { name: 'Record and play back 3 seconds' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not play the recording back/);
    expect(screen.queryByText('Did you sound clear?')).toBeNull();
  });

  it('can be run with the keyboard alone and is not started twice while it runs', async () => {
    const user = userEvent.setup();
    const { fake } = renderEcho();
    await user.tab();
    expect(document.activeElement?.textContent).toBe('Record and play back 3 seconds');
    await user.keyboard('{Enter}');
    await screen.findByText('Did you sound clear?');
    expect(fake.recordings).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Record again' })).toBeTruthy();
  });
});
