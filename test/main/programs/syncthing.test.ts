import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCommand } from '../../../main/platform/exec';
import { createProgramsService, type ProgramsService } from '../../../main/programs/programs-service';
import type { ProgramRow } from '../../../shared/programs/program-types';
import { isAlive, settingsWith } from './stand-ins';

/**
 * A real third-party program from Debian (package `syncthing`), started with a configuration
 * that stays on this machine: loopback addresses, no discovery, relays, NAT, browser, crash or
 * usage reports, and no upgrades.
 */
const installed =
  process.platform === 'linux' && spawnSync('syncthing', ['--version'], { stdio: 'ignore' }).status === 0;
if (!installed) {
  // Visible in the test output, so a skipped run is never mistaken for a pass.
  process.stderr.write('syncthing.test.ts skipped: syncthing is not installed (apt-get install syncthing)\n');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function writeQuietConfig(home: string): Promise<void> {
  const generated = await runCommand(
    'syncthing',
    ['generate', `--home=${home}`, '--no-default-folder', '--skip-port-probing'],
    {
      timeoutMs: 20_000,
    },
  );
  if (!generated.ok) throw new Error(`syncthing generate failed: ${generated.stderr.slice(0, 300)}`);
  const file = join(home, 'config.xml');
  const [listen, gui] = [await freePort(), await freePort()];
  const xml = (await readFile(file, 'utf8'))
    .replace(/<listenAddress>[^<]*<\/listenAddress>/g, `<listenAddress>tcp://127.0.0.1:${listen}</listenAddress>`)
    .replace(/(<gui\b[^>]*>\s*<address>)[^<]*(<\/address>)/, `$1127.0.0.1:${gui}$2`)
    .replace(
      /<(globalAnnounceEnabled|localAnnounceEnabled|relaysEnabled|natEnabled|startBrowser|crashReportingEnabled)>true</g,
      '<$1>false<',
    )
    .replace(/<urAccepted>[^<]*</, '<urAccepted>-1<')
    .replace(/<autoUpgradeIntervalH>[^<]*</, '<autoUpgradeIntervalH>0<');
  for (const off of ['globalAnnounceEnabled', 'localAnnounceEnabled', 'relaysEnabled', 'natEnabled', 'startBrowser']) {
    if (!xml.includes(`<${off}>false</${off}>`)) throw new Error(`could not turn off ${off}`);
  }
  await writeFile(file, xml);
}

describe.skipIf(!installed)('programs service with a real Syncthing', () => {
  let root = '';
  let configHome = '';
  const seenPids = new Set<number>();
  let programs: ProgramsService;

  async function waitForSyncthing(exclude: readonly number[] = []): Promise<ProgramRow> {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const row = (await programs.list()).find(
        (r) => r.name === 'Syncthing' && !r.pids.some((p) => exclude.includes(p)),
      );
      // Monitor plus the process it supervises.
      if (row && row.pids.length >= 2) {
        row.pids.forEach((p) => seenPids.add(p));
        return row;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('syncthing did not start within 20 s');
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'rr-syncthing-'));
    configHome = join(root, 'config');
    await mkdir(configHome, { recursive: true });
    await writeQuietConfig(join(configHome, 'syncthing'));
    // Reopening starts syncthing without arguments: this environment points it at the quiet config.
    const env = { ...process.env, XDG_CONFIG_HOME: configHome, STNOUPGRADE: '1' };
    programs = createProgramsService({
      os: 'linux',
      dataDir: join(root, 'data'),
      getSettings: () => settingsWith([]),
      ownPid: process.pid,
      env,
    });
  });

  afterAll(async () => {
    const pids = [...seenPids].filter(isAlive);
    for (const pid of pids) process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + 3000;
    while (pids.some(isAlive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    for (const pid of pids.filter(isAlive)) process.kill(pid, 'SIGKILL');
    await rm(root, { recursive: true, force: true });
  });

  it('is found under "sync", closes gracefully with exit code 0, and comes back on reopen', async () => {
    const child = spawn('syncthing', ['serve', `--home=${join(configHome, 'syncthing')}`, '--no-browser'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, STNOUPGRADE: '1' },
    });
    // Closed while still starting, syncthing exits 1 ("database is closed"): wait until it serves.
    const ready = new Promise<void>((resolve) => {
      let output = '';
      const onData = (d: Buffer) => {
        output += d.toString();
        if (/GUI and API listening/.test(output)) resolve();
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
    });
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    if (child.pid) seenPids.add(child.pid);

    await ready;
    const row = await waitForSyncthing();
    expect(row).toMatchObject({ category: 'sync', closable: true });
    expect(row.pids).toContain(child.pid);

    const [result] = await programs.close([row.id]);
    expect(result).toMatchObject({ name: 'Syncthing', outcome: 'closed' });
    expect(await exited).toEqual({ code: 0, signal: null });
    for (const pid of row.pids) expect(isAlive(pid)).toBe(false);

    expect(await programs.closed()).toEqual([{ name: 'Syncthing', category: 'sync' }]);
    const reopened = await programs.reopen();
    expect(reopened).toEqual([expect.objectContaining({ name: 'Syncthing', outcome: 'reopened' })]);
    expect(await programs.closed()).toEqual([]);

    const again = await waitForSyncthing(row.pids);
    const [second] = await programs.close([again.id]);
    expect(second?.outcome).toBe('closed');
  });
});
