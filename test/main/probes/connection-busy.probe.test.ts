import { describe, expect, it } from 'vitest';

import { createConnectionBusyProbe } from '../../../main/probes/connection-busy.probe';
import { known, type NetworkActivityFacts } from '../../../main/probes/platform/platform-types';
import { fakeFacts, probeContext, row } from './helpers/probe-test-kit';

const wired = async () =>
  known({ primary: { name: 'eth0', kind: 'wired' as const }, physical: { name: 'eth0', kind: 'wired' as const } });
const activity = (a: Partial<NetworkActivityFacts>) => async () =>
  known<NetworkActivityFacts>({
    iface: 'eth0',
    rxBytesPerSec: 0,
    txBytesPerSec: 0,
    windowMs: 500,
    topPrograms: null,
    ...a,
  });

describe('connection.busy', () => {
  it('passes on a quiet connection and reports the rates', async () => {
    const r = await createConnectionBusyProbe().run(
      probeContext({ facts: fakeFacts({ route: wired, networkActivity: activity({ rxBytesPerSec: 2000 }) }) }),
    );
    expect(r).toMatchObject({ status: 'pass', evidence: { downloadKbitPerSec: 16, uploadKbitPerSec: 0 } });
  });

  it('warns and names the programs when the OS attributes the traffic', async () => {
    const r = await createConnectionBusyProbe().run(
      probeContext({
        facts: fakeFacts({
          route: wired,
          networkActivity: activity({
            rxBytesPerSec: 900_000,
            topPrograms: [
              { name: 'dropbox', bytesPerSec: 880_000 },
              { name: 'sshd', bytesPerSec: 50 },
            ],
          }),
        }),
      }),
    );
    expect(r.status).toBe('warn');
    expect(r.summary).toContain('dropbox');
    expect(r.summary).not.toContain('sshd');
  });

  it('suggests likely programs from the program list when the OS cannot tell', async () => {
    const r = await createConnectionBusyProbe().run(
      probeContext({
        facts: fakeFacts({ route: wired, networkActivity: activity({ txBytesPerSec: 400_000 }) }),
        listPrograms: async () => [row('OneDrive', 'sync'), row('Firefox', 'browser')],
      }),
    );
    expect(r.summary).toMatch(/Possibly OneDrive/);
    expect(r.summary).not.toContain('Firefox');
  });

  it('tells the scan its sample is done, even when it fails', async () => {
    let sampled = 0;
    await createConnectionBusyProbe().run(probeContext({ networkSampled: () => void (sampled += 1) }));
    expect(sampled).toBeGreaterThan(0);
  });
});
