import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * Issue 14 on this Linux machine, with real programs from Debian's packages: a screen recorder
 * (recordmydesktop, drawing from a virtual X display made by Xvfb) and a sound recorder (arecord, reading
 * ALSA's null device) run as real processes, and `scan --json` must name them. A real
 * /run/reboot-required must make computer.updates warn.
 */
const root = join(import.meta.dirname, '../../..');
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
const missing = ['Xvfb', 'recordmydesktop', 'arecord'].filter((t) => process.platform !== 'linux' || !has(t));
if (missing.length > 0) {
  // Visible in the test output, so a skipped run is never mistaken for a pass.
  process.stderr.write(
    `recorders-live.linux.test.ts: recorder test skipped, missing ${missing.join(', ')} (apt-get install xvfb recordmydesktop alsa-utils)\n`,
  );
}
const isRoot = process.getuid?.() === 0;
const rebootFlag = '/run/reboot-required';
const flagThere = existsSync(rebootFlag);
if (process.platform === 'linux' && !isRoot && !flagThere) {
  process.stderr.write(
    'recorders-live.linux.test.ts: restart test skipped, creating /run/reboot-required needs root and none is there\n',
  );
}

const dataDir = mkdtempSync(join(tmpdir(), 'readyroom-recorders-'));

interface Check {
  id: string;
  status: string;
  summary: string;
  evidence: Record<string, unknown>;
}

/** `npm run -s cli -- scan --json --only <id>` as a real process. */
function scan(id: string): Check {
  const result = spawnSync(join(root, 'node_modules/.bin/tsx'), ['main/cli/index.ts', 'scan', '--json', '--only', id], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, READYROOM_DATA_DIR: dataDir },
    timeout: 60_000,
  });
  const report = JSON.parse(result.stdout) as { checks: Check[] };
  const check = report.checks.find((c) => c.id === id);
  if (!check) throw new Error(`no ${id} in the report`);
  return check;
}

/** Waits until the process's name in /proc is `comm` (it has started, not just been forked). */
async function running(child: ChildProcess, comm: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    const name = child.pid ? readProc(child.pid) : null;
    if (name === comm) return;
    if (child.exitCode !== null) throw new Error(`${comm} exited with ${child.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${comm} did not start`);
}

function readProc(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return null;
  }
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe.skipIf(missing.length > 0)('real recorders running on this Linux machine', () => {
  const children: ChildProcess[] = [];
  const work = mkdtempSync(join(tmpdir(), 'readyroom-recording-'));

  beforeAll(async () => {
    // -displayfd: Xvfb picks a free display and prints its number, so parallel runs do not collide.
    const xvfb = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '320x240x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    children.push(xvfb);
    const display = await new Promise<string>((resolve, reject) => {
      xvfb.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
      xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
    });
    const screen = spawn('recordmydesktop', ['--no-sound', '--no-frame', '-o', join(work, 'session.ogv')], {
      env: { ...process.env, DISPLAY: `:${display}` },
      stdio: 'ignore',
    });
    // No file name: arecord writes to stdout (ignored). Given a file it first deletes it, so never /dev/null.
    const sound = spawn('arecord', ['-D', 'null', '-f', 'S16_LE', '-r', '8000', '-c', '1', '-q', '-t', 'raw'], {
      stdio: 'ignore',
    });
    children.push(screen, sound);
    await running(screen, 'recordmydesktop');
    await running(sound, 'arecord');
  });

  afterAll(() => {
    for (const child of children.reverse()) child.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  });

  it('names both recorders in scan --json and fails privacy.recording: they record while they run', () => {
    const check = scan('privacy.recording');
    expect(check.status).toBe('fail');
    expect(check.evidence.recordingNow).toEqual(
      expect.arrayContaining(['recordMyDesktop', 'arecord (sound recorder)']),
    );
    expect(check.summary).toContain('recordMyDesktop');
    expect(check.summary).toContain('arecord (sound recorder)');
    expect(check.summary).toMatch(/recording right now/);
  });
});

describe.skipIf(process.platform !== 'linux' || (!isRoot && !flagThere))('a restart Linux asks for', () => {
  it('a real /run/reboot-required makes computer.updates warn', () => {
    // Created only when it is not there already, and then removed again.
    const created = !existsSync(rebootFlag);
    if (created) writeFileSync(rebootFlag, '*** System restart required ***\n');
    try {
      const check = scan('computer.updates');
      expect(check.status).toBe('warn');
      expect(check.summary).toMatch(/restart/i);
      expect(check.evidence.rebootRequired).toBe(true);
    } finally {
      if (created) rmSync(rebootFlag, { force: true });
    }
  });
});
