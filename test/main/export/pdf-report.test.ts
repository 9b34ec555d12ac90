import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { renderReportPdf } from '../../../main/export/pdf-report';
import { pdfSafeText } from '../../../main/export/pdf-text';
import type { Incident } from '../../../shared/incidents/incident';
import { incidentReportSection } from '../../../shared/incidents/incident-report';
import { buildReport, maxLogRows, type ReportOptions } from '../../../shared/logs/log-report';
import type { LogSummary } from '../../../shared/logs/readiness-log';
import { createClientCodeRedactor } from '../../../shared/text/client-code-redaction';

const dir = mkdtempSync(join(tmpdir(), 'readyroom-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function summaries(count: number, start = Date.parse('2024-01-01T09:00:00Z'), stepMs = 3 * 3_600_000): LogSummary[] {
  return Array.from({ length: count }, (_, i) => {
    const createdAt = new Date(start + i * stepMs).toISOString();
    const wifi = i % 3 === 0;
    return {
      id: `log-${String(i).padStart(8, '0')}`,
      createdAt,
      sessionAt: createdAt,
      clientCode: `QX-${String(i % 50).padStart(3, '0')}`,
      platform: 'zoom',
      modality: 'video',
      outcome: wifi ? 'ready-with-advice' : i % 7 === 0 ? 'not-ready' : 'ready',
      problems: wifi ? ['connection.type'] : [],
      attention: wifi
        ? [{ id: 'connection.type', state: 'warn' }]
        : i % 7 === 0
          ? [{ id: 'security.firewall', state: 'fail' }]
          : [],
      judged: [],
      addendaCount: 0,
    } satisfies LogSummary;
  });
}

const options: ReportOptions = {
  includeClientCodes: false,
  practiceName: 'Northside Counselling',
  generatedAt: new Date('2026-04-01T12:00:00Z'),
  timeZone: 'Europe/London',
  os: 'linux',
};

async function render(logs: readonly LogSummary[], extra: Partial<ReportOptions> = {}, name = 'r.pdf') {
  const path = join(dir, name);
  writeFileSync(path, await renderReportPdf(buildReport(logs, { ...options, ...extra })));
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  return { text, pages };
}

describe('PDF report', () => {
  it('lists each log when there are few, with the top problems, their share and the advice', async () => {
    const { text, pages } = await render(summaries(30));
    expect(text).toContain('Northside Counselling');
    expect(text).toContain('Each log (30)');
    expect(text).toMatch(/Connected by cable: in 33 % of sessions \(10 of 30 logs\)/);
    expect(text).toContain('What to do:');
    expect(text).not.toMatch(/QX-\d{3}/);
    expect(pages).toBeLessThanOrEqual(3);
  });

  it('summarises thousands of logs per week, in a bounded number of pages', async () => {
    const logs = summaries(5000); // about 21 months at eight a day
    const { text, pages } = await render(logs, {}, 'big.pdf');
    expect(logs.length).toBeGreaterThan(maxLogRows);
    expect(text).toContain('Logs by week (5000 logs in all)');
    expect(text).toContain('Most often needed attention');
    expect(pages).toBeLessThanOrEqual(15);
  }, 60_000);

  it('shows client codes only when asked', async () => {
    const { text } = await render(summaries(5), { includeClientCodes: true }, 'codes.pdf');
    expect(text).toContain('QX-001');
  });

  it('shows a character the standard font lacks as a visible code, never dropping it', async () => {
    const logs = summaries(2).map((l) => ({ ...l, clientCode: '李-017' }));
    const { text } = await render(logs, { includeClientCodes: true, practiceName: 'Praxis Müller – Łódź' }, 'cjk.pdf');
    expect(text).toContain('<U+674E>');
    expect(text).toContain('Praxis Müller – <U+0141>ód<U+017A>');
  });
});

describe('pdfSafeText', () => {
  it('keeps what Windows-1252 can show and writes the rest as visible code points', () => {
    expect(pdfSafeText('Café “quoted” – €5')).toBe('Café “quoted” – €5');
    expect(pdfSafeText('Ω')).toBe('<U+03A9>');
    expect(pdfSafeText('😀')).toBe('<U+1F600>');
    expect(pdfSafeText('9\u202F:00')).toBe('9 :00');
    expect(pdfSafeText('a\nb')).toBe('a b');
    expect(pdfSafeText('a\nb', { keepLineBreaks: true })).toBe('a\nb');
  });
});

describe('PDF report: incidents', () => {
  const incident = {
    id: 'inc-0000000a',
    kind: 'link-wrong-person',
    what: 'Sent the QX-001 session link to the wrong address.',
    occurredAt: null,
    discoveredAt: '2024-01-02T10:00:00.000Z',
    clientCodes: ['QX-001'],
    actions: '',
    ico: { decision: 'undecided', decidedOn: null, reason: '' },
    status: 'open',
    closedAt: null,
    closingNote: '',
    recordedAt: '2024-01-02T10:05:00.000Z',
  } as const satisfies Incident;

  async function renderWith(includeClientCodes: boolean, incidents: readonly Incident[], name: string) {
    const path = join(dir, name);
    const codes = includeClientCodes
      ? ({ includeClientCodes } as const)
      : ({ includeClientCodes, knownCodes: createClientCodeRedactor([]) } as const);
    const section = incidentReportSection(incidents, { ...codes, timeZone: 'Europe/London' });
    writeFileSync(path, await renderReportPdf(buildReport(summaries(3), { ...options, includeClientCodes }), section));
    return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  }

  it('has an Incidents part with each incident, and no client code unless the report includes them', async () => {
    const text = await renderWith(false, [incident], 'incidents.pdf');
    expect(text).toContain('Incidents (1)');
    expect(text).toContain('A session link went to the wrong');
    expect(text).toContain('Not decided yet');
    expect(text).not.toMatch(/QX-\d{3}/);
    expect(await renderWith(true, [incident], 'incidents-codes.pdf')).toContain('QX-001');
  });

  it('says when no incident was recorded in the period', async () => {
    expect(await renderWith(false, [], 'no-incidents.pdf')).toContain('No incident was recorded in this period.');
  });
});
