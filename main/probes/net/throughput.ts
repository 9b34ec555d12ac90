/** What the throughput test needs: fetch (Node's built-in in production) and a monotonic clock. */
export interface ThroughputDeps {
  readonly fetch: typeof fetch;
  readonly now: () => number;
}

export interface ThroughputOptions {
  /** Stop downloading after this many bytes (a capped test, not a full speed test). */
  readonly downloadMaxBytes: number;
  readonly downloadMaxMs: number;
  readonly uploadBytes: number;
  readonly uploadMaxMs: number;
}

/**
 * 4 MB or 2.5 s down; 224 KiB up within 2.5 s. An upload that does not finish in time was slower
 * than 224 KiB / 2.5 s ≈ 0.73 Mbit/s, which is below the lowest grade anyway.
 */
export const defaultThroughputOptions: ThroughputOptions = {
  downloadMaxBytes: 4 * 1024 * 1024,
  downloadMaxMs: 2500,
  uploadBytes: 224 * 1024,
  uploadMaxMs: 2500,
};

export type RateResult =
  | {
      readonly ok: true;
      readonly bitsPerSec: number;
      readonly bytes: number;
      readonly ms: number;
      readonly capped: boolean;
    }
  /** `belowBitsPerSec`: the transfer did not finish in time, so the rate is under this figure. */
  | { readonly ok: false; readonly error: string; readonly belowBitsPerSec?: number };

/** Only https, or http to this computer itself (for tests and local speed-test servers). */
export function checkTestUrl(text: string): { ok: true; url: URL } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'The speed-test address in Settings is not a web address.' };
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && local)) return { ok: true, url };
  return { ok: false, reason: 'The speed-test address in Settings must start with https://.' };
}

export async function measureDownload(
  url: URL,
  deps: ThroughputDeps,
  options: ThroughputOptions = defaultThroughputOptions,
  signal?: AbortSignal,
): Promise<RateResult> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  signal?.addEventListener('abort', abort, { once: true });
  const timer = setTimeout(abort, options.downloadMaxMs + 1000);
  try {
    // Node's fetch keeps no cookies and no cache, so nothing about earlier tests is sent along.
    // A redirect is not followed: it could lead to an address the therapist never allowed.
    const response = await deps.fetch(url, { signal: controller.signal, redirect: 'manual' });
    if (isRedirect(response)) return { ok: false, error: redirectError };
    if (!response.ok || !response.body) return { ok: false, error: `HTTP ${response.status}` };
    // Timed from the first byte, so connection set-up does not count against the line.
    const started = deps.now();
    const reader = response.body.getReader();
    let bytes = 0;
    let capped = false;
    for (;;) {
      const elapsed = deps.now() - started;
      if (bytes >= options.downloadMaxBytes || elapsed >= options.downloadMaxMs) {
        capped = true;
        break;
      }
      const chunk = await readWithin(reader, options.downloadMaxMs - elapsed);
      if (chunk === 'timeout') {
        capped = true;
        break;
      }
      if (chunk.done) break;
      bytes += chunk.value.byteLength;
    }
    const ms = Math.max(1, deps.now() - started);
    void reader.cancel().catch(() => undefined);
    return { ok: true, bitsPerSec: (bytes * 8 * 1000) / ms, bytes, ms, capped };
  } catch (error) {
    return { ok: false, error: describeFetchError(error) };
  } finally {
    clearTimeout(timer);
    controller.abort();
    signal?.removeEventListener('abort', abort);
  }
}

export async function measureUpload(
  url: URL,
  deps: ThroughputDeps,
  options: ThroughputOptions = defaultThroughputOptions,
  signal?: AbortSignal,
): Promise<RateResult> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  signal?.addEventListener('abort', abort, { once: true });
  const timer = setTimeout(abort, options.uploadMaxMs);
  // Random bytes, so compression on the way cannot flatter the result.
  const body = new Uint8Array(options.uploadBytes);
  for (let offset = 0; offset < body.length; offset += 65_536) {
    crypto.getRandomValues(body.subarray(offset, Math.min(body.length, offset + 65_536)));
  }
  const started = deps.now();
  try {
    const response = await deps.fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/octet-stream' },
      signal: controller.signal,
      redirect: 'manual',
    });
    const ms = Math.max(1, deps.now() - started);
    void response.body?.cancel().catch(() => undefined);
    if (isRedirect(response)) return { ok: false, error: redirectError };
    if (!response.ok) return { ok: false, error: `HTTP ${response.status}` };
    return { ok: true, bitsPerSec: (body.length * 8 * 1000) / ms, bytes: body.length, ms, capped: false };
  } catch (error) {
    if (controller.signal.aborted && !signal?.aborted) {
      return { ok: false, error: 'timeout', belowBitsPerSec: (body.length * 8 * 1000) / options.uploadMaxMs };
    }
    return { ok: false, error: describeFetchError(error) };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
}

async function readWithin(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  ms: number,
): Promise<Awaited<ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']>> | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(0, ms));
  });
  try {
    return await Promise.race([reader.read(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The error's code only: a fetch error message can contain the URL. */
const redirectError = 'it sends ReadyRoom on to another address; give that address in Settings instead';
const isRedirect = (response: Response) =>
  response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);

function describeFetchError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause;
    if (error.name === 'AbortError') return 'timeout';
    return cause?.code ?? error.name;
  }
  return 'error';
}
