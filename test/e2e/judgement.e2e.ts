import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { catalog } from '../../shared/catalog/catalog';
import { invokeOk, startE2eSession, type E2eSession } from './support/e2e-session';
import { screenshot, seriousAxeViolations, tabTo, waitForScan } from './support/wizard-e2e-helpers';

const passphrase = 'steady lantern harbour 42';

/** The quick check's rows for automatic checks ReadyRoom could not settle, with their titles. */
async function problemRows(page: Page): Promise<{ row: Locator; title: string; state: string }[]> {
  const rows = page.locator('.rr-quick__problems li');
  const out: { row: Locator; title: string; state: string }[] = [];
  for (let i = 0; i < (await rows.count()); i += 1) {
    const row = rows.nth(i);
    const state = (await row.locator('[data-state]').first().getAttribute('data-state')) ?? '';
    const title = ((await row.locator('.rr-left__title').textContent()) ?? '').split(':')[0]?.trim() ?? '';
    out.push({ row, title, state });
  }
  return out;
}

describe('the therapist judgement, from the quick check to the saved log', () => {
  let session: E2eSession;

  beforeAll(async () => {
    session = await startE2eSession();
    await invokeOk(session.page, 'vault:setup', { passphrase });
    // A returning therapist: the recovery key was written down (an unconfirmed setup counts as no vault).
    await invokeOk(session.page, 'vault:confirm-recovery-key', {});
    await invokeOk(session.page, 'vault:lock', {});
  });

  afterAll(async () => {
    await session?.close();
  });

  it('marks one unknown check "I checked this myself" and another "not applicable", saves, and shows both in the log', async () => {
    const { page } = session;
    const kb = page.keyboard;
    await page.getByRole('button', { name: 'Quick check' }).click();
    await page.getByLabel('Client code').fill('JK-512');
    await waitForScan(page);

    // This computer (a build machine with no firewall tool, antivirus or desktop) has checks ReadyRoom cannot make.
    const rows = await problemRows(page);
    const unknown = rows.find((r) => r.state === 'unknown');
    expect(unknown, 'needs a check ReadyRoom cannot make on this computer').toBeDefined();
    const other = rows.find((r) => r !== unknown);
    expect(other, 'needs a second check that is not a pass').toBeDefined();
    if (!unknown || !other) return;
    const confirmedEntry = catalog.find((e) => e.title === unknown.title);

    // "I checked this myself", by keyboard; a blocker asks for its note first.
    await tabTo(page, page.getByRole('button', { name: `I checked this myself: ${unknown.title}` }));
    await kb.press('Enter');
    if (confirmedEntry?.severity === 'blocker') {
      await kb.type('Checked it in the system settings');
      await kb.press('Tab');
      await kb.press('Enter');
    } else {
      await page.getByLabel('Note for the log (optional)').fill('Checked it in the system settings');
    }
    await page.getByText('You checked this yourself at').first().waitFor();

    // "Not applicable, because…" with a reason from the list and words of the therapist's own.
    await tabTo(page, page.getByRole('button', { name: `Not applicable: ${other.title}` }));
    await kb.press('Enter');
    const form = page.getByRole('form', { name: `Not applicable: ${other.title}` });
    await form.getByLabel("Managed by my clinic's IT").check();
    await form.getByLabel(/^Say more/).fill('The practice IT looks after this laptop');
    await form.getByRole('button', { name: 'Mark as not applicable' }).click();
    await page.getByText(/Not applicable at .*: Managed by my clinic's IT\./).waitFor();

    const settled = page.getByRole('heading', { name: 'Settled by you' });
    expect(await settled.count()).toBeGreaterThan(0);
    await screenshot(page, 'judgement-1-quick-check');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByRole('button', { name: 'Save and start session' }).click();
    await page.getByRole('heading', { name: /Log saved/ }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Past logs' }).click();
    await page.getByRole('option', { name: /, JK-512,/ }).click();
    await page.getByRole('heading', { name: /Log for JK-512/ }).waitFor();
    const confirmed = page.locator('[data-judgement="confirmed"]');
    const notApplicable = page.locator('[data-judgement="not-applicable"]');
    expect(await confirmed.count()).toBe(1);
    expect(await notApplicable.count()).toBe(1);
    // Each judgement sits under what ReadyRoom saw, with its note.
    const confirmedItem = confirmed.locator('xpath=..');
    expect(await confirmedItem.textContent()).toContain(unknown.title);
    expect(await confirmedItem.textContent()).toContain('Could not check');
    expect(await confirmed.textContent()).toMatch(
      /You checked this yourself .*Note: Checked it in the system settings/,
    );
    expect(await notApplicable.locator('xpath=..').textContent()).toContain(other.title);
    expect(await notApplicable.textContent()).toMatch(
      /Not applicable\s*Because: Managed by my clinic's IT .*Note: The practice IT looks after this laptop/,
    );
    await screenshot(page, 'judgement-2-log-detail');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const { logs } = await invokeOk<{ logs: { id: string; judged: { id: string; kind: string }[] }[] }>(
      page,
      'logs:list',
      {},
    );
    expect(logs[0]?.judged.map((j) => j.kind).sort()).toEqual(['confirmed', 'not-applicable']);
    expect(session.pageErrors).toEqual([]);
    expect(session.foreignRequests).toEqual([]);
  });
});
