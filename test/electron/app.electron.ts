// The real Electron app, launched by Playwright. Needs the Electron binary (`npx install-electron`),
// a build (`npm run build`) and a display, so only the GitHub workflow's electron job runs it:
// `npx vitest run -c vitest.electron.config.ts` (under xvfb-run on Linux).
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { contentSecurityPolicy } from '../../main/windows/csp';
import type { AutomaticCheckId } from '../../shared/checks/check-ids';
import { toOsName } from '../../shared/platform';

const root = join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

describe('the ReadyRoom Electron app', () => {
  let app: ElectronApplication;
  let page: Page;
  let dataHome: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // A fresh place for settings and the vault, wherever this OS keeps them.
    dataHome = mkdtempSync(join(tmpdir(), 'readyroom-electron-'));
    const executablePath = require('electron') as string;
    app = await electron.launch({
      executablePath,
      args: [root],
      cwd: root,
      env: { ...process.env, XDG_CONFIG_HOME: dataHome, APPDATA: dataHome, ELECTRON_ENABLE_LOGGING: '1' },
      timeout: 60_000,
    });
    page = await app.firstWindow();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.waitForLoadState('domcontentloaded');
    await page.waitForFunction(() => window.readyroom !== undefined);
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dataHome, { recursive: true, force: true });
  });

  it('opens its window on app://bundle', () => {
    expect(page.url()).toMatch(/^app:\/\/bundle\//);
  });

  it('serves the page with its Content-Security-Policy header, and the policy is in force', async () => {
    const header = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    expect(header).toBe(contentSecurityPolicy);
    const evalRefused = await page.evaluate(() => {
      try {
        // The test is that the policy (no 'unsafe-eval') refuses this.
        // eslint-disable-next-line no-eval
        return (0, window.eval)('1') !== 1;
      } catch {
        return true;
      }
    });
    expect(evalRefused).toBe(true);
    const violated = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
          const script = document.createElement('script');
          script.textContent = 'document.documentElement.dataset.inlineRan = "yes"';
          document.head.append(script);
          setTimeout(() => resolve('no violation reported'), 5000);
        }),
    );
    expect(violated).toMatch(/^script-src/);
    expect(await page.evaluate(() => document.documentElement.dataset.inlineRan)).toBeUndefined();
  });

  it('answers app:info through window.readyroom', async () => {
    const info = await page.evaluate(() => window.readyroom?.invoke('app:info', {}));
    expect(info).toEqual({
      ok: true,
      value: expect.objectContaining({ name: 'ReadyRoom', testHost: false, os: toOsName(process.platform) }),
    });
  });

  it('streams each scan result as its check finishes, then says the scan finished', async () => {
    const only: AutomaticCheckId[] = ['computer.headroom', 'security.os-support', 'security.firewall'];
    const streamed = await page.evaluate(
      (ids) =>
        new Promise<{ scanId: string; results: { scanId: string; id: string; status: string }[] }>(
          (resolve, reject) => {
            const bridge = window.readyroom;
            if (!bridge) return reject(new Error('no bridge'));
            const results: { scanId: string; id: string; status: string }[] = [];
            let scanId = '';
            bridge.on('scan:result', (p) =>
              results.push({ scanId: p.scanId, id: p.result.id, status: p.result.status }),
            );
            bridge.on('scan:finished', (p) => {
              if (p.scanId === scanId) resolve({ scanId, results });
            });
            void bridge.invoke('scan:start', { only: ids }).then((r) => {
              if (!r.ok) reject(new Error(r.error.code));
              else scanId = r.value.scanId;
            });
            setTimeout(() => reject(new Error('the scan did not finish within 60 s')), 60_000);
          },
        ),
      only,
    );
    const ours = streamed.results.filter((r) => r.scanId === streamed.scanId);
    expect(ours.map((r) => r.id).sort()).toEqual([...only].sort());
    for (const r of ours) expect(['pass', 'warn', 'fail', 'unknown', 'skipped']).toContain(r.status);
  });

  it('ran without page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
