import { describe, expect, it } from 'vitest';

import { createLinuxFacts } from '../../../main/probes/platform/linux';
import { known, type AntivirusFacts } from '../../../main/probes/platform/platform-types';
import { securityAntivirusProbe } from '../../../main/probes/security-antivirus.probe';
import { fakeFacts, platformDeps, probeContext } from './helpers/probe-test-kit';

const run = (av: AntivirusFacts) =>
  securityAntivirusProbe.run(probeContext({ facts: fakeFacts({ antivirus: async () => known(av) }) }));
const p = (name: string, enabled: boolean, upToDate: boolean | null, age: number | null = null) => ({
  name,
  enabled,
  upToDate,
  definitionsAgeDays: age,
});

describe('security.antivirus', () => {
  it('passes when any product is on and current', async () => {
    expect(
      (
        await run({
          products: [p('Windows Defender', false, false), p('Norton 360', true, true)],
          builtInAlwaysOn: false,
          warnings: [],
        })
      ).status,
    ).toBe('pass');
  });

  it('warns when the active product is out of date, with its age', async () => {
    const r = await run({
      products: [p('Microsoft Defender Antivirus', true, false, 20)],
      builtInAlwaysOn: false,
      warnings: [],
    });
    expect(r.status).toBe('warn');
    expect(r.summary).toContain('20 days');
  });

  it('fails when none is active', async () => {
    expect(
      (await run({ products: [p('Windows Defender', false, true)], builtInAlwaysOn: false, warnings: [] })).status,
    ).toBe('fail');
    expect((await run({ products: [], builtInAlwaysOn: false, warnings: [] })).status).toBe('fail');
  });

  it('never fails on built-in protection that cannot be switched off', async () => {
    expect((await run({ products: [p('XProtect', false, null)], builtInAlwaysOn: true, warnings: [] })).status).toBe(
      'warn',
    );
    expect(
      (
        await run({
          products: [p('XProtect', true, true)],
          builtInAlwaysOn: true,
          warnings: ['Gatekeeper is switched off.'],
        })
      ).status,
    ).toBe('warn');
  });

  it('warns when freshness is unknown', async () => {
    expect((await run({ products: [p('ClamAV', true, null)], builtInAlwaysOn: false, warnings: [] })).status).toBe(
      'warn',
    );
  });

  it('is unknown, not skipped, on Linux without ClamAV, and asks the user to check their own software', async () => {
    const r = await securityAntivirusProbe.run(probeContext({ facts: createLinuxFacts(platformDeps()) }));
    expect(r.status).toBe('unknown');
    expect(r.summary).toBe(
      'Could not check the antivirus: ReadyRoom can only recognise ClamAV on Linux; check your own security software.',
    );
  });
});
