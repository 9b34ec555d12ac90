/**
 * `npm run -s bench:logs-ui -- --logs 20000 [--json] [--runs 5] [--skip-build] [--busy N] [--profile-scroll FILE] [--trace-scroll FILE]`
 *
 * Builds a vault of N realistic logs (ten years of a working therapist's sessions), serves the
 * built renderer through the test host with the real services, and drives it in Debian's
 * Chromium (headless) to measure the Past logs page:
 *
 * - first rows on screen after "Past logs" is clicked, the vault already unlocked (each run after
 *   a lock and unlock and a page reload, so neither main nor the page has anything cached), and
 *   when every log is listed;
 * - each filter applied: from the change to the count and rows updated on screen;
 * - scrolling the whole list from top to bottom with the mouse wheel: long tasks (over 50 ms,
 *   PerformanceObserver), the longest gap between frames and how many frames came late.
 *
 * `--busy N` keeps N other processes spinning on the CPU throughout, as a therapist's computer
 * busy with a sync client or a browser would be (this machine has two cores).
 *
 * Times are taken inside the page (performance.now), "on screen" being the animation frame after
 * the one whose DOM holds the rows. The last line of output is JSON. A benchmark, not a test.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import type { Page } from 'playwright-core';

import { createMemorySink, setLogSink } from '../../main/logging/logger';
import { createSettingsService } from '../../main/settings/settings-service';
import { confStoreFactory } from '../../main/store/store-factory';
import { invokeOk, startE2eSession } from '../e2e/support/e2e-session';
import { realisticLog } from '../fixtures/vault/realistic-logs';
import { benchPassphrase, median, progress } from './bench-kit';
import { buildVaultByRestore, planMonths } from './support/bench-vault';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    logs: { type: 'string', default: '20000' },
    runs: { type: 'string', default: '5' },
    json: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    /** Writes a CPU profile of the page while it scrolls (open it in Chrome's DevTools). */
    'profile-scroll': { type: 'string' },
    /** Writes a Chromium trace of the scroll (style, layout, paint; open it in DevTools' Performance panel). */
    'trace-scroll': { type: 'string' },
    /** Processes kept busy on the CPU while the page is measured. */
    busy: { type: 'string', default: '0' },
  },
  strict: true,
});
const total = Number(values.logs);
const runs = Number(values.runs);
const busy = Number(values.busy);
if (
  !Number.isInteger(total) ||
  total < 1 ||
  !Number.isInteger(runs) ||
  runs < 1 ||
  !Number.isInteger(busy) ||
  busy < 0
) {
  process.stderr.write('usage: logs-ui.bench.ts --logs N [--runs N] [--json] [--skip-build] [--busy N]\n');
  process.exit(2);
}

setLogSink(createMemorySink());
const passphrase = benchPassphrase;
const round = (x: number) => Math.round(x * 10) / 10;
const loads = () => loadavg().map((l) => Math.round(l * 100) / 100);

/** In the page: clicks "Past logs" and times the first rows on screen and the full list. */
async function openLogs(page: Page): Promise<{ firstRowsMs: number; allListedMs: number; longTasksMs: number[] }> {
  return page.evaluate(async () => {
    const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(Math.round(entry.duration));
    });
    observer.observe({ type: 'longtask' });
    const nav = document.querySelector('nav[aria-label="Main"]');
    const button = [...(nav?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Past logs');
    if (!button) throw new Error('no "Past logs" button');
    const start = performance.now();
    button.click();
    let firstRowsMs = -1;
    for (;;) {
      await frame();
      if (firstRowsMs < 0 && document.querySelector('[role="listbox"] [role="option"]')) {
        await frame();
        firstRowsMs = performance.now() - start;
      }
      const status = document.querySelector('.rr-card [role="status"]')?.textContent ?? '';
      if (firstRowsMs >= 0 && /^[\d,]+ logs?\.$/.test(status)) {
        await frame();
        const allListedMs = performance.now() - start;
        observer.disconnect();
        return { firstRowsMs, allListedMs, longTasksMs: longTasks };
      }
      if (performance.now() - start > 120_000) throw new Error(`the list did not load: "${status}"`);
    }
  });
}

