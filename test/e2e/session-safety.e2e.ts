import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { DateTime } from 'luxon';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { IncidentList } from '../../shared/ipc/incidents.contract';
import type { ReadinessLog } from '../../shared/logs/readiness-log';
import { noCrisisLineText } from '../../shared/safety/emergency-numbers';
import { invokeOk, startE2eSession, type E2eSession } from './support/e2e-session';
import { screenshot, seriousAxeViolations, tabTo, waitForScan } from './support/wizard-e2e-helpers';

const passphrase = 'steady lighthouse meadow 7';
/** Distinctive, so finding it anywhere it should not be cannot be a coincidence. */
const codeWord = 'Marmalade-Quokka';
const backupPhone = '+44 7700 900417';
const whereToday = 'Staying at a friend’s flat in Valencia';
const incidentWhat = 'Someone walked into the room during the session with AB-017.';

async function axeClean(page: Page, name: string): Promise<void> {
  await screenshot(page, `session-safety-${name}`);
  expect(await seriousAxeViolations(page), `axe on ${name}`).toEqual([]);
}

/** Tabs to a box and types into it: the keyboard, never a click or fill. */
async function typeInto(page: Page, box: Locator, text: string): Promise<void> {
  await tabTo(page, box);
  await page.keyboard.type(text);
  expect(await box.inputValue()).toBe(text);
}

/** Tabs to a closed list and types the start of an option, as a keyboard user picks from it. */
async function pickByTyping(page: Page, select: Locator, typed: string, value: string): Promise<void> {
  await tabTo(page, select);
  await page.keyboard.type(typed);
  await expect.poll(() => select.inputValue()).toBe(value);
}

/** Moves between the top bar's pages with Tab and Enter. */
async function goByKeyboard(page: Page, name: string): Promise<void> {
  await tabTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }));
  await page.keyboard.press('Enter');
}

/** Everything the page holds, markup and attributes included, not only what is visible. */
async function pageSource(page: Page): Promise<string> {
  return page.content();
}

/** The data folder's files (vault, settings, app log) that hold the text, read as bytes: none may. */
async function filesHolding(dir: string, text: string): Promise<string[]> {
  const needle = Buffer.from(text.toLowerCase());
  const found: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = await readFile(path);
    if (Buffer.from(bytes.toString('latin1').toLowerCase(), 'latin1').includes(needle)) found.push(path);
  }
  return found;
}

