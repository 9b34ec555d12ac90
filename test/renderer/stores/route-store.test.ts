import { describe, expect, it } from 'vitest';

import { useRouteStore } from '../../../renderer/stores/route-store';
import { resetAllStores } from '../../../renderer/stores/reset-stores';

describe('route store', () => {
  it('starts on the home screen', () => {
    expect(useRouteStore.getState().route).toBe('home');
  });

  it('navigates and is reset between tests', () => {
    useRouteStore.getState().navigate('logs');
    expect(useRouteStore.getState().route).toBe('logs');
    resetAllStores();
    expect(useRouteStore.getState().route).toBe('home');
  });
});
