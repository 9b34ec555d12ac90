import { describe, expect, it } from 'vitest';

import {
  parseDarwinBluetoothHeadsets,
  parsePmsetSleep,
  parseSoftwareUpdatePrefs,
  parseTmutilStatus,
} from '../../../../../main/probes/platform/parsers/darwin-parsers';
import {
  classifyLinuxTimer,
  pactlBluetoothSinks,
  parseAptConfig,
  parseRebootRequiredPkgs,
  parseSystemctlTimers,
  parseUpowerHeadsets,
} from '../../../../../main/probes/platform/parsers/linux-parsers';
import {
  parseWindowsFileHistory,
  parseWindowsGameCapture,
  parseWindowsHeadsets,
  parseWindowsKeepAwake,
  parseWindowsRecall,
  parseWindowsScheduledTasks,
  parseWindowsSleep,
  parseWindowsUpdates,
} from '../../../../../main/probes/platform/parsers/win32-parsers';
import { captureFile, capturedBatchParts, capturedOutput } from '../../helpers/probe-test-kit';

/* Parsers of the issue-14 checks, on the outputs kept in test/fixtures/captures (each command's note says real or hand-written). */

const unsafe = await capturedBatchParts('windows11-listeners-unsafe');
const quiet = await capturedBatchParts('windows11-listeners-quiet');
const recallOf = (over: Record<string, unknown>) => ({
  policyMachine: { DisableAIDataAnalysis: null, AllowRecallEnablement: null },
  policyUser: { DisableAIDataAnalysis: null },
  installed: true,
  snapshotStore: false,
  ...over,
});

describe('Windows Recall', () => {
  it('may be on once this account has a snapshot store and no policy stops it', () => {
    expect(parseWindowsRecall(unsafe.recall)).toEqual({ state: 'may-be-on' });
  });

  it('is off when either policy switches snapshots off, or Recall is removed', () => {
    expect(parseWindowsRecall(quiet.recall)).toEqual({ state: 'policy-off' });
    expect(parseWindowsRecall(recallOf({ policyUser: { DisableAIDataAnalysis: 1 }, snapshotStore: true }))).toEqual({
      state: 'policy-off',
    });
    expect(
      parseWindowsRecall(
        recallOf({ policyMachine: { DisableAIDataAnalysis: null, AllowRecallEnablement: 0 }, snapshotStore: true }),
      ),
    ).toEqual({ state: 'removed' });
  });

  it('saves nothing until the person opts in: installed without a store is not set up, not installed is absent', () => {
    expect(parseWindowsRecall(recallOf({}))).toEqual({ state: 'not-set-up' });
    expect(parseWindowsRecall(recallOf({ installed: false }))).toEqual({ state: 'not-installed' });
  });

  it('reads a missing key, a missing answer or a non-boolean as unread, never as off', () => {
    expect(parseWindowsRecall(recallOf({ policyUser: {} }))).toBeNull();
    expect(parseWindowsRecall(recallOf({ installed: 'True' }))).toBeNull();
    expect(parseWindowsRecall(recallOf({ snapshotStore: null }))).toBeNull();
    expect(parseWindowsRecall(null)).toBeNull();
  });
});

describe('Xbox Game Bar capture', () => {
  it('finds "Record what happened" switched on and the recorder not running', () => {
    expect(parseWindowsGameCapture(unsafe.gameCapture)).toEqual({ backgroundRecording: true, recorderRunning: false });
  });

  it('is off when Game DVR is switched off, whatever else is set', () => {
    expect(parseWindowsGameCapture(quiet.gameCapture)).toEqual({ backgroundRecording: false, recorderRunning: false });
    const policyOff = { ...(unsafe.gameCapture as object), policy: 0, recorderRunning: true };
    expect(parseWindowsGameCapture(policyOff)).toEqual({ backgroundRecording: false, recorderRunning: false });
  });

  it('needs every key of the part', () => {
    expect(parseWindowsGameCapture({ user: {}, store: {}, policy: null, recorderRunning: false })).toBeNull();
    expect(parseWindowsGameCapture({ ...(unsafe.gameCapture as object), recorderRunning: null })).toBeNull();
  });
});

