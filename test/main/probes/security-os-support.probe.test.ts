import { describe, expect, it } from 'vitest';

import type { OsVersionFacts } from '../../../main/probes/platform/platform-types';
import { assessOsSupport } from '../../../main/probes/security-os-support.probe';

const today = new Date('2026-11-28T12:00:00Z');
const win = (build: number, edition: string): OsVersionFacts => ({
  family: 'windows',
  name: `Windows ${build}`,
  version: `10.0.${build}`,
  build,
  edition,
  distroId: null,
});
const mac = (version: string): OsVersionFacts => ({
  family: 'macos',
  name: `macOS ${version}`,
  version,
  build: null,
  edition: null,
  distroId: null,
});
const linux = (id: string, version: string): OsVersionFacts => ({
  family: 'linux',
  name: `${id} ${version}`,
  version,
  build: null,
  edition: null,
  distroId: id,
});

describe('assessOsSupport', () => {
  it('fails Windows 10 22H2 after its end of support', () => {
    const r = assessOsSupport(win(19045, 'Core'), today);
    expect(r.status).toBe('fail');
    expect(r.summary).toContain('14 October 2025');
  });

  it('fails Windows 11 24H2 Home but passes the Enterprise edition of the same build', () => {
    expect(assessOsSupport(win(26100, 'Professional'), today).status).toBe('fail');
    expect(assessOsSupport(win(26100, 'Enterprise'), today).status).toBe('pass');
  });

  it('uses the long servicing dates of LTSC editions', () => {
    expect(assessOsSupport(win(17763, 'EnterpriseS'), today).status).toBe('pass');
    // LTSC 2021 ends on 12 January 2027, 45 days after "today".
    expect(assessOsSupport(win(19044, 'IoTEnterpriseS'), today)).toMatchObject({
      status: 'warn',
      evidence: { daysLeft: 45 },
    });
    expect(assessOsSupport(win(19044, 'Professional'), today).status).toBe('fail');
  });

  it('warns within 60 days of the end', () => {
    const r = assessOsSupport(win(26200, 'Core'), new Date('2027-09-01T00:00:00Z'));
    expect(r).toMatchObject({ status: 'warn', evidence: { endOfSupport: '2027-10-12' } });
  });

  it('passes a build newer than the table and is unknown for an unlisted older one', () => {
    expect(assessOsSupport(win(29999, 'Core'), today).status).toBe('pass');
    expect(assessOsSupport(win(18363, 'Core'), today).status).toBe('unknown');
  });

  it('grades macOS by major version', () => {
    expect(assessOsSupport(mac('26.1'), today).status).toBe('pass');
    expect(assessOsSupport(mac('15.6.1'), today).status).toBe('pass');
    expect(assessOsSupport(mac('14.8.2'), today).status).toBe('warn');
    expect(assessOsSupport(mac('13.7.8'), today).status).toBe('fail');
    expect(assessOsSupport(mac('11.7'), today).status).toBe('fail');
  });

  it('grades Linux distributions in the table and is unknown for others', () => {
    expect(assessOsSupport(linux('debian', '12'), today).status).toBe('pass');
    expect(assessOsSupport(linux('debian', '11'), today).status).toBe('fail');
    expect(assessOsSupport(linux('ubuntu', '24.04'), today).status).toBe('pass');
    expect(assessOsSupport(linux('fedora', '43'), today).status).toBe('warn');
    expect(assessOsSupport(linux('linuxmint', '22.1'), today).status).toBe('unknown');
  });

  it('records the source and the checked-on date', () => {
    expect(assessOsSupport(linux('debian', '12'), today).evidence).toMatchObject({
      checkedOn: '2026-11-28',
      source: expect.stringContaining('debian'),
    });
  });
});
