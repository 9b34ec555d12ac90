import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { invokeOk, startE2eSession, type E2eSession } from './support/e2e-session';
import {
  focusedText,
  makeMediaFixtures,
  screenshot,
  seriousAxeViolations,
  tabTo,
  waitForScan,
  type MediaFixtures,
} from './support/wizard-e2e-helpers';

const passphrase = 'calm harbour lantern 42';
/** Electron plays audio without a gesture by default; the browser needs telling. */
const autoplay = '--autoplay-policy=no-user-gesture-required';

let fixtures: MediaFixtures;
let fixtureDir: string;

beforeAll(async () => {
  fixtureDir = await mkdtemp(join(tmpdir(), 'readyroom-media-'));
  fixtures = await makeMediaFixtures(fixtureDir);
});

afterAll(async () => {
  await rm(fixtureDir, { recursive: true, force: true });
});

const invoke = invokeOk;

/** The step heading (h2) of the full wizard. */
const stepHeading = (page: Page) => page.locator('.rr-wizard__step h2');

async function checkStep(page: Page, name: string): Promise<void> {
  await screenshot(page, `wizard-${name}`);
  expect(await seriousAxeViolations(page), `axe on ${name}`).toEqual([]);
}

describe('readiness wizard in Chromium, with the real scan and a real vault', () => {
  let session: E2eSession;

  beforeAll(async () => {
    session = await startE2eSession({
      chromiumArgs: [autoplay, `--use-file-for-fake-audio-capture=${fixtures.speechAudio}`],
    });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('is completed with the keyboard alone, every step passing axe, and saves a log', async () => {
    const { page } = session;
    const kb = page.keyboard;

    await tabTo(page, page.getByRole('button', { name: 'Check readiness now' }));
    await kb.press('Enter');
    await page.getByRole('heading', { name: 'About this session' }).waitFor();
    expect(await focusedText(page)).toBe('Check readiness');
    await checkStep(page, '1-session');

    await tabTo(page, page.getByLabel('Client code'));
    await kb.type('AB-017');
    await tabTo(page, page.getByRole('button', { name: 'Continue' }));
    await kb.press('Enter');

    // Connection
    await expect.poll(() => stepHeading(page).textContent()).toBe('Internet connection');
    expect(await focusedText(page)).toBe('Internet connection');
    await tabTo(page, page.getByLabel(/People at home know not to stream/));
    await kb.press('Space');
    await waitForScan(page);
    await checkStep(page, '2-connection');
    await tabTo(page, page.getByRole('button', { name: 'Continue' }));
    await kb.press('Enter');

    // Programs: listed, but not closed here (the test's own browser could be on the list).
    await expect.poll(() => stepHeading(page).textContent()).toBe('Other programs');
    await page.getByText(/Looking for programs/).waitFor({ state: 'detached', timeout: 30_000 });
    await checkStep(page, '3-programs');
    await tabTo(page, page.getByRole('button', { name: 'Continue' }));
    await kb.press('Enter');

    // Privacy
    await expect.poll(() => stepHeading(page).textContent()).toBe('Privacy and listening devices');
    for (const label of [
      /voice assistants off/,
      /Nothing in this meeting or my browser is taking notes/,
      /private room/,
      /Nothing confidential can be seen/,
    ]) {
      await tabTo(page, page.getByLabel(label));
      await kb.press('Space');
    }
    await checkStep(page, '4-privacy');
    await tabTo(page, page.getByRole('button', { name: 'Continue' }));
    await kb.press('Enter');

    // Camera, microphone and headphones: the fake devices start by themselves.
    await expect.poll(() => stepHeading(page).textContent()).toBe('Camera, microphone and headphones');
    await page.getByText('Your microphone hears you clearly.').waitFor({ timeout: 20_000 });
    await page.locator('[data-check-id="media.camera"] [data-state="pass"]').waitFor({ timeout: 20_000 });
    await tabTo(page, page.getByRole('button', { name: 'Play test sound' }));
    await kb.press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'Yes, I heard it' }));
    await kb.press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'Record and play back 3 seconds' }));
    await kb.press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'Yes, I sounded clear' }));
    await kb.press('Enter');
    await tabTo(page, page.getByLabel(/I am using headphones/));
    await kb.press('Space');
    await tabTo(page, page.getByLabel(/My headset is charged enough/));
    await kb.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Check for speakers with the microphone' }));
    await kb.press('Enter');
    await page.getByText(/did not pick up the test sound|heard the test sound/).waitFor({ timeout: 20_000 });
    await checkStep(page, '5-media');
    await tabTo(page, page.getByRole('button', { name: 'Continue' }));
    await kb.press('Enter');

    // Security
    await expect.poll(() => stepHeading(page).textContent()).toBe('Computer security');
    await checkStep(page, '6-security');
    await tabTo(page, page.getByRole('button', { name: 'Continue' }));
    await kb.press('Enter');

    // Safeguarding
    await expect.poll(() => stepHeading(page).textContent()).toBe('Safeguarding and meeting set-up');
    for (const label of [
      /I know where client AB-017 is/,
      /emergency contact for client AB-017/,
      /session link privately/,
      /may not keep everything private/,
      /waiting room or password/,
      /explained and recorded/,
    ]) {
      await tabTo(page, page.getByLabel(label));
      await kb.press('Space');
    }
    await checkStep(page, '7-safeguarding');
    await tabTo(page, page.getByRole('button', { name: 'See the summary' }));
    await kb.press('Enter');

    // Summary: the first save sets the vault up.
    await expect.poll(() => stepHeading(page).textContent()).toBe('Summary');
    await tabTo(page, page.getByLabel('Note for the log (optional)'));
    await kb.type('Checked by keyboard.');
    await checkStep(page, '8-summary');
    await passVaultGateByKeyboard(page);
    await tabTo(page, page.getByRole('button', { name: 'Save and start session' }));
    await kb.press('Enter');
    await page.getByRole('heading', { name: /Log saved/ }).waitFor();
    expect(await focusedText(page)).toMatch(/Log saved/);
    await checkStep(page, '9-saved');

    const { logs } = await invoke<{ logs: { id: string; clientCode: string; outcome: string }[] }>(
      page,
      'logs:list',
      {},
    );
    expect(logs).toHaveLength(1);
    expect(logs[0]?.clientCode).toBe('AB-017');
    const log = await invoke<{
      note: string;
      confirmations: { confirmed: boolean }[];
      checks: { id: string; status: string }[];
    }>(page, 'logs:get', { id: logs[0]?.id });
    expect(log.note).toBe('Checked by keyboard.');
    expect(log.confirmations.every((c) => c.confirmed)).toBe(true);
    expect(log.checks.find((c) => c.id === 'media.microphone')?.status).toBe('pass');
    expect(log.checks.find((c) => c.id === 'media.output')?.status).toBe('pass');

    await tabTo(page, page.getByRole('button', { name: 'End session' }));
    await kb.press('Enter');
    await page.getByRole('heading', { name: /Session ended at/ }).waitFor();
    await checkStep(page, '10-ended');
    const ended = await invoke<{ addenda: { kind: string }[] }>(page, 'logs:get', { id: logs[0]?.id });
    expect(ended.addenda.map((a) => a.kind)).toEqual(['session-ended']);
    expect(session.pageErrors).toEqual([]);
    expect(session.foreignRequests).toEqual([]);
  });
});

