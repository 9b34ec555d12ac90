import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createLogsCommand } from '../../../main/cli/commands/logs.command';
import type { CliContext } from '../../../main/cli/cli-types';
import { runCli } from '../../../main/cli/run-cli';
import type * as clientCodeModule from '../../../shared/logs/client-code';
import type { createVaultService } from '../../../main/vault/vault-service';
import { sampleLog } from '../../fixtures/vault/sample-logs';
import { fakeClock, makeVault, passphrase, tempDataDir, testKdf } from './vault-test-kit';

/** Flips one byte near the end, so the file no longer authenticates. */
function damage(path: string): void {
  const bytes = readFileSync(path);
  bytes[bytes.length - 10] = bytes[bytes.length - 10] === 0x41 ? 0x42 : 0x41;
  writeFileSync(path, bytes);
}

/**
 * Codes that the version before this fix accepted and stored: the "@" (or a phone-number or
 * name warning) skipped every character check. Real escape sequences and look-alikes.
 */
const escapeCode = 'jane@x.org\u001b[2J\u001b]0;owned\u0007'; // clears the screen, retitles the terminal
const csiCode = 'kim@x.org\u009b31m'; // the one-byte C1 CSI: JSON.stringify leaves it raw
const bidiCode = 'lee@x.org\u202egro'; // right-to-left override: shows as "lee@x.orgorg"
const zeroWidthCode = 'AB\u200b-017'; // looks exactly like AB-017
const decomposedCode = 'Zoe\u0308-1'; // "Zoë-1" in NFD, as macOS file names and some keyboards give it
const doubleSpaceCode = 'Grp  3';

let dir: string;
let cleanup: () => void;
const dataDir = () => join(dir, 'data');

beforeEach(() => {
  ({ dir, cleanup } = tempDataDir());
});
afterEach(() => {
  vi.doUnmock('../../../shared/logs/client-code');
  vi.resetModules();
  cleanup();
});

/** The vault service as the previous version built it: no hidden-character check, keys by trim + NFC + upper case. */
async function olderVaultService(): Promise<typeof createVaultService> {
  vi.resetModules();
  vi.doMock('../../../shared/logs/client-code', async (importOriginal) => {
    const real = await importOriginal<typeof clientCodeModule>();
    return {
      ...real,
      checkClientCode: (raw: string) => ({ valid: true, error: null, warnings: [], code: raw.trim() }),
      clientCodeInputSchema: real.storedClientCodeSchema,
      clientCodeKey: real.legacyClientCodeKey,
    };
  });
  const module = await import('../../../main/vault/vault-service');
  vi.doUnmock('../../../shared/logs/client-code');
  vi.resetModules();
  return module.createVaultService;
}

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const passFile = join(dir, 'pass.txt');
  writeFileSync(passFile, `${passphrase}\n`, { mode: 0o600 });
  const context: CliContext = {
    io: {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      stdin: Readable.from([]),
      interactive: false,
    },
    env: {},
    defaultDataDir: dataDir(),
    platform: process.platform,
  };
  const logs = createLogsCommand({ appVersion: '0.1.0-test', vaultDeps: { kdf: testKdf } });
  const code = await runCli(['logs', ...args, '--passphrase-file', passFile], [logs], context);
  return { code, stdout, stderr };
}

// eslint-disable-next-line no-control-regex -- these are exactly what must never be printed
const rawHidden = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

