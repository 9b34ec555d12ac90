import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { createProgramsHandlers } from '../../../../main/ipc/handlers/programs.handlers';
import {
  createProgramsService,
  type CloseOptions,
  type ProgramsService,
} from '../../../../main/programs/programs-service';
import { programsChannels } from '../../../../shared/ipc/programs.contract';
import { settingsWith, StandInLab } from '../../programs/stand-ins';

/** Records what the handlers pass on, so the mapping from request to service call is visible. */
class RecordingPrograms implements ProgramsService {
  readonly calls: unknown[] = [];
  async list(options?: { platform?: 'zoom' }) {
    this.calls.push(['list', options]);
    return [{ id: 'p_aaaaaaaaaaaa', name: 'Slack', category: 'chat' as const, pids: [5], closable: true, reason: 'r' }];
  }
  async close(ids: readonly string[], options?: CloseOptions) {
    this.calls.push(['close', ids, options]);
    return ids.map((id) => ({ id, name: 'Slack', outcome: 'closed' as const, message: 'ok' }));
  }
  async closed() {
    return [{ name: 'Slack', category: 'chat' as const }];
  }
  async reopen() {
    return [{ name: 'Slack', outcome: 'reopened' as const, message: 'ok' }];
  }
}

describe('programs IPC handlers', () => {
  const lab = new StandInLab();
  let dataDir = '';
  afterEach(async () => {
    await lab.cleanup();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('passes validated requests to the service and wraps the answers', async () => {
    const fake = new RecordingPrograms();
    const handlers = createProgramsHandlers(fake);
    expect(await handlers['programs:list']({ platform: 'zoom' })).toEqual({
      programs: [expect.objectContaining({ name: 'Slack' })],
    });
    expect(await handlers['programs:close']({ ids: ['p_aaaaaaaaaaaa'], force: true, timeoutSec: 5 })).toEqual({
      results: [{ id: 'p_aaaaaaaaaaaa', name: 'Slack', outcome: 'closed', message: 'ok' }],
    });
    await handlers['programs:close']({ ids: ['p_aaaaaaaaaaaa'] });
    expect(await handlers['programs:closed']({})).toEqual({ programs: [{ name: 'Slack', category: 'chat' }] });
    expect(await handlers['programs:reopen']({})).toEqual({
      results: [expect.objectContaining({ outcome: 'reopened' })],
    });
    expect(fake.calls).toEqual([
      ['list', { platform: 'zoom' }],
      ['close', ['p_aaaaaaaaaaaa'], { force: true, timeoutSec: 5 }],
      ['close', ['p_aaaaaaaaaaaa'], {}],
    ]);
  });

  it('refuses raw pids, names and empty requests at the contract, before any handler runs', () => {
    const close = programsChannels['programs:close'].request;
    expect(close.safeParse({ ids: ['p_aaaaaaaaaaaa'] }).success).toBe(true);
    for (const bad of [
      { ids: ['1234'] },
      { ids: [1234] },
      { ids: ['Slack'] },
      { ids: [] },
      { pids: [1] },
      { ids: ['p_aaaaaaaaaaaa'], timeoutSec: 0 },
    ]) {
      expect(close.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(programsChannels['programs:list'].request.safeParse({ platform: 'myspace' }).success).toBe(false);
  });

  it.runIf(process.platform === 'linux')('lists and closes a real program through the handlers', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'rr-programs-ipc-'));
    const name = lab.nameFor('rripc');
    const standIn = await lab.start(name, 'calm');
    const handlers = createProgramsHandlers(
      createProgramsService({ os: 'linux', dataDir, getSettings: () => settingsWith([name]), ownPid: process.pid }),
    );
    const { programs } = await handlers['programs:list']({});
    const row = programs.find((r) => r.name === name);
    expect(row?.pids).toEqual([standIn.pid]);
    const { results } = await handlers['programs:close']({ ids: [row?.id ?? ''] });
    expect(results[0]?.outcome).toBe('closed');
    expect(await standIn.exited).toEqual({ code: 0, signal: null });
    expect(await handlers['programs:closed']({})).toEqual({ programs: [{ name, category: 'other' }] });
  });
});