/** In the page: sets a filter field as a user would and times the count and rows updated on screen. */
async function applyFilter(page: Page, label: string, value: string): Promise<{ ms: number; status: string }> {
  return page.evaluate(
    async ([fieldLabel, fieldValue]) => {
      const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      const label = [...document.querySelectorAll('form[aria-label="Filter logs"] label')].find(
        (l) => l.textContent === fieldLabel,
      ) as HTMLLabelElement | undefined;
      const field = label?.control as HTMLInputElement | HTMLSelectElement | null | undefined;
      if (!field) throw new Error(`no field "${fieldLabel}"`);
      const statusText = () => document.querySelector('.rr-card [role="status"]')?.textContent ?? '';
      const before = statusText();
      const start = performance.now();
      if (field instanceof HTMLSelectElement) {
        field.value = fieldValue;
        field.dispatchEvent(new Event('change', { bubbles: true }));
      } else {
        // React tracks the value it set: go through the prototype's setter, as typing does.
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(field, fieldValue);
        field.dispatchEvent(new Event('input', { bubbles: true }));
      }
      for (;;) {
        await frame();
        const now = statusText();
        if (now !== before && !now.startsWith('Searching')) {
          await frame();
          return { ms: performance.now() - start, status: now };
        }
        if (performance.now() - start > 60_000) throw new Error(`the filter did not apply: "${now}"`);
      }
    },
    [label, value] as const,
  );
}

/**
 * Scrolls the list from top to bottom with the mouse wheel (real input events, as a user's
 * scrolling is), two screens a turn, while the page watches for long tasks and frame gaps.
 */
