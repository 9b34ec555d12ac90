/** Error codes that may cross the IPC boundary or leave the CLI. */
export const errorCodes = [
  'BAD_REQUEST',
  'FORBIDDEN',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'STALE',
  'LOCKED',
  'NO_VAULT',
  'VAULT_EXISTS',
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'BUSY',
  'DISK_FULL',
  'CORRUPT',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorData {
  readonly code: ErrorCode;
  /** Plain English, safe to show to the user; never contains client data. */
  readonly message: string;
}

/** Thrown by services for expected failures; the IPC layer turns it into data. */
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
  toData(): ErrorData {
    return { code: this.code, message: this.message };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
