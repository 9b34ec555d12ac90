import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { AppError } from '../../../shared/errors';
import type { VaultService } from '../../../main/vault/vault-service';
import { sampleLog } from '../../fixtures/vault/sample-logs';
import { fakeClock, makeVault, passphrase, snapshotFiles, tempDataDir, type TestClock } from './vault-test-kit';

let dir: string;
let cleanup: () => void;
let clock: TestClock;
const open: VaultService[] = [];

function vault(): VaultService {
  const v = makeVault(dir, { clock });
  open.push(v);
  return v;
}

/** A vault with logs in January, February and March 2026; returns the ids by month. */
async function seed(): Promise<Record<string, string[]>> {
  const v = vault();
  await v.setup(passphrase);
  const ids: Record<string, string[]> = { '2026-01': [], '2026-02': [], '2026-03': [] };
  for (let i = 0; i < 9; i += 1) {
    const month = (i % 3) + 1;
    clock.set(new Date(Date.UTC(2026, month - 1, 1 + i, 9)));
    ids[`2026-0${month}`]?.push(v.save(sampleLog(i)).id);
  }
  v.lock();
  return ids;
}

/** Changes one byte, to another printable character, at a fraction of the file's length. */
function changeOneByte(path: string, at: number): Buffer {
  const bytes = readFileSync(path);
  const i = Math.min(bytes.length - 1, Math.floor(at * bytes.length));
  bytes[i] = bytes[i] === 0x41 ? 0x42 : 0x41;
  writeFileSync(path, bytes);
  return bytes;
}

function quarantined(): string[] {
  try {
    return readdirSync(join(dir, 'vault', 'quarantine'));
  } catch {
    return [];
  }
}

function expectReadable(v: VaultService, ids: readonly string[]) {
  for (const id of ids) expect(v.get(id).id).toBe(id);
}

const positions = [0, 0.1, 0.5, 0.9, 0.999, 1];

beforeEach(() => {
  ({ dir, cleanup } = tempDataDir());
  clock = fakeClock();
});

afterEach(() => {
  for (const v of open.splice(0)) v.close();
  cleanup();
});

