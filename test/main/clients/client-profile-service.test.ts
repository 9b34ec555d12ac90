import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createClientProfileService } from '../../../main/clients/client-profile-service';
import type { ServiceGraph } from '../../../main/composition/service-graph';
import type { VaultService } from '../../../main/vault/vault-service';
import { applyProfileSave } from '../../../shared/clients/client-profile';
import { AppError } from '../../../shared/errors';
import { sampleProfileInput } from '../../fixtures/clients/sample-profiles';
import { sampleLog } from '../../fixtures/vault/sample-logs';
import { fakeClock, listFiles, makeVault, passphrase, tempDataDir } from '../vault/vault-test-kit';
import { testGraph } from '../composition/test-graph';

let dir: string;
let cleanup: () => void;
let vault: VaultService;
const clock = fakeClock('2026-03-01T10:00:00.000Z');

beforeEach(async () => {
  ({ dir, cleanup } = tempDataDir());
  vault = makeVault(dir);
  await vault.setup(passphrase);
  vault.confirmRecoveryKey();
});
afterEach(() => {
  vault.close();
  cleanup();
});

const service = () => createClientProfileService({ vault, now: clock.now });

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
  return undefined;
}

describe('client profile service', () => {
  it('saves a profile in the vault and reads it back by its code, whatever its case and spacing', () => {
    const clients = service();
    const saved = clients.save(sampleProfileInput({ codeWord: 'PELICAN-ZX' }));
    expect(saved.profile).toMatchObject({
      clientCode: 'AB-017',
      usualCountry: 'GB',
      codeWord: null,
      hasCodeWord: true,
    });
    expect(clients.get('ab-017 ')).toMatchObject({ backupPhone: '+44 20 7946 0000', codeWord: null });
    expect(clients.get('AB-017', { withCodeWord: true })?.codeWord).toBe('PELICAN-ZX');
    expect(clients.get('CD-204')).toBeNull();
    // Sealed on disk: neither the code, nor the code word, nor the phone number is readable.
    const onDisk = listFiles(dir)
      .map((f) => readFileSync(f, 'latin1'))
      .join('\n');
    for (const secret of ['AB-017', 'PELICAN-ZX', '7946']) expect(onDisk).not.toContain(secret);
  });

  it('a second save of the same code updates it and adds to its history', () => {
    const clients = service();
    clients.save(sampleProfileInput());
    clock.advance(86_400_000);
    const again = clients.save(sampleProfileInput({ clientCode: 'ab-017', usualRegion: 'York' }));
    expect(again.changed).toEqual(['usualRegion']);
    expect(clients.list()).toHaveLength(1);
    expect(again.profile.history.map((h) => h.kind)).toEqual(['created', 'changed']);
    expect(again.profile.clientCode).toBe('AB-017');
  });

  it('lists codes, country and zone, sorted, never a code word', () => {
    const clients = service();
    clients.save(
      sampleProfileInput({
        clientCode: 'CD-204',
        usualCountry: 'ES',
        timeZone: 'Europe/Madrid',
        codeWord: 'PELICAN-ZX',
      }),
    );
    clients.save(sampleProfileInput());
    const list = clients.list();
    expect(list.map((c) => [c.clientCode, c.usualCountry, c.timeZone, c.hasCodeWord])).toEqual([
      ['AB-017', 'GB', 'Europe/London', false],
      ['CD-204', 'ES', 'Europe/Madrid', true],
    ]);
    expect(JSON.stringify(list)).not.toContain('PELICAN');
  });

  it('refuses a code a readiness log would refuse', () => {
    expect(codeOf(() => service().save(sampleProfileInput({ clientCode: 'A'.repeat(41) })))).toBe('BAD_REQUEST');
  });

  it('deletes a profile, and says when there was none', () => {
    const clients = service();
    clients.save(sampleProfileInput());
    expect(clients.delete('AB-017')).toEqual({ deleted: true });
    expect(clients.delete('AB-017')).toEqual({ deleted: false });
    expect(clients.get('AB-017')).toBeNull();
  });

  it('a deletion leaves only the code and when; setting the code up again clears it', () => {
    const clients = service();
    clients.save(sampleProfileInput({ codeWord: 'PELICAN-ZX', usualRegion: 'Harrogate' }));
    clients.save(sampleProfileInput({ clientCode: 'CD-204' }));
    clock.advance(60_000);
    clients.delete('ab-017');
    const stored = vault.readDocument('client-profiles') as { deleted?: unknown[] };
    expect(stored.deleted).toEqual([{ clientCode: 'AB-017', deletedAt: clock.now().toISOString() }]);
    expect(JSON.stringify(stored)).not.toMatch(/PELICAN|Harrogate/);
    expect(clients.list().map((c) => c.clientCode)).toEqual(['CD-204']);
    clients.save(sampleProfileInput({ clientCode: 'AB-017' }));
    expect(vault.readDocument('client-profiles')).not.toHaveProperty('deleted');
    expect(clients.get('AB-017')?.history.map((h) => h.kind)).toEqual(['created']);
  });

  it('knows every code it holds, a deleted set-up’s too, for an export that blanks codes', () => {
    const clients = service();
    clients.save(sampleProfileInput({ clientCode: 'CD-204' }));
    clients.save(sampleProfileInput());
    clients.delete('AB-017');
    expect([...clients.knownClientCodes()].sort()).toEqual(['AB-017', 'CD-204']);
    vault.writeDocument('client-profiles', { version: 2, profiles: [] });
    expect(codeOf(() => clients.knownClientCodes())).toBe('CORRUPT');
  });

  it('reads a record from before deletion markers', () => {
    const { profile } = applyProfileSave(null, sampleProfileInput(), '2026-02-01T10:00:00.000Z');
    vault.writeDocument('client-profiles', { version: 1, profiles: [profile] });
    expect(
      service()
        .list()
        .map((c) => c.clientCode),
    ).toEqual(['AB-017']);
  });

  it('needs the vault unlocked', () => {
    vault.lock();
    expect(codeOf(() => service().list())).toBe('LOCKED');
  });

  it('refuses to write over a record it cannot read (a later version’s)', () => {
    vault.writeDocument('client-profiles', { version: 2, profiles: [{ future: true }] });
    expect(codeOf(() => service().save(sampleProfileInput()))).toBe('CORRUPT');
    expect(vault.readDocument('client-profiles')).toEqual({ version: 2, profiles: [{ future: true }] });
  });
});

