import { describe, expect, it } from 'vitest';

import { createSystemInfo, type SiLibrary } from '../../../main/probes/system-info';

describe.runIf(process.platform === 'linux')('systeminformation adapter on this computer', () => {
  const si = createSystemInfo(3000);

  it('reads memory with available no more than total', async () => {
    const mem = await si.mem();
    expect(mem).not.toBeNull();
    expect(mem!.available).toBeGreaterThan(0);
    expect(mem!.available).toBeLessThanOrEqual(mem!.total);
  });

  it('reads the battery state without throwing', async () => {
    const battery = await si.battery();
    expect(typeof battery?.hasBattery).toBe('boolean');
  });

  it('answers the Wi-Fi question with a list or null, never a throw', async () => {
    const wifi = await si.wifiConnections();
    expect(wifi === null || Array.isArray(wifi)).toBe(true);
  });
});

describe('systeminformation adapter time box', () => {
  const never = () => new Promise<never>(() => undefined);
  const lib = {
    battery: never,
    wifiConnections: never,
    mem: async () => Promise.reject(new Error('no /proc')),
  } as unknown as SiLibrary;

  it('gives up on a call that hangs, answering null within its limit', async () => {
    expect(await createSystemInfo(30, lib).battery()).toBeNull();
    expect(await createSystemInfo(30, lib).wifiConnections()).toBeNull();
  });

  it('answers null when a call fails', async () => {
    expect(await createSystemInfo(1000, lib).mem()).toBeNull();
  });
});
