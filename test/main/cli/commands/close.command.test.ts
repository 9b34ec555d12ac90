import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { UsageError } from '../../../../main/cli/cli-types';
import { createCloseCommand } from '../../../../main/cli/commands/close.command';
import type { ProgramsServiceFactory } from '../../../../main/cli/programs-cli';
import { createProgramsService } from '../../../../main/programs/programs-service';
import { captureContext } from '../../programs/cli-context';
import { isAlive, settingsWith, StandInLab } from '../../programs/stand-ins';

describe.runIf(process.platform === 'linux')('close command', () => {
  const lab = new StandInLab();
  let dataDir = '';
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'rr-cli-close-'));
  });
  afterEach(async () => {
    await lab.cleanup();
    await rm(dataDir, { recursive: true, force: true });
  });

  function setup(names: readonly string[]) {
    const factory: ProgramsServiceFactory = (options) =>
      createProgramsService({
        os: 'linux',
        dataDir: options.dataDir,
        getSettings: () => settingsWith(names),
        ownPid: process.pid,
      });
    const service = factory({ dataDir, platform: 'linux', env: {} });
    return { command: createCloseCommand(factory), service };
  }
  const idOf = async (service: ReturnType<typeof setup>['service'], name: string) =>
    (await service.list()).find((r) => r.name === name)?.id ?? '';

  it('closes a listed program and prints one JSON result per id, exit 0', async () => {
    const name = lab.nameFor('rrclose');
    const standIn = await lab.start(name, 'calm');
    const { command, service } = setup([name]);
    const id = await idOf(service, name);
    const io = captureContext(dataDir);
    expect(await command.run([id, '--json'], io.context)).toBe(0);
    expect(JSON.parse(io.stdout())).toEqual({
      results: [{ id, name, outcome: 'closed', message: expect.any(String) }],
    });
    expect(await standIn.exited).toEqual({ code: 0, signal: null });
  });

  it('exits 1 when a program stays open, and 0 once forced, warning about unsaved work', async () => {
    const name = lab.nameFor('rrstay');
    const standIn = await lab.start(name, 'stubborn');
    const { command, service } = setup([name]);
    const id = await idOf(service, name);

    const polite = captureContext(dataDir);
    expect(await command.run([id, '--timeout', '1'], polite.context)).toBe(1);
    expect(polite.stdout()).toContain(`${name}: still running.`);
    expect(isAlive(standIn.pid)).toBe(true);

    const forced = captureContext(dataDir);
    expect(await command.run([id, '--force'], forced.context)).toBe(0);
    expect(forced.stderr()).toMatch(/unsaved/);
    expect(forced.stdout()).toContain(`${name}: closed.`);
    expect(await standIn.exited).toEqual({ code: null, signal: 'SIGKILL' });
  });

  it('exits 2 for an unknown id, a raw pid or a stale id, touching nothing', async () => {
    const name = lab.nameFor('rrkeep');
    const first = await lab.start(name, 'calm');
    const { command, service } = setup([name]);
    const id = await idOf(service, name);

    const unknown = captureContext(dataDir);
    expect(await command.run(['p_noSuchEntry123', '--json'], unknown.context)).toBe(2);
    expect(JSON.parse(unknown.stdout())).toEqual({
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/Refresh the list/) },
    });

    const rawPid = captureContext(dataDir);
    expect(await command.run([String(first.pid)], rawPid.context)).toBe(2);
    expect(rawPid.stderr()).toMatch(/id from the list/);
    expect(isAlive(first.pid)).toBe(true);

    first.child.kill('SIGKILL');
    await first.exited;
    const second = await lab.start(name, 'calm');
    const stale = captureContext(dataDir);
    expect(await command.run([id], stale.context)).toBe(2);
    expect(stale.stderr()).toMatch(/changed since the list was made/);
    expect(isAlive(second.pid)).toBe(true);
  });

  it('rejects a missing id and a bad timeout as usage errors', async () => {
    const { command } = setup([]);
    const io = captureContext(dataDir);
    await expect(command.run([], io.context)).rejects.toBeInstanceOf(UsageError);
    await expect(command.run(['p_aaaaaaaaaaaa', '--timeout', 'soon'], io.context)).rejects.toBeInstanceOf(UsageError);
    await expect(command.run(['p_aaaaaaaaaaaa', '--timeout', '9999'], io.context)).rejects.toBeInstanceOf(UsageError);
  });
});
