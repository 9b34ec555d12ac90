/** What the tray menu can ask main to do; main maps each to a window route or an action. */
export const trayCommands = [
  'check',
  'quick',
  'next-session',
  'crisis',
  'incidents',
  'logs',
  'settings',
  'lock',
  'quit',
] as const;
export type TrayCommand = (typeof trayCommands)[number];

export type TrayMenuItem =
  | { readonly kind: 'item'; readonly command: TrayCommand; readonly label: string; readonly enabled: boolean }
  | { readonly kind: 'separator' };

/** The next scheduled session, as the schedule tells it (null when none is planned). */
export interface NextSessionInfo {
  readonly label: string;
}

export interface TrayMenuInput {
  readonly nextSession: NextSessionInfo | null;
  /** The soonest open incident's clock in words ("Incident: 41 h left to decide whether to report"); absent or null when none. */
  readonly incident?: string | null;
  /** A quick check from the tray is running: a second one would only repeat it. */
  readonly quickCheckRunning: boolean;
  /** Whether the log vault is open (Lock logs does nothing otherwise). */
  readonly vaultUnlocked: boolean;
}

const item = (command: TrayCommand, label: string, enabled = true): TrayMenuItem => ({
  kind: 'item',
  command,
  label,
  enabled,
});
const separator: TrayMenuItem = { kind: 'separator' };

/** The tray menu as data: main turns it into a native menu. */
export function trayMenuModel(input: TrayMenuInput): TrayMenuItem[] {
  return [
    item('check', 'Check readiness now…'),
    input.quickCheckRunning ? item('quick', 'Quick check: checking…', false) : item('quick', 'Quick check'),
    ...(input.nextSession ? [separator, item('next-session', `Next session: ${input.nextSession.label}`)] : []),
    // Always there: a session can start without a schedule entry, and the card is needed mid-call.
    item('crisis', 'Crisis card…'),
    ...(input.incident ? [separator, item('incidents', `${input.incident}…`)] : []),
    separator,
    item('logs', 'Past logs'),
    item('settings', 'Settings'),
    // Greyed out while the logs are locked or not set up: there is nothing to lock.
    item('lock', 'Lock logs', input.vaultUnlocked),
    separator,
    item('quit', 'Quit ReadyRoom'),
  ];
}
