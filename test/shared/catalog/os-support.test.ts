import { describe, expect, it } from 'vitest';

import {
  daysUntil,
  findLinuxRelease,
  findWindowsRelease,
  linuxReleases,
  macosReleases,
  osSupportCheckedOn,
  osSupportSources,
  windowsReleases,
} from '../../../shared/catalog/os-support';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

describe('OS support table', () => {
  it('is dated and names its sources', () => {
    expect(osSupportCheckedOn).toMatch(isoDate);
    for (const source of Object.values(osSupportSources)) expect(source.url).toMatch(/^https:\/\//);
  });

  it('holds only valid dates', () => {
    for (const r of windowsReleases)
      for (const d of [r.consumerEnd, r.enterpriseEnd, r.ltscEnd]) if (d) expect(Date.parse(d)).not.toBeNaN();
    for (const r of linuxReleases) expect(r.end).toMatch(isoDate);
    for (const r of macosReleases) expect(r.lastUpdate).toMatch(isoDate);
  });

  it('has unique Windows builds', () => {
    expect(new Set(windowsReleases.map((r) => r.build)).size).toBe(windowsReleases.length);
    expect(findWindowsRelease(26100)?.name).toBe('Windows 11 24H2');
  });

  it('matches Debian by major version and Ubuntu by full version', () => {
    expect(findLinuxRelease('debian', '12')?.name).toBe('Debian 12 bookworm');
    expect(findLinuxRelease('debian', '12.8')?.name).toBe('Debian 12 bookworm');
    expect(findLinuxRelease('ubuntu', '24.04')?.name).toBe('Ubuntu 24.04 LTS');
    expect(findLinuxRelease('ubuntu', '24')).toBeUndefined();
  });

  it('counts days to the end of support, negative afterwards', () => {
    const today = new Date('2026-11-28T12:00:00Z');
    expect(daysUntil('2026-11-28', today)).toBe(0);
    expect(daysUntil('2026-12-28', today)).toBe(30);
    expect(daysUntil('2025-10-14', today)).toBeLessThan(0);
  });
});
