import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createMemorySink, setLogSink } from '../../main/logging/logger';
import { createSettingsService } from '../../main/settings/settings-service';
import { confStoreFactory } from '../../main/store/store-factory';
import { buildVaultByRestore, planMonths } from '../bench/support/bench-vault';
import { realisticLog } from '../fixtures/vault/realistic-logs';
import { startE2eSession, type E2eSession } from './support/e2e-session';
import { screenshot, seriousAxeViolations } from './support/wizard-e2e-helpers';

const passphrase = 'generated vault passphrase 7';
const total = 3000;
/** Unlocking runs scrypt and the machine is shared: wait up to half a minute for the page. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000 });

describe('Past logs list in Chromium over a generated vault', () => {
  let session: E2eSession;

  beforeAll(async () => {
    setLogSink(createMemorySink());
    const dataDir = join(await mkdtemp(join(tmpdir(), 'readyroom-e2e-list-')), 'data');
    // Ten years of logs: kept for ever, so retention leaves them all.
    createSettingsService(dataDir, confStoreFactory).update({ retentionYears: null });
    await buildVaultByRestore(dataDir, passphrase, total, planMonths(total, new Date(), realisticLog));
    session = await startE2eSession({ dataDir, fakeMedia: false });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('unlocks and lists every log in a list that draws only what is on screen', async () => {
    const { page } = session;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Past logs' }).click();
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: 'Unlock' }).click();
    const status = page.locator('.rr-card [role="status"]').first();
    await poll(() => status.textContent()).toBe('3,000 logs.');
    const list = page.getByRole('listbox', { name: /Readiness logs/ });
    const drawn = await list.getByRole('option').count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(80);
    expect(await list.getByRole('option').first().getAttribute('aria-setsize')).toBe('3000');
    await screenshot(page, 'logs-list-1-all');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('filters by outcome and note words together, opens a log from the keyboard, and comes back to it', async () => {
    const { page } = session;
    const status = page.locator('.rr-card [role="status"]').first();
    const list = page.getByRole('listbox', { name: /Readiness logs/ });
    await page.getByLabel('Outcome', { exact: true }).selectOption({ label: 'Ready with advice' });
    await poll(() => status.textContent()).toMatch(/^[\d,]+ of 3,000 logs match\.$/);
    const notes = page.getByLabel('Notes contain');
    await notes.fill('builders');
    await poll(() => status.textContent()).toMatch(/^[\d,]+ of 3,000 logs match\.$/);
    await poll(() => list.getByRole('option').first().textContent()).toMatch(/Ready with advice/);
    // Focus stayed in the search box while the list changed under it.
    expect(await notes.evaluate((el) => el === document.activeElement)).toBe(true);
    const matched = Number(((await status.textContent()) ?? '').replace(/,/g, '').split(' ')[0]);
    expect(matched).toBeGreaterThan(0);
    expect(matched).toBeLessThan(total);
    expect(page.url()).toContain('#logs?outcome=ready-with-advice&notes=builders');

    const first = list.getByRole('option').first();
    await first.focus();
    await page.keyboard.press('ArrowDown');
    const second = list.locator('[role="option"][aria-posinset="2"]');
    expect(await second.evaluate((el) => el === document.activeElement)).toBe(true);
    const code = (await second.locator('.rr-log-list__code').textContent()) ?? '';
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { name: `Log for ${code}` });
    await heading.waitFor();
    expect(((await page.locator('.rr-logs__note').first().textContent()) ?? '').toLowerCase()).toContain('builders');
    await screenshot(page, 'logs-list-2-detail');

    await page.getByRole('button', { name: /Back to the list/ }).click();
    await poll(() => status.textContent()).toBe(`${matched.toLocaleString('en-GB')} of 3,000 logs match.`);
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-posinset') ?? null)).toBe('2');
    expect(session.pageErrors).toEqual([]);
    expect(session.foreignRequests).toEqual([]);
  });

  it('steps back and forward through filters with the browser history', async () => {
    const { page } = session;
    const status = page.locator('.rr-card [role="status"]').first();
    await page.getByLabel('Had this not passing').selectOption({ label: 'Firewall is on' });
    await poll(() => page.url()).toContain('check=security.firewall');
    await page.goBack();
    await poll(() => page.getByLabel('Had this not passing').inputValue()).toBe('');
    expect(await page.getByLabel('Notes contain').inputValue()).toBe('builders');
    await page.goForward();
    await poll(() => page.getByLabel('Had this not passing').inputValue()).toBe('security.firewall');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await poll(() => status.textContent()).toBe('3,000 logs.');
    expect(session.pageErrors).toEqual([]);
  });
});
