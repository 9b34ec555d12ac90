import { describe, expect, it } from 'vitest';

import { logSaveRequestSchema } from '../../../shared/ipc/vault.contract';
import { assembleReadinessLog } from '../../../shared/logs/log-assembly';
import { csvHeader, csvRow } from '../../../shared/logs/log-export-csv';
import { jsonExportLog } from '../../../shared/logs/log-export-json';
import { newReadinessLogSchema, readinessLogSchema, type ReadinessLog } from '../../../shared/logs/readiness-log';
import { createClientCodeRedactor } from '../../../shared/text/client-code-redaction';
import { parseCsv } from '../../fixtures/csv/parse-csv';
import { sampleLog } from '../../fixtures/vault/sample-logs';

function stored(overrides: Partial<ReadinessLog> = {}): ReadinessLog {
  return readinessLogSchema.parse({
    ...sampleLog(1),
    id: '20260301T090000Z-000001',
    createdAt: '2026-03-01T09:00:00.000Z',
    appVersion: '0.1.0',
    addenda: [],
    ...overrides,
  });
}

const withoutCodes = { includeClientCodes: false, knownCodes: createClientCodeRedactor([]) } as const;

describe('the client’s country in a readiness log', () => {
  it('is optional: logs saved before it was asked still read', () => {
    const old = stored();
    expect(old.clientCountry).toBeUndefined();
    expect(stored({ clientCountry: 'ES' }).clientCountry).toBe('ES');
  });

  it('must be a country from the one list', () => {
    expect(newReadinessLogSchema.safeParse({ ...sampleLog(1), clientCountry: 'XX' }).success).toBe(false);
    expect(newReadinessLogSchema.safeParse({ ...sampleLog(1), clientCountry: 'gb' }).success).toBe(false);
  });

  it('is taken from the window’s save request into the assembled log', () => {
    const request = logSaveRequestSchema.parse({
      scanId: null,
      session: {
        sessionAt: '2026-03-02T09:00:00Z',
        clientCode: 'AB-017',
        platform: 'zoom',
        modality: 'video',
        clientCountry: 'IE',
      },
      media: [],
      confirmations: [],
      judgements: [],
      programsClosed: [],
      note: '',
    });
    const { log } = assembleReadinessLog({
      session: request.session,
      automatic: {},
      missingSummary: 'Not checked.',
      media: [],
      untestedMediaSummary: 'Not tested.',
      confirmations: {},
      judgements: [],
      remembered: [],
      programsClosed: [],
      note: '',
      entries: [],
    });
    expect(log.clientCountry).toBe('IE');
    const without = assembleReadinessLog({
      session: { ...request.session, clientCountry: undefined },
      automatic: {},
      missingSummary: 'Not checked.',
      media: [],
      untestedMediaSummary: 'Not tested.',
      confirmations: {},
      judgements: [],
      remembered: [],
      programsClosed: [],
      note: '',
      entries: [],
    }).log;
    expect('clientCountry' in without).toBe(false);
  });

  it('has its own CSV column, empty for a log without one', () => {
    const header = parseCsv(csvHeader({ includeClientCodes: false }))[0] ?? [];
    const column = header.indexOf('client country');
    expect(column).toBeGreaterThan(-1);
    expect(parseCsv(csvRow(stored({ clientCountry: 'ES' }), withoutCodes))[0]?.[column]).toBe('ES');
    expect(parseCsv(csvRow(stored(), withoutCodes))[0]?.[column]).toBe('');
  });

  it('goes into the JSON export, even without client codes', () => {
    const text = jsonExportLog(stored({ clientCountry: 'ES' }), withoutCodes, true);
    expect(JSON.parse(text)).toMatchObject({ clientCountry: 'ES' });
  });
});
