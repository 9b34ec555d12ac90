import { describe, expect, it } from 'vitest';

import { known, type RemoteAccessFacts } from '../../../main/probes/platform/platform-types';
import { programsRemoteAccessProbe } from '../../../main/probes/programs-remote-access.probe';
import { fakeFacts, probeContext, row } from './helpers/probe-test-kit';

const quiet: RemoteAccessFacts = { remoteDesktopEnabled: false, remoteSession: false, listeningPorts: [] };
const facts = (r: RemoteAccessFacts) => fakeFacts({ remoteAccess: async () => known(r) });

describe('programs.remote-access', () => {
  it('passes with no tool running and remote desktop off', async () => {
    expect((await programsRemoteAccessProbe.run(probeContext({ facts: facts(quiet) }))).status).toBe('pass');
  });

  it('warns, naming running remote-access tools', async () => {
    const r = await programsRemoteAccessProbe.run(
      probeContext({ facts: facts(quiet), listPrograms: async () => [row('AnyDesk', 'remote-access'), row('OBS Studio', 'remote-access')] }),
    );
    expect(r.status).toBe('warn');
    expect(r.summary).toContain('AnyDesk and OBS Studio are running');
  });

  it('warns when remote desktop is on or this desktop is used remotely', async () => {
    const r = await programsRemoteAccessProbe.run(probeContext({ facts: facts({ remoteDesktopEnabled: true, remoteSession: true, listeningPorts: [3389] }) }));
    expect(r.summary).toMatch(/another computer.*remote desktop/);
  });

  it('is unknown when neither the programs nor the OS settings can be read', async () => {
    const r = await programsRemoteAccessProbe.run(probeContext({ listPrograms: () => Promise.reject(new Error('x')) }));
    expect(r.status).toBe('unknown');
  });
});
