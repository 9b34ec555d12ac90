import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createClientsCommand } from '../../../main/cli/commands/clients.command';
import { createLogsCommand } from '../../../main/cli/commands/logs.command';
import type { CliContext } from '../../../main/cli/cli-types';
import { runCli } from '../../../main/cli/run-cli';
import { dispatch } from '../../../main/ipc/dispatch';
import { createMemorySink, setLogSink, type LogEntry } from '../../../main/logging/logger';
import { sampleProfileInput } from '../../fixtures/clients/sample-profiles';
import { listFiles, passphrase, tempDataDir, testKdf } from '../vault/vault-test-kit';
import { testGraph } from '../composition/test-graph';

/** Distinctive, so a hit can only be the code word itself. */
const codeWord = 'KESTREL-ZQ-4471';

/** The code word as UTF-8, UTF-16LE, hex and base64 (each alignment), and in any letter case. */
function leaks(bytes: Buffer): string[] {
  const utf8 = Buffer.from(codeWord, 'utf8');
  const forms: [string, Buffer][] = [
    ['utf8', utf8],
    ['utf16le', Buffer.from(codeWord, 'utf16le')],
    ['hex', Buffer.from(utf8.toString('hex'), 'latin1')],
    ['HEX', Buffer.from(utf8.toString('hex').toUpperCase(), 'latin1')],
  ];
  for (let offset = 0; offset < 3; offset += 1) {
    const text = Buffer.concat([Buffer.alloc(offset), utf8]).toString('base64');
    forms.push([
      `base64+${offset}`,
      Buffer.from(text.slice(Math.ceil(offset / 3) * 4, Math.floor((offset + utf8.length) / 3) * 4), 'latin1'),
    ]);
  }
  const found = forms.filter(([, form]) => bytes.includes(form)).map(([name]) => name);
  if (bytes.toString('utf8').toUpperCase().includes(codeWord)) found.push('any case');
  return found;
}

let dir: string;
let cleanup: () => void;
let entries: LogEntry[];

beforeEach(() => {
  ({ dir, cleanup } = tempDataDir());
  const sink = createMemorySink();
  entries = sink.entries;
  setLogSink(sink);
});
afterEach(() => cleanup());

