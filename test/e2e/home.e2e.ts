import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { automaticCheckIds } from '../../shared/checks/check-ids';
import type { HomeSummary } from '../../shared/ipc/home.contract';
import type { ReviewView } from '../../shared/ipc/review.contract';
import type { NewReadinessLog } from '../../shared/logs/readiness-log';
import { reviewCatalog } from '../../shared/review/review.catalog';
import { invokeOk, startE2eSession, type E2eSession } from './support/e2e-session';
import { screenshot, seriousAxeViolations, tabTo } from './support/wizard-e2e-helpers';

const passphrase = 'quiet harbour lantern 42';

const seededLog: NewReadinessLog = {
  sessionAt: new Date().toISOString(),
  clientCode: 'AB-017',
  platform: 'zoom',
  modality: 'video',
  // Every automatic check passed but the firewall, which only warned.
  checks: automaticCheckIds.map((id) => ({
    id,
    status: id === 'security.firewall' ? 'warn' : 'pass',
    summary: 'x',
    evidence: {},
    durationMs: 1,
  })),
  confirmations: [],
  programsClosed: [],
  note: '',
  outcome: 'ready-with-advice',
};

/** Tomorrow at 14:00 on the test host's own clock (the zone the home screen shows times in). */
const zone = DateTime.local().zoneName ?? 'UTC';
const tomorrow = DateTime.local().plus({ days: 1 }).toISODate() ?? '';

describe('home screen, schedule and practice review in Chromium', () => {
  let session: E2eSession;

  beforeAll(async () => {
    session = await startE2eSession();
    const { page } = session;
    await invokeOk(page, 'vault:setup', { passphrase });
    await invokeOk(page, 'vault:confirm-recovery-key', {});
    // A past check, saved straight into the vault (logs:save builds logs only from a scan main ran).
    session.host.graph.vault.save(seededLog);
    await invokeOk(page, 'schedule:add', {
      session: {
        start: `${tomorrow}T14:00`,
        zone,
        durationMinutes: 50,
        platform: 'zoom',
        repeat: 'weekly',
        until: null,
        clientCode: 'AB-017',
      },
    });
    // Every review item done today but the first, which stays due.
    const today = DateTime.local().toISODate() ?? '';
    for (const item of reviewCatalog.slice(1))
      await invokeOk(page, 'review:update', { id: item.id, doneOn: today, nextDue: null, note: '' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Home' }).click();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows the last check with what needed attention, the next session and the one review item due', async () => {
    const { page } = session;
    const summary = await invokeOk<HomeSummary>(page, 'home:summary', {});
    expect(summary.lastCheck?.attention?.map((a) => a.id)).toContain('security.firewall');
    await page.reload();
    const last = page.getByRole('region', { name: 'Last check' });
    await last.getByText(/Checked /).waitFor();
    const outcomeWords = { ready: 'Ready', 'ready-with-advice': 'Ready with advice', 'not-ready': 'Not ready' };
    expect(await last.textContent()).toContain(outcomeWords[summary.lastCheck?.outcome ?? 'ready']);
    // The most serious first, and only a few: the firewall's warning before the items not confirmed.
    const attention = page.getByRole('list', { name: 'What needed attention at the last check' });
    expect(await attention.getByRole('listitem').first().textContent()).toBe('Firewall is on (needs attention)');
    expect(await attention.getByRole('listitem').count()).toBe(5);
    expect(await last.textContent()).toMatch(/And \d+ more: see Past logs\./);
    const next = page.getByRole('region', { name: 'Next session' });
    const nextText = (await next.textContent()) ?? '';
    expect(nextText).toContain('14:00');
    expect(nextText).toContain('AB-017');
    expect(nextText).toContain('Zoom');
    const due = page.getByRole('list', { name: 'Practice review items due' });
    expect(await due.getByRole('listitem').allTextContents()).toEqual([reviewCatalog[0]?.title]);
    await screenshot(page, 'home-1-unlocked');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('while the logs are locked, shows the time and outcome of the last check but no client code or findings', async () => {
    const { page } = session;
    await invokeOk(page, 'vault:lock', {});
    await page.reload();
    const last = page.getByRole('region', { name: 'Last check' });
    await last.getByText('Unlock your logs to see what needed attention.').waitFor();
    expect(await page.getByRole('list', { name: 'What needed attention at the last check' }).count()).toBe(0);
    const nextText = (await page.getByRole('region', { name: 'Next session' }).textContent()) ?? '';
    expect(nextText).toContain('14:00');
    expect(nextText).not.toContain('AB-017');
    expect(await page.getByRole('list', { name: 'Practice review items due' }).getByRole('listitem').count()).toBe(1);
    await screenshot(page, 'home-2-locked');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('the practice review shows the one item due, and recording it by keyboard leaves nothing due', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Open the practice review' }).click();
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('1 item is due.').waitFor();
    const first = page.getByRole('listitem').filter({ hasText: reviewCatalog[0]?.title ?? '' });
    expect(await first.textContent()).toContain('Due: not reviewed yet');
    expect(await first.textContent()).toContain('Source: ICO');
    expect(await seriousAxeViolations(page)).toEqual([]);
    const summary = first.getByText('Record this review');
    await tabTo(page, summary);
    await page.keyboard.press('Enter');
    await tabTo(page, first.getByRole('button', { name: 'Done today' }));
    await page.keyboard.press('Enter');
    await tabTo(page, first.getByRole('button', { name: 'Save' }));
    await page.keyboard.press('Enter');
    await page.getByText('Nothing is due.').waitFor();
    const view = await invokeOk<ReviewView>(page, 'review:get', {});
    expect(view.dueCount).toBe(0);
    await screenshot(page, 'review-1-done');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('adds and deletes a session on the schedule page', async () => {
    const { page } = session;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Home' }).click();
    await page.getByRole('button', { name: 'Your schedule' }).click();
    const form = page.getByRole('form', { name: 'Add a session' });
    await form.getByLabel('Date', { exact: true }).fill(tomorrow);
    await form.getByLabel('Time', { exact: true }).fill('16:30');
    await form.getByLabel('Client code').fill('CD-204');
    await form.getByLabel('Repeats').selectOption('fortnightly');
    await form.getByRole('button', { name: 'Add session' }).click();
    await page.getByText('Session added to your schedule.').waitFor();
    const list = page.getByRole('list', { name: 'Your scheduled sessions' });
    expect(await list.getByRole('listitem').count()).toBe(2);
    expect(await list.textContent()).toMatch(/CD-204.*16:30.*every two weeks/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'schedule-1-two');
    await page.getByRole('button', { name: 'Delete the session with CD-204' }).click();
    await page.getByText('Session removed from your schedule.').waitFor();
    expect(await list.getByRole('listitem').count()).toBe(1);
    expect(session.pageErrors).toEqual([]);
    expect(session.foreignRequests).toEqual([]);
  });
});
