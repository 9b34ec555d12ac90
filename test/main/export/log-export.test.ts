import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createLogExport, type LogExport } from '../../../main/export/log-export';
import { createNodeVaultFs } from '../../../main/vault/vault-fs';
import type { VaultService } from '../../../main/vault/vault-service';
import { AppError } from '../../../shared/errors';
import type { IncidentView } from '../../../shared/ipc/incidents.contract';
import type { LogsExportRequest } from '../../../shared/ipc/vault.contract';
import { parseLogsExport } from '../../../shared/logs/log-export-json';
import { parseCsv } from '../../fixtures/csv/parse-csv';
import { sampleLog } from '../../fixtures/vault/sample-logs';
import { fakeClock, makeVault, passphrase, tempDataDir } from '../vault/vault-test-kit';

/** The PDF's text, as pdftotext (poppler-utils) reads it. */
export function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

let data: ReturnType<typeof tempDataDir>;
let out: ReturnType<typeof tempDataDir>;
let vault: VaultService;
const clock = fakeClock('2026-03-02T09:00:00.000Z');

async function openVault(): Promise<VaultService> {
  const v = makeVault(data.dir, { clock });
  await v.setup(passphrase);
  // Three clients over March 2026; one code starts like a formula (allowed, with a warning, as it looks like an e-mail).
  const days = ['2026-03-02', '2026-03-04', '2026-03-10', '2026-03-17', '2026-03-25'];
  days.forEach((day, i) => {
    clock.set(`${day}T09:00:00.000Z`);
    const clientCode = i === 4 ? '@SUM(A1:A2)' : i % 2 === 0 ? 'QX-417' : 'ZB-902';
    v.save(
      sampleLog(i, {
        clientCode,
        note: i === 1 ? '=HYPERLINK("http://evil.example","Open") then a "quoted", line\nand another' : 'Fine.',
      }),
    );
  });
  return v;
}

function exporter(overrides: Partial<Parameters<typeof createLogExport>[0]> = {}): LogExport {
  return createLogExport({
    vault,
    getSettings: () => ({ practiceName: 'Northside Counselling' }),
    appVersion: '0.1.0-test',
    os: 'linux',
    now: () => new Date('2026-04-01T12:00:00.000Z'),
    timeZone: 'Europe/London',
    ...overrides,
  });
}

const request = (r: Partial<LogsExportRequest> & Pick<LogsExportRequest, 'format'>): LogsExportRequest => ({
  includeClientCodes: false,
  ...r,
});

beforeEach(async () => {
  data = tempDataDir();
  out = tempDataDir();
  vault = await openVault();
});

afterEach(() => {
  vault.lock();
  data.cleanup();
  out.cleanup();
});

