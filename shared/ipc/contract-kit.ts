import { z } from 'zod';

/** One request/response channel: a zod schema for the request, and the response type (phantom). */
export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res = unknown> {
  readonly request: Req;
  readonly response: Res;
}

/** `channel<Response>()(requestSchema)`: curried so the request type is inferred and the response named. */
export function channel<Res>() {
  return <Req extends z.ZodType>(request: Req): ChannelSpec<Req, Res> => ({
    request,
    response: null as unknown as Res,
  });
}

/** One push event from main to the renderer. */
export interface EventSpec<P = unknown> {
  readonly payload: P;
}
export function event<P>(): EventSpec<P> {
  return { payload: null as unknown as P };
}

export type ChannelMap = Record<string, ChannelSpec>;
export type EventMap = Record<string, EventSpec>;

/** What the caller passes (before zod defaults apply). */
export type RequestOf<C> = C extends ChannelSpec<infer R, unknown> ? z.input<R> : never;
/** What a handler receives (after validation). */
export type ParsedRequestOf<C> = C extends ChannelSpec<infer R, unknown> ? z.output<R> : never;
export type ResponseOf<C> = C extends ChannelSpec<z.ZodType, infer Res> ? Res : never;
export type PayloadOf<E> = E extends EventSpec<infer P> ? P : never;

/** The request of a channel that takes nothing. */
export const noRequest = z.strictObject({});

/** Bounded text from the renderer: trims nothing, caps length, refuses control characters. */
export const boundedText = (max: number) =>
  z
    .string()
    .max(max)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'contains control characters');
