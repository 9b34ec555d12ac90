import type { TcpConnectFn } from '../../../../main/probes/net/quality-sampler';

/** A small seeded generator (mulberry32), so every simulated run is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface LinkModel {
  /** Round trip of one attempt, drawn from the generator. */
  readonly rttMs: (random: () => number) => number;
  /** Chance that an attempt's SYN or SYN-ACK is dropped. */
  readonly lossRate: number;
}

/**
 * A TCP connect over a simulated link, timed with setTimeout (use fake timers). A dropped handshake is
 * not an error: like a real kernel, the connect succeeds after the 1 s SYN retransmission, so the
 * sampler has to recognise it as lost by its lateness.
 */
export function simulatedLink(model: LinkModel, seed: number): TcpConnectFn & { attempts: () => number } {
  const random = seededRandom(seed);
  let attempts = 0;
  const fn = ((_address, _port, signal) => {
    attempts += 1;
    const lost = random() < model.lossRate;
    const rtt = model.rttMs(random);
    const delay = lost ? 1000 + rtt : rtt;
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ ok: true }), delay);
      signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve({ ok: false, error: 'aborted' });
        },
        { once: true },
      );
    });
  }) as TcpConnectFn & { attempts: () => number };
  fn.attempts = () => attempts;
  return fn;
}

/** Uniform between two values. */
export const uniform =
  (low: number, high: number) =>
  (random: () => number): number =>
    low + (high - low) * random();

export const links = {
  clean: { rttMs: uniform(18, 24), lossRate: 0.005 },
  cleanAtOnePercent: { rttMs: uniform(18, 24), lossRate: 0.01 },
  delayed150: { rttMs: uniform(148, 156), lossRate: 0 },
  delayed400: { rttMs: uniform(398, 408), lossRate: 0 },
  jittery: { rttMs: uniform(20, 140), lossRate: 0 },
  lossyOneInSix: { rttMs: uniform(18, 24), lossRate: 1 / 6 },
  lossyOneInThree: { rttMs: uniform(18, 24), lossRate: 1 / 3 },
  delayedAndLossy: { rttMs: uniform(148, 156), lossRate: 1 / 6 },
} satisfies Record<string, LinkModel>;
