import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import { MediaEnvContext } from '../../../../renderer/features/media/media-env';
import { MicrophoneTest } from '../../../../renderer/features/media/microphone-test';
import { useMediaStore } from '../../../../renderer/stores/media-store';
import { createFakeMediaEnv, type FakeMediaEnv } from './fake-media-env';
import { noise, sine } from './synthetic-media';

let fake: FakeMediaEnv;
beforeEach(() => {
  fake = createFakeMediaEnv();
});

async function renderMic() {
  const view = render(
    <MediaEnvContext.Provider value={fake.env}>
      <MicrophoneTest />
    </MediaEnvContext.Provider>,
  );
  await screen.findByLabelText('Microphone level');
  return view;
}

describe('MicrophoneTest', () => {
  it('asks the therapist to speak and shows the level on a meter', async () => {
    await renderMic();
    expect(screen.getByRole('status').textContent).toMatch(/Say a few words/);
    fake.samples = () => sine(0.1, 220, 48_000, 4096);
    act(() => fake.tick());
    const meter = screen.getByLabelText('Microphone level') as HTMLMeterElement;
    expect(Number(meter.getAttribute('value'))).toBe(-23);
  });

  it('says the microphone hears you once speech lasted half a second', async () => {
    await renderMic();
    fake.samples = () => sine(0.1, 220, 48_000, 4096);
    act(() => fake.tick(5));
    expect(screen.getByRole('status').textContent).toMatch(/hears you clearly/);
    expect(useMediaStore.getState().level.speechMs).toBe(500);
  });

  it('says it hears nothing after listening to silence for a few seconds', async () => {
    await renderMic();
    fake.samples = () => noise(0.0002, 4096);
    act(() => fake.tick(31));
    expect(screen.getByRole('status').textContent).toMatch(/hears nothing/);
    expect(screen.getByRole('button', { name: 'Test again' })).toBeTruthy();
  });

  it('warns when the voice clips', async () => {
    await renderMic();
    fake.samples = () => sine(3, 220, 48_000, 4096).map((x) => Math.max(-1, Math.min(1, x)));
    act(() => fake.tick(6));
    expect(screen.getByRole('status').textContent).toMatch(/very loud and may distort/);
  });

  it('explains when there is no microphone', async () => {
    fake.failWith = 'NotFoundError';
    render(
      <MediaEnvContext.Provider value={fake.env}>
        <MicrophoneTest />
      </MediaEnvContext.Provider>,
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(/No microphone was found/);
  });

  it('uses the usual call processing and releases the microphone afterwards', async () => {
    const view = await renderMic();
    expect(fake.streams[0]?.constraints).toEqual({ audio: true, video: false });
    view.unmount();
    expect(fake.streams[0]?.tracks.every((t) => t.stopped)).toBe(true);
  });
});
