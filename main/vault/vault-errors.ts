import { minPassphraseLength } from '../../shared/ipc/vault.contract';
import { AppError } from '../../shared/errors';
import { periodLabel } from '../../shared/logs/log-periods';
import { KeySlotsCorruptError } from './key-slots';
import { EnvelopeError } from './vault-envelope';
import { isCode, isDiskFull } from './vault-fs';
import { RecordsFormatError } from './vault-records';

/** What the vault says to the user, in one place. */
export const messages = {
  noVault: 'ReadyRoom has no log vault yet. Set one up first.',
  exists: 'A log vault already exists here. Unlock it instead of setting up a new one.',
  locked: 'Your logs are locked. Unlock them with your passphrase first.',
  wrongPassphrase:
    'That passphrase is not right. Nothing was changed. Check Caps Lock and try again, or use your recovery key.',
  wrongRecoveryKey:
    'That recovery key does not match. Check each group of four characters and try again. Nothing was changed.',
  busy: 'Your logs are open in another ReadyRoom window or command. Close it, then try again.',
  busyOtherComputer: 'Your logs folder is being used by ReadyRoom on another computer. Close it there, then try again.',
  /** Added to a BUSY message: how to clear a lock that is really left over. */
  staleLockHint: (lockFile: string) =>
    ` If ReadyRoom is not open anywhere (for example, this computer's name has changed since), delete the file ${lockFile} and try again.`,
  unlocking: 'ReadyRoom is already working on this. Please wait a moment.',
  diskFull:
    'Your disk is full, so ReadyRoom could not save this. Everything saved before is safe. Free some space and try again.',
  noPermission:
    'ReadyRoom is not allowed to write to its data folder, so nothing was saved. Everything saved before is safe.',
  keySlotsDamaged:
    "ReadyRoom's key file is damaged, so your logs cannot be opened. Nothing has been deleted. Restore the folder from a backup of your computer, or contact support.",
  notFound: 'That log could not be found. It may have been deleted.',
  shortPassphrase: `Choose a passphrase of at least ${minPassphraseLength} characters.`,
  samePassphrase: 'The new passphrase is the same as the current one.',
  keychainFailed:
    "Your computer's keychain could not unlock ReadyRoom this time. Use your passphrase or recovery key instead.",
  keychainOff: 'Unlocking with the keychain is turned off. Use your passphrase or recovery key.',
} as const;

export function unreadableMessage(period: string): string {
  return `The logs for ${periodLabel(period)} could not be read, so ReadyRoom set that file aside without changing it. Your other logs are fine. Restoring a backup brings those logs back, except those of a client whose logs you erased.`;
}

/** The file's bytes are not what we wrote: failed authentication or unexpected content. Not an I/O error. */
export function isDamaged(error: unknown): boolean {
  return error instanceof EnvelopeError || error instanceof RecordsFormatError || error instanceof KeySlotsCorruptError;
}

/** Thrown inside the vault when a month's logs file cannot be read; it has been set aside already. */
export class UnreadablePeriodError extends Error {
  readonly period: string;
  constructor(period: string) {
    super(`period ${period} could not be read`);
    this.name = 'UnreadablePeriodError';
    this.period = period;
  }
}

/** Why a session can only read: asked for (a command that only reads), or the folder cannot be written. */
export type ReadOnlyReason = 'requested' | 'no-permission' | 'disk-full';

/** The folder cannot be written right now, and why; null for any other error. */
export function notWritable(error: unknown): Exclude<ReadOnlyReason, 'requested'> | null {
  if (isDiskFull(error)) return 'disk-full';
  if (isCode(error, 'EACCES') || isCode(error, 'EPERM') || isCode(error, 'EROFS')) return 'no-permission';
  return null;
}

/** What the status says about a read-only session, and what a refused change says. */
export const readOnlyMessages: Record<ReadOnlyReason, string> = {
  requested: 'Your logs are open read-only for this command, so nothing can be changed.',
  'no-permission':
    'ReadyRoom is not allowed to write to its data folder (it may be read-only, or its permissions changed), so your logs are open read-only: you can list, show and back them up, but not save or change anything. Everything saved before is safe.',
  'disk-full':
    'Your disk is full, so your logs are open read-only: you can list, show and back them up, but saving needs free space. Everything saved before is safe. Free some space, then lock and unlock your logs.',
};

/** A failed write in words the user can act on; anything else passes through unchanged. */
export function toWriteError(error: unknown): unknown {
  if (isDiskFull(error)) return new AppError('DISK_FULL', messages.diskFull);
  if (isCode(error, 'EACCES') || isCode(error, 'EPERM') || isCode(error, 'EROFS')) {
    return new AppError('UNAVAILABLE', messages.noPermission);
  }
  return error;
}

export function checkNewPassphrase(passphrase: string): void {
  if ([...passphrase].length < minPassphraseLength) throw new AppError('BAD_REQUEST', messages.shortPassphrase);
}
