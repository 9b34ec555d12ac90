/**
 * When each operating system release stops getting security updates.
 * Dates change: update this table (and `osSupportCheckedOn`) before each release of ReadyRoom.
 */

/** The day these dates were last compared with their sources. */
export const osSupportCheckedOn = '2026-11-28';

/** Warn this many days before the end of security updates. */
export const osSupportWarnDays = 60;

export interface OsSupportSource {
  readonly label: string;
  readonly url: string;
}

export const osSupportSources: Readonly<Record<'windows' | 'macos' | 'ubuntu' | 'debian' | 'fedora', OsSupportSource>> =
  {
    windows: { label: 'Microsoft lifecycle policy', url: 'https://learn.microsoft.com/lifecycle/products/' },
    macos: { label: 'Apple security releases', url: 'https://support.apple.com/en-us/100100' },
    ubuntu: { label: 'Ubuntu release cycle', url: 'https://ubuntu.com/about/release-cycle' },
    debian: { label: 'Debian security and LTS', url: 'https://wiki.debian.org/LTS' },
    fedora: { label: 'Fedora end-of-life dates', url: 'https://docs.fedoraproject.org/en-US/releases/eol/' },
  };

/** A Windows feature release, found by its build number (ProductName says "Windows 10" on Windows 11). */
export interface WindowsRelease {
  readonly build: number;
  readonly name: string;
  /** Home and Pro editions; null when the release never shipped for them. */
  readonly consumerEnd: string | null;
  /** Enterprise and Education editions. */
  readonly enterpriseEnd: string | null;
  /** Long-term servicing (LTSC) editions on this build, if any. */
  readonly ltscEnd?: string;
}

export const windowsReleases: readonly WindowsRelease[] = [
  {
    build: 14393,
    name: 'Windows 10 1607',
    consumerEnd: '2018-04-10',
    enterpriseEnd: '2019-04-09',
    ltscEnd: '2026-10-13',
  },
  {
    build: 17763,
    name: 'Windows 10 1809',
    consumerEnd: '2020-11-10',
    enterpriseEnd: '2021-05-11',
    ltscEnd: '2029-01-09',
  },
  { build: 19041, name: 'Windows 10 2004', consumerEnd: '2021-12-14', enterpriseEnd: '2021-12-14' },
  { build: 19042, name: 'Windows 10 20H2', consumerEnd: '2022-05-10', enterpriseEnd: '2023-05-09' },
  { build: 19043, name: 'Windows 10 21H1', consumerEnd: '2022-12-13', enterpriseEnd: '2022-12-13' },
  {
    build: 19044,
    name: 'Windows 10 21H2',
    consumerEnd: '2023-06-13',
    enterpriseEnd: '2024-06-11',
    ltscEnd: '2027-01-12',
  },
  // The paid-for and consumer Extended Security Updates (to 2026-10-13) are not visible without admin rights.
  { build: 19045, name: 'Windows 10 22H2', consumerEnd: '2025-10-14', enterpriseEnd: '2025-10-14' },
  { build: 22000, name: 'Windows 11 21H2', consumerEnd: '2023-10-10', enterpriseEnd: '2024-10-08' },
  { build: 22621, name: 'Windows 11 22H2', consumerEnd: '2024-10-08', enterpriseEnd: '2025-10-14' },
  { build: 22631, name: 'Windows 11 23H2', consumerEnd: '2025-11-11', enterpriseEnd: '2026-11-10' },
  {
    build: 26100,
    name: 'Windows 11 24H2',
    consumerEnd: '2026-10-13',
    enterpriseEnd: '2027-10-12',
    ltscEnd: '2029-10-09',
  },
  { build: 26200, name: 'Windows 11 25H2', consumerEnd: '2027-10-12', enterpriseEnd: '2028-10-10' },
  { build: 26300, name: 'Windows 11 26H2', consumerEnd: '2028-10-10', enterpriseEnd: null },
  { build: 28000, name: 'Windows 11 26H1', consumerEnd: '2028-03-14', enterpriseEnd: '2029-03-13' },
];

