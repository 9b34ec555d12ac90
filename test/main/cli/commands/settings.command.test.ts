import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { settingKeys, settingsCommand } from '../../../../main/cli/commands/settings.command';
import { runCli } from '../../../../main/cli/run-cli';
import { createSettingsService } from '../../../../main/settings/settings-service';
import { confStoreFactory } from '../../../../main/store/store-factory';
import { captureContext } from '../../programs/cli-context';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'readyroom-settings-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  const captured = captureContext(dir);
  const code = await runCli(['settings', ...args], [settingsCommand], { ...captured.context, platform: 'linux' });
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

const stored = () => createSettingsService(dir, confStoreFactory).get();

describe('settings command', () => {
  it('sets a threshold (negative numbers too) that the app then uses, and reads it back', async () => {
    expect((await run('set', 'thresholds.wifi.failBelowDbm', '-75')).code).toBe(0);
    const set = await run('set', 'thresholds.wifi.warnBelowDbm', '−65');
    expect(set.stdout).toMatch(/^thresholds.wifi.warnBelowDbm = -65 {3}\(default −60 dBm; /);
    expect(stored().thresholds.wifi).toEqual({ warnBelowDbm: -65, failBelowDbm: -75 });
    expect((await run('get', 'thresholds.wifi.warnBelowDbm')).stdout).toBe('-65\n');
    expect(JSON.parse((await run('get', 'thresholds.wifi.warnBelowDbm', '--json')).stdout)).toEqual({
      'thresholds.wifi.warnBelowDbm': -65,
    });
  });

  it('lists every setting with the thresholds default and source', async () => {
    const { stdout } = await run('get');
    expect(stdout.trim().split('\n')).toHaveLength(settingKeys.length);
    expect(stdout).toMatch(/thresholds.battery.failBelowPercent = 30 {3}\(default 30 %; ReadyRoom's choice; NHS/);
  });

  it('refuses bad values with exit 2 and one line, leaving the settings file untouched', async () => {
    await run('set', 'idleLockMinutes', '20');
    const before = readFileSync(join(dir, 'settings.json'), 'utf8');
    for (const [key, value, message] of [
      ['thresholds.battery.failBelowPercent', '0', /Battery: .* from 5 % to 95 %\. Nothing was changed\.$/],
      ['thresholds.battery.failBelowPercent', 'lots', /must be a number, not "lots"/],
      ['thresholds.headroom.memoryWarnBelowGb', '0.3', /steps of 0\.25/],
      ['thresholds.screenLock.failAfterMinutes', '5', /screen-lock "problem" limit/],
      ['idleLockMinutes', '0', /^readyroom settings: idleLockMinutes: /],
      [
        'notApplicable',
        '[{"id":"safeguarding.client-location","reason":"other","note":"x","since":"2026-01-01T00:00:00Z"}]',
        /cannot be marked not applicable/,
      ],
      ['nothing.here', '1', /Unknown setting "nothing.here"/],
      ['throughput.enabled', 'maybe', /must be true or false/],
    ] as const) {
      const result = await run('set', key, value);
      expect(result.code, key).toBe(2);
      expect(result.stderr.trim().split('\n'), key).toHaveLength(1);
      expect(result.stderr.trim(), key).toMatch(message);
    }
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe(before);
  });

  it('keeps a reason "not applicable" for this computer, and takes it back', async () => {
    const item = {
      id: 'security.antivirus',
      reason: 'managed-by-clinic',
      note: 'IT runs Sophos',
      since: '2026-01-05T09:00:00.000Z',
    };
    expect((await run('set', 'notApplicable', JSON.stringify([item]))).code).toBe(0);
    expect(stored().notApplicable).toEqual([item]);
    expect((await run('set', 'notApplicable', '[]')).code).toBe(0);
    expect(stored().notApplicable).toEqual([]);
  });

  it('sets retention to keep logs forever', async () => {
    expect((await run('set', 'retentionYears', 'forever')).code).toBe(0);
    expect(stored().retentionYears).toBeNull();
  });
});
