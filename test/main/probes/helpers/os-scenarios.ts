import type { AutomaticCheckId } from '../../../../shared/checks/check-ids';
import type { OsName } from '../../../../shared/platform';
import type { ExecFn, ExecResult } from '../../../../main/platform/exec';
import { createDarwinFacts, darwinCommands as c } from '../../../../main/probes/platform/darwin';
import { createLinuxFacts } from '../../../../main/probes/platform/linux';
import type { HostFiles, PlatformDeps, PlatformFacts } from '../../../../main/probes/platform/platform-types';
import { createWin32Facts, defaultWin32Options } from '../../../../main/probes/platform/win32';
import { powershellArgs, powershellPath } from '../../../../main/probes/platform/win32-batch';
import { capturedAnswers, capturedBatchOutput, execResult, fixture, loadCapture } from './probe-test-kit';

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
const unsafeMacName = 'macos13-vpn-open-wifi-unsafe';
/** The path createDarwinFacts runs for a program a hand-written capture names without its folder. */
export const darwinPath = (program: string) =>
  Object.values(c).find((path) => path.split('/').pop() === program) ?? program;
const unsafeMac = await loadCapture(unsafeMacName);
const unsafeMacAnswers = await capturedAnswers(unsafeMacName, darwinPath);

export const osScenarios: readonly OsScenario[] = [
  {
    os: 'win32',
    name: 'Windows 10 laptop on open Wi-Fi',
    env: { SystemRoot: 'C:\\Windows' },
    homeDir: 'C:\\Users\\user',
    create: (deps) => createWin32Facts(deps, { ...defaultWin32Options, ownExeNames: [] }),
    exec: { [[ps, ...powershellArgs].join(' ')]: unsafeWindows },
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
    exec: unsafeMacAnswers,
    files: {
      texts: {},
      dirs: {},
      mtimes: Object.fromEntries(
        unsafeMac.files.flatMap((f) => (f.mtimeMs === undefined ? [] : [[f.path, f.mtimeMs] as const])),
      ),
    },
    cutFile: () => false,
    mayPass: { 'programs.background': programListOnly },
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
