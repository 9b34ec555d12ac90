import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { HomePage } from '../../../../renderer/features/home/home-page';
import { useRouteStore } from '../../../../renderer/stores/route-store';
import type { HomeSummary } from '../../../../shared/ipc/home.contract';
import { createFakeBridge, installFakeBridge } from '../../../fakes/fake-bridge';

const hour = 3600_000;

function summary(openIncidents: HomeSummary['openIncidents']): HomeSummary {
  return { locked: true, lastCheck: null, nextSession: null, reviewDue: [], openIncidents };
}

describe('HomePage incidents panel', () => {
  it('shows each undecided incident’s time left, even while the logs are locked, and links to the incident log', async () => {
    const now = Date.now();
    const bridge = createFakeBridge({
      'home:summary': () =>
        summary([
          { id: 'inc-0000000a', deadline: new Date(now + 41.5 * hour).toISOString() },
          { id: 'inc-0000000b', deadline: new Date(now - 3.5 * hour).toISOString() },
        ]),
    });
    installFakeBridge(bridge);
    const user = userEvent.setup();
    render(<HomePage />);
    const list = await screen.findByRole('list', { name: 'Incidents waiting for an ICO decision' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Incident: 41 h left to decide whether to report',
      'Incident: the 72 hours to decide whether to report ran out 3 h ago',
    ]);
    // The home screen knows only deadlines, so it says plainly that closing does not stop a clock.
    expect(screen.getByText(/even if you have closed it/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Open the incident log' }));
    expect(useRouteStore.getState().route).toBe('incidents');
  });

  it('says when no incident is waiting for a decision', async () => {
    installFakeBridge(createFakeBridge({ 'home:summary': () => summary([]) }));
    render(<HomePage />);
    expect(
      await screen.findByText('No incident is waiting for your decision about reporting it to the ICO.'),
    ).toBeTruthy();
    expect(screen.queryByText(/even if you have closed it/)).toBeNull();
  });
});
