import type { ExecFn } from '../../platform/exec';
import type { HostFiles } from '../platform/platform-types';
import type { KnownIdentifiers } from './capture-redaction';

export interface IdentitySources {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly user: { readonly username: string; readonly uid: number; readonly homedir: string };
  readonly hostname: string;
  readonly exec: ExecFn;
  readonly files: HostFiles;
}

/**
 * The names that identify this person and computer, looked up before redacting so they are removed
 * wherever they turn up (a device called after its owner, a path, a program's output).
 */
export async function gatherKnownIdentifiers(sources: IdentitySources): Promise<KnownIdentifiers> {
  const { env, user } = sources;
  const home = user.homedir.split(/[\\/]/).filter(Boolean).pop() ?? '';
  const userNames = [user.username, env.USER, env.USERNAME, env.LOGNAME, home];
  const host = sources.hostname;
  const computerNames = [host, host.split('.')[0], env.COMPUTERNAME, env.HOSTNAME, env.USERDOMAIN];
  const fullNames: string[] = [];
  if (sources.platform === 'linux') {
    const passwd = (await sources.files.readText('/etc/passwd')) ?? '';
    for (const line of passwd.split('\n')) {
      const fields = line.split(':');
      if (Number(fields[2]) === user.uid && fields[4]) fullNames.push(fields[4].split(',')[0] ?? '');
    }
  } else if (sources.platform === 'darwin') {
    const r = await sources.exec('/usr/bin/id', ['-F'], { timeoutMs: 2000 });
    if (r.ok) fullNames.push(r.stdout.trim());
  }
  const clean = (list: readonly (string | undefined)[]) => [
    ...new Set(list.map((v) => v?.trim() ?? '').filter((v) => v !== '')),
  ];
  return { userNames: clean(userNames), fullNames: clean(fullNames), computerNames: clean(computerNames) };
}
