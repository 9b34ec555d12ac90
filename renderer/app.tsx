import { useEffect } from 'react';

import { subscribe } from './api';
import { Button } from './components/button';
import { ErrorBoundary } from './components/error-boundary';
import { navRoutes, routes } from './routes';
import { useRouteStore } from './stores/route-store';
import { useSettingsStore } from './stores/settings-store';

export function App() {
  const route = useRouteStore((s) => s.route);
  const navigate = useRouteStore((s) => s.navigate);
  const theme = useSettingsStore((s) => s.settings.theme);
  const loadSettings = useSettingsStore((s) => s.load);

  useEffect(() => {
    void loadSettings();
    return subscribe('app:navigate', ({ route: next }) => navigate(next));
  }, [loadSettings, navigate]);

  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);

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
