import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { confStoreFactory } from '../../../main/store/store-factory';
import { createVaultService } from '../../../main/vault/vault-service';
import { passphrase, tempDataDir, testKdf } from './vault-test-kit';

const fixture = fileURLToPath(new URL('../../fixtures/vault/save-loop.ts', import.meta.url));
const kills = 24;

let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDataDir());
});
afterAll(() => cleanup());

function parentVault() {
  return createVaultService({ dataDir: dir, appVersion: 'crash-test', storeFactory: confStoreFactory, kdf: testKdf });
}

/** Starts the saving child; resolves once it has unlocked, collecting acknowledged ids as they come. */
function startChild(firstSeed: number, acknowledged: Set<string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, dir, String(firstSeed)], {
    env: { ...process.env, READYROOM_TEST_PASSPHRASE: passphrase },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let buffered = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        // Only complete lines count: a line cut by the kill was never acknowledged.
        if (line === 'ready') resolve(child);
        else if (line.startsWith('ack ')) acknowledged.add(line.slice(4));
        newline = buffered.indexOf('\n');
      }
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child exited early (${code ?? signal}): ${stderr.slice(0, 500)}`));
    });
  });
}

function killAfter(child: ChildProcess, ms: number): Promise<void> {
  return new Promise((resolve) => {
    child.on('exit', () => resolve());
    setTimeout(() => child.kill('SIGKILL'), ms);
  });
}

describe('vault-service: crash safety', () => {
  it(`keeps every acknowledged save when the saving process is killed at random moments (${kills} times)`, async () => {
    const setup = parentVault();
    await setup.setup(passphrase);
    setup.lock();

    const acknowledged = new Set<string>();
    const delays: number[] = [];
    for (let round = 0; round < kills; round += 1) {
      const child = await startChild(round * 1000, acknowledged);
      if (round === 0) {
        // While the child has the vault open, nobody else may open it for writing.
        const second = parentVault();
        await expect(second.unlock({ method: 'passphrase', passphrase })).rejects.toMatchObject({ code: 'BUSY' });
      }
      const delay = 20 + Math.floor(Math.random() * 400);
      delays.push(delay);
      await killAfter(child, delay);

      const check = parentVault();
      const status = await check.unlock({ method: 'passphrase', passphrase });
      expect(status.unreadablePeriods, `round ${round}, delays ${delays.join(',')}`).toEqual([]);
      const listed = new Set(check.list().logs.map((l) => l.id));
      for (const id of acknowledged) {
        expect(listed.has(id), `round ${round}: ${id} missing from the list`).toBe(true);
        expect(check.get(id).id).toBe(id);
      }
      check.lock();
    }
    expect(acknowledged.size).toBeGreaterThan(kills);
    // Unlock cleaned up whatever the kills left half-done.
    for (const sub of ['logs', 'index', 'pending']) {
      const leftovers = readdirSync(join(dir, 'vault', sub)).filter((n) => !/^\d{4}-\d{2}(\.json)?$/.test(n));
      expect(leftovers, sub).toEqual([]);
    }
    expect(readdirSync(join(dir, 'vault', 'pending'))).toEqual([]);
  }, 300_000);
});
