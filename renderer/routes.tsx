import type { ReactNode } from 'react';

import type { AppRoute } from '../shared/ipc/app.contract';
import { ClientsPage } from './features/clients/clients-page';
import { HomePage } from './features/home/home-page';
import { IncidentsPage } from './features/incidents/incidents-page';
import { LogsPage } from './features/logs/logs-page';
import { ReviewPage } from './features/review/review-page';
import { CrisisCardPage } from './features/safety/crisis-card-page';
import { SchedulePage } from './features/schedule/schedule-page';
import { SettingsPage } from './features/settings/settings-page';
import { WizardPage } from './features/wizard/wizard-page';

/** One entry per screen: the tray and the top bar both navigate by these names. */
export const routes: Record<AppRoute, { readonly label: string; readonly render: () => ReactNode }> = {
  home: { label: 'Home', render: () => <HomePage /> },
  wizard: { label: 'Check readiness', render: () => <WizardPage mode="full" /> },
  quick: { label: 'Quick check', render: () => <WizardPage mode="quick" /> },
  logs: { label: 'Past logs', render: () => <LogsPage /> },
  settings: { label: 'Settings', render: () => <SettingsPage /> },
  schedule: { label: 'Session schedule', render: () => <SchedulePage /> },
  review: { label: 'Practice review', render: () => <ReviewPage /> },
  incidents: { label: 'Incident log', render: () => <IncidentsPage /> },
  clients: { label: 'Clients', render: () => <ClientsPage /> },
  crisis: { label: 'Crisis card', render: () => <CrisisCardPage /> },
};

/** The routes shown in the top bar, in order. */
export const navRoutes: readonly AppRoute[] = ['home', 'wizard', 'clients', 'logs', 'settings'];
