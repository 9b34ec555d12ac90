import { describe, expect, it } from 'vitest';

import { createScanHandlers } from '../../../../main/ipc/handlers/scan.handlers';
import type { EventSink } from '../../../../main/ipc/handler-types';
import type { Probe } from '../../../../main/probes/probe-types';
import { createScanRecords } from '../../../../main/probes/scan-records';
import type { EventName, EventPayload } from '../../../../shared/ipc/contract';
import { probesOnlyScanService } from '../../probes/helpers/probe-test-kit';

type Emitted = { event: EventName; payload: unknown };

function recordingSink(): EventSink & { emitted: Emitted[]; finished: Promise<void> } {
  const emitted: Emitted[] = [];
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  return {
    emitted,
    finished,
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      emitted.push({ event, payload });
      if (event === 'scan:finished') done();
    },
  };
}

const slow = (id: Probe['id'], ms: number): Probe => ({
  id,
  run: async () => {
    await new Promise((r) => setTimeout(r, ms));
    return { status: 'pass', summary: `${id} fine`, evidence: {} };
  },
});

function scanService(probes: readonly Probe[] = [slow('connection.type', 60), slow('security.firewall', 10)]) {
  return probesOnlyScanService(probes);
}

describe('scan handlers', () => {
  it('scan:start answers before any check finishes, then streams results and a final scan:finished', async () => {
    const sink = recordingSink();
    const handlers = createScanHandlers(scanService(), sink, createScanRecords());
    const started = await handlers['scan:start']({});
    expect(started.checkIds).toEqual(['connection.type', 'security.firewall']);
    expect(started.scanId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sink.emitted).toEqual([]);
    await sink.finished;
    expect(sink.emitted.map((e) => e.event)).toEqual(['scan:result', 'scan:result', 'scan:finished']);
    expect(sink.emitted[0]?.payload).toMatchObject({
      scanId: started.scanId,
      result: { id: 'security.firewall', status: 'pass' },
    });
    expect(sink.emitted[2]?.payload).toMatchObject({ scanId: started.scanId, durationMs: expect.any(Number) });
  });

  it("treats the window's target as needing approval: scan:start names it, and neither call contacts it", async () => {
    const quality: Probe = {
      id: 'connection.quality',
      run: async () => ({ status: 'pass', summary: 'contacted', evidence: {} }),
    };
    const scan = scanService([quality]);
    const sink = recordingSink();
    const handlers = createScanHandlers(scan, sink, createScanRecords());
    const started = await handlers['scan:start']({ platform: 'other', target: 'meet.example.org' });
    expect(started.needsApproval).toEqual([
      {
        target: 'meet.example.org:443',
        host: 'meet.example.org',
        port: 443,
        purpose: 'connection',
        checkIds: ['connection.quality'],
      },
    ]);
    await sink.finished;
    expect(sink.emitted[0]?.payload).toMatchObject({ result: { id: 'connection.quality', status: 'unknown' } });
    const report = await handlers['scan:run']({ platform: 'other', target: '127.0.0.1:9222' });
    expect(report.checks[0]).toMatchObject({ status: 'unknown', evidence: { notContacted: '127.0.0.1:9222' } });
    // Nothing to approve for a built-in platform.
    expect((await handlers['scan:start']({ platform: 'zoom' })).needsApproval).toEqual([]);
  });

  it('scan:start honours only', async () => {
    const sink = recordingSink();
    const started = await createScanHandlers(scanService(), sink, createScanRecords())['scan:start']({
      only: ['security.firewall'],
    });
    expect(started.checkIds).toEqual(['security.firewall']);
    await sink.finished;
    expect(sink.emitted.filter((e) => e.event === 'scan:result')).toHaveLength(1);
  });

  it('keeps scanning when delivering an event fails', async () => {
    let calls = 0;
    let finished: () => void = () => undefined;
    const done = new Promise<void>((r) => {
      finished = r;
    });
    const sink: EventSink = {
      emit(event) {
        calls += 1;
        if (event === 'scan:finished') finished();
        throw new Error('window gone');
      },
    };
    await createScanHandlers(scanService(), sink, createScanRecords())['scan:start']({});
    await done;
    expect(calls).toBe(3);
  });

  it('scan:run resolves with the whole report', async () => {
    const report = await createScanHandlers(scanService(), recordingSink(), createScanRecords())['scan:run']({});
    expect(report).toMatchObject({
      schema: 'readyroom.scan/1',
      checks: [{ id: 'connection.type' }, { id: 'security.firewall' }],
    });
  });
});