describe('session safety in Chromium: client set-up, changed location, crisis card, incident clock', () => {
  let session: E2eSession;

  beforeAll(async () => {
    session = await startE2eSession();
    const { page } = session;
    await invokeOk(page, 'vault:setup', { passphrase });
    await invokeOk(page, 'vault:confirm-recovery-key', {});
    // The therapist is covered for the UK only, so a client in Spain is pointed out.
    await invokeOk(page, 'settings:update', { patch: { coveredCountries: ['GB'] } });
    await page.reload();
    await page.getByRole('heading', { name: 'Ready for your next session?' }).waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('sets a client up on the Clients page with the keyboard alone', async () => {
    const { page } = session;
    const kb = page.keyboard;
    await goByKeyboard(page, 'Clients');
    await page.getByRole('heading', { name: 'Client set-ups', level: 1 }).waitFor();
    await page.getByText('No client is set up yet.').waitFor();
    await axeClean(page, '1-clients-empty');

    await tabTo(page, page.getByRole('button', { name: 'Set up a client' }));
    await kb.press('Enter');
    const form = page.getByRole('form', { name: 'Set up a new client' });
    await form.waitFor();
    await typeInto(page, form.getByLabel('Client code'), 'AB-017');
    await typeInto(page, form.getByLabel('How you checked their identity'), 'Photo ID shown on camera');
    await typeInto(page, form.getByLabel('Back-up phone number'), backupPhone);
    await typeInto(page, form.getByLabel('Safety code word (optional)'), codeWord);
    await pickByTyping(page, form.getByLabel('Country', { exact: true }), 'United Kingdom', 'GB');
    await typeInto(page, form.getByLabel('Region or town'), 'Leeds');
    await pickByTyping(page, form.getByLabel('Time zone'), 'Europe/London', 'Europe/London');
    await typeInto(page, form.getByLabel('Name or role'), 'Leeds Road GP surgery');
    await typeInto(page, form.getByLabel('Phone number', { exact: true }), '+44 113 496 0000');
    await axeClean(page, '2-client-form');
    await tabTo(page, form.getByRole('button', { name: 'Save set-up' }));
    await kb.press('Enter');

    await page.getByText('Saved the set-up for AB-017.').waitFor();
    const item = page.getByRole('list', { name: 'Client set-ups' }).getByRole('listitem', { name: 'AB-017' });
    expect(await item.textContent()).toContain('United Kingdom · Europe/London');
    expect(await pageSource(page)).not.toContain(codeWord);
    await axeClean(page, '3-clients-saved');
  });

  it('runs the check for AB-017 in Spain today: the set-up, the client’s local time and the cover warning', async () => {
    const { page } = session;
    const kb = page.keyboard;
    await goByKeyboard(page, 'Check readiness');
    await page.getByRole('heading', { name: 'About this session' }).waitFor();
    await typeInto(page, page.getByLabel('Client code'), 'AB-017');

    const panel = page.getByRole('region', { name: 'About AB-017' });
    await panel.getByText('Back-up phone').waitFor();
    const shown = (await panel.textContent()) ?? '';
    expect(shown).toContain(backupPhone);
    expect(shown).toContain('Leeds, United Kingdom');
    expect(shown).toContain('Leeds Road GP surgery, +44 113 496 0000');
    // The set-up has a code word, but the step only says so until asked to show it.
    expect(shown).toContain('Hidden');
    expect(shown).not.toContain(codeWord);

    // Not in the usual place: the first choice is one Tab stop, the arrow moves to "No" and picks it.
    const place = panel.getByRole('group', { name: 'Is AB-017 in the usual place today?' });
    await tabTo(page, place.getByRole('radio', { name: /^Yes/ }));
    await kb.press('ArrowDown');
    expect(await place.getByRole('radio', { name: 'No, somewhere else today' }).isChecked()).toBe(true);

    await pickByTyping(page, panel.getByLabel('Country today'), 'Spain', 'ES');
    await typeInto(page, panel.getByLabel('Where they are today, in your words'), whereToday);
    await pickByTyping(page, panel.getByLabel('Their time zone today'), 'Europe/Madrid', 'Europe/Madrid');

    // The client's clock beside the session time (which is on this computer's clock).
    const sessionAt = await page.getByLabel('Session time').inputValue();
    const madrid = DateTime.fromISO(sessionAt).setZone('Europe/Madrid').toFormat('HH:mm');
    await expect.poll(() => panel.textContent()).toContain(`Session time for your client: ${madrid} for the client`);
    // Settings cover the UK only: a plain warning, not a block.
    const warning = panel.getByRole('alert');
    expect(await warning.textContent()).toContain(
      'Your client is in Spain, which is not among the countries you listed as covered',
    );
    expect(await pageSource(page)).not.toContain(codeWord);
    await axeClean(page, '4-session-step');

    await tabTo(page, page.getByRole('button', { name: 'Continue' }));
    await kb.press('Enter');
    await page.getByRole('heading', { name: 'Internet connection', level: 2 }).waitFor();
  });

  it('opens the crisis card for Spain from the summary step', async () => {
    const { page } = session;
    const kb = page.keyboard;
    // With the session details in, every step can be opened from the list of steps.
    await tabTo(
      page,
      page.getByRole('navigation', { name: 'Steps of the check' }).getByRole('button', { name: 'Summary' }),
    );
    await kb.press('Enter');
    await page.getByRole('heading', { name: 'Summary', level: 2 }).waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Open crisis card' }));
    await kb.press('Enter');

    await page.getByRole('heading', { name: 'Crisis card: Spain' }).waitFor();
    const card = page.getByRole('region', { name: 'Crisis card: Spain' });
    const facts = (await card.textContent()) ?? '';
    expect(facts).toContain('AB-017');
    expect(facts).toContain(backupPhone);
    expect(facts).toContain(whereToday);
    // The plan says to ring the emergency contact when the client is abroad: it is on the card.
    expect(facts).toContain('Leeds Road GP surgery, +44 113 496 0000');
    expect(facts).toMatch(/Emergency\s*112/);
    // Spain's crisis line if the table confirms one, otherwise the plain words that there is none.
    expect(facts.includes('024') || facts.includes(noCrisisLineText)).toBe(true);
    const plan = card.getByRole('region', { name: 'If the video drops' });
    expect(await plan.getByRole('listitem').count()).toBeGreaterThan(3);
    expect(await plan.textContent()).toContain('act as though something may have happened');
    expect(await pageSource(page)).not.toContain(codeWord);
    await axeClean(page, '5-crisis-card');
  });

  it('saves the log with Spain as the client’s country, and the code word nowhere in it', async () => {
    const { page } = session;
    const kb = page.keyboard;
    await tabTo(page, page.getByRole('button', { name: 'Back to the check' }));
    await kb.press('Enter');
    await page.getByRole('heading', { name: 'Summary', level: 2 }).waitFor();
    await waitForScan(page);
    await tabTo(page, page.getByRole('button', { name: 'Save and start session' }));
    await kb.press('Enter');
    await page.getByRole('heading', { name: /Log saved/ }).waitFor({ timeout: 30_000 });

    const { logs } = await invokeOk<{ logs: { id: string; clientCode: string }[] }>(page, 'logs:list', {});
    expect(logs.map((l) => l.clientCode)).toEqual(['AB-017']);
    const log = await invokeOk<ReadinessLog>(page, 'logs:get', { id: logs[0]?.id ?? '' });
    expect(log.clientCountry).toBe('ES');
    expect(JSON.stringify(log).toLowerCase()).not.toContain(codeWord.toLowerCase());

    // Past logs shows the country the log recorded, opened by keyboard.
    await goByKeyboard(page, 'Past logs');
    const list = page.getByRole('listbox', { name: /Readiness logs, newest first/ });
    await tabTo(page, list.getByRole('option').first());
    await kb.press('Enter');
    const detail = page.getByRole('article', { name: /Log for AB-017/ });
    await detail.waitFor();
    expect(await detail.textContent()).toMatch(/Client's country\s*Spain/);
    expect(await pageSource(page)).not.toContain(codeWord);
  });

  it('records an incident by keyboard and the home screen shows its 72-hour clock', async () => {
    const { page } = session;
    const kb = page.keyboard;
    await goByKeyboard(page, 'Home');
    await tabTo(page, page.getByRole('button', { name: 'Open the incident log' }));
    await kb.press('Enter');
    const form = page.getByRole('form', { name: 'Record an incident' });
    await form.waitFor();
    await axeClean(page, '6-incidents-empty');

    await typeInto(page, form.getByLabel('What happened'), incidentWhat);
    // Found out two hours ago: typed into the date and time box, part by part.
    const discovered = DateTime.local().minus({ hours: 2 }).startOf('minute');
    await typeDateTime(page, form.getByLabel('When you found out'), discovered);
    await typeInto(page, form.getByLabel('Client codes involved (optional)'), 'AB-017');
    await tabTo(page, form.getByRole('button', { name: 'Record incident' }));
    await kb.press('Enter');
    await page.getByRole('list', { name: 'Open incidents' }).getByRole('listitem').first().waitFor();

    const { incidents } = await invokeOk<IncidentList>(page, 'incidents:list', {});
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.what).toBe(incidentWhat);
    expect(incidents[0]?.clientCodes).toEqual(['AB-017']);
    expect(Date.parse(incidents[0]?.discoveredAt ?? '')).toBe(discovered.toMillis());
    await axeClean(page, '7-incident-recorded');

    await goByKeyboard(page, 'Home');
    const clock = page.getByRole('list', { name: 'Incidents waiting for an ICO decision' }).getByRole('listitem');
    await clock.first().waitFor();
    // 72 hours from two hours ago: 69 whole hours and some minutes left (70 only at the exact minute).
    expect(await clock.allTextContents()).toEqual([
      expect.stringMatching(/^Incident: (69|70) h left to decide whether to report$/),
    ]);
    expect(await pageSource(page)).not.toContain(codeWord);
    await axeClean(page, '8-home-clock');

    // The crisis card from Home still shows this session's client, and still no code word.
    await tabTo(page, page.getByRole('button', { name: 'Crisis card', exact: true }));
    await kb.press('Enter');
    await page.getByRole('heading', { name: 'Crisis card: Spain' }).waitFor();
    expect(await pageSource(page)).not.toContain(codeWord);
    expect(JSON.stringify(await invokeOk<IncidentList>(page, 'incidents:list', {}))).not.toContain(codeWord);
    // Nor anywhere in the data folder in plain text: the set-up that holds it is encrypted. The
    // settings file is plain JSON, so finding its key proves the search reads the files.
    expect(await filesHolding(session.dataDir, 'coveredCountries')).not.toEqual([]);
    expect(await filesHolding(session.dataDir, codeWord)).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    expect(session.foreignRequests).toEqual([]);
  });
});

/**
 * Types a local date and time into a datetime-local box the way a keyboard user does: Chromium's
 * box has one part each for month, day, year, hour, minute and AM/PM (the order of the en-US
 * locale the test browser runs in). The year takes up to six digits, so the arrow moves on from it.
 */
async function typeDateTime(page: Page, box: Locator, at: DateTime): Promise<void> {
  const language = await page.evaluate(() => navigator.language);
  expect(language, 'the parts typed below are in en-US order').toBe('en-US');
  await tabTo(page, box);
  await page.keyboard.type(at.toFormat('MMddyyyy'));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type(at.toFormat('hhmm'));
  await page.keyboard.type(at.hour < 12 ? 'A' : 'P');
  expect(await box.inputValue()).toBe(at.toFormat("yyyy-MM-dd'T'HH:mm"));
}
