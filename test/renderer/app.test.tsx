import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';

import { defaultSettings } from '../../shared/settings/settings';
import { App } from '../../renderer/app';
import { createFakeBridge, installFakeBridge, type FakeBridge } from '../fakes/fake-bridge';

describe('App', () => {
  let bridge: FakeBridge;
  beforeEach(() => {
    bridge = createFakeBridge({ 'settings:get': () => ({ ...defaultSettings, theme: 'dark' }) });
    installFakeBridge(bridge);
  });

  it('shows the screen the tray asks for', async () => {
    render(<App />);
    act(() => bridge.emit('app:navigate', { route: 'settings' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
  });

  it('applies the theme from settings to the document', async () => {
    render(<App />);
    await screen.findByRole('navigation', { name: 'Main' });
    await act(async () => undefined);
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('follows the computer’s dark mode when the theme is "Same as this computer"', async () => {
    bridge.handle('settings:get', () => ({ ...defaultSettings, theme: 'system' }));
    const listeners: (() => void)[] = [];
    const query = {
      matches: true,
      addEventListener: (_: string, l: () => void) => listeners.push(l),
      removeEventListener: () => undefined,
    };
    Object.defineProperty(window, 'matchMedia', { value: () => query, configurable: true });
    render(<App />);
    await screen.findByRole('navigation', { name: 'Main' });
    await act(async () => undefined);
    expect(document.documentElement.dataset.theme).toBe('dark');
    query.matches = false;
    act(() => listeners.forEach((listener) => listener()));
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('marks the current screen in the top bar for assistive technology', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect(screen.getByRole('button', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');
  });

  it('offers a skip link to the main content', () => {
    render(<App />);
    expect(screen.getByRole('link', { name: 'Skip to content' }).getAttribute('href')).toBe('#main');
  });
});
