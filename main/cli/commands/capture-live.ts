import { arch, homedir, hostname, release, userInfo, version } from 'node:os';

import { toOsName } from '../../../shared/platform';
import { runCommand } from '../../platform/exec';
import { gatherKnownIdentifiers } from '../../probes/capture/capture-identity';
import { createHostFiles, createHostStats } from '../../probes/platform/host';
import { createSystemInfo } from '../../probes/system-info';
import { createCliServices } from '../cli-services';
import { UsageError, type CliContext } from '../cli-types';
import type { CaptureLive } from './capture.command';

/** This computer's live sources for `capture`: the same ones `scan` uses, plus who and what it is. */
export function liveCaptureSources(context: CliContext, options: { dataDir: string }): CaptureLive {
  const os = toOsName(context.platform);
  if (!os) throw new UsageError(`capture works on Windows, macOS and Linux, not on "${context.platform}".`);
  const { settings, programs } = createCliServices(context, options.dataDir);
  const systemInfo = createSystemInfo();
  const files = createHostFiles();
  return {
    exec: runCommand,
    files,
    stats: createHostStats(systemInfo, context.platform),
    systemInfo,
    env: context.env,
    homeDir: homedir(),
    ownPids: () => [process.pid],
    listPrograms: (request) => programs.list(request),
    now: () => new Date(),
    getSettings: () => settings.get(),
    system: { platform: os, release: release(), version: version(), arch: arch() },
    identify: () =>
      gatherKnownIdentifiers({
        platform: context.platform,
        env: context.env,
        user: userInfo(),
        hostname: hostname(),
        exec: runCommand,
        files,
      }),
  };
}
