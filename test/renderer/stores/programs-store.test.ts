import { describe, expect, it } from 'vitest';

import { AppError } from '../../../shared/errors';
import type { CloseResult, ProgramRow } from '../../../shared/programs/program-types';
import { stragglerIds, useProgramsStore } from '../../../renderer/stores/programs-store';
import { createFakeBridge, installFakeBridge, type FakeBridge } from '../../fakes/fake-bridge';

const rows: ProgramRow[] = [
  { id: 'p_dropbox01', name: 'Dropbox', category: 'sync', pids: [10], closable: true, reason: 'Syncs files.' },
  { id: 'p_spotify01', name: 'Spotify', category: 'media', pids: [11], closable: true, reason: 'Streams music.' },
  {
    id: 'p_teamview1',
    name: 'TeamViewer',
    category: 'remote-access',
    pids: [12],
    closable: false,
    reason: 'Runs as a service.',
  },
];

function setup(closeOutcome: (id: string, force: boolean) => CloseResult['outcome'] = () => 'closed'): FakeBridge {
  const bridge = createFakeBridge({
    'programs:list': () => ({ programs: rows }),
    'programs:close': (req) => ({
      results: req.ids.map((id) => ({ id, name: id, outcome: closeOutcome(id, req.force === true), message: '' })),
    }),
    'programs:closed': () => ({ programs: [{ name: 'Dropbox', category: 'sync' }] }),
    'programs:reopen': () => ({ results: [{ name: 'Dropbox', outcome: 'reopened', message: '' }] }),
  });
  installFakeBridge(bridge);
  return bridge;
}

describe('useProgramsStore', () => {
  it('pre-selects closable programs except those the user never wants suggested', async () => {
    const bridge = setup();
    await useProgramsStore.getState().load('zoom', ['spotify']);
    const { selected, status } = useProgramsStore.getState();
    expect(status).toBe('ready');
    expect(selected).toEqual({ p_dropbox01: true, p_spotify01: false, p_teamview1: false });
    expect(bridge.calls[0]).toEqual({ channel: 'programs:list', request: { platform: 'zoom' } });
  });

  it('never selects a program that cannot be closed', async () => {
    setup();
    await useProgramsStore.getState().load('zoom', []);
    useProgramsStore.getState().setSelected('p_teamview1', true);
    expect(useProgramsStore.getState().selected.p_teamview1).toBe(false);
  });

  it('closes exactly the selected programs, gracefully', async () => {
    const bridge = setup();
    await useProgramsStore.getState().load('zoom', []);
    useProgramsStore.getState().setSelected('p_spotify01', false);
    await useProgramsStore.getState().closeSelected();
    expect(bridge.calls.at(-1)).toEqual({ channel: 'programs:close', request: { ids: ['p_dropbox01'] } });
    expect(useProgramsStore.getState().results.p_dropbox01?.outcome).toBe('closed');
  });

  it('force-closes only programs that stayed open', async () => {
    const bridge = setup((id, force) => (id === 'p_spotify01' && !force ? 'still-running' : 'closed'));
    await useProgramsStore.getState().load('zoom', []);
    await useProgramsStore.getState().closeSelected();
    expect(stragglerIds(useProgramsStore.getState().results)).toEqual(['p_spotify01']);

    await useProgramsStore.getState().forceClose(['p_spotify01', 'p_dropbox01']);
    expect(bridge.calls.at(-1)).toEqual({ channel: 'programs:close', request: { ids: ['p_spotify01'], force: true } });
    expect(useProgramsStore.getState().results.p_spotify01?.outcome).toBe('closed');
  });

  it('does not ask again for programs already closed', async () => {
    const bridge = setup();
    await useProgramsStore.getState().load('zoom', []);
    await useProgramsStore.getState().closeSelected();
    const before = bridge.calls.length;
    await useProgramsStore.getState().closeSelected();
    expect(bridge.calls.length).toBe(before);
  });

  it('shows why the listing failed', async () => {
    installFakeBridge(createFakeBridge());
    await useProgramsStore.getState().load('zoom', []);
    expect(useProgramsStore.getState().status).toBe('error');
    expect(useProgramsStore.getState().error).toBeTruthy();
  });

  it('reopens closed programs and keeps the results', async () => {
    setup();
    const results = await useProgramsStore.getState().reopen();
    expect(results).toEqual([{ name: 'Dropbox', outcome: 'reopened', message: '' }]);
    expect(useProgramsStore.getState().reopenResults).toEqual(results);
    expect(await useProgramsStore.getState().closedPrograms()).toEqual([{ name: 'Dropbox', category: 'sync' }]);
  });
  it('falls back to what this check closed when main cannot list the closed programs', async () => {
    const bridge = setup((id) => (id === 'p_spotify01' ? 'refused' : 'closed'));
    bridge.handle('programs:closed', () => {
      throw new AppError('INTERNAL', 'Lost track.');
    });
    await useProgramsStore.getState().load('zoom', []);
    await useProgramsStore.getState().closeSelected();
    expect(await useProgramsStore.getState().closedPrograms()).toEqual([{ name: 'Dropbox', category: 'sync' }]);
  });
});
