import type si from 'systeminformation';

import { createLogger } from '../logging/logger';

const log = createLogger('probes:systeminformation');

export interface SiBattery {
  readonly hasBattery: boolean;
  readonly percent: number | null;
  readonly acConnected: boolean;
}

export interface SiWifi {
  readonly iface: string;
  readonly signalLevel: number | null;
  readonly quality: number | null;
}

export interface SiMemory {
  readonly total: number;
  readonly available: number;
}

/**
 * The few systeminformation calls ReadyRoom uses, each time-boxed: its calls cannot be cancelled
 * and on Windows can hang (systeminformation #521, #1033), so a late answer is simply ignored.
 * Resolves null when the call failed or took too long.
 */
export interface SystemInfo {
  battery(): Promise<SiBattery | null>;
  wifiConnections(): Promise<readonly SiWifi[] | null>;
  mem(): Promise<SiMemory | null>;
}

/** The systeminformation functions used; replaceable in tests. */
export type SiLibrary = Pick<typeof si, 'battery' | 'wifiConnections' | 'mem'>;

/**
 * Loaded on the first call, not at start: about 11 MiB that the CLI's logs commands never use,
 * and that would otherwise sit under scrypt's 128 MiB at every unlock.
 */
let loading: Promise<SiLibrary> | undefined;
const loadSystemInformation = (): Promise<SiLibrary> =>
  (loading ??= import('systeminformation').then((module) => module.default));

export function createSystemInfo(timeoutMs = 2500, library?: SiLibrary): SystemInfo {
  const use = async (): Promise<SiLibrary> => library ?? (await loadSystemInformation());
  return {
    battery: () =>
      timeBox('battery', timeoutMs, async () => {
        const b = await (await use()).battery();
        return {
          hasBattery: b.hasBattery,
          percent: Number.isFinite(b.percent) ? b.percent : null,
          acConnected: b.acConnected,
        };
      }),
    wifiConnections: () =>
      timeBox('wifiConnections', timeoutMs, async () =>
        (await (await use()).wifiConnections()).map((w) => ({
          iface: w.iface,
          signalLevel: typeof w.signalLevel === 'number' && Number.isFinite(w.signalLevel) ? w.signalLevel : null,
          quality: typeof w.quality === 'number' && Number.isFinite(w.quality) ? w.quality : null,
        })),
      ),
    mem: () =>
      timeBox('mem', timeoutMs, async () => {
        const m = await (await use()).mem();
        return { total: m.total, available: m.available };
      }),
  };
}

async function timeBox<T>(name: string, ms: number, call: () => Promise<T>): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => {
      log.warn('systeminformation call timed out', { call: name, ms });
      resolve(null);
    }, ms);
  });
  const work = call().catch(() => {
    log.warn('systeminformation call failed', { call: name });
    return null;
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
