import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

import { startTestHost, type TestHost, type TestHostOptions } from '../../host/test-host';

export interface E2eSession {
  readonly host: TestHost;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly dataDir: string;
  /** Browser console errors and CSP violations seen so far. */
  readonly pageErrors: string[];
  /** Requests the page tried to send anywhere but the test host (all refused). */
  readonly foreignRequests: string[];
  close(): Promise<void>;
}

export interface E2eOptions {
  /** Extra Chromium flags, e.g. a fake video file. */
  readonly chromiumArgs?: readonly string[];
  /** Grant camera and microphone without a prompt (fake devices). Default true. */
  readonly fakeMedia?: boolean;
  /** Stands in for the connection checks' network calls. */
  readonly probeNetwork?: TestHostOptions['probeNetwork'];
  /** A data folder made beforehand (a generated vault); removed on close like a fresh one. */
  readonly dataDir?: string;
  /** Exports land here, as if saved through the system's dialog. */
  readonly exportDir?: string;
}

/** Debian's Chromium unless READYROOM_CHROMIUM names another binary. */
export const chromiumPath = process.env.READYROOM_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Starts the test host on a free port with a fresh data folder, and a headless Chromium
 * page pointed at it. The renderer must already be built (`npm run test:e2e` builds it).
 */
export async function startE2eSession(options: E2eOptions = {}): Promise<E2eSession> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'readyroom-e2e-')));
  const host = await startTestHost({
    port: 0,
    dataDir,
    probeNetwork: options.probeNetwork,
    ...(options.exportDir ? { exportDir: options.exportDir } : {}),
  });
  const fakeMedia = options.fakeMedia ?? true;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(fakeMedia ? ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] : []),
      ...(options.chromiumArgs ?? []),
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1100, height: 850 } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  // The renderer must make no network requests beyond its own host.
  const foreignRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(host.url)) return route.continue();
    foreignRequests.push(url);
    return route.abort('blockedbyclient');
  });
  await page.goto(host.pageUrl);
  return {
    host,
    browser,
    context,
    page,
    dataDir,
    pageErrors,
    foreignRequests,
    async close() {
      await browser.close().catch(() => undefined);
      await host.close().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calls the IPC contract from the page, as the renderer does; throws unless the result is ok. */
export async function invokeOk<T>(page: Page, channel: string, request: object): Promise<T> {
  const result = await page.evaluate(([c, r]) => window.readyroom?.invoke(c as never, r as never), [
    channel,
    request,
  ] as const);
  if (!result || !result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result)}`);
  return result.value as T;
}
