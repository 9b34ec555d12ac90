import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createClientsCommand } from '../../../../main/cli/commands/clients.command';
import type { CliContext } from '../../../../main/cli/cli-types';
import { runCli } from '../../../../main/cli/run-cli';
import { sampleProfileInput } from '../../../fixtures/clients/sample-profiles';
import { passphrase, tempDataDir, testKdf } from '../../vault/vault-test-kit';
import { testGraph } from '../../composition/test-graph';

const deps = { appVersion: '0.1.0-test', vaultDeps: { kdf: testKdf } };
const clients = createClientsCommand(deps);

let dir: string;
let cleanup: () => void;
let passFile: string;

beforeEach(async () => {
  ({ dir, cleanup } = tempDataDir());
  passFile = join(dir, 'pass.txt');
  writeFileSync(passFile, `${passphrase}\n`, { mode: 0o600 });
  const g = testGraph(join(dir, 'data'));
  await g.vault.setup(passphrase);
  g.vault.confirmRecoveryKey();
  g.clients.save(sampleProfileInput({ codeWord: 'PELICAN-ZX' }));
  g.clients.save(sampleProfileInput({ clientCode: 'CD-204', usualCountry: 'ES', timeZone: 'Europe/Madrid' }));
  await g.dispose();
});
afterEach(() => cleanup());

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const context: CliContext = {
    io: {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      stdin: Readable.from([]),
      interactive: false,
    },
    env: {},
    defaultDataDir: join(dir, 'data'),
    platform: process.platform,
  };
  const code = await runCli(['clients', ...args], [clients], context);
  return { code, stdout, stderr };
}

describe('readyroom clients', () => {
  it('list --json gives codes, country and zone, never the code word', async () => {
    const { code, stdout } = await run(['list', '--json', '--passphrase-file', passFile]);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { clients: { clientCode: string; country: string; timeZone: string }[] };
    expect(parsed.clients.map((c) => [c.clientCode, c.country, c.timeZone])).toEqual([
      ['AB-017', 'GB', 'Europe/London'],
      ['CD-204', 'ES', 'Europe/Madrid'],
    ]);
    expect(stdout).not.toContain('PELICAN');
  });

  it('show prints the set-up and only whether there is a code word', async () => {
    const { code, stdout } = await run(['show', '--client', 'ab-017', '--passphrase-file', passFile]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Back-up phone\s+\+44 20 7946 0000/);
    expect(stdout).toMatch(/Usually in\s+Leeds, United Kingdom/);
    expect(stdout).toMatch(/Code word\s+set \(shown only in the app\)/);
    expect(stdout).not.toContain('PELICAN');
    const json = await run(['show', '--client', 'AB-017', '--json', '--passphrase-file', passFile]);
    expect(JSON.parse(json.stdout)).toMatchObject({ clientCode: 'AB-017', hasCodeWord: true });
    expect(json.stdout).not.toContain('PELICAN');
    // The history names the field that changed, never a value.
    expect(json.stdout).not.toMatch(/"codeWord":/);
  });

  it('delete removes one set-up; a code without one is refused plainly (exit 2, as a bad input)', async () => {
    expect((await run(['delete', '--client', 'CD-204', '--passphrase-file', passFile])).code).toBe(0);
    const list = await run(['list', '--json', '--passphrase-file', passFile]);
    expect(list.stdout).not.toContain('CD-204');
    const again = await run(['delete', '--client', 'CD-204', '--passphrase-file', passFile]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('That client code has no set-up.');
  });

  it('refuses bad arguments with exit 2', async () => {
    expect((await run(['show', '--passphrase-file', passFile])).code).toBe(2);
    expect((await run(['list', '--client', 'AB-017', '--passphrase-file', passFile])).code).toBe(2);
    expect((await run(['rename'])).code).toBe(2);
  });
});
