import { create } from 'zustand';

import type { AppRoute } from '../../shared/ipc/app.contract';
import { registerStoreReset } from './reset-stores';

type RouteState = {
  readonly route: AppRoute;
  navigate(route: AppRoute): void;
};

const initial = { route: 'home' as AppRoute };

/** Which screen is showing. The tray asks for screens through `app:navigate`. */
export const useRouteStore = create<RouteState>()((set) => ({
  ...initial,
  navigate: (route) => set({ route }),
}));

registerStoreReset(() => useRouteStore.setState(initial));