async function scrollAll(page: Page) {
  const scroller = page.locator('.rr-log-list__scroller');
  await scroller.hover();
  await page.evaluate(() => {
    const watch = window as unknown as { rrLongTasks: number[]; rrFrames: number[]; rrWatching: boolean };
    watch.rrLongTasks = [];
    watch.rrFrames = [];
    watch.rrWatching = true;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) watch.rrLongTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask' });
    const tick = (now: number) => {
      watch.rrFrames.push(now);
      if (watch.rrWatching) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const element = document.querySelector<HTMLElement>('.rr-log-list__scroller');
    if (element) element.scrollTop = 0;
  });
  const box = await scroller.evaluate((el) => ({ step: el.clientHeight * 2, height: el.scrollHeight }));
  const start = Date.now();
  let turns = 0;
  for (let y = 0; y < box.height; y += box.step) {
    await page.mouse.wheel(0, box.step);
    turns += 1;
  }
  // The last rows settle and any late long task is reported.
  await page.waitForFunction(() => {
    const el = document.querySelector<HTMLElement>('.rr-log-list__scroller');
    return el !== null && el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
  });
  await page.waitForTimeout(500);
  const ms = Date.now() - start;
  const watched = await page.evaluate(() => {
    const watch = window as unknown as { rrLongTasks: number[]; rrFrames: number[]; rrWatching: boolean };
    watch.rrWatching = false;
    const gaps = watch.rrFrames.slice(1).map((t, i) => t - (watch.rrFrames[i] ?? t));
    const sorted = [...gaps].sort((a, b) => a - b);
    const options = document.querySelectorAll('.rr-log-list__scroller [role="option"]');
    return {
      longTasksMs: watch.rrLongTasks,
      frames: watch.rrFrames.length,
      maxFrameGapMs: Math.max(0, ...gaps),
      p95FrameGapMs: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
      // A gap of a frame and a half or more at 60 Hz: at least one frame was missed.
      lateFrames: gaps.filter((g) => g >= 25).length,
      lastRowShown: Number(options[options.length - 1]?.getAttribute('aria-posinset')),
      setSize: Number(options[0]?.getAttribute('aria-setsize')),
    };
  });
  return { ms, turns, ...watched };
}

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'readyroom-logs-ui-bench-'));
  const dataDir = join(root, 'data');
  const machine = { nproc: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', loadBefore: loads() };
  try {
    if (!values['skip-build']) {
      progress('building the renderer (electron-vite build)…');
      const built = spawnSync('npx', ['electron-vite', 'build'], { stdio: ['ignore', 2, 2] });
      if (built.status !== 0) throw new Error('electron-vite build failed');
    }
    // Logs kept for ever, so the test host's retention keeps all ten years.
    createSettingsService(dataDir, confStoreFactory).update({ retentionYears: null });
    progress(`building a vault of ${total} realistic logs…`);
    const vault = await buildVaultByRestore(dataDir, passphrase, total, planMonths(total, new Date(), realisticLog));
    progress(`built in ${Math.round(vault.buildMs)} ms across ${vault.months} months`);

    const session = await startE2eSession({ dataDir, fakeMedia: false });
    const spinners: ChildProcess[] = Array.from({ length: busy }, () =>
      spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
    );
    // Stopped however the bench ends, so no spinner is left burning a core.
    const stopSpinners = () => {
      for (const spinner of spinners) spinner.kill('SIGKILL');
    };
    process.once('exit', stopSpinners);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        stopSpinners();
        process.exit(130);
      });
    }
    try {
      const { page } = session;
      // tsx names functions with an `__name` helper that the page does not have.
      await page.addInitScript('window.__name = (f) => f');
      await page.evaluate('window.__name = (f) => f');
      const browserVersion = session.browser.version();
      const opens: { firstRowsMs: number; allListedMs: number; longTasksMs: number[] }[] = [];
      for (let run = 0; run < runs; run += 1) {
        // Locked and unlocked again: main lists from disk, not from what the last run cached.
        await invokeOk(page, 'vault:lock', {}).catch(() => undefined);
        await invokeOk(page, 'vault:unlock', { method: 'passphrase', passphrase });
        await page.reload();
        await page.getByRole('navigation', { name: 'Main' }).waitFor();
        const open = await openLogs(page);
        opens.push(open);
        progress(`open ${run + 1}: first rows ${round(open.firstRowsMs)} ms, all listed ${round(open.allListedMs)} ms`);
      }

      const client = (await page.locator('.rr-log-list__code').first().textContent()) ?? '';
      const yearAgo = new Date(Date.now() - 365 * 86_400_000);
      const day = `${yearAgo.getFullYear()}-${String(yearAgo.getMonth() + 1).padStart(2, '0')}-${String(yearAgo.getDate()).padStart(2, '0')}`;
      const filters: Record<string, { ms: number; status: string }> = {};
      // Each filter starts from a quiet page: the report below the list follows it at low priority.
      const settle = () =>
        page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 10_000 })));
      const measure = async (name: string, label: string, value: string) => {
        await settle();
        filters[name] = await applyFilter(page, label, value);
        progress(`filter ${name}: ${round(filters[name].ms)} ms (${filters[name].status})`);
        await applyFilter(page, label, '');
      };
      await measure('outcome', 'Outcome', 'not-ready');
      await measure('check', 'Had this not passing', 'connection.wifi-signal');
      await measure('client', 'Client code', client);
      await measure('from', 'From', day);
      // The first note search of a session reads every month's notes; later ones scan what it kept.
      await measure('notesFirst', 'Notes contain', 'builders');
      await measure('notesAgain', 'Notes contain', 'supervisor');

      await settle();
      const cdp = values['profile-scroll'] ? await page.context().newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.start');
      }
      const browser = page.context().browser();
      const tracing = values['trace-scroll'] && browser ? browser : null;
      if (tracing) await tracing.startTracing(page, { path: values['trace-scroll'], screenshots: false });
      const scroll = await scrollAll(page);
      if (tracing) await tracing.stopTracing();
      if (cdp && values['profile-scroll']) {
        const { profile } = await cdp.send('Profiler.stop');
        writeFileSync(values['profile-scroll'], JSON.stringify(profile));
      }
      progress(
        `scrolled ${scroll.setSize} rows in ${Math.round(scroll.ms)} ms (${scroll.turns} wheel turns, ${scroll.frames} frames): ` +
          `${scroll.longTasksMs.length} long tasks (max ${Math.max(0, ...scroll.longTasksMs)} ms)`,
      );
      if (session.pageErrors.length > 0) throw new Error(`page errors: ${session.pageErrors.join('; ')}`);

      const firstRows = opens.map((o) => round(o.firstRowsMs));
      const allListed = opens.map((o) => round(o.allListedMs));
      const result = {
        logs: total,
        months: vault.months,
        firstRowsMs: { median: median(firstRows), runs: firstRows, target: 500 },
        allListedMs: { median: median(allListed), runs: allListed },
        openLongTasksMs: opens.map((o) => o.longTasksMs),
        filterMs: Object.fromEntries(Object.entries(filters).map(([name, f]) => [name, round(f.ms)])),
        filterTarget: 300,
        filterCounts: Object.fromEntries(Object.entries(filters).map(([name, f]) => [name, f.status])),
        scroll: {
          rows: scroll.setSize,
          lastRowShown: scroll.lastRowShown,
          ms: Math.round(scroll.ms),
          wheelTurns: scroll.turns,
          frames: scroll.frames,
          maxFrameGapMs: round(scroll.maxFrameGapMs),
          p95FrameGapMs: round(scroll.p95FrameGapMs),
          lateFrames: scroll.lateFrames,
          longTasks: scroll.longTasksMs.length,
          maxLongTaskMs: Math.max(0, ...scroll.longTasksMs),
          target: 'no long task over 50 ms',
        },
        machine: { ...machine, busyProcesses: busy, loadAfter: loads() },
        chromium: browserVersion,
        node: process.version,
      };
      if (!values.json) progress(JSON.stringify(result, null, 2));
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } finally {
      stopSpinners();
      await session.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
