import type { AutomaticCheckId } from '../../../../shared/checks/check-ids';
import type { OsName } from '../../../../shared/platform';
import type { ExecFn, ExecResult } from '../../../../main/platform/exec';
import { createDarwinFacts, darwinCommands as c } from '../../../../main/probes/platform/darwin';
import { createLinuxFacts } from '../../../../main/probes/platform/linux';
import type { HostFiles, PlatformDeps, PlatformFacts } from '../../../../main/probes/platform/platform-types';
import { createWin32Facts, defaultWin32Options } from '../../../../main/probes/platform/win32';
import { rebootAnnouncers } from '../../../../main/probes/platform/linux';
import {
  powershellArgs,
  powershellPath,
  windowsBatchLineTag,
  windowsBatchParts,
} from '../../../../main/probes/platform/win32-batch';
import {
  captureFile,
  capturedAnswers,
  capturedBatchOutput,
  capturedBatchParts,
  execResult,
  fixture,
  loadCapture,
} from './probe-test-kit';

type Answer = Partial<ExecResult> | string;

/**
 * One OS module and an "unsafe" computer for it: every check that reads this OS gives warn, fail or unknown.
 * The property test runs every probe on unreadable answers, and on damaged copies of these answers, and
 * asserts that nothing passes. Register a new OS module (or a desktop variant) here.
 */
export interface OsScenario {
  readonly os: OsName;
  readonly name: string;
  readonly env: Readonly<Record<string, string>>;
  readonly homeDir: string;
  create(deps: PlatformDeps): PlatformFacts;
  /** What each command answers, by "file arg arg…"; a list answers repeated calls in turn. */
  readonly exec: Readonly<Record<string, Answer | readonly Answer[]>>;
  readonly files: {
    readonly texts: Readonly<Record<string, string | readonly string[]>>;
    readonly dirs: Readonly<Record<string, readonly string[]>>;
    readonly mtimes: Readonly<Record<string, number>>;
  };
  /**
   * Files the kernel writes (complete lines), which a damaged copy may cut off. Configuration files are
   * read whole, and the program they configure reads a short file the same way, so they are not cut.
   */
  readonly cutFile: (path: string) => boolean;
  /** Checks that may still pass here, with the reason: they read nothing that these inputs change. */
  readonly mayPass: Readonly<Partial<Record<AutomaticCheckId, string>>>;
}

const programListOnly = 'reads only the list of running programs, which these inputs do not change';
export const scenarioNow = new Date('2026-11-28T12:00:00Z');

const ps = powershellPath({ SystemRoot: 'C:\\Windows' });

// The unsafe Windows and macOS computers are captures in test/fixtures/captures/ (each output's origin is noted there).
const unsafeWindows = await capturedBatchOutput('windows10-unsafe-laptop');
/** The parts after netEnd (issue 14), from the unsafe Windows 11 capture, as batch lines after the older capture's. */
const listenerParts = await capturedBatchParts('windows11-listeners-unsafe');
const unsafeWindowsBatch = `${unsafeWindows.replace(/\r?\n$/, '')}\r\n${windowsBatchParts
  .slice(windowsBatchParts.indexOf('netEnd') + 1)
  .map((part, i) => JSON.stringify({ readyroom: windowsBatchLineTag, part, ms: 2000 + i, value: listenerParts[part] }))
  .join('\r\n')}\r\n`;
const unsafeMacName = 'macos13-vpn-open-wifi-unsafe';
/** The path createDarwinFacts runs for a program a hand-written capture names without its folder. */
export const darwinPath = (program: string) =>
  Object.values(c).find((path) => path.split('/').pop() === program) ?? program;
const unsafeMac = await loadCapture(unsafeMacName);
const unsafeMacAnswers = await capturedAnswers(unsafeMacName, darwinPath);
const unsafeMacPmset = unsafeMacAnswers[`${c.pmset} -g`]?.[0]?.stdout ?? '';
const macListeners = (path: string) => captureFile('macos-listeners-unsafe', path);
const notSet = (key: string): Answer => ({
  ok: false,
  code: 1,
  stderr: `The domain/default pair of (${key}) does not exist\n`,
});
/** Only the Mac's own recording folder and the program list decide privacy.recording here. */
const recordingByProgramList =
  'decided by the list of running programs (empty here) and the OS recorders; with no recorder folder there is no OS recording to find';

