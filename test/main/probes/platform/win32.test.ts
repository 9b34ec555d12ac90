import { describe, expect, it } from 'vitest';

import { createWin32Facts, defaultWin32Options } from '../../../../main/probes/platform/win32';
import { powershellArgs, powershellPath, windowsBatchScript } from '../../../../main/probes/platform/win32-batch';
import type { ExecResult } from '../../../../main/platform/exec';
import { fixture, platformDeps, tableExec } from '../helpers/probe-test-kit';

const ps = powershellPath({ SystemRoot: 'C:\\Windows' });
const key = [ps, ...powershellArgs].join(' ');

function factsFor(stdout: string | Partial<ExecResult>) {
  const exec = tableExec({ [key]: typeof stdout === 'string' ? { stdout } : stdout });
  const facts = createWin32Facts(platformDeps({ exec, env: { SystemRoot: 'C:\\Windows' } }), {
    ...defaultWin32Options,
    ownExeNames: ['electron.exe'],
  });
  return { facts, exec };
}

describe('createWin32Facts', () => {
  it('starts PowerShell once per scan however many facts are read', async () => {
    const { facts, exec } = factsFor(fixture('win32', 'batch-en-laptop-wifi.json'));
    await Promise.all([
      facts.route(),
      facts.firewall(),
      facts.antivirus(),
      facts.osVersion(),
      facts.screenLock(),
      facts.userAccounts(),
    ]);
    expect(exec.calls).toEqual([key]);
  });

  it('runs Windows PowerShell by full path, script on stdin, without a profile', () => {
    expect(ps).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(powershellPath({ SystemRoot: 'C:\\Windows', PROCESSOR_ARCHITEW6432: 'AMD64' })).toContain('\\Sysnative\\');
    expect(powershellArgs).toContain('-NoProfile');
    expect(powershellArgs.slice(-2)).toEqual(['-Command', '-']);
    expect(windowsBatchScript.startsWith('& {')).toBe(true);
    expect(windowsBatchScript.endsWith('}\n\n')).toBe(true);
  });

  it('runs the Windows tools inside the batch from System32 by full path, never by bare name', () => {
    expect(windowsBatchScript).toContain("$sys = Join-Path $env:SystemRoot 'System32'");
    expect(windowsBatchScript).toContain("(& (Join-Path $sys 'netsh.exe') wlan show interfaces)");
    expect(windowsBatchScript).toContain("$pc = Join-Path $sys 'powercfg.exe'");
    const bareTool =
      /(?:^|[(;{|&])\s*(?:reg|netsh|powercfg|tasklist|taskkill|wmic|schtasks|manage-bde|quser|qwinsta|whoami|cmd|powershell)(?:\.exe)?\s/im;
    expect(windowsBatchScript).not.toMatch(bareTool);
  });

  it('answers every question from the English laptop fixture', async () => {
    const { facts } = factsFor(fixture('win32', 'batch-en-laptop-wifi.json'));
    const route = await facts.route();
    expect(route).toMatchObject({ state: 'known', value: { primary: { name: 'Wi-Fi', kind: 'wifi' } } });
    expect(await facts.wifi({ name: 'Wi-Fi', kind: 'wifi' })).toMatchObject({
      state: 'known',
      value: { percent: 72, dbm: -64 },
    });
    expect(await facts.power()).toMatchObject({ state: 'known', value: { battery: { percent: 64, onBattery: true } } });
    expect(await facts.networkActivity({ name: 'Wi-Fi', kind: 'wifi' }, 700)).toMatchObject({
      state: 'known',
      value: { rxBytesPerSec: 200000, txBytesPerSec: 40000, windowMs: 1000 },
    });
    expect(await facts.firewall()).toMatchObject({ state: 'known', value: { state: 'on' } });
    expect(await facts.antivirus()).toMatchObject({
      state: 'known',
      value: { products: [{ enabled: true, upToDate: true }] },
    });
    expect(await facts.diskEncryption()).toMatchObject({
      state: 'known',
      value: { state: 'on', method: 'BitLocker', volume: 'C:' },
    });
    // On battery, so the DC sleep timeout (600 s) applies.
    expect(await facts.screenLock()).toMatchObject({
      state: 'known',
      value: { lockAfterMinutes: 10, mechanism: 'sleep' },
    });
    expect(await facts.osVersion()).toMatchObject({ state: 'known', value: { name: 'Windows 11 24H2', build: 26100 } });
    expect(await facts.userAccounts()).toMatchObject({ state: 'known', value: { humanAccounts: 1 } });
    expect(await facts.voiceAssistants()).toMatchObject({ state: 'known', value: { enabled: [] } });
    expect(await facts.mediaInUse()).toMatchObject({ state: 'known', value: { microphone: ['Zoom.exe'], camera: [] } });
    expect(await facts.notifications()).toMatchObject({ state: 'unknown' });
    expect(await facts.audioOutput()).toMatchObject({ state: 'known', value: { kind: 'headphones' } });
    expect(await facts.remoteAccess()).toMatchObject({
      state: 'known',
      value: { remoteDesktopEnabled: false, remoteSession: false },
    });
  });

  it('reads the German desktop fixture with a BOM and a warning line before the JSON', async () => {
    const { facts } = factsFor(fixture('win32', 'batch-de-desktop-vpn.txt'));
    expect(await facts.route()).toMatchObject({
      state: 'known',
      value: { primary: { kind: 'vpn' }, physical: { kind: 'wired' } },
    });
    expect(await facts.power()).toMatchObject({ state: 'known', value: { battery: null } });
    expect(await facts.firewall()).toMatchObject({ state: 'known', value: { state: 'off', offProfiles: ['Public'] } });
    expect(await facts.diskEncryption()).toMatchObject({ state: 'known', value: { state: 'off' } });
    expect(await facts.notifications()).toMatchObject({ state: 'known', value: { doNotDisturb: true } });
    expect(await facts.remoteAccess()).toMatchObject({
      state: 'known',
      value: { remoteDesktopEnabled: true, remoteSession: true },
    });
  });

  it('turns failed parts into unknown with a reason, and keeps the parts that worked (Windows Server)', async () => {
    const { facts } = factsFor(fixture('win32', 'batch-server-single-objects.json'));
    const av = await facts.antivirus();
    expect(av.state).toBe('unknown');
    const lock = await facts.screenLock();
    expect(lock.state).toBe('unknown');
    expect(await facts.diskEncryption()).toMatchObject({ state: 'unknown' });
    expect(await facts.wifi({ name: 'Cellular', kind: 'cellular' })).toMatchObject({ state: 'unknown' });
    expect(await facts.route()).toMatchObject({ state: 'known', value: { primary: { kind: 'cellular' } } });
    expect(await facts.firewall()).toMatchObject({ state: 'known', value: { state: 'off' } });
  });

  it.each([
    ['garbage', { stdout: fixture('win32', 'batch-garbage.txt') }, 'could not read'],
    ['empty output', { stdout: fixture('win32', 'batch-empty.txt') }, 'could not read'],
    [
      'a hung PowerShell',
      { ok: false, code: null, signal: 'SIGKILL', timedOut: true, durationMs: 8000 },
      'did not answer within 8 s',
    ],
    ['PowerShell missing', { ok: false, code: null, spawnError: 'ENOENT' }, 'not available'],
  ])('reports every fact as unknown on %s', async (_name, result, reason) => {
    const { facts } = factsFor(result);
    for (const fact of [await facts.route(), await facts.firewall(), await facts.osVersion(), await facts.power()]) {
      expect(fact.state).toBe('unknown');
      if (fact.state === 'unknown') expect(fact.reason).toContain(reason);
    }
  });
});
