import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';

import {
  createServiceGraph,
  type ServiceGraph,
  type ServiceGraphOptions,
} from '../../../main/composition/service-graph';
import { runCommand } from '../../../main/platform/exec';
import { confStoreFactory } from '../../../main/store/store-factory';
import { incidentInputSchema } from '../../../shared/incidents/incident';
import { sampleProfileInput } from '../../fixtures/clients/sample-profiles';
import { sampleLog } from '../../fixtures/vault/sample-logs';
import { passphrase, tempDataDir, testKdf } from '../vault/vault-test-kit';

const cleanups: (() => void)[] = [];
const graphs: ServiceGraph[] = [];

afterEach(async () => {
  for (const g of graphs.splice(0)) await g.dispose();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function newDir(): string {
  const { dir, cleanup } = tempDataDir();
  cleanups.push(cleanup);
  return dir;
}

async function unlockedGraph(dataDir: string, secret = passphrase): Promise<ServiceGraph> {
  const options: ServiceGraphOptions = {
    dataDir,
    platform: process.platform,
    appVersion: '0.0.0-test',
    exec: runCommand,
    storeFactory: confStoreFactory,
    testHost: true,
    idleLock: false,
    vaultOverrides: { kdf: testKdf },
  };
  const g = createServiceGraph(options);
  graphs.push(g);
  await g.vault.setup(secret);
  g.vault.confirmRecoveryKey();
  return g;
}

const incident = (clientCodes: string[]) =>
  incidentInputSchema.parse({
    kind: 'link-wrong-person',
    what: 'A session link went to the wrong address.',
    occurredAt: null,
    discoveredAt: new Date(Date.now() - 3600_000).toISOString(),
    clientCodes,
    actions: '',
    ico: { decision: 'undecided', decidedOn: null, reason: '' },
  });

describe('backups carry the incident log, client set-ups and practice review (composition root)', () => {
  it('a restore on a new computer brings them back, and the locked home screen and tray see the restored incident', async () => {
    const backupFile = join(newDir(), 'b.rrbackup');
    const old = await unlockedGraph(newDir());
    const lost = old.incidents.add(incident(['CD-204']));
    old.clients.save(sampleProfileInput({ clientCode: 'CD-204' }));
    const doneOn = DateTime.now().minus({ days: 3 }).toISODate() ?? '';
    old.review.update('review.ico-registration', { doneOn, nextDue: null, note: 'Renewed online.' });
    old.vault.backup(backupFile);

    const fresh = await unlockedGraph(newDir(), 'a new computer’s passphrase');
    let told = 0;
    fresh.incidents.onChange(() => (told += 1));
    expect(fresh.incidents.pendingDeadlines()).toEqual([]);
    expect(fresh.review.dueItems().map((i) => i.id)).toContain('review.ico-registration');
    const result = await fresh.vault.restore(backupFile, { method: 'passphrase', passphrase });
    expect(result).toMatchObject({
      status: 'restored',
      documents: {
        incidents: { added: 1, invalid: 0 },
        'client-profiles': { added: 1, invalid: 0 },
        'practice-review': { added: 1, invalid: 0 },
      },
    });
    // The plain copies follow at once, without the incident log or review being opened first.
    expect(fresh.incidents.pendingDeadlines()).toEqual([{ id: lost.id, deadline: lost.deadline }]);
    expect(told).toBe(1);
    expect(fresh.review.dueItems().map((i) => i.id)).not.toContain('review.ico-registration');
    expect(fresh.clients.get('CD-204')).toMatchObject({ clientCode: 'CD-204', usualRegion: 'Leeds' });
    fresh.vault.lock();
    const summary = await fresh.handlers['home:summary']({});
    expect(summary.openIncidents).toEqual([{ id: lost.id, deadline: lost.deadline }]);
  });

  it('a client erased here stays erased: their set-up does not come back, and their code is taken out of restored incidents', async () => {
    const dataDir = newDir();
    const backupFile = join(newDir(), 'b.rrbackup');
    const g = await unlockedGraph(dataDir);
    g.clients.save(sampleProfileInput({ clientCode: 'AB-017' }));
    g.clients.save(sampleProfileInput({ clientCode: 'CD-204' }));
    const both = g.incidents.add(incident(['AB-017', 'CD-204']));
    g.vault.save(sampleLog(1, { clientCode: 'AB-017' }));
    g.vault.backup(backupFile);
    expect(g.vault.eraseClient('ab-017', 1)).toMatchObject({ erased: 1 });
    // Then the incident log and the set-ups are lost here (a damaged file set aside, say).
    for (const name of ['incidents', 'client-profiles']) rmSync(join(dataDir, 'vault', 'documents', `${name}.json`));
    expect(g.clients.list()).toEqual([]);

    const result = await g.vault.restore(backupFile);
    expect(result).toMatchObject({
      status: 'restored',
      skippedDeleted: 1,
      documents: { incidents: { added: 1 }, 'client-profiles': { added: 1, skipped: 1 } },
    });
    expect(g.clients.list().map((c) => c.clientCode)).toEqual(['CD-204']);
    expect(g.incidents.list().map((i) => [i.id, i.clientCodes])).toEqual([[both.id, ['CD-204']]]);
    expect(JSON.stringify(g.vault.readDocument('client-profiles'))).not.toContain('AB-017');
    expect(JSON.stringify(g.vault.readDocument('incidents'))).not.toContain('AB-017');
  });

  it('a restore keeps what is here on a clash', async () => {
    const backupFile = join(newDir(), 'b.rrbackup');
    const g = await unlockedGraph(newDir());
    g.clients.save(sampleProfileInput({ clientCode: 'CD-204', usualRegion: 'Leeds' }));
    const kept = g.incidents.add(incident([]));
    g.vault.backup(backupFile);
    g.clients.save(sampleProfileInput({ clientCode: 'CD-204', usualRegion: 'York' }));
    g.incidents.close(kept.id, 'Decided with my supervisor.');
    const result = await g.vault.restore(backupFile);
    expect(result).toMatchObject({
      documents: { incidents: { added: 0, skipped: 1 }, 'client-profiles': { added: 0, skipped: 1 } },
    });
    expect(g.clients.get('CD-204')?.usualRegion).toBe('York');
    expect(g.incidents.list()[0]).toMatchObject({ id: kept.id, status: 'closed' });
  });
});
