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
  /** A new attempt starts this often (attempts overlap; each uses its own connection). */
  readonly intervalMs: number;
  /** An answer later than the median round trip plus max(median, this) counts as lost. */
  readonly lateMarginMs: number;
  /** The longest wait for any attempt, used while no attempt has answered yet. */
  readonly maxWaitMs: number;
  readonly lookupTimeoutMs: number;
}

/*
 * Sampling design (the rule that grades it is gradeConnection in shared/checks/connection-grading.ts).
 *
 * What counts as lost. A TCP connect whose SYN or SYN-ACK is dropped is retried by the kernel only
 * after the initial retransmission timeout: 1 s on Linux and macOS (RFC 6298), longer on Windows. So a
 * lost attempt never answers within about 1 s + RTT. We do not wait for that: an attempt that has not
 * answered within median + max(median, 250 ms) of starting counts as lost. That cut-off is always below
 * 1 s + RTT (for any median under 1 s), so a retransmitted SYN is always counted as lost whatever the
 * OS's timer, and it is far above normal spread, so a clean but jittery link keeps its answers. An
 * answer that late is useless to a live call anyway (ITU-T G.114 puts the comfortable one-way limit at
 * about 150 ms).
 *
 * How many attempts. Treat each attempt as lost independently with probability p, so the number lost
 * of n is Binomial(n, p). We want a clean link (p ≤ 1 %) to pass in ≥ 99 % of runs and a link losing
 * 1 attempt in 6 to fail in ≥ 99 % of runs. Passing on ≤ k lost of n:
 *   P(pass | p = 0.01) = Σ_{i≤k} C(n,i) 0.01^i 0.99^(n−i) ≥ 0.99
 *   P(fail | p = 1/6)  = 1 − Σ_{i≤k} C(n,i) (1/6)^i (5/6)^(n−i) ≥ 0.99
 * The smallest n for which some k meets both is 57 (k = 3); we take n = 60, k = 3 for margin:
 * P(pass | 1 %) = 99.69 %, P(fail | 1/6) = 99.37 %, P(fail | 1/3) = 99.99998 %
 * (test/shared/checks/connection-grading.test.ts computes these exactly). In between the verdict is a
 * matter of chance: at 3 % loss 11 % of runs fail, at 5 % 35 %, at 10 % 86 %. Twelve attempts, as
 * before, cannot do it: if clean links are to keep passing, a 1-in-6 link fails in only 62 % of runs.
 *
 * How fast. The attempts start 8 ms apart, so all 60 are out within 472 ms and a clean link is done in
 * about half a second plus one round trip. The spread over half a second also samples the line's state
 * at many moments rather than one burst. Independence is an approximation: real loss comes in bursts,
 * which makes single runs noisier but not biased; this is a pre-call screen, not a 15-minute audit.
 * Worst case (slow lookup, nothing answers): 1.5 s + 0.47 s + 1.5 s, inside the scan's 4 s probe limit.
 */
export const defaultQualityOptions: QualityOptions = {
  samples: 60,
  intervalMs: 8,
  lateMarginMs: 250,
  maxWaitMs: 1500,
  lookupTimeoutMs: 1500,
};

export interface QualityMeasurement {
  readonly address: string;
  readonly sent: number;
  /** Attempts answered in time (within the cut-off). */
  readonly received: number;
  /** Round trips of the attempts answered in time, in the order they were started. */
  readonly rttsMs: readonly number[];
  readonly medianMs: number | null;
  readonly p95Ms: number | null;
  readonly minMs: number | null;
  /** Mean absolute difference of consecutive round trips (as in Cloudflare's speed test). */
  readonly jitterMs: number | null;
  /** How late an answer could be and still count (null when nothing answered). */
  readonly cutoffMs: number | null;
  /** Why attempts were not received: error codes, "late" (answered after the cut-off), "timeout". */
  readonly errors: Readonly<Record<string, number>>;
}

export type QualityResult =
  | { readonly ok: true; readonly measurement: QualityMeasurement }
  | { readonly ok: false; readonly stage: 'lookup'; readonly error: string };

/** The cut-off after which an attempt counts as lost, from the median of the round trips seen so far. */
export function lateCutoffMs(
  medianMs: number | null,
  options: Pick<QualityOptions, 'lateMarginMs' | 'maxWaitMs'>,
): number {
  if (medianMs === null) return options.maxWaitMs;
  return Math.min(options.maxWaitMs, medianMs + Math.max(medianMs, options.lateMarginMs));
}

