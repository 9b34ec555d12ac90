import { setFlagsFromString, getHeapSnapshot } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { VaultService } from '../../../main/vault/vault-service';
import { sampleLog } from '../../fixtures/vault/sample-logs';
import { makeVault, passphrase, tempDataDir } from './vault-test-kit';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

// Kept as bytes, not a JS string, so the test itself never puts the marker in the heap.
const markerBytes = Buffer.from(`heap-marker ${'7Qz'.repeat(40)} end of heap marker`, 'utf8');

async function heapContainsMarker(): Promise<boolean> {
  for (let i = 0; i < 3; i += 1) gc();
  const chunks: Buffer[] = [];
  for await (const chunk of getHeapSnapshot()) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).includes(markerBytes);
}

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDataDir()));
afterEach(() => cleanup());

/** Saves, lists and reads a log with the marker in its note, dropping every reference the test had. */
async function useVault(v: VaultService): Promise<void> {
  const { id } = v.save(sampleLog(1, { note: markerBytes.toString('utf8') }));
  v.list();
  v.get(id);
  v.lock();
  await v.unlock({ method: 'passphrase', passphrase });
  v.get(id);
  v.list({ client: 'AB-001' });
}

describe('vault-service: memory after locking', () => {
  it('keeps no decrypted log reachable once locked (and the check finds one while unlocked)', async () => {
    const v = makeVault(dir);
    await v.setup(passphrase);
    await useVault(v);
    expect(await heapContainsMarker()).toBe(true);
    v.lock();
    expect(await heapContainsMarker()).toBe(false);
  }, 60_000);
});
