import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fillByRestore, planMonths, sampleBenchLog } from '../bench/support/bench-vault';
import { parseCsv } from '../fixtures/csv/parse-csv';
import { invokeOk, startE2eSession, type E2eSession } from './support/e2e-session';
import { screenshot, seriousAxeViolations } from './support/wizard-e2e-helpers';

const passphrase = 'quiet harbour lantern 42';
const total = 260; // a year of logs: more than the report lists one by one

describe('trends and exports in Chromium with a generated vault', () => {
  let session: E2eSession;
  const exportDir = mkdtempSync(join(tmpdir(), 'readyroom-e2e-exports-'));
  const saved = () => readdirSync(exportDir);

  beforeAll(async () => {
    session = await startE2eSession({ exportDir });
    const { page } = session;
    await invokeOk(page, 'vault:setup', { passphrase });
    await invokeOk(page, 'vault:confirm-recovery-key', {});
    await fillByRestore(
      session.host.graph.vault,
      session.dataDir,
      planMonths(total, new Date(), sampleBenchLog, 1),
      total,
    );
    await invokeOk(page, 'vault:lock', {});
  });

  afterAll(async () => {
    await session?.close();
    rmSync(exportDir, { recursive: true, force: true });
  });

  it('keeps the practice name given in Settings', async () => {
    const { page } = session;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Data' }).click();
    await page.getByLabel('Practice name').fill('Northside Counselling');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
  });

  it('shows outcomes per week as a chart with a table, and what keeps coming up with its share', async () => {
    const { page } = session;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Past logs' }).click();
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('heading', { name: 'Trends and reports' }).waitFor();
    const chart = page.locator('.rr-trend__chart svg');
    await chart.waitFor();
    expect(await chart.locator('.rr-trend__bar--ready path').count()).toBeGreaterThan(0);
    const table = page.getByRole('table', { name: /Logs per week by outcome/ });
    expect(await table.getByRole('row').count()).toBe(13); // header and 12 weeks
    expect(await page.getByRole('list', { name: 'Problems to sort out' }).textContent()).toMatch(
      /in \d+ % of sessions/,
    );
    await page.getByRole('button', { name: 'Show the figures as a table' }).click();
    await screenshot(page, 'exports-1-trends');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('warns that the file leaves the vault unencrypted, then saves the CSV through the save dialog', async () => {
    const { page } = session;
    await page.getByRole('radio', { name: /Spreadsheet \(CSV\)/ }).check();
    await page.getByRole('button', { name: 'Export…' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('This file will not be encrypted');
    expect(saved()).toEqual([]);
    await screenshot(page, 'exports-2-warning');
    await page.getByRole('button', { name: 'Choose where to save' }).click();
    const status = page.getByText(/^Saved the spreadsheet with \d+ logs\.$/);
    await status.waitFor();
    const count = Number(/with (\d+) logs/.exec((await status.textContent()) ?? '')?.[1]);
    const [file] = saved();
    expect(file).toMatch(/^ReadyRoom logs \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}\.csv$/);
    const path = join(exportDir, file ?? '');
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
    expect(rows).toHaveLength(count);
    expect(count).toBeGreaterThan(0);
    expect(header).not.toContain('client code');
    expect(header).toContain('security.firewall');
  });

  it('saves a PDF report of every log with the practice name and the period, and no client code', async () => {
    const { page } = session;
    await page.getByLabel('Period').selectOption('all');
    await page.getByRole('radio', { name: /PDF report/ }).check();
    await page.getByRole('button', { name: 'Export…' }).click();
    await page.getByRole('button', { name: 'Choose where to save' }).click();
    await page.getByText(`Saved the PDF report with ${total} logs.`).waitFor();
    const file = saved().find((name) => name.endsWith('.pdf'));
    expect(file).toBeDefined();
    const path = join(exportDir, file ?? '');
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Northside Counselling');
    expect(text).toMatch(/Period: \d{1,2} \w{3} \d{4} to \d{1,2} \w{3} \d{4}/);
    expect(text).toContain(`Logs by week (${total} logs in all)`);
    expect(text).not.toMatch(/AB-\d{3}/);
    expect(session.pageErrors).toEqual([]);
    expect(session.foreignRequests).toEqual([]);
  });
});
