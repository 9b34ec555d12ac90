import type { PowerMonitor } from 'electron';

import type { LockReason } from '../../shared/ipc/vault.contract';

/** Locks the vault when the computer sleeps or its screen locks: someone else may sit down next. */
export function lockOnSuspendOrScreenLock(
  powerMonitor: Pick<PowerMonitor, 'on'>,
  lock: (reason: LockReason) => void,
): void {
  powerMonitor.on('suspend', () => lock('suspend'));
  powerMonitor.on('lock-screen', () => lock('screen-lock'));
}
