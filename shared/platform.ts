/** The operating systems ReadyRoom supports, named as Node's process.platform names them. */
export const osNames = ['win32', 'darwin', 'linux'] as const;
export type OsName = (typeof osNames)[number];

export function toOsName(platform: string): OsName | null {
  return (osNames as readonly string[]).includes(platform) ? (platform as OsName) : null;
}

export const osLabels: Record<OsName, string> = {
  win32: 'Windows',
  darwin: 'macOS',
  linux: 'Linux',
};