describe('vault-service: damaged files', () => {
  it.each(positions)(
    'sets aside a month whose logs file has one changed byte (at %s), and the rest opens',
    async (at) => {
      const ids = await seed();
      const damaged = changeOneByte(join(dir, 'vault', 'logs', '2026-02.json'), at);
      const v = vault();
      const status = await v.unlock({ method: 'passphrase', passphrase });
      expect(status.unreadablePeriods).toEqual(['2026-02']);
      // Moved aside unchanged, never overwritten.
      const aside = quarantined().find((n) => n.startsWith('logs-2026-02.json.'));
      expect(aside).toBeDefined();
      expect(readFileSync(join(dir, 'vault', 'quarantine', aside ?? '')).equals(damaged)).toBe(true);
      const list = v.list();
      expect(list.unreadablePeriods).toEqual(['2026-02']);
      expect(list.logs.map((l) => l.id).sort()).toEqual([...(ids['2026-01'] ?? []), ...(ids['2026-03'] ?? [])].sort());
      expectReadable(v, [...(ids['2026-01'] ?? []), ...(ids['2026-03'] ?? [])]);
      const lost = ids['2026-02']?.[0] ?? '';
      expect(() => v.get(lost)).toThrow(AppError);
      // Saving into that month still works, in a fresh file.
      clock.set('2026-02-20T10:00:00Z');
      const { id } = v.save(sampleLog(42));
      expect(v.get(id).id).toBe(id);
      v.lock();
      // The notice survives a restart until the set-aside file is dealt with.
      expect((await v.unlock({ method: 'passphrase', passphrase })).unreadablePeriods).toEqual(['2026-02']);
    },
  );

  it.each(positions)('rebuilds a month index with one changed byte (at %s) and loses nothing', async (at) => {
    const ids = await seed();
    changeOneByte(join(dir, 'vault', 'index', '2026-03.json'), at);
    const v = vault();
    const status = await v.unlock({ method: 'passphrase', passphrase });
    expect(status.unreadablePeriods).toEqual([]);
    expect(quarantined().some((n) => n.startsWith('index-2026-03.json.'))).toBe(true);
    expect(
      v
        .list()
        .logs.map((l) => l.id)
        .sort(),
    ).toEqual(Object.values(ids).flat().sort());
    expectReadable(v, Object.values(ids).flat());
  });

  it('refuses a key file that asks for gigabytes of scrypt memory as damaged, without running it', async () => {
    await seed();
    for (const name of ['keyslots.json', 'keyslots.backup.json']) {
      const path = join(dir, 'vault', name);
      const text = readFileSync(path, 'utf8');
      const body = text.slice(0, text.lastIndexOf('\n', text.length - 2));
      const slots = JSON.parse(body) as { slots: { passphrase: { kdf: Record<string, unknown> } } };
      slots.slots.passphrase.kdf = { ...slots.slots.passphrase.kdf, N: 2 ** 22, r: 32, p: 16 };
      const changed = JSON.stringify(slots, null, 2);
      writeFileSync(path, `${changed}\nsha256 ${createHash('sha256').update(changed, 'utf8').digest('hex')}\n`);
    }
    const before = snapshotFiles(dir);
    await expect(vault().unlock({ method: 'passphrase', passphrase })).rejects.toMatchObject({ code: 'CORRUPT' });
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it.each(['keyslots.json', 'keyslots.backup.json'])(
    'unlocks with the other copy when %s has a changed byte, then repairs it',
    async (name) => {
      const ids = await seed();
      for (const at of positions) {
        const damaged = changeOneByte(join(dir, 'vault', name), at);
        const v = vault();
        await v.unlock({ method: 'passphrase', passphrase });
        expectReadable(v, Object.values(ids).flat());
        v.lock();
        const aside = quarantined().filter((n) => n.startsWith(`${name}.`));
        expect(aside.length).toBeGreaterThan(0);
        expect(aside.some((n) => readFileSync(join(dir, 'vault', 'quarantine', n)).equals(damaged))).toBe(true);
        // Repaired: both copies identical again.
        expect(
          readFileSync(join(dir, 'vault', 'keyslots.json')).equals(
            readFileSync(join(dir, 'vault', 'keyslots.backup.json')),
          ),
        ).toBe(true);
      }
    },
  );

  it('reports a damaged key file (both copies) without deleting or changing anything', async () => {
    await seed();
    changeOneByte(join(dir, 'vault', 'keyslots.json'), 0.5);
    changeOneByte(join(dir, 'vault', 'keyslots.backup.json'), 0.5);
    const before = snapshotFiles(dir);
    const v = vault();
    expect(v.status().state).toBe('locked');
    await expect(v.unlock({ method: 'passphrase', passphrase })).rejects.toMatchObject({ code: 'CORRUPT' });
    await expect(v.setup('another long passphrase')).rejects.toMatchObject({ code: 'VAULT_EXISTS' });
    expect(snapshotFiles(dir)).toEqual(before);
  });

  it('refuses a file copied over another month', async () => {
    const ids = await seed();
    writeFileSync(join(dir, 'vault', 'logs', '2026-01.json'), readFileSync(join(dir, 'vault', 'logs', '2026-03.json')));
    const v = vault();
    expect((await v.unlock({ method: 'passphrase', passphrase })).unreadablePeriods).toEqual(['2026-01']);
    expectReadable(v, ids['2026-03'] ?? []);
  });

  it('takes over a garbled lock file left behind by a crash', async () => {
    await seed();
    const lockFile = join(dir, 'vault', 'vault.lock');
    writeFileSync(lockFile, '{"pid":12');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockFile, old, old);
    const v = vault();
    await v.unlock({ method: 'passphrase', passphrase });
    expect(v.status().state).toBe('unlocked');
  });

  it('waits rather than steal a lock file that is being written right now', async () => {
    await seed();
    writeFileSync(join(dir, 'vault', 'vault.lock'), '');
    await expect(vault().unlock({ method: 'passphrase', passphrase })).rejects.toMatchObject({ code: 'BUSY' });
  });

  it('rebuilds the index of a month left half-written by a crash', async () => {
    const ids = await seed();
    // A crash after the logs file was replaced but before the index: marker present, index stale.
    const v = vault();
    await v.unlock({ method: 'passphrase', passphrase });
    const indexFile = join(dir, 'vault', 'index', '2026-03.json');
    const staleIndex = readFileSync(indexFile);
    clock.set('2026-03-25T10:00:00Z');
    const { id } = v.save(sampleLog(77));
    v.lock();
    writeFileSync(indexFile, staleIndex);
    writeFileSync(join(dir, 'vault', 'pending', '2026-03'), '');
    await v.unlock({ method: 'passphrase', passphrase });
    expect(v.list().logs.map((l) => l.id)).toContain(id);
    expect(v.list().logs).toHaveLength(Object.values(ids).flat().length + 1);
    expect(readdirSync(join(dir, 'vault', 'pending'))).toEqual([]);
  });
});
