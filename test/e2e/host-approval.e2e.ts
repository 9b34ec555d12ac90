import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { tcpConnect } from '../../main/probes/net/tcp-connect';
import type { Settings } from '../../shared/settings/settings';
import { invokeOk, startE2eSession, type E2eSession } from './support/e2e-session';
import { screenshot, seriousAxeViolations } from './support/wizard-e2e-helpers';

/**
 * The first contact with a new address, through the real renderer, test host, settings and scan
 * services. Name lookups are answered here and every connection goes to a local TCP server, so
 * no traffic leaves this machine; what is recorded is which host main tried to reach, and when.
 */
describe('asking before contacting a new address', () => {
  let session: E2eSession;
  let server: Server;
  const looked: string[] = [];

  beforeAll(async () => {
    server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    session = await startE2eSession({
      fakeMedia: true,
      probeNetwork: {
        quality: {
          lookup: async (host) => {
            looked.push(host);
            return { ok: true, address: '127.0.0.1' };
          },
          connect: (address, _port, signal) => tcpConnect(address, port, signal),
        },
      },
    });
  });

  afterAll(async () => {
    await session?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('names the address and why, contacts it only once allowed, and lists it in Settings to withdraw', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Usual video platform').selectOption('other');
    // A pasted meeting link: only its host is kept.
    await page.getByLabel('Platform web address').fill('https://meet.example.org/therapy-room-17?pwd=abc');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    const saved = await invokeOk<Settings>(page, 'settings:get', {});
    expect(saved.otherPlatformHost).toBe('meet.example.org');

    await session.host.events.emit('app:navigate', { route: 'quick' });
    const prompt = page.getByRole('region', { name: 'Allow ReadyRoom to contact meet.example.org?' });
    await prompt.waitFor({ timeout: 30_000 });
    expect(await prompt.textContent()).toMatch(
      /To time your connection before the session, ReadyRoom opens a few short connections to meet\.example\.org \(port 443\)/,
    );
    await page
      .getByText(/has not been allowed to contact meet\.example\.org:443 yet/)
      .first()
      .waitFor({ timeout: 30_000 });
    expect(looked).toEqual([]);
    await screenshot(page, 'host-approval-1-asked');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await prompt.getByRole('button', { name: 'Allow and check' }).click();
    await prompt.waitFor({ state: 'detached' });
    await expect.poll(() => looked.includes('meet.example.org'), { timeout: 30_000 }).toBe(true);
    await page
      .getByText(/has not been allowed to contact meet\.example\.org:443/)
      .first()
      .waitFor({ state: 'detached', timeout: 30_000 });
    expect((await invokeOk<Settings>(page, 'settings:get', {})).approvedHosts).toEqual(['meet.example.org:443']);

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Checks' }).click();
    const approved = page.getByRole('region', { name: 'Addresses ReadyRoom may contact' });
    await approved.getByText('meet.example.org:443').waitFor();
    await screenshot(page, 'host-approval-2-settings');
    await approved.getByRole('button', { name: 'Remove meet.example.org:443' }).click();
    await page.getByText('Removed meet.example.org:443. ReadyRoom will ask again before contacting it.').waitFor();
    expect((await invokeOk<Settings>(page, 'settings:get', {})).approvedHosts).toEqual([]);

    expect(session.pageErrors).toEqual([]);
    expect(session.foreignRequests).toEqual([]);
  });

  it('refuses, from the window, to approve or time an address on this computer', async () => {
    const { page } = session;
    const refused = await page.evaluate(() =>
      window.readyroom?.invoke('settings:approve-host', { target: '127.0.0.1:9222' }),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const before = looked.length;
    const report = await invokeOk<{ checks: { id: string; status: string; summary: string }[] }>(page, 'scan:run', {
      only: ['connection.quality'],
      platform: 'other',
      target: 'localhost:9222',
    });
    expect(report.checks[0]).toMatchObject({
      status: 'unknown',
      summary: expect.stringMatching(/^ReadyRoom did not contact localhost:9222/),
    });
    expect(looked.length).toBe(before);
  });
});
