import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ChannelName, Req } from '../../../../shared/ipc/contract';
import type { LogSaveRequest, LogSaved } from '../../../../shared/ipc/vault.contract';
import type { LogCheck } from '../../../../shared/logs/readiness-log';
import type { IpcResult } from '../../../../shared/result';
import { defaultSettings, type Settings } from '../../../../shared/settings/settings';
import { dispatch } from '../../../../main/ipc/dispatch';
import type { EventSink, HandlerTable } from '../../../../main/ipc/handler-types';
import { createLogSaveHandlers } from '../../../../main/ipc/handlers/log-save.handlers';
import { createScanHandlers } from '../../../../main/ipc/handlers/scan.handlers';
import type { Probe, ProbeOutcome } from '../../../../main/probes/probe-types';
import { createScanRecords } from '../../../../main/probes/scan-records';
import type { VaultService } from '../../../../main/vault/vault-service';
import { probesOnlyScanService } from '../../probes/helpers/probe-test-kit';
import { fakeClock, makeVault, passphrase, tempDataDir, type TestClock } from '../../vault/vault-test-kit';

let cleanup: () => void;
let vault: VaultService;
let clock: TestClock;

beforeEach(async () => {
  const temp = tempDataDir();
  cleanup = temp.cleanup;
  clock = fakeClock();
  vault = makeVault(temp.dir, { clock });
  await vault.setup(passphrase);
});

afterEach(() => {
  vault.close();
  cleanup();
});

/** A firewall that cannot be read the first time and is read fine afterwards; everything else fixed. */
function probes(): Probe[] {
  let firewallRuns = 0;
  const fixed = (id: Probe['id'], status: 'pass' | 'fail'): Probe => ({
    id,
    run: async () => ({ status, summary: `${id} ${status}`, evidence: { measured: 'by main' } }),
  });
  return [
    fixed('connection.type', 'pass'),
    fixed('security.antivirus', 'fail'),
    {
      id: 'security.firewall',
      run: async (): Promise<ProbeOutcome> =>
        (firewallRuns += 1) === 1
          ? { status: 'unknown', summary: 'Could not tell.', evidence: { reason: 'no tool' } }
          : { status: 'pass', summary: 'On.', evidence: { enabled: true } },
    },
  ];
}

function harness(options: { settings?: Settings } = {}) {
  const records = createScanRecords({ now: () => clock.now() });
  const waiting = new Map<string, () => void>();
  const finished = new Set<string>();
  const events: EventSink = {
    emit(event, payload) {
      if (event !== 'scan:finished') return;
      const { scanId } = payload as { scanId: string };
      finished.add(scanId);
      waiting.get(scanId)?.();
    },
  };
  const scan = probesOnlyScanService(probes());
  const table = {
    ...createScanHandlers(scan, events, records),
    ...createLogSaveHandlers({ vault, records, getSettings: () => options.settings ?? defaultSettings }),
  } as unknown as HandlerTable;
  const call = <K extends ChannelName>(channel: K, request: Req<K>) =>
    dispatch(table, channel, request) as Promise<IpcResult<unknown>>;
  async function scanned(request: Req<'scan:start'> = {}): Promise<string> {
    const result = await call('scan:start', request);
    if (!result.ok) throw new Error(result.error.message);
    const { scanId } = result.value as { scanId: string };
    if (!finished.has(scanId)) await new Promise<void>((resolve) => waiting.set(scanId, resolve));
    return scanId;
  }
  return { call, scanned, records };
}

function request(scanId: string | null, extra: Partial<LogSaveRequest> = {}): LogSaveRequest {
  return {
    scanId,
    session: { sessionAt: '2026-03-15T10:00:00.000Z', clientCode: 'AB-017', platform: 'zoom', modality: 'audio' },
    media: [],
    confirmations: [],
    judgements: [],
    programsClosed: [],
    note: '',
    ...extra,
  };
}

const saved = (result: IpcResult<unknown>): LogSaved => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as LogSaved;
};