describe('the safety code word never leaves the vault', () => {
  it('the search finds the code word in every form it looks for (so a clean result means something)', () => {
    expect(leaks(Buffer.from(`x${codeWord}y`))).toContain('utf8');
    expect(leaks(Buffer.from(Buffer.from(`ab${codeWord}`).toString('base64')))).toHaveLength(1);
    expect(leaks(Buffer.from(codeWord.toLowerCase()))).toEqual(['any case']);
  });

  it('is in no log, export, report, backup, app log, error or command output', async () => {
    const dataDir = join(dir, 'data');
    const out = join(dir, 'out');
    const g = testGraph(dataDir);
    const errors: string[] = [];
    const ok = async (channel: Parameters<typeof dispatch>[1], payload: unknown) => {
      const result = await dispatch(g.handlers, channel, payload);
      if (!result.ok) throw new Error(`${String(channel)}: ${result.error.message}`);
      return result.value;
    };
    const refused = async (channel: Parameters<typeof dispatch>[1], payload: unknown) => {
      const result = await dispatch(g.handlers, channel, payload);
      expect(result.ok, String(channel)).toBe(false);
      if (!result.ok) errors.push(JSON.stringify(result.error));
    };
    try {
      await g.vault.setup(passphrase);
      g.vault.confirmRecoveryKey();
      g.settings.update({ coveredCountries: ['GB'], practiceName: 'Northside Counselling' });

      // The set-up, through the same path the window takes; then every read the window makes.
      await ok('clients:save', { profile: sampleProfileInput({ codeWord }) });
      await ok('clients:save', { profile: sampleProfileInput({ codeWord, usualRegion: 'York' }) });
      const reads = [
        await ok('clients:list', {}),
        await ok('clients:get', { clientCode: 'AB-017' }),
        await ok('clients:save', { profile: sampleProfileInput({ codeWord, usualRegion: 'York' }) }),
      ];
      for (const value of reads) expect(leaks(Buffer.from(JSON.stringify(value)))).toEqual([]);
      // Only a deliberate request ("show code word") brings it out of main, to the window alone.
      expect(JSON.stringify(await ok('clients:get', { clientCode: 'AB-017', withCodeWord: true }))).toContain(codeWord);

      // Refusals do not echo it back.
      await refused('clients:save', { profile: sampleProfileInput({ codeWord: `${codeWord}${'x'.repeat(60)}` }) });
      await refused('clients:save', { profile: sampleProfileInput({ codeWord: `${codeWord}\u200B` }) });
      await refused('clients:save', { profile: { ...sampleProfileInput({ codeWord }), backupPhone: codeWord } });

      // Readiness logs for this client, as the wizard saves them (with the client's country).
      for (const hour of ['09', '10', '11'])
        await ok('logs:save', {
          scanId: null,
          session: {
            sessionAt: `2026-03-02T${hour}:00:00Z`,
            clientCode: 'AB-017',
            platform: 'zoom',
            modality: 'video',
            clientCountry: 'ES',
          },
          media: [],
          confirmations: [{ id: 'room.private', confirmed: true }],
          judgements: [],
          programsClosed: [],
          note: 'Client away this week.',
        });
      await ok('logs:list', {});

      // Every export, with client codes included (the most an export ever holds), and a backup.
      const written: string[] = [];
      for (const format of ['csv', 'json', 'pdf'] as const) {
        const path = join(out, `export.${format}`);
        execFileSync('mkdir', ['-p', out]);
        await g.exporter.write({ format, includeClientCodes: true }, path);
        written.push(path);
      }
      expect(readFileSync(join(out, 'export.csv'), 'utf8')).toContain('ES');
      expect(readFileSync(join(out, 'export.json'), 'utf8')).toContain('"clientCountry":"ES"');
      writeFileSync(join(out, 'export.pdf.txt'), execFileSync('pdftotext', ['-layout', join(out, 'export.pdf'), '-']));
      g.vault.backup(join(out, 'backup.rrbackup'));
    } finally {
      await g.dispose();
    }

    // The command line, on the same data folder: its output goes into files beside the rest.
    const passFile = join(dir, 'pass.txt');
    writeFileSync(passFile, `${passphrase}\n`, { mode: 0o600 });
    const deps = { appVersion: '0.0.0-test', vaultDeps: { kdf: testKdf } };
    const commands = [createClientsCommand(deps), createLogsCommand(deps)];
    const runs: string[][] = [
      ['clients', 'list', '--json'],
      ['clients', 'list'],
      ['clients', 'show', '--client', 'AB-017'],
      ['clients', 'show', '--client', 'AB-017', '--json'],
      ['logs', 'export', '--format', 'json', '--include-client-codes', '--out', join(out, 'cli-export.json')],
      ['logs', 'export', '--format', 'csv', '--include-client-codes', '--out', join(out, 'cli-export.csv')],
    ];
    for (const [i, args] of runs.entries()) {
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
        defaultDataDir: dataDir,
        platform: process.platform,
      };
      const code = await runCli([...args, '--passphrase-file', passFile], commands, context);
      writeFileSync(join(out, `cli-${i}.out`), `${stdout}\n${stderr}`);
      expect(code, `${args.join(' ')}: ${stderr}`).toBe(0);
    }
    expect(readFileSync(join(out, 'cli-0.out'), 'utf8')).toContain('"clientCode":"AB-017"');
    expect(readFileSync(join(out, 'cli-2.out'), 'utf8')).toMatch(/Code word\s+set \(shown only in the app\)/);

    // The app's own log and the refusals, written beside the rest.
    writeFileSync(join(out, 'app-log.jsonl'), entries.map((e) => JSON.stringify(e)).join('\n'));
    writeFileSync(join(out, 'errors.txt'), errors.join('\n'));
    expect(entries.length).toBeGreaterThan(0);
    expect(errors).toHaveLength(3);

    const files = listFiles(dir);
    expect(files.some((f) => f.endsWith('.rrbackup'))).toBe(true);
    expect(files.some((f) => f.includes('documents'))).toBe(true);
    for (const file of files) expect(leaks(readFileSync(file)), file).toEqual([]);
  });
});
