import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Settings } from '../../shared/settings/settings';
import { invokeOk, startE2eSession, type E2eSession } from './support/e2e-session';
import { screenshot, seriousAxeViolations } from './support/wizard-e2e-helpers';

const sections = ['Sessions', 'Checks', 'Security', 'Data', 'Start at login', 'Appearance'];

/** The accessible name of whatever has the keyboard focus. */
async function focused(session: E2eSession): Promise<string> {
  return session.page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return '';
    const label = element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null;
    return `${element.getAttribute('role') ?? element.tagName.toLowerCase()}: ${(label ?? element.textContent ?? '').trim()}`;
  });
}

describe('Settings in sections, by keyboard alone, in Chromium', () => {
  let session: E2eSession;

  beforeAll(async () => {
    session = await startE2eSession();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('reaches every section with the keyboard, each free of serious accessibility problems', async () => {
    const { page } = session;
    await page.getByRole('heading', { level: 1 }).waitFor();
    // From the top bar, with Enter: no mouse anywhere in this test.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    // The page heading takes focus on arrival; Tab goes to the selected section's tab.
    await page.keyboard.press('Tab');
    expect(await focused(session)).toBe('tab: Sessions');
    for (const [index, name] of sections.entries()) {
      if (index > 0) await page.keyboard.press('ArrowRight');
      expect(await focused(session)).toBe(`tab: ${name}`);
      const panel = page.getByRole('tabpanel', { name });
      expect(await panel.isVisible()).toBe(true);
      // Only the chosen section shows.
      expect(await page.getByRole('tabpanel').count()).toBe(1);
      await screenshot(page, `settings-${index + 1}-${name.toLowerCase().replaceAll(' ', '-')}`);
      expect({ name, violations: await seriousAxeViolations(page) }).toEqual({ name, violations: [] });
    }
    await page.keyboard.press('Home');
    expect(await focused(session)).toBe('tab: Sessions');
    await page.keyboard.press('End');
    expect(await focused(session)).toBe('tab: Appearance');
  });

  it('changes and saves a setting with the keyboard alone', async () => {
    const { page } = session;
    // From the Appearance tab, Tab moves into its section: the theme, then its Save button.
    await page.keyboard.press('Tab');
    expect(await focused(session)).toBe('select: Theme');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    expect(await focused(session)).toBe('button: Save settings');
    await page.keyboard.press('Enter');
    await page.getByText('Settings saved.').waitFor();
    expect((await invokeOk<Settings>(page, 'settings:get', {})).theme).not.toBe('system');
  });

  it('turns start at login on and off with the keyboard: the autostart file is written, then removed', async () => {
    const { page } = session;
    const file = join(session.dataDir, 'xdg-config', 'autostart', 'readyroom.desktop');
    await page.getByRole('tab', { name: 'Appearance' }).focus();
    await page.keyboard.press('ArrowLeft');
    expect(await focused(session)).toBe('tab: Start at login');
    // The section asks main whether starting at login is on before it shows the box.
    await page.getByLabel('Start ReadyRoom when I log in').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('checkbox');
    await page.keyboard.press('Space');
    await page.getByText('ReadyRoom will start in the tray when you log in.').waitFor();
    expect(await readFile(file, 'utf8')).toContain('Exec=/usr/bin/readyroom --hidden\n');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('Space');
    await page.getByText('ReadyRoom will no longer start when you log in.').waitFor();
    await expect(readFile(file, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(session.pageErrors).toEqual([]);
    expect(session.foreignRequests).toEqual([]);
  });
});