describe('client profiles in the composition root', () => {
  const graphs: ServiceGraph[] = [];
  afterEach(async () => {
    for (const g of graphs.splice(0)) await g.dispose();
  });

  async function graph(): Promise<ServiceGraph> {
    const graphDir = join(dir, 'app');
    const g = testGraph(graphDir);
    graphs.push(g);
    await g.vault.setup(passphrase);
    g.vault.confirmRecoveryKey();
    return g;
  }

  it('an erasure request removes the client’s set-up with their logs, and leaves the others', async () => {
    const g = await graph();
    await g.handlers['clients:save']({ profile: sampleProfileInput({ codeWord: 'PELICAN-ZX' }) });
    await g.handlers['clients:save']({ profile: sampleProfileInput({ clientCode: 'CD-204' }) });
    g.vault.save(sampleLog(2, { clientCode: 'AB-017' }));
    expect(g.vault.eraseClient('ab-017', 1)).toEqual({ erased: 1, incompletePeriods: [] });
    expect(await g.handlers['clients:get']({ clientCode: 'AB-017' })).toBeNull();
    expect((await g.handlers['clients:list']({})).clients.map((c) => c.clientCode)).toEqual(['CD-204']);
    expect(JSON.stringify(g.vault.readDocument('client-profiles'))).not.toMatch(/AB-017|PELICAN/i);
  });

  it('a set-up deleted here stays deleted when an older backup is restored, unless set up again after', async () => {
    const g = await graph();
    const backupFile = join(dir, 'older.rrbackup');
    g.clients.save(sampleProfileInput({ clientCode: 'AB-017' }));
    g.clients.save(sampleProfileInput({ clientCode: 'CD-204' }));
    g.vault.backup(backupFile);
    await new Promise((resolve) => setTimeout(resolve, 5)); // the deletion comes strictly after the backup's copies
    g.clients.delete('AB-017');
    g.clients.delete('CD-204');
    expect(await g.vault.restore(backupFile)).toMatchObject({
      status: 'restored',
      documents: { 'client-profiles': { added: 0, skipped: 2, invalid: 0 } },
    });
    expect(g.clients.list()).toEqual([]);

    // Set up again after the deletion, backed up, then deleted and lost here: the newer copy comes back.
    const newerFile = join(dir, 'newer.rrbackup');
    g.clients.save(sampleProfileInput({ clientCode: 'AB-017', usualRegion: 'York' }));
    g.vault.backup(newerFile);
    g.vault.writeDocument('client-profiles', {
      version: 1,
      profiles: [],
      deleted: [{ clientCode: 'AB-017', deletedAt: '2026-01-01T00:00:00.000Z' }],
    });
    expect(await g.vault.restore(newerFile)).toMatchObject({ documents: { 'client-profiles': { added: 1 } } });
    expect(g.clients.get('AB-017')?.usualRegion).toBe('York');
  });

  it('an erasure takes out a deleted set-up’s marker too', async () => {
    const g = await graph();
    await g.handlers['clients:save']({ profile: sampleProfileInput() });
    g.clients.delete('AB-017');
    expect(JSON.stringify(g.vault.readDocument('client-profiles'))).toContain('AB-017');
    g.vault.eraseClient('ab-017', 0);
    expect(JSON.stringify(g.vault.readDocument('client-profiles'))).not.toContain('AB-017');
  });

  it('an erasure with no logs for the client still removes the set-up', async () => {
    const g = await graph();
    await g.handlers['clients:save']({ profile: sampleProfileInput() });
    expect(g.vault.eraseClient('AB-017', 0)).toMatchObject({ erased: 0 });
    expect(await g.handlers['clients:get']({ clientCode: 'AB-017' })).toBeNull();
  });

  it('an erasure whose set-up cannot be written still erases the logs, and says the set-up is left', async () => {
    const g = await graph();
    await g.handlers['clients:save']({ profile: sampleProfileInput() });
    g.vault.save(sampleLog(2, { clientCode: 'AB-017' }));
    // A folder where the sealed record should be: its write fails as a broken disk would.
    const documents = join(dir, 'app', 'vault', 'documents');
    const file = readdirSync(documents).find((f) => f.startsWith('client-profiles'));
    expect(file).toBeDefined();
    const path = join(documents, file!);
    const sealed = readFileSync(path);
    rmSync(path);
    mkdirSync(path);
    try {
      // Reading now fails too (it is a folder): what matters is that the logs go and the answer says what is left.
      const result = g.vault.eraseClient('AB-017', 1);
      expect(result).toMatchObject({ erased: 1, profileNotCleared: true });
      expect(g.vault.list({ client: 'AB-017' }).logs).toEqual([]);
    } finally {
      rmSync(path, { recursive: true });
      expect(sealed.length).toBeGreaterThan(0);
    }
  });
});
