/** Outcome of one TCP connection attempt; timing is measured by the sampler, not the connector. */
export type ConnectOutcome = { readonly ok: true } | { readonly ok: false; readonly error: string };

/** Opens a TCP connection to an IP address and closes it again. Never rejects. */
export type TcpConnectFn = (address: string, port: number, signal: AbortSignal) => Promise<ConnectOutcome>;

export type LookupOutcome =
  { readonly ok: true; readonly address: string } | { readonly ok: false; readonly error: string };

/** Resolves a host name once, before timing starts. Never rejects. */
export type LookupFn = (host: string, timeoutMs: number) => Promise<LookupOutcome>;

export interface QualityDeps {
  readonly connect: TcpConnectFn;
  readonly lookup: LookupFn;
  /** Monotonic milliseconds. */
  readonly now: () => number;
}

export interface QualityOptions {
  readonly samples: number;
  /** A new attempt starts this often, so the whole measurement stays within a known time. */
  readonly intervalMs: number;
  /** An attempt that takes longer counts as lost (a lost SYN is retried after about 1 s). */
  readonly sampleTimeoutMs: number;
  readonly lookupTimeoutMs: number;
}

/** 12 attempts, one every 150 ms, each given 1 s: done within 2.7 s. */
export const defaultQualityOptions: QualityOptions = {
  samples: 12,
  intervalMs: 150,
  sampleTimeoutMs: 1000,
  lookupTimeoutMs: 1500,
};

export interface QualityMeasurement {
  readonly address: string;
  readonly sent: number;
  readonly received: number;
  /** Round trips of the answered attempts, in the order they were started. */
  readonly rttsMs: readonly number[];
  readonly medianMs: number | null;
  readonly p95Ms: number | null;
  readonly minMs: number | null;
  /** Mean absolute difference of consecutive round trips (as in Cloudflare's speed test). */
  readonly jitterMs: number | null;
  /** Error codes of failed attempts and how often each happened. */
  readonly errors: Readonly<Record<string, number>>;
}

export type QualityResult =
  | { readonly ok: true; readonly measurement: QualityMeasurement }
  | { readonly ok: false; readonly stage: 'lookup'; readonly error: string };

/** Resolves the host, then times TCP connections to it (no admin rights, unlike ICMP ping). */
export async function measureQuality(
  host: string,
  port: number,
  deps: QualityDeps,
  options: QualityOptions = defaultQualityOptions,
  signal?: AbortSignal,
): Promise<QualityResult> {
  const looked = isIpLiteral(host)
    ? ({ ok: true, address: host } as const)
    : await deps.lookup(host, options.lookupTimeoutMs);
  if (!looked.ok) return { ok: false, stage: 'lookup', error: looked.error };

  const attempts: Promise<{ rtt: number | null; error: string | null }>[] = [];
  for (let i = 0; i < options.samples; i += 1) {
    if (signal?.aborted) break;
    attempts.push(timeOne(looked.address, port, deps, options.sampleTimeoutMs, signal));
    if (i < options.samples - 1) await delay(options.intervalMs, signal);
  }
  const results = await Promise.all(attempts);
  const rtts = results.flatMap((r) => (r.rtt === null ? [] : [r.rtt]));
  const errors: Record<string, number> = {};
  for (const r of results) if (r.error) errors[r.error] = (errors[r.error] ?? 0) + 1;
  return {
    ok: true,
    measurement: {
      address: looked.address,
      sent: results.length,
      received: rtts.length,
      rttsMs: rtts.map((v) => Math.round(v * 10) / 10),
      medianMs: percentile(rtts, 50),
      p95Ms: percentile(rtts, 95),
      minMs: rtts.length > 0 ? Math.min(...rtts) : null,
      jitterMs: meanAbsDiff(rtts),
      errors,
    },
  };
}

async function timeOne(
  address: string,
  port: number,
  deps: QualityDeps,
  timeoutMs: number,
  outer: AbortSignal | undefined,
): Promise<{ rtt: number | null; error: string | null }> {
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort();
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  const started = deps.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<ConnectOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: 'timeout' }), timeoutMs);
  });
  try {
    const result = await Promise.race([deps.connect(address, port, controller.signal), timeout]);
    const elapsed = deps.now() - started;
    if (result.ok) return { rtt: elapsed, error: null };
    return { rtt: null, error: result.error };
  } catch {
    return { rtt: null, error: 'error' };
  } finally {
    clearTimeout(timer);
    controller.abort();
    outer?.removeEventListener('abort', onOuterAbort);
  }
}

export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? null;
}

export function meanAbsDiff(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  let sum = 0;
  for (let i = 1; i < values.length; i += 1) sum += Math.abs((values[i] ?? 0) - (values[i - 1] ?? 0));
  return sum / (values.length - 1);
}

function isIpLiteral(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