describe('quick path', () => {
  let session: E2eSession;

  beforeAll(async () => {
    session = await startE2eSession({
      chromiumArgs: [autoplay, `--use-file-for-fake-audio-capture=${fixtures.speechAudio}`],
    });
    // A returning therapist: the vault exists and is locked.
    await invoke(session.page, 'vault:setup', { passphrase });
    await invoke(session.page, 'vault:confirm-recovery-key', {});
    await invoke(session.page, 'vault:lock', {});
  });

  afterAll(async () => {
    await session?.close();
  });

  it('goes from the tray click to a saved log in at most 10 interactions', async () => {
    const { page } = session;
    let interactions = 0;
    const act = async (action: () => Promise<unknown>) => {
      interactions += 1;
      await action();
    };
    const started = Date.now();

    // The tray's "Quick check": main pushes app:navigate to the window, exactly as the tray does.
    await act(async () => session.host.events.emit('app:navigate', { route: 'quick' }));
    await page.getByRole('heading', { name: 'Quick check', level: 1 }).waitFor();
    await act(() => page.getByLabel('Client code').fill('CD-204'));
    await act(() => page.getByRole('button', { name: 'Play test sound' }).click());
    await act(() => page.getByRole('button', { name: 'Yes, I heard it' }).click());
    // The client's own safety items one by one, with the client code shown; the rest together.
    await act(() => page.getByLabel('I know where client CD-204 is for this session (the exact location).').check());
    await act(() => page.getByLabel('I have the emergency contact for client CD-204 at hand.').check());
    await act(() => page.getByRole('button', { name: 'Confirm all of these' }).click());
    // Waiting is not an interaction: the scan and the microphone test finish by themselves.
    await waitForScan(page);
    await page.getByText('Your microphone hears you clearly.').waitFor({ timeout: 20_000 });
    await screenshot(page, 'quick-1-before-save');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await unlockVault(page, act);
    await act(() => page.getByRole('button', { name: 'Save and start session' }).click());
    await page.getByRole('heading', { name: /Log saved/ }).waitFor();
    const seconds = (Date.now() - started) / 1000;
    await screenshot(page, 'quick-2-saved');

    expect(interactions).toBeLessThanOrEqual(10);
    const { logs } = await invoke<{ logs: { id: string; clientCode: string }[] }>(page, 'logs:list', {});
    expect(logs.map((l) => l.clientCode)).toEqual(['CD-204']);
    const log = await invoke<{ checks: { id: string; status: string }[]; confirmations: { confirmed: boolean }[] }>(
      page,
      'logs:get',
      { id: logs[0]?.id },
    );
    const media = Object.fromEntries(log.checks.filter((c) => c.id.startsWith('media.')).map((c) => [c.id, c.status]));
    expect(media).toMatchObject({ 'media.camera': 'pass', 'media.microphone': 'pass', 'media.output': 'pass' });
    expect(log.confirmations.every((c) => c.confirmed)).toBe(true);
    expect(seconds).toBeLessThan(60);
    process.stdout.write(
      `quick path: ${interactions} interactions, ${seconds.toFixed(1)} s (including the real scan)\n`,
    );
    expect(session.pageErrors).toEqual([]);
    expect(session.foreignRequests).toEqual([]);
  });
});