describe('Windows Update', () => {
  it('reads the restart flags, the scheduled restart (a FILETIME) and the active hours', () => {
    expect(parseWindowsUpdates(unsafe.updates)).toEqual({
      restartNeeded: true,
      restartAt: Date.parse('2026-03-02T14:00:00Z'),
      activeHours: { start: 8, end: 17 },
      pausedUntil: null,
    });
    expect(parseWindowsUpdates(quiet.updates)).toMatchObject({ restartNeeded: false, restartAt: null });
  });

  it('takes active hours from the policy when the policy sets them', () => {
    const withPolicy = {
      ...(quiet.updates as object),
      policy: { SetActiveHours: 1, ActiveHoursStart: 7, ActiveHoursEnd: 19 },
    };
    expect(parseWindowsUpdates(withPolicy)?.activeHours).toEqual({ start: 7, end: 19 });
  });

  it('reads a flag that is not a boolean as unread', () => {
    expect(parseWindowsUpdates({ ...(quiet.updates as object), rebootPending: 'False' })).toBeNull();
    expect(parseWindowsUpdates({ ...(quiet.updates as object), state: {} })).toBeNull();
  });
});

describe('scheduled tasks and File History', () => {
  it('reads the next run in UTC, or "none" for a task without a time', () => {
    expect(parseWindowsScheduledTasks(unsafe.scheduledTasks)).toEqual([
      { name: 'Windows Defender Scheduled Scan', nextRunMs: Date.parse('2026-03-02T13:50:00Z'), running: false },
    ]);
    expect(parseWindowsScheduledTasks(quiet.scheduledTasks)).toEqual([
      { name: 'Windows Defender Scheduled Scan', nextRunMs: null, running: false },
    ]);
  });

  it('reads null or a time it cannot parse as unread, not as "no next run"', () => {
    expect(parseWindowsScheduledTasks([{ name: 'x', next: null, state: 'Ready' }])).toBeNull();
    expect(parseWindowsScheduledTasks([{ name: 'x', next: 'soon', state: 'Ready' }])).toBeNull();
    expect(parseWindowsScheduledTasks([{ name: 'x', next: 'none', state: 'unreadable' }])).toBeNull();
    expect(parseWindowsScheduledTasks([])).toEqual([]);
  });

  it('counts File History as on only when it is set up and its service runs', () => {
    expect(parseWindowsFileHistory(unsafe.fileHistory)).toEqual({ on: true });
    expect(parseWindowsFileHistory(quiet.fileHistory)).toEqual({ on: false });
    expect(parseWindowsFileHistory({ configured: true, service: 'Stopped' })).toEqual({ on: false });
    expect(parseWindowsFileHistory({ configured: null, service: 'Running' })).toBeNull();
  });
});

describe('Windows sleep, keep-awake and headsets', () => {
  it('reads STANDBYIDLE for the power source in use, the sooner of the two when it is unknown', () => {
    expect(parseWindowsSleep(unsafe.powercfg, true)).toEqual({ systemSleepMinutes: 15, displaySleepMinutes: 3 });
    expect(parseWindowsSleep(unsafe.powercfg, false)).toEqual({ systemSleepMinutes: 30, displaySleepMinutes: 5 });
    expect(parseWindowsSleep(unsafe.powercfg, null)?.systemSleepMinutes).toBe(15);
    expect(parseWindowsSleep(quiet.powercfg, false)).toEqual({ systemSleepMinutes: null, displaySleepMinutes: 10 });
  });

  it('reads a hidden or cut-off sleep setting as unread', () => {
    expect(
      parseWindowsSleep({ standbyIdle: 'Power Scheme GUID: 381b4222-f694-41f0-9685-ff5bb260df2e' }, false),
    ).toBeNull();
    expect(parseWindowsSleep(null, false)).toBeNull();
  });

  it('names a keep-awake mode only when one is there', () => {
    expect(parseWindowsKeepAwake(unsafe.keepAwake)).toMatch(/presentation settings/);
    expect(parseWindowsKeepAwake(quiet.keepAwake)).toBeNull();
    expect(parseWindowsKeepAwake({ presentationSettings: false, powerToysAwake: true })).toMatch(/PowerToys Awake/);
  });

  it('merges a headset shown as hands-free and stereo devices and leaves out ones not connected', () => {
    expect(parseWindowsHeadsets(unsafe.headsets)).toEqual([{ name: 'WH-1000XM4', percent: 30 }]);
    expect(parseWindowsHeadsets(quiet.headsets)).toEqual([]);
    expect(parseWindowsHeadsets([{ name: 'Buds Hands-Free AG', battery: null, connected: true }])).toEqual([
      { name: 'Buds', percent: null },
    ]);
    expect(parseWindowsHeadsets([{ name: 'Buds', connected: true }])).toBeNull();
  });
});

