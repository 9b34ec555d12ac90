import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { deserializeKeySlots, unwrapWithPassphrase } from '../../../main/vault/key-slots';
import { indexBindingField, openEnvelope, readEnvelopeHeader, sealEnvelope } from '../../../main/vault/vault-envelope';
import type { VaultService } from '../../../main/vault/vault-service';
import { sampleLog } from '../../fixtures/vault/sample-logs';
import { fakeClock, makeVault, passphrase, tempDataDir, type TestClock } from './vault-test-kit';

let dir: string;
let cleanup: () => void;
let clock: TestClock;
let v: VaultService;

beforeEach(async () => {
  ({ dir, cleanup } = tempDataDir());
  clock = fakeClock('2026-01-20T10:00:00.000Z');
  v = makeVault(dir, { clock });
  await v.setup(passphrase);
  v.confirmRecoveryKey();
});

afterEach(() => {
  v.close();
  cleanup();
});

function save(note: string): string {
  const { id } = v.save(sampleLog(1, { note }));
  clock.advance(3_600_000);
  return id;
}

describe('vault-logs: searching notes', () => {
  it('finds logs by words in their notes across months, ignoring case, accents and extra spaces', () => {
    const cafe = save('Café downstairs was noisy.');
    clock.set('2026-02-10T10:00:00.000Z');
    const quiet = save('Quiet room, door shut.');
    const both = save('Door SHUT but   the café   was loud.');
    expect([...v.searchNotes('cafe').ids].sort()).toEqual([cafe, both].sort());
    expect([...v.searchNotes('door shut').ids].sort()).toEqual([quiet, both].sort());
    expect(v.searchNotes('nothing like this').ids).toEqual([]);
    expect(v.searchNotes('   ').ids).toEqual([]);
  });

  it('searches notes added to a log later, and sees a log saved after the first search', () => {
    const first = save('Quiet room.');
    expect(v.searchNotes('interrupted').ids).toEqual([]);
    v.addAddendum(first, { kind: 'note', text: 'Client was interrupted by a delivery.' });
    const second = save('Interrupted twice by the doorbell.');
    expect([...v.searchNotes('interrupted').ids].sort()).toEqual([first, second].sort());
  });

  it('no longer finds a deleted log', () => {
    const gone = save('Fire alarm test at 10.');
    expect(v.searchNotes('fire alarm').ids).toEqual([gone]);
    v.delete(gone);
    expect(v.searchNotes('fire alarm').ids).toEqual([]);
  });

  it('keeps notes out of the summaries that listing returns', () => {
    save('Builders next door.');
    expect(JSON.stringify(v.list().logs)).not.toMatch(/builders/i);
  });

  it('makes a month index written before it kept notes again, once, and then finds its notes', async () => {
    const id = save('Builders next door.');
    v.lock();
    const indexFile = join(dir, 'vault', 'index', '2026-01.json');
    const slots = deserializeKeySlots(readFileSync(join(dir, 'vault', 'keyslots.json'), 'utf8'));
    const dek = await unwrapWithPassphrase(slots, passphrase);
    if (!dek) throw new Error('test setup: passphrase did not open the key file');
    const context = { kind: 'index' as const, id: '2026-01', vaultId: slots.vaultId };
    const sealed = readFileSync(indexFile, 'utf8');
    const { notes, ...older } = JSON.parse(openEnvelope(dek, context, sealed)) as Record<string, unknown>;
    expect(notes).toEqual({ [id]: 'builders next door.' });
    const binding = readEnvelopeHeader(sealed).header[indexBindingField];
    writeFileSync(indexFile, sealEnvelope(dek, context, JSON.stringify(older), { [indexBindingField]: binding }));

    await v.unlock({ method: 'passphrase', passphrase });
    expect(v.list().logs.map((l) => l.id)).toEqual([id]);
    expect(v.searchNotes('builders').ids).toEqual([id]);
    const rewritten = JSON.parse(openEnvelope(dek, context, readFileSync(indexFile, 'utf8'))) as { notes?: unknown };
    expect(rewritten.notes).toEqual({ [id]: 'builders next door.' });
  });

  it('needs the vault unlocked', () => {
    save('Quiet room.');
    v.lock();
    expect(() => v.searchNotes('quiet')).toThrow(expect.objectContaining({ code: 'LOCKED' }));
  });
});