describe('media problems', () => {
  it('explains denied camera and microphone permissions in plain words', async () => {
    // Fake devices, but no auto-accept: the browser refuses the permission.
    const session = await startE2eSession({ fakeMedia: false, chromiumArgs: ['--use-fake-device-for-media-stream'] });
    try {
      const { page } = session;
      await page.getByRole('button', { name: 'Quick check' }).click();
      await page.getByText('ReadyRoom is not allowed to use the camera.').waitFor({ timeout: 20_000 });
      await page.getByText('ReadyRoom is not allowed to use the microphone.').waitFor();
      expect(await page.getByRole('button', { name: 'Try again' }).count()).toBeGreaterThan(0);
      expect(await page.locator('#rr-outcome-title').textContent()).toContain('Not ready');
      await screenshot(page, 'media-denied');
      expect(await seriousAxeViolations(page)).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('explains a missing camera and what to do', async () => {
    const session = await startE2eSession({
      chromiumArgs: [autoplay, '--use-fake-device-for-media-stream=device-count=0'],
    });
    try {
      const { page } = session;
      await page.getByRole('button', { name: 'Quick check' }).click();
      await page.getByText('No camera was found.').waitFor({ timeout: 20_000 });
      expect(await page.getByText(/Plug in or connect your camera/).count()).toBe(1);
      await screenshot(page, 'media-no-camera');
    } finally {
      await session.close();
    }
  });

  it('advises against a window behind when the camera picture is backlit', async () => {
    const session = await startE2eSession({
      chromiumArgs: [autoplay, `--use-file-for-fake-video-capture=${fixtures.backlitVideo}`],
    });
    try {
      const { page } = session;
      await page.getByRole('button', { name: 'Quick check' }).click();
      await page.getByText(/bright light behind or beside you/).waitFor({ timeout: 20_000 });
      expect(await page.getByText(/Do not sit with a window or lamp behind or beside you/).count()).toBe(1);
      await screenshot(page, 'media-backlit');
    } finally {
      await session.close();
    }
  });
});

/** Sets the vault up on first use, by keyboard: passphrase twice, then the recovery key step. */
async function passVaultGateByKeyboard(page: Page): Promise<void> {
  const kb = page.keyboard;
  await tabTo(page, page.getByLabel('Choose a passphrase', { exact: true }));
  await kb.type(passphrase);
  await tabTo(page, page.getByLabel('Type it again', { exact: true }));
  await kb.type(passphrase);
  await tabTo(page, page.getByRole('button', { name: 'Create my encrypted logs' }));
  await kb.press('Enter');
  await page.getByRole('heading', { name: 'Your recovery key' }).waitFor();
  await checkStep(page, '8b-recovery-key');
  await tabTo(page, page.getByLabel(/I have printed or written down my recovery key/));
  await kb.press('Space');
  await tabTo(page, page.getByRole('button', { name: 'Continue', exact: true }));
  await kb.press('Enter');
}

/** A returning therapist unlocks with the passphrase: two interactions. */
async function unlockVault(page: Page, act: (action: () => Promise<unknown>) => Promise<void>): Promise<void> {
  await act(() => page.getByLabel('Passphrase', { exact: true }).fill(passphrase));
  await act(() => page.getByRole('button', { name: 'Unlock', exact: true }).click());
}
