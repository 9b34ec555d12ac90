import type { App } from 'electron';

import type { LoginItemStatus } from '../../shared/ipc/login-item.contract';

/** The flag a start at login carries, so ReadyRoom waits in the tray instead of opening its window. */
export const hiddenFlag = '--hidden';

/** Starting ReadyRoom when the therapist logs in: one interface, one file per OS. */
export interface LoginItem {
  status(): Promise<LoginItemStatus>;
  /** Only ever called on the therapist's own choice. */
  setEnabled(enabled: boolean): Promise<LoginItemStatus>;
  /** Whether this start came from the login item, so ReadyRoom should stay in the tray. */
  startedAtLogin(argv: readonly string[]): boolean;
}

/** The part of Electron's app the Windows and macOS login items use. */
export type LoginItemApp = Pick<App, 'setLoginItemSettings' | 'getLoginItemSettings'>;

export const unsupportedLoginItem = (reason: string): LoginItem => ({
  status: () => Promise.resolve({ supported: false, enabled: false, reason }),
  setEnabled: () => Promise.resolve({ supported: false, enabled: false, reason }),
  startedAtLogin: (argv) => argv.includes(hiddenFlag),
});
