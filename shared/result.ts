import type { ErrorData } from './errors';

/** What every IPC call resolves to: errors travel as data, never as exceptions. */
export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorData };

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
export const err = (error: ErrorData): IpcResult<never> => ({ ok: false, error });
