import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { KeepOnTopToggle } from '../../../../renderer/features/safety/keep-on-top-toggle';
import { AppError } from '../../../../shared/errors';
import { createFakeBridge, installFakeBridge } from '../../../fakes/fake-bridge';

describe('KeepOnTopToggle', () => {
  it('asks main to keep the window on top and shows the button pressed once it is', async () => {
    const bridge = createFakeBridge({ 'app:keep-on-top': ({ on }) => ({ on }) });
    installFakeBridge(bridge);
    const user = userEvent.setup();
    render(<KeepOnTopToggle />);
    const button = screen.getByRole('button', { name: 'Keep on top of the video call' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    await user.click(button);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    await user.click(button);
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(bridge.calls.map((c) => c.request)).toEqual([{ on: true }, { on: false }]);
  });

  it('puts the window back when the therapist leaves the card', async () => {
    const bridge = createFakeBridge({ 'app:keep-on-top': ({ on }) => ({ on }) });
    installFakeBridge(bridge);
    const user = userEvent.setup();
    const { unmount } = render(<KeepOnTopToggle />);
    await user.click(screen.getByRole('button', { name: 'Keep on top of the video call' }));
    unmount();
    expect(bridge.calls.at(-1)?.request).toEqual({ on: false });
  });

  it('does not touch the window on leaving when it was never kept on top', () => {
    const bridge = createFakeBridge({ 'app:keep-on-top': ({ on }) => ({ on }) });
    installFakeBridge(bridge);
    render(<KeepOnTopToggle />).unmount();
    expect(bridge.calls).toEqual([]);
  });

  it('says why when there is no window to keep on top, and stays unpressed', async () => {
    const bridge = createFakeBridge({
      'app:keep-on-top': () => {
        throw new AppError('UNAVAILABLE', 'Keeping the card on top works only in the ReadyRoom app.');
      },
    });
    installFakeBridge(bridge);
    const user = userEvent.setup();
    render(<KeepOnTopToggle />);
    const button = screen.getByRole('button', { name: 'Keep on top of the video call' });
    await user.click(button);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Keeping the card on top works only in the ReadyRoom app.',
    );
    expect(button.getAttribute('aria-pressed')).toBe('false');
  });
});
