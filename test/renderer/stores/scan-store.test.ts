import { describe, expect, it, vi } from 'vitest';

import type { CheckResult } from '../../../shared/checks/check-result';
import { AppError } from '../../../shared/errors';
import { scanGiveUpMs, useScanStore } from '../../../renderer/stores/scan-store';
import { createFakeBridge, installFakeBridge, type FakeBridge } from '../../fakes/fake-bridge';

function result(id: string, status: CheckResult['status'] = 'pass'): CheckResult {
  return { id, status, summary: `${id} is ${status}`, evidence: {}, fix: null, durationMs: 5 };
}

function setup(ids: string[] = ['connection.type', 'security.firewall']): FakeBridge {
  let n = 0;
  const bridge = createFakeBridge({
    'scan:start': (req) => ({ scanId: `scan-${++n}`, checkIds: (req.only ?? ids) as never }),
  });
  installFakeBridge(bridge);
  return bridge;
}

describe('useScanStore', () => {
  it('marks the checks as running, then fills results in as they stream', async () => {
    const bridge = setup();
    await useScanStore.getState().start({ platform: 'zoom' });
    expect(Object.keys(useScanStore.getState().running).sort()).toEqual(['connection.type', 'security.firewall']);

    bridge.emit('scan:result', { scanId: 'scan-1', result: result('connection.type') });
    expect(useScanStore.getState().results['connection.type']?.status).toBe('pass');
    expect(useScanStore.getState().running).toEqual({ 'security.firewall': true });
  });

  it('keeps the addresses main is waiting to be allowed; a re-run answers afresh only for its own checks', async () => {
    const ask = (target: string, checkId: 'connection.quality' | 'connection.throughput') => ({
      target,
      host: target.split(':')[0] ?? '',
      port: 443,
      purpose: checkId === 'connection.quality' ? ('connection' as const) : ('speed-test' as const),
      checkIds: [checkId],
    });
    let waiting = [
      ask('meet.example.org:443', 'connection.quality'),
      ask('speed.example.net:443', 'connection.throughput'),
    ];
    installFakeBridge(
      createFakeBridge({
        'scan:start': (req) => ({
          scanId: `s-${Math.random()}`,
          checkIds: req.only ?? ['connection.quality', 'connection.throughput'],
          needsApproval: waiting.filter((a) => !req.only || a.checkIds.some((id) => req.only?.includes(id))),
        }),
      }),
    );
    await useScanStore.getState().start({ platform: 'other', target: 'meet.example.org' });
    expect(useScanStore.getState().needsApproval.map((a) => a.target)).toEqual([
      'meet.example.org:443',
      'speed.example.net:443',
    ]);
    // "Check again" on the connection: still waiting, asked once, the speed test's question kept.
    await useScanStore.getState().checkAgain('connection.quality');
    expect(
      useScanStore
        .getState()
        .needsApproval.map((a) => a.target)
        .sort(),
    ).toEqual(['meet.example.org:443', 'speed.example.net:443']);
    // Allowed elsewhere (Settings): the re-run no longer asks.
    waiting = waiting.filter((a) => a.target !== 'meet.example.org:443');
    await useScanStore.getState().checkAgain('connection.quality');
    expect(useScanStore.getState().needsApproval.map((a) => a.target)).toEqual(['speed.example.net:443']);
    useScanStore.getState().dismissApproval('speed.example.net:443');
    expect(useScanStore.getState().needsApproval).toEqual([]);
  });

  it('is starting from the request until main says which checks run, so nothing looks missing', async () => {
    setup();
    const started = useScanStore.getState().start({ platform: 'zoom' });
    expect(useScanStore.getState().starting).toBe(true);
    await started;
    expect(useScanStore.getState().starting).toBe(false);
    expect(Object.keys(useScanStore.getState().running)).toHaveLength(2);
  });

  it('stops starting when the scan could not start', async () => {
    const bridge = setup();
    bridge.handle('scan:start', () => {
      throw new AppError('BUSY', 'A check is already running.');
    });
    await useScanStore.getState().start({ platform: 'zoom' });
    expect(useScanStore.getState().starting).toBe(false);
    expect(useScanStore.getState().error).toBe('A check is already running.');
  });

  it('passes the platform and target to the scan', async () => {
    const bridge = setup();
    await useScanStore.getState().start({ platform: 'other', target: 'meet.example.org' });
    expect(bridge.calls[0]).toEqual({
      channel: 'scan:start',
      request: { platform: 'other', target: 'meet.example.org' },
    });
  });

  it('records a check that never reported back as unknown when the scan finishes', async () => {
    const bridge = setup();
    await useScanStore.getState().start({});
    bridge.emit('scan:result', { scanId: 'scan-1', result: result('connection.type') });
    bridge.emit('scan:finished', { scanId: 'scan-1', durationMs: 900 });
    const state = useScanStore.getState();
    expect(state.results['security.firewall']?.status).toBe('unknown');
    expect(state.results['connection.type']?.status).toBe('pass');
    expect(state.running).toEqual({});
  });

  it('gives up on a scan whose end never arrives, marking what is missing unknown', async () => {
    vi.useFakeTimers();
    try {
      const bridge = setup();
      await useScanStore.getState().start({});
      bridge.emit('scan:result', { scanId: 'scan-1', result: result('connection.type') });
      vi.advanceTimersByTime(scanGiveUpMs);
      expect(useScanStore.getState().results['security.firewall']?.status).toBe('unknown');
      expect(useScanStore.getState().running).toEqual({});
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps results that arrive before scan:start answers', async () => {
    const bridge = createFakeBridge();
    bridge.handle('scan:start', () => {
      bridge.emit('scan:result', { scanId: 'early', result: result('connection.type', 'warn') });
      return { scanId: 'early', checkIds: ['connection.type'] };
    });
    installFakeBridge(bridge);
    await useScanStore.getState().start({});
    expect(useScanStore.getState().results['connection.type']?.status).toBe('warn');
    expect(useScanStore.getState().running).toEqual({});
  });

  it('ignores events from scans it did not start', async () => {
    const bridge = setup();
    await useScanStore.getState().start({});
    bridge.emit('scan:result', { scanId: 'someone-else', result: result('connection.type', 'fail') });
    expect(useScanStore.getState().results['connection.type']).toBeUndefined();
  });

  it('checks one item again with the same platform, in the record of the whole scan, and replaces its result', async () => {
    const bridge = setup();
    await useScanStore.getState().start({ platform: 'teams' });
    expect(useScanStore.getState().scanId).toBe('scan-1');
    bridge.emit('scan:result', { scanId: 'scan-1', result: result('security.firewall', 'fail') });
    await useScanStore.getState().checkAgain('security.firewall');
    expect(bridge.calls[1]?.request).toEqual({ platform: 'teams', only: ['security.firewall'], recheckOf: 'scan-1' });
    // The log is saved from the whole scan's record, which main updates with the new result.
    expect(useScanStore.getState().scanId).toBe('scan-1');
    expect(useScanStore.getState().running['security.firewall']).toBe(true);
    bridge.emit('scan:result', { scanId: 'scan-2', result: result('security.firewall', 'pass') });
    expect(useScanStore.getState().results['security.firewall']?.status).toBe('pass');
  });

  it('lets a new whole scan supersede an older one still running', async () => {
    const bridge = setup();
    await useScanStore.getState().start({ platform: 'zoom' });
    await useScanStore.getState().start({ platform: 'teams' });
    bridge.emit('scan:result', { scanId: 'scan-1', result: result('connection.type', 'fail') });
    expect(useScanStore.getState().results['connection.type']).toBeUndefined();
    bridge.emit('scan:result', { scanId: 'scan-2', result: result('connection.type', 'pass') });
    expect(useScanStore.getState().results['connection.type']?.status).toBe('pass');
  });

  it('shows the error when the scan cannot start', async () => {
    installFakeBridge(createFakeBridge());
    await useScanStore.getState().start({});
    expect(useScanStore.getState().error).toMatch(/No fake/);
    expect(useScanStore.getState().running).toEqual({});
  });

  it('stops listening and forgets results on reset', async () => {
    const bridge = setup();
    await useScanStore.getState().start({});
    useScanStore.getState().reset();
    bridge.emit('scan:result', { scanId: 'scan-1', result: result('connection.type') });
    expect(useScanStore.getState().results).toEqual({});
    expect(useScanStore.getState().context).toBeNull();
  });
});
