import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { App } from '../../renderer/app';
import { useWizardStore } from '../../renderer/stores/wizard-store';
import { installWizardBridge } from './features/wizard/wizard-fixtures';

vi.mock('../../shared/catalog/automatic.catalog', async () => ({
  automaticCatalog: (await import('./features/wizard/test-catalog')).testAutomaticCatalog,
}));

describe('App, after a click on the tray’s quick-check notification', () => {
  it('opens the full check at the first problem’s step, runs the checks and focuses that check', async () => {
    const bridge = installWizardBridge({ 'security.firewall': 'fail', 'connection.type': 'pass' });
    render(<App />);
    await screen.findByRole('navigation', { name: 'Main' });
    act(() =>
      bridge.emit('app:navigate', {
        route: 'wizard',
        problem: { step: 'security', checkId: 'security.firewall' },
      }),
    );
    expect(await screen.findByRole('heading', { level: 2, name: 'Computer security' })).toBeTruthy();
    expect(useWizardStore.getState().step).toBe('security');
    // The window runs its own checks: the notification's results are never taken on trust.
    await waitFor(() => expect(bridge.calls.some((c) => c.channel === 'scan:start')).toBe(true));
    const item = document.querySelector('[data-check-id="security.firewall"]');
    expect(item).not.toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(item));
  });

  it('opens the full check from the start when nothing needed attention', async () => {
    const bridge = installWizardBridge();
    render(<App />);
    await screen.findByRole('navigation', { name: 'Main' });
    act(() => bridge.emit('app:navigate', { route: 'wizard' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'About this session' })).toBeTruthy();
  });
});