describe('client codes saved by an older version', () => {
  beforeEach(async () => {
    const { confStoreFactory } = await import('../../../main/store/store-factory');
    const create = await olderVaultService();
    const vault = create({ dataDir: dataDir(), appVersion: '0.0.9', storeFactory: confStoreFactory, kdf: testKdf });
    await vault.setup(passphrase);
    for (const [i, clientCode] of [
      escapeCode,
      csiCode,
      bidiCode,
      zeroWidthCode,
      'AB-017',
      decomposedCode,
      doubleSpaceCode,
    ].entries())
      vault.save(sampleLog(i, { clientCode }));
    vault.lock();
  });

  async function current() {
    const vault = makeVault(dataDir());
    await vault.unlock({ method: 'passphrase', passphrase });
    return vault;
  }

  it('are still found by what they look like', async () => {
    const vault = await current();
    const codesFor = (client: string) =>
      vault
        .list({ client })
        .logs.map((l) => l.clientCode)
        .sort();
    expect(codesFor('AB-017')).toEqual(['AB-017', zeroWidthCode].sort());
    expect(codesFor('ab-017')).toEqual(['AB-017', zeroWidthCode].sort());
    expect(codesFor('Zo\u00eb-1')).toEqual([decomposedCode]);
    expect(codesFor('jane@x.org[2J]0;owned')).toEqual([escapeCode]);
    expect(codesFor('Grp 3')).toEqual([doubleSpaceCode]);
    expect(vault.countClient('AB-017')).toBe(2);
  });

  it('are all erased with the client they look like', async () => {
    const vault = await current();
    expect(vault.eraseClient('AB-017', 2)).toMatchObject({ erased: 2 });
    expect(vault.list({}).logs.map((l) => l.clientCode)).not.toContain(zeroWidthCode);
  });

  it('are listed and shown by the CLI without one raw escape, bidi or zero-width character', async () => {
    const list = await cli(['list']);
    expect(list.code).toBe(0);
    expect(list.stdout).not.toMatch(rawHidden);
    expect(list.stdout).toContain('jane@x.org<U+001B>[2J<U+001B>]0;owned<U+0007>');
    expect(list.stdout).toContain('kim@x.org<U+009B>31m');
    expect(list.stdout).toContain('lee@x.org<U+202E>gro');
    expect(list.stdout).toContain('AB<U+200B>-017');

    const json = await cli(['list', '--json']);
    expect(json.stdout).not.toMatch(rawHidden);
    const parsed = JSON.parse(json.stdout) as { logs: { clientCode: string; id: string }[] };
    // The JSON still carries the stored code exactly: only its spelling on the terminal changed.
    expect(parsed.logs.map((l) => l.clientCode)).toContain(csiCode);

    const id = parsed.logs.find((l) => l.clientCode === escapeCode)?.id ?? '';
    const show = await cli(['show', id]);
    expect(show.code).toBe(0);
    expect(show.stdout).not.toMatch(rawHidden);
    expect(show.stdout).toContain('Client:    jane@x.org<U+001B>');
    expect(show.stdout).toContain('\n  Quiet room'); // line breaks of the layout survive
  });

  it('are refused as new codes, even with an "@" in them', async () => {
    const vault = await current();
    for (const clientCode of [escapeCode, csiCode, bidiCode, zeroWidthCode])
      expect(() => vault.save(sampleLog(1, { clientCode }))).toThrow(/hidden or control character/);
    expect(vault.save(sampleLog(1, { clientCode: decomposedCode })).id).toBeTruthy();
    expect(vault.list({ client: decomposedCode }).logs.map((l) => l.clientCode)).toContain('Zo\u00eb-1');
  });
});

describe('an erasure recorded by an older version', () => {
  it('still keeps that client out of a later restore, though codes are now compared differently', async () => {
    const clock = fakeClock('2026-02-10T10:00:00Z');
    const backupFile = join(dir, 'before-erasure.rrbackup');
    const { confStoreFactory } = await import('../../../main/store/store-factory');
    const create = await olderVaultService();
    const older = create({
      dataDir: dataDir(),
      appVersion: '0.0.9',
      storeFactory: confStoreFactory,
      kdf: testKdf,
      clock,
    });
    await older.setup(passphrase);
    older.save(sampleLog(1, { clientCode: doubleSpaceCode }));
    older.save(sampleLog(2, { clientCode: zeroWidthCode }));
    older.save(sampleLog(3, { clientCode: 'KEEP' }));
    older.backup(backupFile);
    clock.set('2026-03-20T10:00:00Z');
    expect(older.eraseClient(doubleSpaceCode, 1)).toMatchObject({ erased: 1 });
    expect(older.eraseClient(zeroWidthCode, 1)).toMatchObject({ erased: 1 });
    older.lock();
    // February's files are lost, and with them its deletion records: only the erasure records
    // filed in March, under the older comparison form, can keep the client out.
    for (const kind of ['logs', 'index']) damage(join(dataDir(), 'vault', kind, '2026-02.json'));

    const vault = makeVault(dataDir(), { clock });
    await vault.unlock({ method: 'passphrase', passphrase });
    const restored = await vault.restore(backupFile);
    expect(restored).toMatchObject({ status: 'restored', added: 1, skippedDeleted: 2 });
    expect(vault.list({}).logs.map((l) => l.clientCode)).toEqual(['KEEP']);
  });
});
