import { describe, expect, it } from 'vitest';

import {
  connectionWifiSignalProbe,
  gradeSignal,
  percentToDbm,
} from '../../../main/probes/connection-wifi-signal.probe';
import { known, type WifiFacts } from '../../../main/probes/platform/platform-types';
import { defaultSettings } from '../../../shared/settings/settings';
import { fakeFacts, probeContext } from './helpers/probe-test-kit';

const onWifi = (wifi: WifiFacts) =>
  connectionWifiSignalProbe.run(
    probeContext({
      facts: fakeFacts({
        route: async () =>
          known({ primary: { name: 'wlan0', kind: 'wifi' }, physical: { name: 'wlan0', kind: 'wifi' } }),
        wifi: async () => known(wifi),
      }),
    }),
  );

describe('connection.wifi-signal', () => {
  it('grades −60 dBm and better as pass, to −70 as warn, below as fail', () => {
    expect([-45, -60, -61, -70, -71].map((dbm) => gradeSignal(dbm))).toEqual(['pass', 'pass', 'warn', 'warn', 'fail']);
  });

  it('grades against the limits from Settings and records them in the evidence', async () => {
    expect(gradeSignal(-65, { warnBelowDbm: -70, failBelowDbm: -80 })).toBe('pass');
    const settings = {
      ...defaultSettings,
      thresholds: { ...defaultSettings.thresholds, wifi: { warnBelowDbm: -50, failBelowDbm: -58 } },
    };
    const result = await connectionWifiSignalProbe.run(
      probeContext({
        settings,
        facts: fakeFacts({
          route: async () =>
            known({ primary: { name: 'wlan0', kind: 'wifi' }, physical: { name: 'wlan0', kind: 'wifi' } }),
          wifi: async () => known({ dbm: -55, percent: null, open: false }),
        }),
      }),
    );
    expect(result.status).toBe('warn');
    expect(result.evidence.limits).toEqual({ warnBelowDbm: -50, failBelowDbm: -58, changedInSettings: true });
  });

  it('converts a percentage the way Windows does', () => {
    expect(percentToDbm(72)).toBe(-64);
    expect(percentToDbm(100)).toBe(-50);
  });

  it('uses dBm when given and a percentage otherwise', async () => {
    expect(await onWifi({ dbm: -55, percent: null, open: false })).toMatchObject({
      status: 'pass',
      evidence: { dbm: -55 },
    });
    expect(await onWifi({ dbm: null, percent: 38, open: null })).toMatchObject({
      status: 'fail',
      evidence: { dbm: -81, estimatedFromPercent: true },
    });
  });

  it('warns on a strong but open network', async () => {
    const r = await onWifi({ dbm: -50, percent: null, open: true });
    expect(r.status).toBe('warn');
    expect(r.summary).toMatch(/no password/);
  });

  it('is unknown, not skipped, when the link underneath is of a kind it does not recognise', async () => {
    for (const kind of ['other', 'vpn'] as const) {
      const r = await connectionWifiSignalProbe.run(
        probeContext({
          facts: fakeFacts({
            route: async () => known({ primary: { name: 'br0', kind }, physical: { name: 'br0', kind } }),
          }),
        }),
      );
      expect(r.status).toBe('unknown');
      expect(r.summary).toBe('Could not tell whether this computer uses Wi-Fi.');
    }
  });

  it('is skipped on a cable', async () => {
    const r = await connectionWifiSignalProbe.run(
      probeContext({
        facts: fakeFacts({
          route: async () =>
            known({ primary: { name: 'eth0', kind: 'wired' }, physical: { name: 'eth0', kind: 'wired' } }),
        }),
      }),
    );
    expect(r.status).toBe('skipped');
  });

  it('is unknown when the signal cannot be read', async () => {
    expect(await onWifi({ dbm: null, percent: null, open: null })).toMatchObject({ status: 'unknown' });
  });
});
