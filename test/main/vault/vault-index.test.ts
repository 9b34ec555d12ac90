import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { deserializeKeySlots, unwrapWithPassphrase } from '../../../main/vault/key-slots';
import { openEnvelope, readEnvelopeHeader, sealEnvelope } from '../../../main/vault/vault-envelope';
import type { VaultService } from '../../../main/vault/vault-service';
import { sampleLog } from '../../fixtures/vault/sample-logs';
import { fakeClock, makeVault, passphrase, tempDataDir, type TestClock } from './vault-test-kit';

let dir: string;
let cleanup: () => void;
let clock: TestClock;
const open: VaultService[] = [];

beforeEach(() => {
  ({ dir, cleanup } = tempDataDir());
  clock = fakeClock('2026-03-02T09:00:00Z');
});

afterEach(() => {
  for (const v of open.splice(0)) v.close();
  cleanup();
});

function vault(): VaultService {
  const v = makeVault(dir, { clock });
  open.push(v);
  return v;
}

const indexFile = () => join(dir, 'vault', 'index', '2026-03.json');

/** Saves logs for these clients, a day apart, in March 2026; returns their ids. */
function save(v: VaultService, clients: readonly string[]): string[] {
  return clients.map((client, i) => {
    clock.advance(24 * 3_600_000 + i);
    return v.save(sampleLog(i, { clientCode: client })).id;
  });
}

describe('vault-service: each month index belongs to one version of its logs file', () => {
  it('rebuilds an older, authentic index put back by a sync or restore tool, so no log is hidden', async () => {
    const v = vault();
    await v.setup(passphrase);
    const early = save(v, ['AB-1', 'CD-2']);
    copyFileSync(indexFile(), join(dir, 'old-index.json'));
    const later = save(v, ['AB-1', 'EF-3']);
    v.lock();
    copyFileSync(join(dir, 'old-index.json'), indexFile());

    const again = vault();
    await again.unlock({ method: 'passphrase', passphrase });
    expect(
      again
        .list()
        .logs.map((l) => l.id)
        .sort(),
    ).toEqual([...early, ...later].sort());
    expect(again.list({ client: 'AB-1' }).logs).toHaveLength(2);
  });

  it('erases every log of a client although the index put back predates some of them', async () => {
    const v = vault();
    await v.setup(passphrase);
    save(v, ['AB-1']);
    copyFileSync(indexFile(), join(dir, 'old-index.json'));
    const [, later = ''] = save(v, ['CD-2', 'AB-1']);
    v.lock();
    copyFileSync(join(dir, 'old-index.json'), indexFile());

    const again = vault();
    await again.unlock({ method: 'passphrase', passphrase });
    expect(again.countClient('AB-1')).toBe(2);
    expect(again.eraseClient('AB-1', 2)).toEqual({ erased: 2, incompletePeriods: [] });
    expect(() => again.get(later)).toThrow(/could not be found/);
    expect(again.list().logs.map((l) => l.clientCode)).toEqual(['CD-2']);
  });

  it('opens an index written before indexes named their logs file, and rewrites it with the name', async () => {
    const v = vault();
    await v.setup(passphrase);
    const ids = save(v, ['AB-1', 'CD-2']);
    v.lock();
    // Seal the same index again, as earlier versions wrote it: no binding in the header.
    const slots = deserializeKeySlots(readFileSync(join(dir, 'vault', 'keyslots.json'), 'utf8'));
    const dek = await unwrapWithPassphrase(slots, passphrase);
    if (!dek) throw new Error('test setup: passphrase did not open the key file');
    const context = { kind: 'index' as const, id: '2026-03', vaultId: slots.vaultId };
    const json = openEnvelope(dek, context, readFileSync(indexFile(), 'utf8'));
    writeFileSync(indexFile(), sealEnvelope(dek, context, json));
    expect(readEnvelopeHeader(readFileSync(indexFile(), 'utf8')).header).not.toHaveProperty('logs');

    const again = vault();
    await again.unlock({ method: 'passphrase', passphrase });
    expect(
      again
        .list()
        .logs.map((l) => l.id)
        .sort(),
    ).toEqual([...ids].sort());
    expect(readEnvelopeHeader(readFileSync(indexFile(), 'utf8')).header).toHaveProperty('logs');
  });
});