/**
 * Apple publishes no end dates; in practice the current macOS and the one before get every
 * security fix, and the one before that only some. `status` is our reading on `osSupportCheckedOn`.
 */
export interface MacosRelease {
  readonly major: number;
  readonly name: string;
  readonly status: 'supported' | 'partial' | 'ended';
  readonly lastUpdate: string;
}

export const macosReleases: readonly MacosRelease[] = [
  { major: 26, name: 'macOS 26 Tahoe', status: 'supported', lastUpdate: '2026-08-17' },
  { major: 15, name: 'macOS 15 Sequoia', status: 'supported', lastUpdate: '2026-08-06' },
  { major: 14, name: 'macOS 14 Sonoma', status: 'partial', lastUpdate: '2026-08-06' },
  { major: 13, name: 'macOS 13 Ventura', status: 'ended', lastUpdate: '2025-08-20' },
  { major: 12, name: 'macOS 12 Monterey', status: 'ended', lastUpdate: '2024-07-29' },
];

/** A Linux distribution release, matched on /etc/os-release ID and VERSION_ID. */
export interface LinuxRelease {
  readonly id: 'ubuntu' | 'debian' | 'fedora';
  readonly version: string;
  readonly name: string;
  readonly end: string;
  /** The source gives a month, not a day: we use the earliest plausible day. */
  readonly approximate?: boolean;
}

export const linuxReleases: readonly LinuxRelease[] = [
  { id: 'ubuntu', version: '20.04', name: 'Ubuntu 20.04 LTS', end: '2025-05-31' },
  { id: 'ubuntu', version: '22.04', name: 'Ubuntu 22.04 LTS', end: '2027-04-30', approximate: true },
  { id: 'ubuntu', version: '24.04', name: 'Ubuntu 24.04 LTS', end: '2029-04-30', approximate: true },
  { id: 'ubuntu', version: '24.10', name: 'Ubuntu 24.10', end: '2025-07-10' },
  { id: 'ubuntu', version: '25.04', name: 'Ubuntu 25.04', end: '2026-01-15', approximate: true },
  { id: 'ubuntu', version: '25.10', name: 'Ubuntu 25.10', end: '2026-07-09', approximate: true },
  { id: 'ubuntu', version: '26.04', name: 'Ubuntu 26.04 LTS', end: '2031-04-30', approximate: true },
  // Debian: regular security support, then the volunteer LTS team, both free of charge.
  { id: 'debian', version: '10', name: 'Debian 10 buster', end: '2024-06-30' },
  { id: 'debian', version: '11', name: 'Debian 11 bullseye', end: '2026-08-31' },
  { id: 'debian', version: '12', name: 'Debian 12 bookworm', end: '2028-06-30' },
  { id: 'debian', version: '13', name: 'Debian 13 trixie', end: '2030-06-30' },
  { id: 'fedora', version: '40', name: 'Fedora 40', end: '2025-05-13' },
  { id: 'fedora', version: '41', name: 'Fedora 41', end: '2025-12-15', approximate: true },
  { id: 'fedora', version: '42', name: 'Fedora 42', end: '2026-05-13' },
  { id: 'fedora', version: '43', name: 'Fedora 43', end: '2026-12-09', approximate: true },
  { id: 'fedora', version: '44', name: 'Fedora 44', end: '2027-05-12', approximate: true },
];

export function findWindowsRelease(build: number): WindowsRelease | undefined {
  return windowsReleases.find((r) => r.build === build);
}

export function findMacosRelease(major: number): MacosRelease | undefined {
  return macosReleases.find((r) => r.major === major);
}

export function findLinuxRelease(id: string, versionId: string): LinuxRelease | undefined {
  const normalized = id === 'debian' ? (versionId.split('.')[0] ?? versionId) : versionId;
  return linuxReleases.find((r) => r.id === id && r.version === normalized);
}

/** Whole days from `today` to an ISO date (negative once it has passed). */
export function daysUntil(isoDate: string, today: Date): number {
  const end = Date.parse(`${isoDate}T23:59:59Z`);
  return Math.floor((end - today.getTime()) / 86_400_000);
}