interface Attempt {
  readonly startedAt: number;
  readonly controller: AbortController;
  /** Round trip of a successful connect, or null. */
  rtt: number | null;
  error: string | null;
  settled: boolean;
}

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
  const attempts = await runAttempts(looked.address, port, deps, options, signal);
  return { ok: true, measurement: summarise(looked.address, attempts, options) };
}

/** Starts the attempts on schedule and settles once each has answered or passed the cut-off. */
function runAttempts(
  address: string,
  port: number,
  deps: QualityDeps,
  options: QualityOptions,
  signal: AbortSignal | undefined,
): Promise<Attempt[]> {
  return new Promise((resolve) => {
    const attempts: Attempt[] = [];
    const t0 = deps.now();
    let launchTimer: ReturnType<typeof setTimeout> | undefined;
    let waitTimer: ReturnType<typeof setTimeout> | undefined;
    let finished = false;

    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(launchTimer);
      clearTimeout(waitTimer);
      signal?.removeEventListener('abort', finish);
      for (const a of attempts) {
        if (!a.settled) {
          a.settled = true;
          a.error = signal?.aborted ? 'aborted' : 'timeout';
        }
        a.controller.abort();
      }
      resolve(attempts);
    };

    // Once every attempt is out: finish when each open one has waited past the cut-off, else wait for it.
    const check = () => {
      if (finished || attempts.length < options.samples) return;
      const open = attempts.filter((a) => !a.settled);
      if (open.length === 0) return finish();
      const cutoff = lateCutoffMs(median(answered(attempts)), options);
      const until = Math.max(...open.map((a) => a.startedAt + cutoff)) - deps.now();
      if (until <= 0) return finish();
      clearTimeout(waitTimer);
      waitTimer = setTimeout(check, Math.ceil(until));
    };

    const launch = () => {
      if (finished) return;
      if (signal?.aborted) return finish();
      const attempt: Attempt = {
        startedAt: deps.now(),
        controller: new AbortController(),
        rtt: null,
        error: null,
        settled: false,
      };
      attempts.push(attempt);
      deps
        .connect(address, port, attempt.controller.signal)
        .catch(() => ({ ok: false, error: 'error' }) as const)
        .then((outcome) => {
          if (attempt.settled) return;
          attempt.settled = true;
          if (outcome.ok) attempt.rtt = deps.now() - attempt.startedAt;
          else attempt.error = outcome.error;
          check();
        });
      if (attempts.length < options.samples) {
        // Scheduled from the start time, so timer drift does not stretch the run.
        const next = t0 + attempts.length * options.intervalMs - deps.now();
        launchTimer = setTimeout(launch, Math.max(0, next));
      } else check();
    };

    signal?.addEventListener('abort', finish, { once: true });
    launch();
  });
}

function answered(attempts: readonly Attempt[]): number[] {
  return attempts.flatMap((a) => (a.rtt === null ? [] : [a.rtt]));
}

function summarise(address: string, attempts: readonly Attempt[], options: QualityOptions): QualityMeasurement {
  const all = answered(attempts);
  const cutoff = all.length > 0 ? lateCutoffMs(median(all), options) : null;
  const errors: Record<string, number> = {};
  const rtts: number[] = [];
  for (const a of attempts) {
    const reason = a.rtt !== null ? (cutoff !== null && a.rtt > cutoff ? 'late' : null) : (a.error ?? 'error');
    if (reason === null && a.rtt !== null) rtts.push(a.rtt);
    else if (reason !== null) errors[reason] = (errors[reason] ?? 0) + 1;
  }
  return {
    address,
    sent: attempts.length,
    received: rtts.length,
    rttsMs: rtts.map((v) => Math.round(v * 10) / 10),
    medianMs: median(rtts),
    p95Ms: percentile(rtts, 95),
    minMs: rtts.length > 0 ? Math.min(...rtts) : null,
    jitterMs: meanAbsDiff(rtts),
    cutoffMs: cutoff === null ? null : Math.round(cutoff),
    errors,
  };
}

function median(values: readonly number[]): number | null {
  return percentile(values, 50);
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
