import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createMemorySink, setLogSink, type LogEntry } from '../../../main/logging/logger';
import { AppError } from '../../../shared/errors';
import type { VaultService } from '../../../main/vault/vault-service';
import { sampleLog } from '../../fixtures/vault/sample-logs';
import {
  fakeClock,
  fakeKeychain,
  listFiles,
  makeVault,
  passphrase,
  tempDataDir,
  type TestClock,
} from './vault-test-kit';

const clientMarker = 'QZX-MARKER-7731-CLIENT';
const noteMarker = 'Marker note: Ünïcødé 7731 do not store in clear';
const addendumMarker = 'ADDENDUM-MARKER-48213-kept-private';
const markers = [clientMarker, noteMarker, addendumMarker];

/**
 * Every form a marker takes in the encodings the app writes: UTF-8, UTF-16LE, hex and base64.
 * Base64 depends on where the text starts in the stream, so all three alignments are covered,
 * keeping only the characters that come from the marker alone.
 */
function encodedForms(marker: string): { name: string; bytes: Buffer }[] {
  const utf8 = Buffer.from(marker, 'utf8');
  const forms = [
    { name: 'utf8', bytes: utf8 },
    { name: 'utf16le', bytes: Buffer.from(marker, 'utf16le') },
    { name: 'hex', bytes: Buffer.from(utf8.toString('hex'), 'latin1') },
    { name: 'HEX', bytes: Buffer.from(utf8.toString('hex').toUpperCase(), 'latin1') },
  ];
  for (let offset = 0; offset < 3; offset += 1) {
    const text = Buffer.concat([Buffer.alloc(offset), utf8]).toString('base64');
    const first = Math.ceil(offset / 3) * 4;
    const last = Math.floor((offset + utf8.length) / 3) * 4;
    forms.push({ name: `base64+${offset}`, bytes: Buffer.from(text.slice(first, last), 'latin1') });
  }
  return forms;
}

function findMarkers(bytes: Buffer): string[] {
  const found: string[] = [];
  for (const marker of markers) {
    for (const form of encodedForms(marker)) if (bytes.includes(form.bytes)) found.push(`${marker} as ${form.name}`);
    if (bytes.toString('utf8').toLowerCase().includes(marker.toLowerCase())) found.push(`${marker} in any case`);
  }
  return found;
}

/** The error a call throws; fails the test when it does not throw at all. */
function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return expect.unreachable('the call was expected to throw');
}

let dir: string;
let cleanup: () => void;
let clock: TestClock;
let entries: LogEntry[];
const open: VaultService[] = [];

beforeEach(() => {
  ({ dir, cleanup } = tempDataDir());
  clock = fakeClock();
  const sink = createMemorySink();
  entries = sink.entries;
  setLogSink(sink);
});

afterEach(() => {
  for (const v of open.splice(0)) v.close();
  cleanup();
});

describe('vault-service: nothing identifying in the clear', () => {
  it('the marker search finds markers in each encoding (so a clean result means something)', () => {
    for (const marker of markers) {
      for (const form of encodedForms(marker)) {
        const padded = Buffer.concat([Buffer.from('xyz'), form.bytes, Buffer.from('xyz')]);
        expect(findMarkers(padded).length, form.name).toBeGreaterThan(0);
      }
      for (let offset = 0; offset < 3; offset += 1) {
        const b64 = Buffer.from(
          Buffer.concat([Buffer.alloc(offset, 7), Buffer.from(marker), Buffer.from('!!')]).toString('base64'),
        );
        expect(findMarkers(b64).length).toBeGreaterThan(0);
      }
    }
  });

  it('writes client codes, notes and addenda to no file under the data folder, in any encoding, nor to the log', async () => {
    const { port } = fakeKeychain();
    const v = makeVault(dir, { clock, keychain: port });
    open.push(v);
    await v.setup(passphrase);
    await v.setKeychain({ enabled: true, passphrase });
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      clock.set(new Date(Date.UTC(2026, i % 4, 1 + i, 9)));
      ids.push(v.save(sampleLog(i, { clientCode: clientMarker, note: `${noteMarker} #${i}` })).id);
    }
    v.addAddendum(ids[0] ?? '', { kind: 'note', text: addendumMarker });
    v.delete(ids[1] ?? '');
    expect(v.countClient(clientMarker)).toBe(11);
    v.backup(join(dir, 'my-backup.rrbackup'));
    // Errors never echo the client code either (a wrong count must be refused).
    const refused = thrownBy(() => v.eraseClient(clientMarker, 1));
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('STALE');
    expect(findMarkers(Buffer.from((refused as AppError).message))).toEqual([]);
    // Damage one month so a file is quarantined, then reopen.
    const feb = join(dir, 'vault', 'logs', '2026-02.json');
    const bytes = readFileSync(feb);
    bytes[bytes.length - 10] = bytes[bytes.length - 10] === 0x41 ? 0x42 : 0x41;
    writeFileSync(feb, bytes);
    v.lock();
    await v.unlock({ method: 'passphrase', passphrase });
    v.list({ client: clientMarker });
    v.eraseClient(clientMarker, v.countClient(clientMarker));

    const files = listFiles(dir);
    expect(files.some((f) => f.includes('quarantine'))).toBe(true);
    expect(files.some((f) => f.endsWith('.rrbackup'))).toBe(true);
    for (const file of files) expect(findMarkers(readFileSync(file)), file).toEqual([]);
    expect(findMarkers(Buffer.from(JSON.stringify(entries)))).toEqual([]);
  });
});
