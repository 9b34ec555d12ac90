import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startE2eSession, type E2eSession } from './support/e2e-session';

describe('app shell in Chromium through the test host', () => {
  let session: E2eSession;

  beforeAll(async () => {
    session = await startE2eSession();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('renders the home screen with its main actions', async () => {
    const { page } = session;
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      'Ready for your next session',
    );
    expect(await page.getByRole('button', { name: 'Check readiness now' }).isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
  });

  it('completes a real round trip through the IPC contract', async () => {
    const info = await session.page.evaluate(() => window.readyroom?.invoke('app:info', {}));
    expect(info).toEqual({ ok: true, value: expect.objectContaining({ name: 'ReadyRoom', testHost: true }) });
  });

  it('returns a typed error for a payload that breaks the contract', async () => {
    const result = await session.page.evaluate(() =>
      window.readyroom?.invoke('settings:update', { patch: { idleLockMinutes: -5 } } as never),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('saves a setting through the real settings service and shows it after a reload', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Appearance' }).click();
    await page.getByLabel('Theme').selectOption('dark');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
  });

  it('runs under the strict Content-Security-Policy without violations or page errors', () => {
    expect(session.pageErrors).toEqual([]);
  });

  it('sends no request anywhere but its own host', () => {
    expect(session.foreignRequests).toEqual([]);
  });
});
