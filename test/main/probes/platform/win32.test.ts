import { describe, expect, it } from 'vitest';

import { createWin32Facts, defaultWin32Options } from '../../../../main/probes/platform/win32';
import {
  parseWindowsBatch,
  powershellArgs,
  powershellPath,
  windowsBatchParts,
  windowsBatchScript,
} from '../../../../main/probes/platform/win32-batch';
import { runCommand, type ExecResult } from '../../../../main/platform/exec';
import { capturedBatchOutput, platformDeps, tableExec } from '../helpers/probe-test-kit';

// The batch outputs of the Windows captures in test/fixtures/captures/.
const laptop = await capturedBatchOutput('windows-hand-written');
const laptopStopped = await capturedBatchOutput('windows11-laptop-timed-out');
const desktop = await capturedBatchOutput('windows10-de-desktop-vpn');
const server = await capturedBatchOutput('windows-server-2022-single-objects');
const garbage = await capturedBatchOutput('windows-powershell-garbage');
const empty = await capturedBatchOutput('windows-powershell-empty');

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
    const { facts, exec } = factsFor(laptop);
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

  it('answers every question from the capture of the English laptop', async () => {
    const { facts } = factsFor(laptop);
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
    const dnd = await facts.notifications();
    expect(dnd).toMatchObject({ state: 'unknown' });
    if (dnd.state === 'unknown') expect(dnd.reason).toMatch(/bell/);
    expect(await facts.audioOutput()).toMatchObject({ state: 'known', value: { kind: 'headphones' } });
    expect(await facts.remoteAccess()).toMatchObject({
      state: 'known',
      value: { remoteDesktopEnabled: false, remoteSession: false },
    });
    // The parts after netEnd (issue 14): no Recall, Game Bar not recording, nothing due, a Bluetooth headset.
    expect(await facts.recording()).toMatchObject({
      state: 'known',
      value: { signals: [], unread: [] },
      evidence: { recall: 'not-installed' },
    });
    expect(await facts.updates()).toMatchObject({ state: 'known', value: { restartNeeded: false, unread: [] } });
    expect(await facts.backgroundTasks()).toMatchObject({ state: 'known', value: { tasks: [], unread: [] } });
    expect(await facts.sleep()).toMatchObject({
      state: 'known',
      value: { systemSleepMinutes: 10, powerSource: 'on battery', keepAwake: expect.stringMatching(/presentation/) },
    });
    expect(await facts.headsets()).toMatchObject({
      state: 'known',
      value: { headsets: [{ name: 'Jabra Evolve2 65', percent: 80 }] },
    });
  });

  it('prints one JSON line per part, named as the exported part list, and flushes each at once', () => {
    const names = [...windowsBatchScript.matchAll(/^Write-Part '(\w+)'/gm)].map((m) => m[1]);
    expect(names).toEqual([...windowsBatchParts]);
    expect(windowsBatchScript).toContain("readyroom = 'batch/2'");
    expect(windowsBatchScript).toContain('[Console]::Out.Flush()');
    expect(windowsBatchScript).toContain('Remove-TypeData -TypeName System.Array');
    expect(windowsBatchScript).toContain('/qh SCHEME_CURRENT SUB_NONE CONSOLELOCK');
  });

  it('reads every part of the capture of the English laptop, in the batch’s order', () => {
    const batch = parseWindowsBatch(laptop);
    expect([...batch.parts.keys()]).toEqual([...windowsBatchParts]);
    expect(batch.parts.get('netEnd')).toMatchObject({ ok: true, ms: 1041 });
    expect(batch.parts.get('headsets')).toMatchObject({ ok: true, ms: 2230 });
  });

  it('ignores BOMs, blank lines, warnings and lines of another shape', () => {
    const line = (o: object) => JSON.stringify(o);
    const batch = parseWindowsBatch(
      [
        '\ufeffWARNING: something',
        '',
        line({ readyroom: 'batch/2', part: 'os', ms: 12, value: { CurrentBuildNumber: '26100' } }),
        line({ readyroom: 'batch/1', part: 'users', ms: 13, value: [] }),
        line({ readyroom: 'batch/2', part: 'users', ms: '14', value: [] }),
        line({ readyroom: 'batch/2', part: 'bitlocker', ms: 15, error: 'COMException 0x80004005' }),
        line({ readyroom: 'batch/2', part: 'voice', ms: 16, value: null, error: 'x' }),
        '{"readyroom":"batch/2","part":"netEnd","ms":9',
      ].join('\r\n'),
    );
    expect([...batch.parts.keys()]).toEqual(['os', 'bitlocker']);
    expect(batch.parts.get('bitlocker')).toEqual({ ok: false, error: 'COMException 0x80004005', ms: 15 });
  });

  // Issue 9, defect 5: one slow part made every Windows check unknown.
  it('keeps the parts that arrived before PowerShell was stopped at its time limit; only the rest are unknown', async () => {
    const { facts } = factsFor({
      ok: false,
      code: null,
      signal: 'SIGKILL',
      timedOut: true,
      durationMs: 8000,
      stdout: laptopStopped,
    });
    expect(await facts.osVersion()).toMatchObject({ state: 'known', value: { build: 26100 } });
    expect(await facts.route()).toMatchObject({ state: 'known', value: { primary: { kind: 'wifi' } } });
    expect(await facts.firewall()).toMatchObject({ state: 'known', value: { state: 'on' } });
    expect(await facts.antivirus()).toMatchObject({ state: 'known' });
    expect(await facts.diskEncryption()).toMatchObject({ state: 'known', value: { state: 'on' } });
    for (const late of [await facts.screenLock(), await facts.userAccounts(), await facts.remoteAccess()]) {
      expect(late).toMatchObject({ state: 'unknown' });
      if (late.state === 'unknown')
        expect(late.reason).toContain('did not answer this question within the 8 s time limit');
    }
    expect(await facts.networkActivity({ name: 'Wi-Fi', kind: 'wifi' }, 700)).toMatchObject({ state: 'unknown' });
  });

  it('keeps the parts a real process printed and flushed before it hung and was killed', async () => {
    // Stands in for powershell.exe: prints the laptop batch up to "bitlocker", then hangs.
    const printed = laptopStopped;
    const script = `process.stdout.write(${JSON.stringify(printed)}); setInterval(() => {}, 1000);`;
    const exec: typeof runCommand = (_file, _args, options) =>
      runCommand(process.execPath, ['-e', script], { timeoutMs: options?.timeoutMs ?? 1500 });
    const facts = createWin32Facts(platformDeps({ exec, env: { SystemRoot: 'C:\\Windows' } }), {
      batchTimeoutMs: 1500,
      ownExeNames: [],
    });
    expect(await facts.diskEncryption()).toMatchObject({ state: 'known', value: { state: 'on' } });
    const late = await facts.userAccounts();
    expect(late).toMatchObject({ state: 'unknown' });
    if (late.state === 'unknown') expect(late.reason).toContain('within the 1.5 s time limit');
  });

  it('reads the output of the German desktop, with a BOM and a warning line before the JSON', async () => {
    const { facts } = factsFor(desktop);
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
    const { facts } = factsFor(server);
    const av = await facts.antivirus();
    expect(av.state).toBe('unknown');
    const lock = await facts.screenLock();
    expect(lock.state).toBe('unknown');
    expect(await facts.userAccounts()).toMatchObject({ state: 'known', value: { guestEnabled: null } });
    expect(await facts.diskEncryption()).toMatchObject({ state: 'unknown' });
    expect(await facts.wifi({ name: 'Cellular', kind: 'cellular' })).toMatchObject({ state: 'unknown' });
    expect(await facts.route()).toMatchObject({ state: 'known', value: { primary: { kind: 'cellular' } } });
    expect(await facts.firewall()).toMatchObject({ state: 'known', value: { state: 'off' } });
  });

  it.each([
    ['garbage', { stdout: garbage }, 'could not read'],
    ['empty output', { stdout: empty }, 'could not read'],
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
