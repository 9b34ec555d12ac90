import { describe, expect, it } from 'vitest';

import {
  jsonExportHead,
  jsonExportLog,
  jsonExportTail,
  parseLogsExport,
  type LogsExportHead,
} from '../../../shared/logs/log-export-json';
import { readinessLogSchema, type ReadinessLog } from '../../../shared/logs/readiness-log';
import { createClientCodeRedactor, type ClientCodeRedactor } from '../../../shared/text/client-code-redaction';
import { sampleLog } from '../../fixtures/vault/sample-logs';

function stored(seed: number): ReadinessLog {
  return readinessLogSchema.parse({
    ...sampleLog(seed),
    id: `20260301T090000Z-${String(seed).padStart(6, '0')}`,
    createdAt: '2026-03-01T09:00:00.000Z',
    appVersion: '0.1.0',
    addenda: [{ kind: 'note', text: 'Client joined late', at: '2026-03-01T10:00:00.000Z' }],
  });
}

const head = (includesClientCodes: boolean): LogsExportHead => ({
  format: 'readyroom-logs',
  version: 1,
  exportedAt: '2026-03-31T12:00:00.000Z',
  appVersion: '0.1.0',
  period: { from: '2026-03-01', to: null },
  oneClient: false,
  includesClientCodes,
});

function exportText(
  logs: readonly ReadinessLog[],
  includeCodes: boolean,
  knownCodes: ClientCodeRedactor = createClientCodeRedactor([]),
): string {
  const codes = includeCodes
    ? ({ includeClientCodes: true } as const)
    : ({ includeClientCodes: false, knownCodes } as const);
  return (
    jsonExportHead(head(includeCodes)) +
    logs.map((log, i) => jsonExportLog(log, codes, i === 0)).join('') +
    jsonExportTail()
  );
}

describe('JSON export', () => {
  it('reads back as the same logs, in the versioned format', () => {
    const logs = [stored(1), stored(2), stored(3)];
    const parsed = parseLogsExport(exportText(logs, true));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.format).toBe('readyroom-logs');
    expect(parsed.value.version).toBe(1);
    expect(parsed.value.logs).toEqual(logs);
    // And every exported log is still a valid stored log.
    for (const log of parsed.value.logs) expect(readinessLogSchema.safeParse(log).success).toBe(true);
  });

  it('leaves client codes out unless asked, and says so in the file', () => {
    const logs = [stored(7)];
    const text = exportText(logs, false);
    expect(text).not.toContain(logs[0]?.clientCode);
    const parsed = parseLogsExport(text);
    expect(parsed.ok && parsed.value.includesClientCodes).toBe(false);
    expect(parsed.ok && parsed.value.logs[0]?.clientCode).toBeUndefined();
    expect(parsed.ok && parsed.value.logs[0]?.note).toBe(logs[0]?.note);
  });

  it('blanks known client codes from the free text unless codes are included', () => {
    const log: ReadinessLog = {
      ...stored(8),
      clientCode: 'AB-017',
      note: 'AB-017 was late, CD-204 too',
      platformHost: 'meet.example.org/ab-017',
      judgements: [{ id: 'security.firewall', kind: 'confirmed', note: 'cd-204 said so', at: '2026-03-01T09:01:00Z' }],
      addenda: [{ kind: 'note', text: 'Ab-017 rang', at: '2026-03-01T10:00:00.000Z' }],
    };
    const text = exportText([log], false, createClientCodeRedactor(['CD-204', 'AB-017']));
    expect(text).not.toMatch(/AB-?017|CD-?204/i);
    const parsed = parseLogsExport(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.logs[0]).toMatchObject({
      note: '[client] was late, [client] too',
      platformHost: 'meet.example.org/[client]',
      judgements: [{ note: '[client] said so' }],
      addenda: [{ text: '[client] rang' }],
    });
    const kept = parseLogsExport(exportText([log], true));
    expect(kept.ok && kept.value.logs[0]).toEqual(log);
  });

  it('is valid JSON with no logs at all', () => {
    const parsed = parseLogsExport(exportText([], false));
    expect(parsed.ok && parsed.value.logs).toEqual([]);
  });

  it('refuses a file of another format or version', () => {
    const other = JSON.parse(exportText([stored(1)], true)) as Record<string, unknown>;
    expect(parseLogsExport(JSON.stringify({ ...other, version: 2 })).ok).toBe(false);
    expect(parseLogsExport(JSON.stringify({ ...other, format: 'something-else' })).ok).toBe(false);
    expect(parseLogsExport('not json').ok).toBe(false);
  });

  it('refuses a period that is not a real calendar day, and reads a real leap day', () => {
    const text = (from: string) =>
      JSON.stringify({ ...(JSON.parse(exportText([], false)) as object), period: { from, to: null } });
    for (const day of ['2026-02-30', '2025-02-29', '2026-06-31', '2026-13-01'])
      expect(parseLogsExport(text(day)).ok, day).toBe(false);
    expect(parseLogsExport(text('2028-02-29')).ok).toBe(true);
  });
});
