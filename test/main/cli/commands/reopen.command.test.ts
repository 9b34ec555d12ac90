import { mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { UsageError } from '../../../../main/cli/cli-types';
import { createReopenCommand } from '../../../../main/cli/commands/reopen.command';
import type { ProgramsServiceFactory } from '../../../../main/cli/programs-cli';
import { createProgramsService } from '../../../../main/programs/programs-service';
import { captureContext } from '../../programs/cli-context';
import { settingsWith, StandInLab } from '../../programs/stand-ins';

describe.runIf(process.platform === 'linux')('reopen command', () => {
  const lab = new StandInLab();
  let dataDir = '';
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'rr-cli-reopen-'));
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
    return { command: createReopenCommand(factory), service: factory({ dataDir, platform: 'linux', env: {} }) };
  }

  it('says there is nothing to reopen before anything was closed', async () => {
    const io = captureContext(dataDir);
    expect(await setup([]).command.run([], io.context)).toBe(0);
    expect(io.stdout()).toMatch(/Nothing to reopen/);
  });

  it('reopens what was closed and prints the results as JSON', async () => {
    const name = lab.nameFor('rrreopen');
    await lab.start(name, 'calm');
    const { command, service } = setup([name]);
    const row = (await service.list()).find((r) => r.name === name);
    await service.close([row?.id ?? '']);
    const io = captureContext(dataDir);
    expect(await command.run(['--json'], io.context)).toBe(0);
    expect(JSON.parse(io.stdout())).toEqual({ results: [{ name, outcome: 'reopened', message: expect.any(String) }] });
  });

  it('exits 1 and keeps the program remembered when it cannot be started again', async () => {
    const name = lab.nameFor('rrgone');
    await lab.start(name, 'calm');
    const { command, service } = setup([name]);
    const row = (await service.list()).find((r) => r.name === name);
    await service.close([row?.id ?? '']);
    await unlink(join(await lab.folder(), name));
    const io = captureContext(dataDir);
    expect(await command.run([], io.context)).toBe(1);
    expect(io.stdout()).toContain(`${name}: not reopened.`);
    expect(await service.closed()).toEqual([{ name, category: 'other' }]);
  });

  it('takes no arguments', async () => {
    await expect(setup([]).command.run(['zoom'], captureContext(dataDir).context)).rejects.toBeInstanceOf(UsageError);
  });
});