describe('logs:save takes the checks from main, not from the window', () => {
  it('stores what main measured, whatever results the window sends', async () => {
    const h = harness();
    const scanId = await h.scanned();
    const forged: LogCheck[] = [
      { id: 'security.antivirus', status: 'pass' as const, summary: 'All fine!', evidence: {}, durationMs: 1 },
      {
        id: 'media.microphone',
        status: 'pass' as const,
        summary: 'Heard you.',
        evidence: { level: -30 },
        durationMs: 0,
      },
    ];
    const { id } = saved(await h.call('logs:save', request(scanId, { media: forged })));
    const log = vault.get(id);
    const byId = Object.fromEntries(log.checks.map((c) => [c.id, c]));
    expect(byId['security.antivirus']).toMatchObject({ status: 'fail', evidence: { measured: 'by main' } });
    expect(byId['security.firewall']).toMatchObject({ status: 'unknown', checkedAt: clock.now().toISOString() });
    // Only the window can test the microphone: that result is taken, and only such results are.
    expect(byId['media.microphone']).toMatchObject({ status: 'pass', summary: 'Heard you.' });
    expect(log.checks.filter((c) => c.id === 'security.antivirus')).toHaveLength(1);
  });

  it('refuses the old request that carried a whole log, before anything is saved', async () => {
    const h = harness();
    const old = await h.call('logs:save', { log: { clientCode: 'AB-017', checks: [] } } as never);
    expect(old).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(vault.list().logs).toEqual([]);
  });

  it('puts the result of "check again" in the record of its scan', async () => {
    const h = harness();
    const scanId = await h.scanned({ platform: 'zoom' });
    clock.advance(90_000);
    await h.scanned({ only: ['security.firewall'], recheckOf: scanId, platform: 'teams' });
    const { id } = saved(await h.call('logs:save', request(scanId)));
    const firewall = vault.get(id).checks.find((c) => c.id === 'security.firewall');
    expect(firewall).toMatchObject({ status: 'pass', checkedAt: clock.now().toISOString() });
    const record = h.records.lookup(scanId);
    // The recheck timed what the first scan timed, not the platform this request named.
    expect(record.state === 'found' && record.record.platform).toBe('zoom');
  });

  it('records every automatic check as unknown when no scan was run', async () => {
    const h = harness();
    const { id, outcome } = saved(await h.call('logs:save', request(null)));
    const log = vault.get(id);
    expect(log.checks.find((c) => c.id === 'connection.type')).toMatchObject({
      status: 'unknown',
      summary: 'No computer checks were run before this log was saved.',
    });
    expect(outcome).toBe('not-ready');
  });

  it('refuses a scan that is too old or unknown, saying what to do, and saves nothing', async () => {
    const h = harness();
    const scanId = await h.scanned();
    clock.advance(3 * 60 * 60 * 1000 + 1);
    const expired = await h.call('logs:save', request(scanId));
    expect(expired).toMatchObject({ ok: false, error: { code: 'STALE' } });
    expect(expired.ok ? '' : expired.error.message).toMatch(/Run the checks again, then save/);
    const unknown = await h.call('logs:save', request('0f0e0d0c-0000-4000-8000-000000000000'));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'STALE' } });
    expect(vault.list().logs).toEqual([]);
  });

  it('records the therapist judgements that fit, refuses one that does not, and applies remembered ones', async () => {
    const at = '2026-03-15T09:58:00.000Z';
    const since = '2026-01-01T09:00:00.000Z';
    const settings: Settings = {
      ...defaultSettings,
      notApplicable: [{ id: 'security.antivirus', reason: 'managed-by-clinic', note: '', since }],
    };
    const h = harness({ settings });
    const scanId = await h.scanned();
    const refused = await h.call(
      'logs:save',
      request(scanId, { judgements: [{ id: 'security.antivirus', kind: 'confirmed', note: 'It is on', at }] }),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/found a problem.*Nothing was saved\./);
    expect(vault.list().logs).toEqual([]);

    const ok = saved(
      await h.call(
        'logs:save',
        request(scanId, {
          judgements: [
            { id: 'security.firewall', kind: 'confirmed', note: 'Checked in settings', at },
            { id: 'connection.type', kind: 'confirmed', at },
          ],
        }),
      ),
    );
    expect(ok.unused).toEqual(['connection.type']);
    expect(vault.get(ok.id).judgements).toEqual([
      { id: 'security.firewall', kind: 'confirmed', note: 'Checked in settings', at },
      { id: 'security.antivirus', kind: 'not-applicable', reason: 'managed-by-clinic', at: since, remembered: true },
    ]);
  });
});
