import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { UsageError } from '../../../../main/cli/cli-types';
import { createProgramsCommand } from '../../../../main/cli/commands/programs.command';
import type { ProgramsServiceFactory } from '../../../../main/cli/programs-cli';
import { createProgramsService } from '../../../../main/programs/programs-service';
import { listingFileName } from '../../../../main/programs/programs-state-store';
import { createSettingsService } from '../../../../main/settings/settings-service';
import { confStoreFactory } from '../../../../main/store/store-factory';
import { captureContext } from '../../programs/cli-context';
import { settingsWith, StandInLab } from '../../programs/stand-ins';

const onLinux = process.platform === 'linux';
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

function runCliProcess(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/programs/run-cli.ts', ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.runIf(onLinux)('programs command', () => {
  const lab = new StandInLab();
  let dataDir = '';
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'rr-cli-programs-'));
  });
  afterEach(async () => {
    await lab.cleanup();
    await rm(dataDir, { recursive: true, force: true });
  });

  const factoryFor =
    (names: readonly string[]): ProgramsServiceFactory =>
    (options) =>
      createProgramsService({
        os: 'linux',
        dataDir: options.dataDir,
        getSettings: () => settingsWith(names),
        ownPid: process.pid,
      });

  it('prints the programs as JSON with exactly the documented fields', async () => {
    const name = lab.nameFor('rrcli');
    const standIn = await lab.start(name, 'calm');
    const io = captureContext(dataDir);
    const code = await createProgramsCommand(factoryFor([name])).run(['--json'], io.context);
    expect(code).toBe(0);
    const parsed = JSON.parse(io.stdout()) as { programs: Record<string, unknown>[] };
    const row = parsed.programs.find((r) => r.name === name);
    expect(Object.keys(row ?? {}).sort()).toEqual(['category', 'closable', 'id', 'name', 'pids', 'reason']);
    expect(row).toMatchObject({ category: 'other', pids: [standIn.pid], closable: true });
    // The default data folder is used when --data-dir is absent.
    expect(await readdir(dataDir)).toContain(listingFileName);
  });

  it('prints readable text with the command to close each program', async () => {
    const name = lab.nameFor('rrcli');
    await lab.start(name, 'calm');
    const io = captureContext('/nonexistent');
    expect(await createProgramsCommand(factoryFor([name])).run(['--data-dir', dataDir], io.context)).toBe(0);
    expect(io.stdout()).toContain(name);
    expect(io.stdout()).toMatch(/To close it: close p_[A-Za-z0-9_-]+/);
  });

  it('says so plainly when nothing needs closing', async () => {
    const io = captureContext(dataDir);
    expect(await createProgramsCommand(factoryFor([])).run(['--platform', 'zoom'], io.context)).toBe(0);
    expect(io.stdout()).toMatch(/Nothing to close|worth a look/);
  });

  it('rejects unknown platforms, stray arguments and unknown options as usage errors', async () => {
    const command = createProgramsCommand(factoryFor([]));
    const io = captureContext(dataDir);
    await expect(command.run(['--platform', 'myspace'], io.context)).rejects.toBeInstanceOf(UsageError);
    await expect(command.run(['--platform', 'skype'], io.context)).rejects.toThrow(/Skype closed in May 2025/);
    await expect(command.run(['extra'], io.context)).rejects.toBeInstanceOf(UsageError);
    await expect(command.run(['--verbose'], io.context)).rejects.toBeInstanceOf(UsageError);
  });

  it('exits 1 with a message when the running programs cannot be read', async () => {
    const io = captureContext(dataDir);
    const broken: ProgramsServiceFactory = (options) =>
      createProgramsService({
        os: 'linux',
        dataDir: options.dataDir,
        getSettings: () => settingsWith([]),
        ownPid: process.pid,
        processOs: {
          os: 'linux',
          pollMs: 10,
          listProcesses: async () => null,
          inspect: async () => null,
          bundleIdOf: async () => null,
          relaunchTargetFor: () => null,
          requestQuit: async () => ({ status: 'gone' }),
          forceQuit: async () => ({ status: 'gone' }),
          relaunch: async () => ({ ok: false, detail: '' }),
        },
      });
    expect(await createProgramsCommand(broken).run(['--json'], io.context)).toBe(1);
    expect(JSON.parse(io.stdout())).toEqual({ error: { code: 'UNAVAILABLE', message: expect.any(String) } });
  });

  it('lists in one process and closes in another, with settings read from the data folder', async () => {
    const name = lab.nameFor('rrxproc');
    const standIn = await lab.start(name, 'calm');
    // Saved through the real settings service, which the CLI's own process then reads back.
    createSettingsService(dataDir, confStoreFactory).update({ programs: { alwaysSuggest: [name], neverSuggest: [] } });

    const listed = await runCliProcess(['programs', '--json', '--data-dir', dataDir]);
    expect(listed.code).toBe(0);
    const row = (JSON.parse(listed.stdout) as { programs: { id: string; name: string }[] }).programs.find(
      (r) => r.name === name,
    );
    expect(row).toBeDefined();

    const closed = await runCliProcess(['close', row?.id ?? '', '--json', '--data-dir', dataDir]);
    expect(closed.code).toBe(0);
    expect(JSON.parse(closed.stdout)).toEqual({
      results: [{ id: row?.id, name, outcome: 'closed', message: expect.any(String) }],
    });
    expect(await standIn.exited).toEqual({ code: 0, signal: null });
  });
});
