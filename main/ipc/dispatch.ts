import type { z } from 'zod';

import { isAppError } from '../../shared/errors';
import { contract, isChannelName } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/result';
import { createLogger, describeError } from '../logging/logger';
import type { HandlerTable } from './handler-types';
import { checkPayloadShape } from './payload-guard';

const log = createLogger('ipc');

/**
 * The one path every request takes, from Electron IPC or the test host: known channel,
 * plain-data payload, zod validation, handler, and errors returned as data.
 */
export async function dispatch(
  handlers: HandlerTable,
  channel: unknown,
  payload: unknown,
): Promise<IpcResult<unknown>> {
  if (!isChannelName(channel)) {
    log.warn('refused unknown channel');
    return fail('UNKNOWN_CHANNEL', 'That request is not part of ReadyRoom.');
  }
  const shapeProblem = checkPayloadShape(payload);
  if (shapeProblem) {
    log.warn('refused malformed payload', { channel, problem: shapeProblem });
    return fail('BAD_REQUEST', `The request ${shapeProblem}.`);
  }
  const schema: z.ZodType = contract[channel].request;
  const parsed = schema.safeParse(payload ?? {});
  if (!parsed.success) {
    const message = describeIssues(parsed.error.issues);
    log.warn('refused invalid payload', { channel, problem: message });
    return fail('BAD_REQUEST', message);
  }
  const handler = handlers[channel] as (request: unknown) => unknown;
  try {
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.toData() };
    // Unexpected: log the class and code only; the message to the renderer is generic.
    log.error('handler failed', { channel, error: describeError(error) });
    return fail('INTERNAL', 'Something went wrong inside ReadyRoom. Nothing was lost; please try again.');
  }
}

function fail(code: 'UNKNOWN_CHANNEL' | 'BAD_REQUEST' | 'INTERNAL', message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}

/** A readable summary of what was wrong, naming fields but never echoing values. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 3).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : 'request';
    if (issue.code === 'unrecognized_keys') return `${path}: unexpected field(s) ${issue.keys.join(', ')}`;
    if (issue.code === 'invalid_type') return `${path}: expected ${issue.expected}`;
    if (issue.code === 'too_big') return `${path}: too long or too large`;
    if (issue.code === 'too_small') return `${path}: too short or too small`;
    // Our own refinements say what is wrong in words that name no value ("is nested too deeply").
    if (issue.code === 'custom' && issue.message !== '' && issue.message !== 'Invalid input')
      return `${path} ${issue.message}`;
    return `${path}: not valid`;
  });
  return `The request was not valid (${parts.join('; ')}).`;
}
