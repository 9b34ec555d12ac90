import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';

import { CameraTest } from '../../../../renderer/features/media/camera-test';
import { MediaEnvContext } from '../../../../renderer/features/media/media-env';
import { useMediaStore } from '../../../../renderer/stores/media-store';
import { createFakeMediaEnv, type FakeMediaEnv } from './fake-media-env';
import { faceFrame } from './synthetic-media';

let fake: FakeMediaEnv;
beforeEach(() => {
  fake = createFakeMediaEnv();
});

function renderCamera(autoStart = true) {
  return render(
    <MediaEnvContext.Provider value={fake.env}>
      <CameraTest autoStart={autoStart} />
    </MediaEnvContext.Provider>,
  );
}

describe('CameraTest', () => {
  it('starts the camera, shows the preview and judges the light from live frames', async () => {
    renderCamera();
    expect(await screen.findByText('Looking at the picture…')).toBeTruthy();
    expect(screen.getByLabelText(/Camera preview/)).toBeTruthy();
    fake.frame = faceFrame(140, 120);
    act(() => fake.tick());
    expect(screen.getByText('Your face is well lit.')).toBeTruthy();
    expect(fake.streams[0]?.constraints.audio).toBe(false);
  });

  it('advises against a window behind when the picture is backlit', async () => {
    renderCamera();
    await screen.findByText('Looking at the picture…');
    fake.frame = faceFrame(60, 250);
    act(() => fake.tick(3));
    expect(screen.getByRole('status').textContent).toMatch(/window or lamp behind or beside you/);
    expect(useMediaStore.getState().lighting?.verdict).toBe('backlit');
  });

  it('explains a refused permission and tries again on request', async () => {
    fake.failWith = 'NotAllowedError';
    renderCamera();
    expect((await screen.findByRole('alert')).textContent).toMatch(/not allowed to use the camera/);
    fake.failWith = null;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Looking at the picture…')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('explains a camera that another program is using', async () => {
    fake.failWith = 'NotReadableError';
    renderCamera();
    expect((await screen.findByRole('alert')).textContent).toMatch(/being used by another program/);
  });

  it('says so when the camera is unplugged during the test', async () => {
    renderCamera();
    await screen.findByText('Looking at the picture…');
    act(() => fake.streams[0]?.tracks[0]?.end());
    expect((await screen.findByRole('alert')).textContent).toMatch(/No camera was found/);
  });

  it('waits for a button press when not starting by itself', async () => {
    renderCamera(false);
    expect(fake.streams).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Start the camera' }));
    expect(fake.streams).toHaveLength(1);
  });

  it('turns the camera off when it leaves the screen', async () => {
    const view = renderCamera();
    await screen.findByText('Looking at the picture…');
    view.unmount();
    expect(fake.streams[0]?.tracks.every((t) => t.stopped)).toBe(true);
    expect(useMediaStore.getState().camera).toBe('stopped');
  });

  it('stops a camera that only started after the test was left', async () => {
    fake.hold();
    const view = renderCamera();
    view.unmount();
    await act(async () => fake.release());
    expect(fake.streams[0]?.tracks.every((t) => t.stopped)).toBe(true);
  });
});
