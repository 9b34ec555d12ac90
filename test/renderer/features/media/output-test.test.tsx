import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { AcousticTestPanel } from '../../../../renderer/features/media/acoustic-test-panel';
import { MediaEnvContext, toneGraceMs, type MediaEnv } from '../../../../renderer/features/media/media-env';
import { OutputTest } from '../../../../renderer/features/media/output-test';
import { toneTest } from '../../../../renderer/features/media/tone-analysis';
import { useMediaStore } from '../../../../renderer/stores/media-store';
import { createFakeMediaEnv } from './fake-media-env';
import { mix, noise, sine } from './synthetic-media';

describe('OutputTest', () => {
  it('plays the tone, then records whether the therapist heard it', async () => {
    const fake = createFakeMediaEnv();
    render(
      <MediaEnvContext.Provider value={fake.env}>
        <OutputTest />
      </MediaEnvContext.Provider>,
    );
    expect(screen.queryByText('Did you hear the sound?')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Play test sound' }));
    expect(fake.tones).toEqual([toneTest]);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, I heard it' }));
    expect(useMediaStore.getState().heard).toBe(true);
    expect(screen.getByRole('button', { name: 'Yes, I heard it' }).getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(screen.getByRole('button', { name: 'No, I did not' }));
    expect(useMediaStore.getState().heard).toBe(false);
  });
});

describe('OutputTest when the sound cannot play', () => {
  function renderWith(playTone: MediaEnv['playTone']) {
    const fake = createFakeMediaEnv();
    render(
      <MediaEnvContext.Provider value={{ ...fake.env, playTone }}>
        <OutputTest />
      </MediaEnvContext.Provider>,
    );
  }

  it('says the test sound could not be played instead of failing silently', async () => {
    renderWith(() => {
      throw new DOMException('no output device', 'NotFoundError');
    });
    await userEvent.click(screen.getByRole('button', { name: 'Play test sound' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not play the test sound/);
    expect(screen.getByRole('button', { name: 'Play the test sound again' }).getAttribute('aria-disabled')).toBe(
      'false',
    );
  });

  it('stops showing "Playing…" when the sound never reports its end', async () => {
    vi.useFakeTimers();
    try {
      renderWith(() => new Promise<void>(() => undefined));
      fireEvent.click(screen.getByRole('button', { name: 'Play test sound' }));
      expect(screen.getByRole('button', { name: 'Playing…' })).toBeTruthy();
      await act(async () => {
        await vi.advanceTimersByTimeAsync(toneTest.durationMs + toneGraceMs + 1);
      });
      expect(screen.getByRole('alert').textContent).toMatch(/could not play the test sound/);
      expect(screen.getByRole('button', { name: 'Play the test sound again' })).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('AcousticTestPanel', () => {
  function renderPanel() {
    const fake = createFakeMediaEnv();
    render(
      <MediaEnvContext.Provider value={fake.env}>
        <AcousticTestPanel />
      </MediaEnvContext.Provider>,
    );
    return fake;
  }

  it('warns that the sound comes from speakers when the microphone hears the tone', async () => {
    const fake = renderPanel();
    fake.samples = (playing) =>
      playing ? mix(noise(0.002, 4096), sine(0.05, toneTest.frequencyHz, 48_000, 4096)) : noise(0.002, 4096);
    await userEvent.click(screen.getByRole('button', { name: /Check for speakers/ }));
    expect((await screen.findByText(/microphone heard the test sound/)).textContent).toBeTruthy();
    expect(fake.streams[0]?.constraints).toEqual({
      audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    });
    expect(fake.streams[0]?.tracks.every((t) => t.stopped)).toBe(true);
  });

  it('says the sound is most likely in the headphones when the microphone does not pick it up', async () => {
    const fake = renderPanel();
    fake.samples = () => noise(0.002, 4096);
    await userEvent.click(screen.getByRole('button', { name: /Check for speakers/ }));
    expect(await screen.findByText(/most likely in your headphones/)).toBeTruthy();
    expect(useMediaStore.getState().acoustic.status).toBe('done');
  });

  it('explains when the microphone is not allowed', async () => {
    const fake = renderPanel();
    fake.failWith = 'NotAllowedError';
    await userEvent.click(screen.getByRole('button', { name: /Check for speakers/ }));
    expect(await screen.findByText(/not allowed to use the microphone/)).toBeTruthy();
  });
  it('explains when the test sound could not be played, instead of listening for ever', async () => {
    const fake = createFakeMediaEnv();
    render(
      <MediaEnvContext.Provider
        value={{
          ...fake.env,
          playTone: () => {
            throw new DOMException('no output device', 'NotFoundError');
          },
        }}
      >
        <AcousticTestPanel />
      </MediaEnvContext.Provider>,
    );
    await userEvent.click(screen.getByRole('button', { name: /Check for speakers/ }));
    expect(await screen.findByText(/could not play the test sound/)).toBeTruthy();
    expect(useMediaStore.getState().acoustic).toEqual({ status: 'failed', device: 'live', reason: 'no-sound' });
    expect(screen.getByRole('button', { name: /Check for speakers/ }).getAttribute('aria-disabled')).toBe('false');
    expect(fake.streams[0]?.tracks.every((t) => t.stopped)).toBe(true);
  });

  it('reports an unexpected failure rather than staying on "Listening…"', async () => {
    const fake = createFakeMediaEnv();
    render(
      <MediaEnvContext.Provider
        value={{
          ...fake.env,
          openLevelSource: () => {
            throw new Error('audio graph broke');
          },
        }}
      >
        <AcousticTestPanel />
      </MediaEnvContext.Provider>,
    );
    await userEvent.click(screen.getByRole('button', { name: /Check for speakers/ }));
    expect(await screen.findByText(/microphone could not be started/)).toBeTruthy();
    expect(useMediaStore.getState().acoustic.status).toBe('failed');
    expect(fake.streams[0]?.tracks.every((t) => t.stopped)).toBe(true);
  });
});
