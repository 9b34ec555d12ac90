import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { NewReadinessLog } from '../../shared/logs/readiness-log';
import { invokeOk, startE2eSession, type E2eSession } from './support/e2e-session';
import { screenshot, seriousAxeViolations } from './support/wizard-e2e-helpers';

const passphrase = 'quiet harbour lantern 42';

function newLog(clientCode: string, problems: Record<string, 'warn' | 'unknown' | 'pass'>): NewReadinessLog {
  return {
    sessionAt: new Date().toISOString(),
    clientCode,
    platform: 'zoom',
    modality: 'video',
    checks: Object.entries(problems).map(([id, status]) => ({ id, status, summary: 'x', evidence: {}, durationMs: 1 })),
    confirmations: [],
    programsClosed: [],
    note: '',
    outcome: 'ready-with-advice',
  };
}

describe('past logs in Chromium with a real vault', () => {
  let session: E2eSession;
  let setupRecoveryKey: string;

  beforeAll(async () => {
    session = await startE2eSession();
    const { page } = session;
    ({ recoveryKey: setupRecoveryKey } = await invokeOk<{ recoveryKey: string }>(page, 'vault:setup', { passphrase }));
    await invokeOk(page, 'vault:confirm-recovery-key', {});
    for (const [code, firewall] of [
      ['AB-017', 'unknown'],
      ['AB-017', 'unknown'],
      ['CD-204', 'pass'],
    ] as const) {
      // Past logs are seeded straight into the vault: logs:save builds logs only from a scan main ran.
      session.host.graph.vault.save(newLog(code, { 'security.firewall': firewall, 'connection.type': 'pass' }));
    }
    await invokeOk(page, 'vault:lock', {});
  });

  afterAll(async () => {
    await session?.close();
  });

  it('unlocks, lists the logs and shows what keeps coming up', async () => {
    const { page } = session;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Past logs' }).click();
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('heading', { name: 'What keeps coming up' }).waitFor();
    expect(
      await page
        .getByText(/Firewall is on/)
        .first()
        .textContent(),
    ).toContain('Firewall is on');
    // ReadyRoom's own blind spot is listed as such, never among the therapist's problems.
    const unchecked = page.getByRole('list', { name: 'ReadyRoom could not check these here' });
    expect(await unchecked.textContent()).toMatch(/Firewall is on: could not be checked in 2 of 3 logs/);
    const problems = page.getByRole('list', { name: 'Problems to sort out' });
    expect(await problems.textContent()).not.toContain('Firewall');
    await screenshot(page, 'logs-1-list');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('makes a new data key in Settings: every log stays, the old recovery key stops working', async () => {
    const { page } = session;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Security' }).click();
    const newKeys = page.getByRole('form', { name: 'New keys' });
    await newKeys.getByLabel('Your passphrase', { exact: true }).fill(passphrase);
    await newKeys.getByRole('button', { name: 'Make a new data key' }).click();
    const shown = page.getByLabel(/^Recovery key: /);
    await shown.waitFor();
    const newRecoveryKey = ((await shown.getAttribute('aria-label')) ?? '').replace('Recovery key: ', '').split(' ');
    expect(newRecoveryKey.join('-')).not.toBe(setupRecoveryKey);
    await screenshot(page, 'logs-3-new-data-key');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel(/I have printed or written down my recovery key/).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await newKeys.waitFor();

    await invokeOk(page, 'vault:lock', {});
    const withOldKey = await page.evaluate(
      (recoveryKey) => window.readyroom?.invoke('vault:unlock', { method: 'recovery-key', recoveryKey }),
      setupRecoveryKey,
    );
    expect(withOldKey).toMatchObject({ ok: false });
    await invokeOk(page, 'vault:unlock', { method: 'recovery-key', recoveryKey: newRecoveryKey.join('-') });
    const { logs } = await invokeOk<{ logs: readonly unknown[] }>(page, 'logs:list', {});
    expect(logs).toHaveLength(3);
    expect(session.pageErrors).toEqual([]);
  });
});
