import { statSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString, getHeapSnapshot } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { nodeVaultFs, type VaultFs } from '../../../main/vault/vault-fs';
import type { VaultService } from '../../../main/vault/vault-service';
import { sampleLog } from '../../fixtures/vault/sample-logs';
import { fakeClock, makeVault, passphrase, tempDataDir } from './vault-test-kit';

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

/** The real file system, noting which files were read whole and the pieces every streamed write was made of. */
function recordingFs() {
  const readWhole: string[] = [];
  const streamed = new Map<string, number[]>();
  const fs: VaultFs = {
    ...nodeVaultFs,
    read(path) {
      readWhole.push(path);
      return nodeVaultFs.read(path);
    },
    writeAtomic(path, data, tempName) {
      streamed.set(path, [Buffer.byteLength(data)]);
      nodeVaultFs.writeAtomic(path, data, tempName);
    },
    writeAtomicStream(path, produce, tempName) {
      const pieces: number[] = [];
      streamed.set(path, pieces);
      nodeVaultFs.writeAtomicStream(
        path,
        (write) =>
          produce((chunk) => {
            pieces.push(Buffer.byteLength(chunk));
            write(chunk);
          }),
        tempName,
      );
    },
  };
  return { fs, readWhole, streamed };
}

describe('vault-service: a vault of many months is never held whole', () => {
  const monthsOfLogs = ['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02'];

  it('backs up a month at a time, checks every month at unlock and restores without reading any file whole', async () => {
    const clock = fakeClock('2025-09-10T09:00:00.000Z');
    const recorded = recordingFs();
    const v = makeVault(dir, { clock, fs: recorded.fs });
    await v.setup(passphrase);
    for (const [i, month] of monthsOfLogs.entries()) {
      clock.set(`${month}-10T09:00:00.000Z`);
      for (let n = 0; n < 5; n += 1) v.save(sampleLog(i * 5 + n));
    }
    const backupFile = join(dir, 'logs.rrbackup');

    // Unlocking checks every month file's tag, a block at a time.
    v.lock();
    recorded.readWhole.length = 0;
    await v.unlock({ method: 'passphrase', passphrase });
    const monthFiles = (paths: string[]) => paths.filter((p) => /[\\/]vault[\\/](logs|index)[\\/]/.test(p));
    expect(monthFiles(recorded.readWhole)).toEqual([]);

    // The backup goes out month by month: no piece holds more than one month of logs.
    expect(v.backup(backupFile).count).toBe(30);
    const pieces = recorded.streamed.get(backupFile) ?? [];
    const total = pieces.reduce((sum, size) => sum + size, 0);
    expect(total).toBe(statSync(backupFile).size);
    expect(pieces.length).toBeGreaterThan(monthsOfLogs.length);
    expect(Math.max(...pieces)).toBeLessThan(total / 3);
    v.lock();

    // A restore reads the backup a line at a time, never the whole file.
    const other = tempDataDir();
    try {
      const fresh = makeVault(other.dir, { clock, fs: recorded.fs });
      await fresh.setup(passphrase);
      recorded.readWhole.length = 0;
      expect(await fresh.restore(backupFile, { method: 'passphrase', passphrase })).toMatchObject({ added: 30 });
      expect(recorded.readWhole).not.toContain(backupFile);
      expect(fresh.list().logs).toHaveLength(30);
      fresh.lock();
    } finally {
      other.cleanup();
    }
  }, 60_000);
});
