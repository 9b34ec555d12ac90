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
      probeContext({
        facts: facts(quiet),
        listPrograms: async () => [row('AnyDesk', 'remote-access'), row('OBS Studio', 'remote-access')],
      }),
    );
    expect(r.status).toBe('warn');
    expect(r.summary).toContain('AnyDesk and OBS Studio are running');
  });

  it('warns when remote desktop is on or this desktop is used remotely', async () => {
    const r = await programsRemoteAccessProbe.run(
      probeContext({ facts: facts({ remoteDesktopEnabled: true, remoteSession: true, listeningPorts: [3389] }) }),
    );
    expect(r.summary).toMatch(/another computer.*remote desktop/);
  });

  it('is unknown, naming the OS settings, when only the program list could be read', async () => {
    const r = await programsRemoteAccessProbe.run(probeContext({ facts: fakeFacts(), listPrograms: async () => [] }));
    expect(r.status).toBe('unknown');
    expect(r.summary).toMatch(
      /could not read the remote-access settings \(ReadyRoom does not know how to check this on a faked OS\)/,
    );
  });

  it('is unknown when the OS cannot say whether remote desktop is switched on', async () => {
    const r = await programsRemoteAccessProbe.run(
      probeContext({ facts: facts({ ...quiet, remoteDesktopEnabled: null }) }),
    );
    expect(r.status).toBe('unknown');
    expect(r.summary).toContain('whether remote desktop or screen sharing is switched on');
    expect(r.summary).not.toContain('another computer');
  });

  it('is unknown when the OS cannot say whether this desktop is being used remotely', async () => {
    const r = await programsRemoteAccessProbe.run(probeContext({ facts: facts({ ...quiet, remoteSession: null }) }));
    expect(r.status).toBe('unknown');
    expect(r.summary).toContain('whether this desktop is being used from another computer');
  });

  it('is unknown when the program list cannot be read, even with the OS settings clear', async () => {
    const r = await programsRemoteAccessProbe.run(
      probeContext({ facts: facts(quiet), listPrograms: () => Promise.reject(new Error('x')) }),
    );
    expect(r.status).toBe('unknown');
    expect(r.summary).toContain('the list of running programs');
  });

  it('still warns about a running remote-access tool when the OS settings cannot be read', async () => {
    const r = await programsRemoteAccessProbe.run(
      probeContext({ facts: fakeFacts(), listPrograms: async () => [row('TeamViewer', 'remote-access')] }),
    );
    expect(r.status).toBe('warn');
    expect(r.summary).toContain('TeamViewer is running');
  });

  it('is unknown when neither the programs nor the OS settings can be read', async () => {
    const r = await programsRemoteAccessProbe.run(probeContext({ listPrograms: () => Promise.reject(new Error('x')) }));
    expect(r.status).toBe('unknown');
  });
});