const mac = (path: string) => captureFile('macos-listeners-unsafe', path);
const softwareUpdateCommand = ['defaults', 'read', '/Library/Preferences/com.apple.SoftwareUpdate'] as const;

describe('macOS Software Update, Time Machine, sleep and Bluetooth', () => {
  it('lists the recommended updates from the real preferences file, with versions where the name has none', async () => {
    expect(parseSoftwareUpdatePrefs(mac('pasted/softwareupdate-prefs.txt'))).toEqual({
      recommended: [
        'Safari 14.0.3',
        'macOS Catalina 10.15.7 Supplemental Update',
        'macOS Catalina Security Update 2021-001',
      ],
      autoInstallMacOS: false,
    });
    expect(parseSoftwareUpdatePrefs(await capturedOutput('macos-hand-written', ...softwareUpdateCommand))).toEqual({
      recommended: [],
      autoInstallMacOS: true,
    });
  });

  it('does not take a file without a check result, or a cut-off answer, for "no updates"', () => {
    expect(parseSoftwareUpdatePrefs('{\n    AutomaticCheckEnabled = 1;\n}\n')).toEqual({
      recommended: null,
      autoInstallMacOS: null,
    });
    expect(parseSoftwareUpdatePrefs(mac('pasted/softwareupdate-prefs.txt').slice(0, 300))).toBeNull();
    expect(parseSoftwareUpdatePrefs('{\n    LastRecommendedUpdatesAvailable = 2;\n}\n')?.recommended).toEqual([
      '2 updates',
    ]);
  });

  it('reads whether Time Machine is backing up now', async () => {
    expect(parseTmutilStatus(mac('pasted/tmutil-status-running.txt'))).toEqual({ running: true });
    expect(parseTmutilStatus(await capturedOutput('macos-hand-written', 'tmutil', 'status'))).toEqual({
      running: false,
    });
    expect(parseTmutilStatus('Backup session status:\n{\n}\n')).toBeNull();
  });

  it('reads system and display sleep from pmset, with the programs that keep the Mac awake after the value', () => {
    expect(parsePmsetSleep(mac('pasted/pmset-g.txt'))).toEqual({ sleep: 10, displaySleep: 10 });
    expect(parsePmsetSleep(captureFile('macos-hand-written', 'pasted/pmset-g.txt'))).toEqual({
      sleep: 1,
      displaySleep: 10,
    });
    expect(parsePmsetSleep('System-wide power settings:\nCurrently in use:\n displaysleep 10\n')).toBeNull();
  });

  it('gives each connected headphone the charge of its emptier earbud, not of its case', async () => {
    expect(parseDarwinBluetoothHeadsets(mac('pasted/system-profiler-bluetooth.json'))).toEqual([
      { name: 'AirPods Pro', percent: 20 },
    ]);
    expect(
      parseDarwinBluetoothHeadsets(
        await capturedOutput('macos-hand-written', 'system_profiler', '-json', 'SPBluetoothDataType'),
      ),
    ).toEqual([{ name: 'AirPods', percent: 80 }]);
    expect(parseDarwinBluetoothHeadsets('{"SPBluetoothDataType":[{"device_connected":{}}]}')).toBeNull();
    expect(
      parseDarwinBluetoothHeadsets(
        '{"SPBluetoothDataType":[{"device_connected":[{"Jabra":{"device_minorType":"Headset","device_batteryLevelMain":"lots"}}]}]}',
      ),
    ).toEqual([{ name: 'Jabra', percent: null }]);
  });
});

const ubuntuTimers = captureFile('linux-listeners-ubuntu', 'pasted/systemctl-list-timers.txt');
const fedoraTimers = captureFile('linux-listeners-fedora', 'pasted/systemctl-list-timers.txt');