export const osScenarios: readonly OsScenario[] = [
  {
    os: 'win32',
    name: 'Windows 10 laptop on open Wi-Fi',
    env: { SystemRoot: 'C:\\Windows' },
    homeDir: 'C:\\Users\\user',
    create: (deps) => createWin32Facts(deps, { ...defaultWin32Options, ownExeNames: [] }),
    exec: { [[ps, ...powershellArgs].join(' ')]: unsafeWindowsBatch },
    files: { texts: {}, dirs: {}, mtimes: {} },
    cutFile: () => false,
    mayPass: { 'programs.background': programListOnly },
  },
  {
    os: 'darwin',
    name: 'macOS 13 on a full VPN over weak open Wi-Fi',
    env: {},
    homeDir: '/Users/user',
    create: createDarwinFacts,
    exec: {
      ...unsafeMacAnswers,
      // The display never sleeps (no screen lock) but the Mac itself sleeps after 5 minutes.
      [`${c.pmset} -g`]: unsafeMacPmset.replace(/^ sleep {16}0$/m, ' sleep                5'),
      [`${c.defaults} read /Library/Preferences/com.apple.SoftwareUpdate`]: macListeners(
        'pasted/softwareupdate-prefs.txt',
      ),
      [`${c.tmutil} status`]: macListeners('pasted/tmutil-status-running.txt'),
      [`${c.defaults} read /Library/Preferences/com.apple.TimeMachine AutoBackup`]: '1\n',
      [`${c.defaults} read /Library/Preferences/com.apple.TimeMachine AutoBackupInterval`]:
        notSet('AutoBackupInterval'),
      [`${c.systemProfiler} -json SPBluetoothDataType`]: macListeners('pasted/system-profiler-bluetooth.json'),
    },
    files: {
      texts: {},
      dirs: { '/Users/user/Library/ScreenRecordings': ['.Recording 2026-11-28 at 11.58.02.mov'] },
      mtimes: Object.fromEntries(
        unsafeMac.files.flatMap((f) => (f.mtimeMs === undefined ? [] : [[f.path, f.mtimeMs] as const])),
      ),
    },
    cutFile: () => false,
    mayPass: { 'programs.background': programListOnly, 'privacy.recording': recordingByProgramList },
  },
  {
    os: 'linux',
    name: 'GNOME laptop on battery and Wi-Fi, nothing locked down',
    env: { XDG_CURRENT_DESKTOP: 'GNOME' },
    homeDir: '/home/user',
    create: createLinuxFacts,
    exec: {
      'ip -j route get 1.1.1.1':
        '[{"dst":"1.1.1.1","gateway":"192.168.1.1","dev":"wlp0s20f3","flags":[],"cache":[]}]\n',
      'ip -j route show default':
        '[{"dst":"default","gateway":"192.168.1.1","dev":"wlp0s20f3","protocol":"dhcp","metric":600,"flags":[]}]\n',
      'ss -tinpH': [fixture('linux', 'ss-tinp-before.txt'), fixture('linux', 'ss-tinp-after.txt')],
      'ss -ltn': fixture('linux', 'ss-ltn.txt'),
      'pactl info':
        'Server Name: PulseAudio (on PipeWire 0.3.65)\nDefault Sink: alsa_output.pci-0000_00_1b.0.analog-stereo\n',
      'pactl list source-outputs': fixture('linux', 'pactl-source-outputs.txt'),
      'pactl get-default-sink': 'alsa_output.pci-0000_00_1b.0.analog-stereo\n',
      'pactl list sinks': fixture('linux', 'pactl-sinks-speakers-bt.txt'),
      'fuser /dev/video0': ' 7001',
      'gsettings get org.gnome.desktop.notifications show-banners': 'true\n',
      'gsettings get org.gnome.desktop.screensaver lock-enabled': 'false\n',
      'gsettings get org.gnome.desktop.session idle-delay': 'uint32 0\n',
      'gsettings get org.gnome.desktop.screensaver lock-delay': 'uint32 0\n',
      'gsettings get org.gnome.desktop.lockdown disable-lock-screen': 'false\n',
      'systemctl is-active ufw': { ok: false, code: 3, stdout: 'inactive\n' },
      'systemctl is-active firewalld': { ok: false, code: 4, stdout: 'inactive\n' },
      'findmnt -J -o SOURCE,FSTYPE /': '{"filesystems":[{"source":"/dev/sda2","fstype":"btrfs"}]}\n',
      'lsblk -J -s -o NAME,TYPE,FSTYPE /dev/sda2': fixture('linux', 'lsblk-plain.json'),
      'systemctl list-timers --all --no-pager': captureFile(
        'linux-listeners-fedora',
        'pasted/systemctl-list-timers.txt',
      ),
      'upower --dump': captureFile('linux-listeners-ubuntu', 'pasted/upower-dump.txt').replace(
        /(headset\n[\s\S]*?percentage:\s+)60%/,
        '$120%',
      ),
      'gsettings get org.gnome.settings-daemon.plugins.power sleep-inactive-ac-type': "'suspend'\n",
      'gsettings get org.gnome.settings-daemon.plugins.power sleep-inactive-ac-timeout': '900\n',
      'gsettings get org.gnome.settings-daemon.plugins.power sleep-inactive-battery-type': "'suspend'\n",
      'gsettings get org.gnome.settings-daemon.plugins.power sleep-inactive-battery-timeout': '600\n',
    },
    files: {
      texts: {
        '/proc/net/wireless': fixture('linux', 'proc-net-wireless-offset.txt'),
        '/sys/class/power_supply/ADP1/uevent': fixture('linux', 'uevent-adp1-offline.txt'),
        '/sys/class/power_supply/BAT0/uevent': fixture('linux', 'uevent-bat0-discharging.txt'),
        '/sys/class/net/wlp0s20f3/statistics/rx_bytes': ['1000\n', '9000000\n'],
        '/sys/class/net/wlp0s20f3/statistics/tx_bytes': ['1000\n', '3000000\n'],
        '/proc/7001/comm': 'cheese\n',
        '/etc/ufw/ufw.conf': 'ENABLED=no\nLOGLEVEL=low\n',
        '/etc/os-release': 'NAME="Ubuntu"\nVERSION_ID="20.04"\nID=ubuntu\nPRETTY_NAME="Ubuntu 20.04.6 LTS"\n',
        '/etc/passwd': fixture('linux', 'passwd.txt'),
        '/run/reboot-required': '*** System restart required ***\n',
        '/run/reboot-required.pkgs': captureFile('linux-listeners-ubuntu', 'pasted/reboot-required-pkgs.txt'),
        '/var/lib/dpkg/status': '',
        [rebootAnnouncers[0] ?? '']: '',
      },
      dirs: {
        '/sys/class/net/wlp0s20f3/wireless': [],
        '/sys/class/power_supply': ['ADP1', 'BAT0'],
        '/dev': ['null', 'tty0', 'video0'],
      },
      mtimes: {},
    },
    cutFile: (path) => path.startsWith('/proc/') || path.startsWith('/sys/'),
    mayPass: {
      'programs.background': programListOnly,
      'privacy.voice-assistants': 'Linux has no built-in voice assistant, so nothing is read from the computer',
      'privacy.recording': recordingByProgramList,
    },
  },
];

