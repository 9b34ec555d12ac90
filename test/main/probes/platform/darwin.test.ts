import { describe, expect, it } from 'vitest';

import { createDarwinFacts, darwinCommands as c } from '../../../../main/probes/platform/darwin';
import type { SystemInfo } from '../../../../main/probes/system-info';
import {
  captureFile,
  capturedAnswers,
  capturedOutput,
  nullSystemInfo,
  platformDeps,
  tableExec,
  tableFiles,
} from '../helpers/probe-test-kit';
import { darwinPath } from '../helpers/os-scenarios';

const xprotect = '/Library/Apple/System/Library/CoreServices/XProtect.bundle/Contents/Info.plist';
const xprotect15 = '/var/protected/xprotect/XProtect.bundle/Contents/Info.plist';
const now = new Date('2026-11-28T12:00:00Z');

/** The well-kept MacBook Air of the macOS worked example (test/fixtures/captures/macos-hand-written). */
const healthyMac: Record<string, unknown> = Object.fromEntries(
  Object.entries(await capturedAnswers('macos-hand-written', darwinPath)).map(([key, answers]) => [key, answers[0]]),
);
// Outputs of other Macs' captures.
const dockedVpnRoutes = await capturedOutput('macos15-de-docked-vpn', 'netstat', '-rn', '-f', 'inet');
const dockedPorts = await capturedOutput('macos15-de-docked-vpn', 'networksetup', '-listallhardwareports');
const oldColumnsVpnRoutes = await capturedOutput('macos13-vpn-open-wifi-unsafe', 'netstat', '-rn', '-f', 'inet');
const screenSharingViewer = await capturedOutput('macos13-vpn-open-wifi-unsafe', 'netstat', '-an', '-p', 'tcp');
const remoteLoginListening = await capturedOutput('macos-real-routes-and-monitor-audio', 'netstat', '-an', '-p', 'tcp');
const lockOff = await capturedOutput('macos13-vpn-open-wifi-unsafe', 'sysadminctl', '-screenLock', 'status');
const focusOn = captureFile('macos15-de-docked-vpn', 'pasted/dnd-assertions.json');
const focusOff = captureFile('macos-hand-written', 'pasted/dnd-assertions.json');

function mac(
  table: Record<string, unknown> = healthyMac,
  systemInfo: SystemInfo = nullSystemInfo,
  files = tableFiles({}, {}, { [xprotect]: now.getTime() - 3 * 86_400_000 }),
) {
  const exec = tableExec(table as Parameters<typeof tableExec>[0]);
  return {
    facts: createDarwinFacts(platformDeps({ exec, systemInfo, files, now: () => now, homeDir: '/Users/jane' })),
    exec,
  };
}

