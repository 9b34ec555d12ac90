import { z } from 'zod';

import type { OsName } from '../platform';
import type { ProblemLink } from '../tray/quick-check-notice';
import type { Settings } from '../settings/settings';
import { settingsPatchSchema } from '../settings/settings';
import { channel, event, noRequest } from './contract-kit';

export interface AppInfo {
  readonly name: 'ReadyRoom';
  readonly version: string;
  readonly os: OsName | null;
  /** True in the browser test host, where Electron-only features are absent. */
  readonly testHost: boolean;
}

export const appRoutes = [
  'home',
  'wizard',
  'quick',
  'logs',
  'settings',
  'schedule',
  'review',
  'incidents',
  'clients',
  'crisis',
] as const;
export type AppRoute = (typeof appRoutes)[number];

export const appChannels = {
  'app:info': channel<AppInfo>()(noRequest),
  /** Opens the OS settings page for a check's fix; main looks the link up, the renderer never passes a URL. */
  'app:open-fix-link': channel<{ readonly opened: boolean }>()(
    z.strictObject({
      checkId: z
        .string()
        .regex(/^[a-z]+(\.[a-z0-9-]+)+$/)
        .max(80),
    }),
  ),
  /**
   * Keeps the window small and above other windows (the video call) while the crisis card shows, or
   * puts it back as it was. Only the app has a window to keep on top; elsewhere this is UNAVAILABLE.
   */
  'app:keep-on-top': channel<{ readonly on: boolean }>()(z.strictObject({ on: z.boolean() })),
  'settings:get': channel<Settings>()(noRequest),
  'settings:update': channel<Settings>()(z.strictObject({ patch: settingsPatchSchema })),
  /**
   * The therapist allowed ReadyRoom to contact this "host:port" (as a scan's `needsApproval` named
   * it); remembered in Settings so ReadyRoom asks only once. Refused for an address not on the internet.
   */
  'settings:approve-host': channel<Settings>()(z.strictObject({ target: z.string().min(3).max(270) })),
  /** Withdraws an approval (Settings lists them). */
  'settings:forget-host': channel<Settings>()(z.strictObject({ target: z.string().min(1).max(270) })),
} as const;

export const appEvents = {
  /**
   * The tray asks the window to show a screen; after a quick check from the tray, the full check
   * opens at the first problem it found.
   */
  'app:navigate': event<{ readonly route: AppRoute; readonly problem?: ProblemLink }>(),
} as const;
