import { describe, expect, it } from 'vitest';

import { createScanRecords } from '../../../main/probes/scan-records';
import type { CheckResult, CheckStatus } from '../../../shared/checks/check-result';

const result = (id: string, status: CheckStatus): CheckResult => ({
  id,
  status,
  summary: `${id} ${status}`,
  evidence: {},
  fix: null,
  durationMs: 5,
});

function clock(start = '2026-03-15T09:00:00.000Z') {
  let now = Date.parse(start);
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

describe('scan records', () => {
  it('keeps each result main received, with when it finished, and what is still running', () => {
    const time = clock();
    const records = createScanRecords({ now: time.now });
    records.open('s1', { checkIds: ['security.firewall', 'connection.type'], platform: 'zoom' });
    time.advance(1000);
    records.add('s1', result('security.firewall', 'pass'));
    const found = records.lookup('s1');
    if (found.state !== 'found') throw new Error(found.state);
    expect(found.record.platform).toBe('zoom');
    expect(found.record.results.get('security.firewall')).toEqual({
      result: result('security.firewall', 'pass'),
      checkedAt: '2026-03-15T09:00:01.000Z',
    });
    expect([...found.record.pending]).toEqual(['connection.type']);
    records.finish('s1');
    const finished = records.lookup('s1');
    expect(finished.state === 'found' && finished.record.pending.size).toBe(0);
  });

  it('takes only results for the checks the scan was asked to run', () => {
    const records = createScanRecords();
    records.open('s1', { checkIds: ['security.firewall'] });
    records.add('s1', result('connection.quality', 'pass'));
    records.add('nope', result('security.firewall', 'pass'));
    const found = records.lookup('s1');
    expect(found.state === 'found' && [...found.record.results.keys()]).toEqual([]);
  });

  it('lets "check again" update the record of the scan it belongs to, newest result winning', () => {
    const time = clock();
    const records = createScanRecords({ now: time.now });
    records.open('whole', { checkIds: ['security.firewall', 'connection.type'] });
    records.add('whole', result('security.firewall', 'unknown'));
    records.add('whole', result('connection.type', 'pass'));
    records.finish('whole');
    time.advance(60_000);
    records.open('again', { checkIds: ['security.firewall'], recheckOf: 'whole' });
    const during = records.lookup('whole');
    expect(during.state === 'found' && [...during.record.pending]).toEqual(['security.firewall']);
    records.add('again', result('security.firewall', 'pass'));
    records.finish('again');
    const after = records.lookup('whole');
    if (after.state !== 'found') throw new Error(after.state);
    expect(after.record.results.get('security.firewall')).toMatchObject({
      result: { status: 'pass' },
      checkedAt: '2026-03-15T09:01:00.000Z',
    });
    expect(after.record.results.get('connection.type')?.result.status).toBe('pass');
    expect(records.lookup('again').state).toBe('unknown');
  });

  it('forgets a record a few hours after its last result, and then says it expired', () => {
    const time = clock();
    const records = createScanRecords({ now: time.now, maxAgeMs: 3 * 3_600_000 });
    records.open('s1', { checkIds: ['security.firewall'] });
    records.add('s1', result('security.firewall', 'pass'));
    time.advance(2 * 3_600_000);
    // A "check again" keeps the record fresh.
    records.open('r1', { checkIds: ['security.firewall'], recheckOf: 's1' });
    records.add('r1', result('security.firewall', 'pass'));
    time.advance(2 * 3_600_000);
    expect(records.lookup('s1').state).toBe('found');
    time.advance(3_600_001);
    expect(records.lookup('s1').state).toBe('expired');
    expect(records.lookup('never-seen').state).toBe('unknown');
  });

  it('keeps only the latest records', () => {
    const records = createScanRecords({ maxRecords: 2 });
    for (const id of ['a', 'b', 'c']) records.open(id, { checkIds: [] });
    expect(['a', 'b', 'c'].map((id) => records.lookup(id).state)).toEqual(['expired', 'found', 'found']);
  });
});