describe('log export: PDF', () => {
  it('names the practice and the period, and leaves client codes out unless asked', async () => {
    const path = join(out.dir, 'report.pdf');
    const written = await exporter().write(request({ format: 'pdf', from: '2026-03-01', to: '2026-03-31' }), path);
    expect(written.count).toBe(5);
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(path);
    expect(text).toContain('Northside Counselling');
    expect(text).toContain('1 Mar 2026 to 31 Mar 2026');
    expect(text).toContain('All clients');
    expect(text).toContain('Outcomes per week');
    expect(text).not.toContain('QX-417');
    expect(text).not.toContain('ZB-902');
    expect(text).not.toContain('@SUM');
  });

  it('shows client codes when asked, and only the chosen client', async () => {
    const path = join(out.dir, 'client.pdf');
    const written = await exporter().write(
      request({ format: 'pdf', client: 'qx-417', includeClientCodes: true }),
      path,
    );
    expect(written.count).toBe(2);
    const text = pdfText(path);
    expect(text).toContain('Client QX-417');
    expect(text).not.toContain('ZB-902');
  });

  it('says which client is left out when one client is chosen without codes', async () => {
    const path = join(out.dir, 'one.pdf');
    await exporter().write(request({ format: 'pdf', client: 'QX-417' }), path);
    const text = pdfText(path);
    expect(text).toContain('One client');
    expect(text).not.toContain('QX-417');
  });

  it('is written readable only by its owner', async () => {
    const path = join(out.dir, 'mode.pdf');
    await exporter().write(request({ format: 'pdf' }), path);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});

describe('log export: CSV and JSON', () => {
  it('writes one CSV row per log, without client codes unless asked, formulas kept as text', async () => {
    const path = join(out.dir, 'logs.csv');
    const written = await exporter().write(request({ format: 'csv' }), path);
    expect(written.count).toBe(5);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    const text = readFileSync(path, 'utf8');
    const [header, ...rows] = parseCsv(text);
    expect(rows).toHaveLength(5);
    expect(header).not.toContain('client code');
    expect(text).not.toContain('QX-417');
    const note = rows[1]?.[header?.indexOf('note') ?? -1];
    expect(note).toBe(`'=HYPERLINK("http://evil.example","Open") then a "quoted", line\nand another`);
    // Oldest first.
    const times = rows.map((r) => r[header?.indexOf('checked at') ?? -1] ?? '');
    expect([...times].sort()).toEqual(times);
  });

  it('neutralises a formula in a client code when codes are included', async () => {
    const path = join(out.dir, 'codes.csv');
    await exporter().write(request({ format: 'csv', includeClientCodes: true }), path);
    const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
    const codes = rows.map((r) => r[header?.indexOf('client code') ?? -1]);
    expect(codes).toContain(`'@SUM(A1:A2)`);
    expect(codes).toContain('QX-417');
  });

  it('writes JSON that reads back as the stored logs of the period', async () => {
    const path = join(out.dir, 'logs.json');
    const written = await exporter().write(
      request({ format: 'json', from: '2026-03-03', to: '2026-03-17', includeClientCodes: true }),
      path,
    );
    expect(written.count).toBe(3);
    const parsed = parseLogsExport(readFileSync(path, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.period).toEqual({ from: '2026-03-03', to: '2026-03-17' });
    const listed = vault.list({}).logs.map((l) => l.id);
    for (const log of parsed.value.logs) {
      expect(listed).toContain(log.id);
      expect(log).toEqual(vault.get(log.id));
    }
  });

  it('leaves no file, and no temp file, when the disk fills up part-way', async () => {
    let written = 0;
    const fullDisk = createNodeVaultFs({
      writeSync(fd, buffer, offset, length) {
        if (written > 2000) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        const n = writeSync(fd, buffer, offset, Math.min(length, 1000));
        written += n;
        return n;
      },
    });
    const path = join(out.dir, 'full.csv');
    const error = await exporter({ fs: fullDisk })
      .write(request({ format: 'csv' }), path)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DISK_FULL');
    expect(readdirSync(out.dir)).toEqual([]);
  });

  it('suggests a file name with the period and the right extension', () => {
    expect(exporter().suggestedName(request({ format: 'pdf', from: '2026-03-01', to: '2026-03-31' }))).toBe(
      'ReadyRoom report 2026-03-01 to 2026-03-31.pdf',
    );
    expect(exporter().suggestedName(request({ format: 'csv' }))).toBe('ReadyRoom logs 2026-04-01.csv');
  });
});

describe('log export: client codes in free text', () => {
  /** Codes the app knows from elsewhere: a client set-up, the schedule, an incident. */
  const incident: IncidentView = {
    id: 'inc-0000000a',
    kind: 'link-wrong-person',
    what: 'Sent the qx 417 link to PQ-9; ZB\u00a0902 was copied in.',
    occurredAt: null,
    discoveredAt: '2026-03-05T10:00:00.000Z',
    // QX-417 and ZB-902 are not (or no longer) listed on the incident, but logs still have them.
    clientCodes: ['PQ-9'],
    actions: 'Told KL-5.',
    ico: { decision: 'no', decidedOn: '2026-03-06', reason: 'MN-8 was not affected.' },
    status: 'closed',
    closedAt: '2026-03-06T09:00:00.000Z',
    closingNote: '',
    recordedAt: '2026-03-05T10:05:00.000Z',
    deadline: '2026-03-08T10:00:00.000Z',
  };
  const elsewhere = {
    incidents: { list: () => [incident], discoveredBetween: () => [incident] },
    clients: { knownClientCodes: () => ['KL-5'] },
    schedule: { knownClientCodes: () => ['MN-8'] },
  };
  const named = /QX.?417|ZB.?902|OLD.?1|KL.?5|MN.?8|PQ.?9/i;
  const note = 'qx 417 was late; ZB-902, old-1, KL-5, MN-8 and pq-9 rang. ≠QX-4170.';
  const blanked = '[client] was late; [client], [client], [client], [client] and [client] rang. ≠QX-4170.';

  beforeEach(() => {
    // A log outside the exported period, whose code is named in a note inside it.
    clock.set('2026-02-10T09:00:00.000Z');
    vault.save(sampleLog(9, { clientCode: 'OLD-1' }));
    clock.set('2026-03-26T09:00:00.000Z');
    const { id } = vault.save(sampleLog(10, { clientCode: 'QX-417', note }));
    vault.addAddendum(id, { kind: 'note', text: 'Zb-902 called back.' });
  });

  const march = { from: '2026-03-01', to: '2026-03-31' } as const;

  it('blanks the log’s own code and every other code the app knows from the CSV notes, and keeps them when asked', async () => {
    const path = join(out.dir, 'notes.csv');
    await exporter(elsewhere).write(request({ format: 'csv', ...march }), path);
    const text = readFileSync(path, 'utf8');
    expect(text.replace('QX-4170', '')).not.toMatch(named);
    const [header, ...rows] = parseCsv(text);
    const last = rows.at(-1) ?? [];
    expect(last[header?.indexOf('note') ?? -1]).toBe(blanked);
    expect(last[header?.indexOf('additions') ?? -1]).toContain('[client] called back.');

    const withCodes = join(out.dir, 'notes-codes.csv');
    await exporter(elsewhere).write(request({ format: 'csv', ...march, includeClientCodes: true }), withCodes);
    const [head, ...kept] = parseCsv(readFileSync(withCodes, 'utf8'));
    expect(kept.at(-1)?.[head?.indexOf('note') ?? -1]).toBe(note);
    expect(kept.at(-1)?.[head?.indexOf('additions') ?? -1]).toContain('Zb-902 called back.');
  });

  it('blanks them from the JSON notes and addenda, and keeps them when asked', async () => {
    const path = join(out.dir, 'notes.json');
    await exporter(elsewhere).write(request({ format: 'json', ...march }), path);
    const text = readFileSync(path, 'utf8');
    expect(text.replace('QX-4170', '')).not.toMatch(named);
    const parsed = parseLogsExport(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.value.logs.at(-1)).toMatchObject({ note: blanked, addenda: [{ text: '[client] called back.' }] });

    const withCodes = join(out.dir, 'notes-codes.json');
    await exporter(elsewhere).write(request({ format: 'json', ...march, includeClientCodes: true }), withCodes);
    const kept = parseLogsExport(readFileSync(withCodes, 'utf8'));
    expect(kept.ok && kept.value.logs.at(-1)).toMatchObject({ note, addenda: [{ text: 'Zb-902 called back.' }] });
  });

  it('blanks codes known from logs, set-ups and the schedule from the PDF’s incidents, and keeps them when asked', async () => {
    const path = join(out.dir, 'notes.pdf');
    await exporter(elsewhere).write(request({ format: 'pdf', ...march }), path);
    const text = pdfText(path).replace(/\s+/g, ' ');
    expect(text).not.toMatch(named);
    // The incident's words, across table columns: its own code, two from logs, a set-up's, the schedule's.
    expect(text.match(/\[client\]/g)).toHaveLength(5);
    expect(text).toContain('[client] link to [client]; [client] was copied in.');

    const withCodes = join(out.dir, 'notes-codes.pdf');
    await exporter(elsewhere).write(request({ format: 'pdf', ...march, includeClientCodes: true }), withCodes);
    const kept = pdfText(withCodes);
    expect(kept).not.toContain('[client]');
    for (const code of [/qx\s417/, /ZB\s902/, /KL-5/, /MN-8/, /PQ-9/]) expect(kept).toMatch(code);
  });

  it.each(['clients', 'schedule'] as const)(
    'writes nothing when a source of client codes (%s) cannot be read, rather than miss its codes',
    async (source) => {
      const unreadable = {
        knownClientCodes: (): never => {
          throw new AppError('CORRUPT', 'That record cannot be read.');
        },
      };
      const path = join(out.dir, 'broken.csv');
      const error = await exporter({ ...elsewhere, [source]: unreadable })
        .write(request({ format: 'csv' }), path)
        .catch((e: unknown) => e);
      expect((error as AppError).code).toBe('CORRUPT');
      expect(readdirSync(out.dir)).toEqual([]);
    },
  );
});
