import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';

import type { Locator, Page } from 'playwright-core';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/** Screenshots land here (gitignored with the rest of test-results/). */
export const screenshotDir = join(import.meta.dirname, '../../../test-results/screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

let axeSource: string | null = null;

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/**
 * Runs axe-core in the page and returns the serious and critical violations. The source is
 * evaluated over the DevTools protocol, so the page's strict CSP stays on.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations as { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.flatMap((n) => n.target) }));
}

/** Presses Tab until the locator has focus: proves it is reachable by keyboard. */
export async function tabTo(page: Page, target: Locator, maxPresses = 120): Promise<void> {
  // Wait once for it to exist; each check below then answers at once instead of waiting again.
  await target.waitFor({ state: 'attached', timeout: 20_000 });
  for (let i = 0; i < maxPresses; i += 1) {
    const focused = await target
      .evaluate((el) => el === document.activeElement, undefined, { timeout: 2_000 })
      .catch(() => false);
    if (focused) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach ${String(target)} with the Tab key`);
}

/** Focus and heading text of the element that has focus, for asserting focus management. */
export async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
}

export interface MediaFixtures {
  readonly backlitVideo: string;
  readonly speechAudio: string;
}

/**
 * Generates the fake camera and microphone files with ffmpeg at test time (never committed):
 * a bright background around a dark centre (a window behind the therapist), and a tone with a
 * speech-like tremolo for the microphone.
 */
export async function makeMediaFixtures(dir: string): Promise<MediaFixtures> {
  const backlitVideo = join(dir, 'backlit.y4m');
  const speechAudio = join(dir, 'speech.wav');
  const ffmpeg = ['-hide_banner', '-loglevel', 'error', '-y'];
  await run('ffmpeg', [
    ...ffmpeg,
    '-f',
    'lavfi',
    '-i',
    'color=c=0xf0f0f0:s=320x240:r=15:d=1',
    '-vf',
    'drawbox=x=96:y=48:w=128:h=144:color=0x282828@1:t=fill',
    '-pix_fmt',
    'yuv420p',
    backlitVideo,
  ]);
  await run('ffmpeg', [
    ...ffmpeg,
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=220:duration=3:sample_rate=48000',
    '-af',
    'volume=0.5,tremolo=f=4:d=0.6',
    speechAudio,
  ]);
  return { backlitVideo, speechAudio };
}

/** Waits until no check is still running (the real scan takes a few seconds). */
export async function waitForScan(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !document.querySelector('[data-state="pending"]') && !document.body.innerText.includes('Checking this computer'),
    undefined,
    { timeout: 90_000 },
  );
}
