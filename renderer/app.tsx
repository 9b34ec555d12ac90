import { useEffect } from 'react';

import type { Settings } from '../shared/settings/settings';
import { subscribe } from './api';
import { Button } from './components/button';
import { ErrorBoundary } from './components/error-boundary';
import { navRoutes, routes } from './routes';
import { useProblemLinkStore } from './stores/problem-link-store';
import { useRouteStore } from './stores/route-store';
import { useSettingsStore } from './stores/settings-store';

/** Sets data-theme on <html>; for "system" it follows the OS, live. Returns the cleanup. */
function applyTheme(theme: Settings['theme']): (() => void) | undefined {
  const root = document.documentElement;
  if (theme !== 'system') {
    root.dataset.theme = theme;
    return undefined;
  }
  const query = window.matchMedia?.('(prefers-color-scheme: dark)');
  const follow = () => {
    root.dataset.theme = query?.matches ? 'dark' : 'light';
  };
  follow();
  query?.addEventListener('change', follow);
  return () => query?.removeEventListener('change', follow);
}

export function App() {
  const route = useRouteStore((s) => s.route);
  const navigate = useRouteStore((s) => s.navigate);
  const theme = useSettingsStore((s) => s.settings.theme);
  const loadSettings = useSettingsStore((s) => s.load);

  useEffect(() => {
    void loadSettings();
    return subscribe('app:navigate', ({ route: next, problem }) => {
      // After a quick check from the tray: the full check, at the step of the first problem.
      if (problem) useProblemLinkStore.getState().open(problem);
      navigate(next);
    });
  }, [loadSettings, navigate]);

  useEffect(() => applyTheme(theme), [theme]);

  return (
    <div className="rr-app">
      <a className="rr-skip-link" href="#main">
        Skip to content
      </a>
      <header className="rr-topbar">
        <p className="rr-topbar__brand">ReadyRoom</p>
        <nav aria-label="Main">
          {navRoutes.map((name) => (
            <Button
              key={name}
              variant="link"
              aria-current={route === name ? 'page' : undefined}
              onClick={() => navigate(name)}
            >
              {routes[name].label}
            </Button>
          ))}
        </nav>
      </header>
      <main id="main" className="rr-main">
        <ErrorBoundary key={route}>{routes[route].render()}</ErrorBoundary>
      </main>
    </div>
  );
}
