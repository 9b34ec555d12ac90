import {
  daysUntil,
  findLinuxRelease,
  findMacosRelease,
  findWindowsRelease,
  osSupportCheckedOn,
  osSupportSources,
  osSupportWarnDays,
  windowsReleases,
} from '../../shared/catalog/os-support';
import type { CheckStatus } from '../../shared/checks/check-result';
import type { OsVersionFacts } from './platform/platform-types';
import { outcome, unresolved } from './probe-kit';
import type { Probe, ProbeOutcome } from './probe-types';

const longDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

function byEndDate(
  name: string,
  end: string,
  today: Date,
  source: string,
  evidence: Record<string, string | number | boolean | null>,
): ProbeOutcome {
  const days = daysUntil(end, today);
  const ev = { ...evidence, endOfSupport: end, daysLeft: days, source, checkedOn: osSupportCheckedOn };
  if (days < 0)
    return outcome(
      'fail',
      `${name} stopped getting security updates on ${longDate(end)}. Upgrade to a supported version.`,
      ev,
    );
  if (days <= osSupportWarnDays) {
    return outcome(
      'warn',
      `${name} stops getting security updates on ${longDate(end)} (${days} days). Plan an upgrade.`,
      ev,
    );
  }
  return outcome('pass', `${name} gets security updates until ${longDate(end)}.`, ev);
}

/** Grades the OS version against the dated table in shared/catalog/os-support.ts. */
export function assessOsSupport(os: OsVersionFacts, today: Date): ProbeOutcome {
  const evidence = { name: os.name, version: os.version, build: os.build, edition: os.edition, distroId: os.distroId };
  if (os.family === 'windows') {
    const build = os.build ?? 0;
    const release = findWindowsRelease(build);
    const edition = os.edition ?? '';
    if (!release) {
      const newest = Math.max(...windowsReleases.map((r) => r.build));
      if (build > newest) {
        return outcome(
          'pass',
          `${os.name} is newer than ReadyRoom's support table (checked ${longDate(osSupportCheckedOn)}).`,
          {
            ...evidence,
            checkedOn: osSupportCheckedOn,
          },
        );
      }
      return outcome('unknown', `ReadyRoom's support table does not list Windows build ${build}.`, {
        ...evidence,
        checkedOn: osSupportCheckedOn,
      });
    }
    const ltsc = /EnterpriseS$/i.test(edition);
    const enterprise = /^(Enterprise|Education|IoTEnterprise)/i.test(edition);
    const end = ltsc
      ? (release.ltscEnd ?? release.enterpriseEnd)
      : enterprise
        ? (release.enterpriseEnd ?? release.consumerEnd)
        : release.consumerEnd;
    const label = `${release.name}${ltsc ? ' LTSC' : ''}`;
    if (!end) return outcome('unknown', `${label} was not released for this edition (${edition}).`, evidence);
    return byEndDate(label, end, today, osSupportSources.windows.url, { ...evidence, edition });
  }
  if (os.family === 'macos') {
    const major = Number.parseInt(os.version, 10);
    const release = findMacosRelease(major);
    const ev = { ...evidence, major, checkedOn: osSupportCheckedOn, source: osSupportSources.macos.url };
    const newest = 26;
    if (!release) {
      if (major > newest) return outcome('pass', `macOS ${os.version} is newer than ReadyRoom's support table.`, ev);
      return outcome('fail', `macOS ${os.version} no longer gets security updates. Upgrade macOS.`, ev);
    }
    const status: Record<typeof release.status, CheckStatus> = { supported: 'pass', partial: 'warn', ended: 'fail' };
    const text = {
      supported: `${release.name} gets security updates.`,
      partial: `${release.name} gets only some security fixes and will soon get none. Plan an upgrade.`,
      ended: `${release.name} no longer gets security updates (the last came on ${longDate(release.lastUpdate)}). Upgrade macOS.`,
    }[release.status];
    return outcome(status[release.status], text, { ...ev, lastUpdate: release.lastUpdate });
  }
  const id = os.distroId ?? '';
  const release = findLinuxRelease(id, os.version);
  if (!release) {
    return outcome('unknown', `ReadyRoom's support table does not cover ${os.name}; check its maker's support dates.`, {
      ...evidence,
      checkedOn: osSupportCheckedOn,
    });
  }
  const source = osSupportSources[release.id].url;
  return byEndDate(release.name, release.end, today, source, {
    ...evidence,
    approximateDate: release.approximate ?? false,
  });
}

/** The vendor must still ship security fixes (ICO: keep software up to date). */
export function createSecurityOsSupportProbe(now: () => Date = () => new Date()): Probe {
  return {
    id: 'security.os-support',
    async run({ facts }) {
      const fact = await facts.osVersion();
      if (fact.state !== 'known') return unresolved(fact, 'Could not read the operating system version');
      const result = assessOsSupport(fact.value, now());
      return { ...result, evidence: { ...fact.evidence, ...result.evidence } };
    },
  };
}