/** A scenario's commands, each answer optionally changed; unknown commands are "not installed". */
export function scenarioExec(
  scenario: OsScenario,
  change: (key: string, answer: Answer) => Answer = (_, a) => a,
): ExecFn {
  const calls = new Map<string, number>();
  return async (file, args) => {
    const key = [file, ...args].join(' ');
    const entry = scenario.exec[key];
    if (entry === undefined) return execResult({ ok: false, code: null, spawnError: 'ENOENT' });
    const n = calls.get(key) ?? 0;
    calls.set(key, n + 1);
    const list: readonly Answer[] = Array.isArray(entry) ? entry : [entry as Answer];
    const answer = change(key, list[Math.min(n, list.length - 1)] ?? '');
    return typeof answer === 'string' ? execResult({ stdout: answer }) : execResult(answer);
  };
}

/** A scenario's files, each text optionally changed. */
export function scenarioFiles(
  scenario: OsScenario,
  change: (path: string, text: string) => string = (_, t) => t,
): HostFiles {
  const reads = new Map<string, number>();
  const { texts, dirs, mtimes } = scenario.files;
  return {
    readText: async (path) => {
      const entry = texts[path];
      if (entry === undefined) return null;
      const n = reads.get(path) ?? 0;
      reads.set(path, n + 1);
      const list: readonly string[] = typeof entry === 'string' ? [entry] : entry;
      return change(path, list[Math.min(n, list.length - 1)] ?? '');
    },
    listDir: async (path) => dirs[path] ?? null,
    exists: async (path) => path in texts || path in dirs || path in mtimes,
    mtimeMs: async (path) => mtimes[path] ?? null,
  };
}
