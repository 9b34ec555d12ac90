import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createLogExport, type LogExport } from '../../../main/export/log-export';
import { createNodeVaultFs } from '../../../main/vault/vault-fs';
import type { VaultService } from '../../../main/vault/vault-service';
import { AppError } from '../../../shared/errors';
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
