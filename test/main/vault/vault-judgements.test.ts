import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { catalog } from '../../../shared/catalog/catalog';
import type { Judgement } from '../../../shared/checks/judgement';
import type { LogCheck, NewReadinessLog } from '../../../shared/logs/readiness-log';
import { deserializeKeySlots, unwrapWithPassphrase } from '../../../main/vault/key-slots';
import { openEnvelope, sealEnvelope } from '../../../main/vault/vault-envelope';
import { vaultPaths } from '../../../main/vault/vault-paths';
import type { VaultService } from '../../../main/vault/vault-service';
import { sampleLog } from '../../fixtures/vault/sample-logs';
import { fakeClock, makeVault, passphrase, tempDataDir, type TestClock } from './vault-test-kit';

let dir: string;
let cleanup: () => void;
let clock: TestClock;
let v: VaultService;

beforeEach(async () => {
  ({ dir, cleanup } = tempDataDir());
  clock = fakeClock();
  v = makeVault(dir, { clock });
  await v.setup(passphrase);
});

afterEach(() => {
  v.close();
  cleanup();
});

const at = '2026-03-15T09:59:00.000Z';

/** Every check passed and every question confirmed, but `unknownId` could not be checked. */
function logWith(unknownId: string, judgements: Judgement[]): NewReadinessLog {
  const checks: LogCheck[] = catalog
    .filter((e) => e.kind !== 'manual')
    .map((e) => ({
      id: e.id,
      status: e.id === unknownId ? 'unknown' : 'pass',
      summary: 'x',
      evidence: {},
      durationMs: 1,
    }));
  const confirmations = catalog.filter((e) => e.kind === 'manual').map((e) => ({ id: e.id, confirmed: true }));
  return sampleLog(1, { modality: 'video', checks, confirmations, judgements, outcome: 'ready' });
}

describe('vault-service: the therapist judgements', () => {
  it('recomputes the outcome with the same rules, counting only judgements that fit and carry their note', () => {
    const withNote = v.save(
      logWith('connection.quality', [{ id: 'connection.quality', kind: 'confirmed', note: 'Test call fine', at }]),
    );
    const noNote = v.save(logWith('connection.quality', [{ id: 'connection.quality', kind: 'confirmed', at }]));
    const confirmedAdvice = v.save(logWith('security.firewall', [{ id: 'security.firewall', kind: 'confirmed', at }]));
    expect(withNote.outcome).toBe('ready');
    expect(noNote.outcome).toBe('not-ready');
    expect(confirmedAdvice.outcome).toBe('ready');
    // What was sent is kept as evidence; the outcome says it did not count.
    expect(v.get(noNote.id).judgements).toEqual([{ id: 'connection.quality', kind: 'confirmed', at }]);
    const listed = new Map(v.list().logs.map((l) => [l.id, l]));
    expect(listed.get(withNote.id)?.judged).toEqual([{ id: 'connection.quality', kind: 'confirmed', seen: 'unknown' }]);
    expect(listed.get(noNote.id)?.attention).toEqual([{ id: 'connection.quality', state: 'unknown' }]);
  });

  it('reads logs saved before judgements existed, with the outcome they had', () => {
    const { judgements: _none, ...old } = logWith('security.firewall', []);
    const { id } = v.save(old);
    const stored = v.get(id);
    expect(stored.judgements).toBeUndefined();
    expect(stored.outcome).toBe('ready-with-advice');
  });

  it('rebuilds an index written by the previous version from the logs, without setting anything aside', async () => {
    const { id } = v.save(logWith('security.firewall', []));
    v.lock('manual');
    // Rewrite the month index as version 1 wrote it: no summary version, notes, attention or judgements.
    const paths = vaultPaths(dir);
    const slots = deserializeKeySlots(readFileSync(paths.keySlots.primary, 'utf8'));
    const dek = await unwrapWithPassphrase(slots, passphrase);
    if (!dek) throw new Error('test could not unwrap the key');
    const file = join(paths.indexDir, '2026-03.json');
    const context = { kind: 'index' as const, id: '2026-03', vaultId: slots.vaultId };
    const index = JSON.parse(openEnvelope(dek, context, readFileSync(file, 'utf8'))) as Record<string, unknown>;
    const { summaryVersion: _version, notes: _notes, ...legacy } = index;
    legacy.summaries = (legacy.summaries as Record<string, unknown>[]).map(
      ({ attention: _a, judged: _j, ...rest }) => rest,
    );
    writeFileSync(file, sealEnvelope(dek, context, JSON.stringify(legacy)));

    await v.unlock({ method: 'passphrase', passphrase });
    const [summary] = v.list().logs;
    expect(summary?.id).toBe(id);
    expect(summary?.attention).toEqual([{ id: 'security.firewall', state: 'unknown' }]);
    const rewritten = JSON.parse(openEnvelope(dek, context, readFileSync(file, 'utf8'))) as Record<string, unknown>;
    expect(rewritten.summaryVersion).toBe(2);
    expect(existsSync(paths.quarantineDir) ? readdirSync(paths.quarantineDir) : []).toEqual([]);
  });
});
