import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { VaultService } from '../../../main/vault/vault-service';
import { sampleLog } from '../../fixtures/vault/sample-logs';
import { fakeClock, makeVault, passphrase, tempDataDir, type TestClock } from './vault-test-kit';

let dir: string;
let cleanup: () => void;
let clock: TestClock;
let backupDir: { dir: string; cleanup: () => void };
const open: VaultService[] = [];

beforeEach(() => {
  ({ dir, cleanup } = tempDataDir());
  backupDir = tempDataDir();
  clock = fakeClock();
});

afterEach(() => {
  for (const v of open.splice(0)) v.close();
  cleanup();
  backupDir.cleanup();
});

function vault(): VaultService {
  const v = makeVault(dir, { clock });
  open.push(v);
  return v;
}

async function unlocked(): Promise<VaultService> {
  const v = vault();
  await v.unlock({ method: 'passphrase', passphrase });
  return v;
}

/** Logs in January, February and March 2026, and a backup of them; locked. Returns February's ids. */
async function seedWithBackup(): Promise<{ february: string[]; backup: string }> {
  const v = vault();
  await v.setup(passphrase);
  const february: string[] = [];
  for (const [i, at] of ['2026-01-10', '2026-02-10', '2026-02-11', '2026-03-10'].entries()) {
    clock.set(`${at}T10:00:00Z`);
    const { id } = v.save(sampleLog(i));
    if (at.startsWith('2026-02')) february.push(id);
  }
  const backup = join(backupDir.dir, 'b.rrbackup');
  v.backup(backup);
  v.lock();
  return { february, backup };
}

const logsFile = (period: string) => join(dir, 'vault', 'logs', `${period}.json`);

describe('vault-service: a month whose logs file is gone', () => {
  it('reports it as missing, not as set aside, at every unlock until it is dealt with', async () => {
    await seedWithBackup();
    rmSync(logsFile('2026-02'));
    for (let round = 0; round < 3; round += 1) {
      const v = await unlocked();
      const status = v.status();
      expect(status.missingPeriods, `unlock ${round + 1}`).toEqual(['2026-02']);
      expect(status.unreadablePeriods).toEqual([]);
      expect(v.list()).toMatchObject({ missingPeriods: ['2026-02'], unreadablePeriods: [] });
      v.lock();
    }
  });

  it('stops reporting a missing month once a restore brings its logs back', async () => {
    const { february, backup } = await seedWithBackup();
    rmSync(logsFile('2026-02'));
    const v = await unlocked();
    expect(v.status().missingPeriods).toEqual(['2026-02']);
    expect(await v.restore(backup)).toMatchObject({ status: 'restored', added: 2, missingPeriods: [] });
    expect(v.status().missingPeriods).toBeUndefined();
    for (const id of february) expect(v.get(id).id).toBe(id);
    v.lock();
    expect((await unlocked()).status().missingPeriods).toBeUndefined();
  });
});

describe('vault-service: a month that could not be read, then restored', () => {
  it('stops saying "could not be read" once a restore brings the logs back, keeping the damaged file', async () => {
    const { february, backup } = await seedWithBackup();
    writeFileSync(logsFile('2026-02'), 'this is not the file ReadyRoom wrote\n');
    const v = await unlocked();
    expect(v.status().unreadablePeriods).toEqual(['2026-02']);
    expect(await v.restore(backup)).toMatchObject({ status: 'restored', added: 2, unreadablePeriods: [] });
    expect(v.status().unreadablePeriods).toEqual([]);
    for (const id of february) expect(v.get(id).id).toBe(id);
    v.lock();
    expect((await unlocked()).status().unreadablePeriods).toEqual([]);
    // Never deleted: renamed so it is no longer reported.
    expect(
      readdirSync(join(dir, 'vault', 'quarantine')).some((n) => /^logs-2026-02\.json\..*\.restored$/.test(n)),
    ).toBe(true);
  });

  it('keeps reporting a month the backup did not hold', async () => {
    const { backup } = await seedWithBackup();
    const v = await unlocked();
    clock.set('2026-04-02T10:00:00Z');
    v.save(sampleLog(9));
    v.lock();
    writeFileSync(logsFile('2026-04'), 'damaged\n');
    const again = await unlocked();
    expect(again.status().unreadablePeriods).toEqual(['2026-04']);
    await again.restore(backup);
    expect(again.status().unreadablePeriods).toEqual(['2026-04']);
  });
});
