import { describe, expect, it } from 'vitest';

import { connectionTypeProbe } from '../../../main/probes/connection-type.probe';
import { known, type RouteFacts } from '../../../main/probes/platform/platform-types';
import { fakeFacts, probeContext } from './helpers/probe-test-kit';

const run = (route: RouteFacts) =>
  connectionTypeProbe.run(probeContext({ facts: fakeFacts({ route: async () => known(route) }) }));

describe('connection.type', () => {
  it('passes on a cable', async () => {
    expect(
      await run({ primary: { name: 'eth0', kind: 'wired' }, physical: { name: 'eth0', kind: 'wired' } }),
    ).toMatchObject({ status: 'pass' });
  });

  it('warns on Wi-Fi and advises a cable', async () => {
    const r = await run({ primary: { name: 'wlan0', kind: 'wifi' }, physical: { name: 'wlan0', kind: 'wifi' } });
    expect(r.status).toBe('warn');
    expect(r.summary).toMatch(/cable/);
  });

  it('grades a VPN by the link underneath and says so', async () => {
    const r = await run({ primary: { name: 'wg0', kind: 'vpn' }, physical: { name: 'wlan0', kind: 'wifi' } });
    expect(r).toMatchObject({ status: 'warn', evidence: { vpn: true, physicalKind: 'wifi' } });
    expect(r.summary).toContain('VPN');
  });

  it('is unknown when the link underneath a VPN cannot be found', async () => {
    expect(await run({ primary: { name: 'wg0', kind: 'vpn' }, physical: null })).toMatchObject({ status: 'unknown' });
  });

  it('fails when there is no network at all', async () => {
    expect(await run({ primary: null, physical: null })).toMatchObject({ status: 'fail' });
  });

  it('is unknown with the reason when the route cannot be read', async () => {
    const r = await connectionTypeProbe.run(probeContext());
    expect(r.status).toBe('unknown');
    expect(r.evidence.reason).toBe('ReadyRoom does not know how to check this on a faked OS');
  });
});