describe('systemd timers', () => {
  it('reads when each timer fires from the LEFT column of real outputs', () => {
    const rows = parseSystemctlTimers(ubuntuTimers);
    expect(rows).toHaveLength(9);
    expect(rows?.[0]).toEqual({ unit: 'helloworld.timer', activates: 'helloworld.service', leftMinutes: 1 + 46 / 60 });
    expect(rows?.find((r) => r.unit === 'apt-daily-upgrade.timer')?.leftMinutes).toBe(20 * 60);
    expect(rows?.find((r) => r.unit === 'e2scrub_all.timer')?.leftMinutes).toBe(3 * 1440);
    expect(parseSystemctlTimers(fedoraTimers)?.find((r) => r.unit === 'dnf-makecache.timer')?.leftMinutes).toBe(13);
  });

  it('reads a timer that is not scheduled as such, and anything odd as unread', () => {
    const inactive = ubuntuTimers.replace('19h left     ', 'n/a          ');
    expect(parseSystemctlTimers(inactive)?.find((r) => r.unit === 'apt-daily.timer')?.leftMinutes).toBeNull();
    expect(parseSystemctlTimers(ubuntuTimers.replace('19h left', '19x left'))).toBeNull();
    expect(parseSystemctlTimers(ubuntuTimers.slice(0, 400))).toBeNull();
    expect(parseSystemctlTimers('System has not been booted with systemd as init system (PID 1).\n')).toBeNull();
  });

  it('knows which timers install updates and which are backups or heavy maintenance; housekeeping is left out', () => {
    expect(classifyLinuxTimer('apt-daily-upgrade.timer')).toMatchObject({ kind: 'install', area: 'updates' });
    expect(classifyLinuxTimer('dnf-makecache.timer')).toMatchObject({ kind: 'download', area: 'background' });
    expect(classifyLinuxTimer('borgmatic.timer')).toMatchObject({ kind: 'backup' });
    expect(classifyLinuxTimer('dpkg-db-backup.timer')).toBeNull();
    expect(classifyLinuxTimer('logrotate.timer')).toBeNull();
  });
});

describe('apt settings, restarts and headsets on Linux', () => {
  it('reads flat apt settings, later files winning, and ignores comments and blocks', () => {
    const config = parseAptConfig([
      captureFile('linux-listeners-ubuntu', 'pasted/20auto-upgrades.txt'),
      '// Unattended-Upgrade::Automatic-Reboot "false";\nUnattended-Upgrade::Automatic-Reboot "true";\nUnattended-Upgrade::Origins-Pattern {\n  "origin=Debian";\n};\n',
      null,
      'APT::Periodic::Unattended-Upgrade "0";\n',
    ]);
    expect(config['apt::periodic::unattended-upgrade']).toBe('0');
    expect(config['unattended-upgrade::automatic-reboot']).toBe('true');
    expect(config['origin=debian']).toBeUndefined();
  });

  it('names each package that asked for the restart once', () => {
    expect(parseRebootRequiredPkgs(captureFile('linux-listeners-ubuntu', 'pasted/reboot-required-pkgs.txt'))).toEqual([
      'linux-image-5.15.0-97-generic',
      'linux-base',
    ]);
  });

  it('finds the Bluetooth headset in a real UPower dump and leaves out batteries and mice', () => {
    expect(parseUpowerHeadsets(captureFile('linux-listeners-ubuntu', 'pasted/upower-dump.txt'))).toEqual([
      { name: 'MBH20', percent: 60 },
    ]);
    expect(parseUpowerHeadsets('Device: /org/freedesktop/UPower/devices/headset_dev_X\n  headset\n')).toEqual([
      { name: 'Bluetooth headset', percent: null },
    ]);
    expect(parseUpowerHeadsets('Failed to connect to upower\n')).toBeNull();
  });

  it('finds Bluetooth sound outputs among the sinks', async () => {
    expect(pactlBluetoothSinks(await capturedOutput('linux-listeners-ubuntu', 'pactl', 'list', 'sinks'))).toEqual([
      'MBH20',
    ]);
    expect(pactlBluetoothSinks(captureFile('linux-hand-written', 'pasted/pactl-list-sinks.txt'))).toEqual([]);
    expect(pactlBluetoothSinks('')).toBeNull();
  });
});