describe('createDarwinFacts', () => {
  it('reads Wi-Fi as the default route and its signal', async () => {
    const { facts } = mac();
    const route = await facts.route();
    expect(route).toMatchObject({ state: 'known', value: { primary: { name: 'en0', kind: 'wifi' } } });
    expect(await facts.wifi({ name: 'en0', kind: 'wifi' })).toMatchObject({
      state: 'known',
      value: { dbm: -67, open: false },
    });
  });

  it('reads a VPN default route with the wired link underneath', async () => {
    const { facts } = mac({
      ...healthyMac,
      [`${c.netstat} -rn -f inet`]: dockedVpnRoutes,
      [`${c.networksetup} -listallhardwareports`]: dockedPorts,
    });
    expect(await facts.route()).toMatchObject({
      state: 'known',
      value: { primary: { name: 'utun4', kind: 'vpn' }, physical: { name: 'en5', kind: 'wired' } },
    });
  });

  it('measures traffic from two netstat samples', async () => {
    const samples = (await capturedAnswers('macos-hand-written', darwinPath))[`${c.netstat} -ibn -I en0`] ?? [];
    expect(samples).toHaveLength(2);
    let call = 0;
    const exec = tableExec({});
    const deps = platformDeps({
      exec: async (file, args, opts) => {
        if (file === c.netstat && args[0] === '-ibn') {
          call += 1;
          return {
            ok: true,
            stdout: samples[call - 1]?.stdout ?? '',
            stderr: '',
            code: 0,
            signal: null,
            timedOut: false,
            spawnError: null,
            durationMs: 3,
          };
        }
        return exec(file, args, opts);
      },
      sleep: () => new Promise((r) => setTimeout(r, 20)),
    });
    const activity = await createDarwinFacts(deps).networkActivity({ name: 'en0', kind: 'wifi' }, 20);
    expect(activity.state).toBe('known');
    if (activity.state === 'known') {
      expect(activity.value.rxBytesPerSec).toBeGreaterThan(0);
      expect(activity.value.topPrograms).toBeNull();
    }
  });

  it('reads the security settings of a well-kept Mac', async () => {
    const { facts } = mac();
    expect(await facts.firewall()).toMatchObject({ state: 'known', value: { state: 'on' } });
    expect(await facts.diskEncryption()).toMatchObject({ state: 'known', value: { state: 'on', method: 'FileVault' } });
    expect(await facts.screenLock()).toMatchObject({
      state: 'known',
      value: { lockAfterMinutes: 5, autoLogin: false, lockDisabled: false },
    });
    expect(await facts.osVersion()).toMatchObject({ state: 'known', value: { family: 'macos', version: '15.6.1' } });
    expect(await facts.userAccounts()).toMatchObject({
      state: 'known',
      value: { humanAccounts: 1, guestEnabled: false },
    });
    expect(await facts.antivirus()).toMatchObject({
      state: 'known',
      value: {
        builtInAlwaysOn: true,
        products: [{ name: 'XProtect', upToDate: true, definitionsAgeDays: 3 }],
        warnings: [],
      },
    });
    expect(await facts.remoteAccess()).toMatchObject({
      state: 'known',
      value: { remoteDesktopEnabled: false, remoteSession: false, listeningPorts: [] },
    });
    expect(await facts.voiceAssistants()).toMatchObject({ state: 'known', value: { enabled: [] } });
    expect(await facts.audioOutput()).toMatchObject({ state: 'known', value: { kind: 'headset' } });
  });

  it('does not take a failed `defaults` read for "no guest account" or "no automatic login"', async () => {
    const { facts } = mac({
      ...healthyMac,
      [`${c.defaults} read /Library/Preferences/com.apple.loginwindow GuestEnabled`]: { ok: false, timedOut: true },
      [`${c.defaults} read /Library/Preferences/com.apple.loginwindow autoLoginUser`]: { ok: false, timedOut: true },
    });
    expect(await facts.userAccounts()).toMatchObject({ state: 'known', value: { guestEnabled: null } });
    expect(await facts.screenLock()).toMatchObject({ state: 'unknown' });
  });

  it('is unknown, not "never locks", when display sleep could not be read', async () => {
    const { facts } = mac({ ...healthyMac, [`${c.pmset} -g`]: { ok: false, spawnError: 'ENOENT' } });
    expect(await facts.screenLock()).toMatchObject({ state: 'unknown' });
  });

  // Issue 9, defect 10: older macOS netstat output put the "Refs" count where the interface was read.
  it('reads the default route of an older macOS with Refs and Use columns', async () => {
    const { facts } = mac({ ...healthyMac, [`${c.netstat} -rn -f inet`]: oldColumnsVpnRoutes });
    expect(await facts.route()).toMatchObject({
      state: 'known',
      value: { primary: { name: 'utun3', kind: 'vpn' }, physical: { name: 'en0', kind: 'wifi' } },
    });
  });

  // Issue 9, defect 11: macOS 15 updates XProtect in /var/protected/xprotect; the old copy stays behind.
  it('takes the newest of the XProtect locations, so an up-to-date Mac is not told it is out of date', async () => {
    const files = tableFiles(
      {},
      {},
      { [xprotect]: now.getTime() - 200 * 86_400_000, [xprotect15]: now.getTime() - 2 * 86_400_000 },
    );
    const fact = await mac(healthyMac, nullSystemInfo, files).facts.antivirus();
    expect(fact).toMatchObject({
      state: 'known',
      value: { products: [{ upToDate: true, definitionsAgeDays: 2 }] },
      evidence: { xprotectLocation: xprotect15 },
    });
  });

  it('tells that someone is viewing this Mac through Screen Sharing', async () => {
    const { facts } = mac({ ...healthyMac, [`${c.netstat} -an -p tcp`]: screenSharingViewer });
    expect(await facts.remoteAccess()).toMatchObject({
      state: 'known',
      value: { remoteDesktopEnabled: true, remoteSession: true },
    });
  });

  it('tells that Remote Login and Screen Sharing are listening for other computers', async () => {
    const { facts } = mac({ ...healthyMac, [`${c.netstat} -an -p tcp`]: remoteLoginListening });
    expect(await facts.remoteAccess()).toMatchObject({
      state: 'known',
      value: { remoteDesktopEnabled: true, remoteSession: false, listeningPorts: [22, 5900] },
    });
  });

  it('reads Siri listening for "Hey Siri"', async () => {
    const { facts } = mac({
      ...healthyMac,
      [`${c.defaults} read com.apple.assistant.support Assistant Enabled`]: '1\n',
      [`${c.defaults} read com.apple.Siri VoiceTriggerUserEnabled`]: '1\n',
    });
    expect(await facts.voiceAssistants()).toMatchObject({
      state: 'known',
      value: { enabled: ['Siri (listening for "Hey Siri")'] },
    });
  });

  it('reports a lock that is off and automatic login', async () => {
    const { facts } = mac({
      ...healthyMac,
      [`${c.sysadminctl} -screenLock status`]: { stderr: lockOff },
      [`${c.defaults} read /Library/Preferences/com.apple.loginwindow autoLoginUser`]: 'jane\n',
    });
    const lock = await facts.screenLock();
    expect(lock).toMatchObject({
      state: 'known',
      value: { lockAfterMinutes: null, autoLogin: true, lockDisabled: true },
    });
    // The account name itself is never kept.
    expect(JSON.stringify(lock)).not.toContain('jane');
  });

  it('warns about switched-off Gatekeeper and old XProtect data', async () => {
    const files = tableFiles({}, {}, { [xprotect]: now.getTime() - 90 * 86_400_000 });
    const { facts } = mac({ ...healthyMac, [`${c.spctl} --status`]: 'assessments disabled\n' }, nullSystemInfo, files);
    expect(await facts.antivirus()).toMatchObject({
      state: 'known',
      value: { products: [{ upToDate: false, definitionsAgeDays: 90 }], warnings: ['Gatekeeper is switched off.'] },
    });
  });

  it('reads the battery through systeminformation', async () => {
    const si: SystemInfo = {
      ...nullSystemInfo,
      battery: async () => ({ hasBattery: true, percent: 41, acConnected: false }),
    };
    expect(await mac(healthyMac, si).facts.power()).toMatchObject({
      state: 'known',
      value: { battery: { percent: 41, onBattery: true } },
    });
    expect(await mac(healthyMac).facts.power()).toMatchObject({ state: 'unknown' });
  });

  it('reads Focus from its records, and is unknown when macOS keeps them private', async () => {
    const dir = '/Users/jane/Library/DoNotDisturb/DB';
    const on = tableFiles(
      { [`${dir}/Assertions.json`]: focusOn },
      { [dir]: ['Assertions.json', 'ModeConfigurations.json'] },
    );
    expect(await mac(healthyMac, nullSystemInfo, on).facts.notifications()).toMatchObject({
      state: 'known',
      value: { doNotDisturb: true },
    });
    const off = tableFiles(
      { [`${dir}/Assertions.json`]: focusOff },
      { [dir]: ['Assertions.json', 'ModeConfigurations.json'] },
    );
    expect(await mac(healthyMac, nullSystemInfo, off).facts.notifications()).toMatchObject({
      state: 'known',
      value: { doNotDisturb: false },
    });
    expect(await mac().facts.notifications()).toMatchObject({ state: 'unknown' });
  });

  // Issue 9, defect 12: a missing Assertions.json was read as "notifications are on".
  it.each([
    ['the record is missing', tableFiles({}, { '/Users/jane/Library/DoNotDisturb/DB': ['ModeConfigurations.json'] })],
    ['the record cannot be read', tableFiles({}, { '/Users/jane/Library/DoNotDisturb/DB': ['Assertions.json'] })],
    ['the folder cannot be opened', tableFiles({}, {})],
  ])('is unknown when %s, and names the Full Disk Access permission', async (_name, files) => {
    const fact = await mac(healthyMac, nullSystemInfo, files).facts.notifications();
    expect(fact.state).toBe('unknown');
    if (fact.state === 'unknown') {
      expect(fact.reason).toContain('Full Disk Access');
      expect(fact.reason).toContain('System Settings › Privacy & Security');
    }
  });

  it('says honestly that microphone and camera use cannot be read', async () => {
    const fact = await mac().facts.mediaInUse();
    expect(fact.state).toBe('unknown');
  });

  it('turns a hung command into unknown with the reason', async () => {
    const { facts } = mac({
      ...healthyMac,
      [`${c.fdesetup} status`]: { ok: false, code: null, timedOut: true, durationMs: 3700 },
    });
    const fact = await facts.diskEncryption();
    expect(fact).toMatchObject({ state: 'unknown' });
    if (fact.state === 'unknown') expect(fact.reason).toContain('did not answer within 3.7 s');
  });

  it('returns unknown for garbage output', async () => {
    const { facts } = mac({ ...healthyMac, [`${c.socketfilterfw} --getglobalstate`]: 'segmentation fault' });
    expect(await facts.firewall()).toMatchObject({ state: 'unknown' });
  });
});
