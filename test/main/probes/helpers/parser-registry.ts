import * as darwin from '../../../../main/probes/platform/parsers/darwin-parsers';
import * as linux from '../../../../main/probes/platform/parsers/linux-parsers';
import * as win32 from '../../../../main/probes/platform/parsers/win32-parsers';
import * as batch from '../../../../main/probes/platform/win32-batch';
import { busyThresholdBytesPerSec } from '../../../../main/probes/connection-busy.probe';
import { captureFile, capturedBatchParts, capturedNetsh, capturedOutput, fixture } from './probe-test-kit';

/**
 * Every exported parser, with what "reads as safe" means for it: an answer that could let a check pass.
 * The property test feeds each one unreadable input (and damaged copies of the unsafe baselines) and
 * asserts it never reads as safe. Register a new parser here; the test fails for one that is missing.
 */
export interface ParserCase {
  /** `text` parsers get command output; `value` parsers get a part of the Windows batch (parsed JSON). */
  readonly input: 'text' | 'value';
  readonly run: (input: never) => unknown;
  /** True when the result could make a check pass. */
  readonly safe: (result: never) => boolean;
  /** Real or hand-written answers that are NOT safe: damaged copies of them must stay not safe. */
  readonly unsafeBaselines?: readonly unknown[];
}

export type ParserEntry = ParserCase | { readonly exempt: string };

const parser = <I, R>(c: {
  input: 'text' | 'value';
  run: (input: I) => R;
  safe: (result: R) => boolean;
  unsafeBaselines?: readonly I[];
}): ParserCase => c as unknown as ParserCase;

const l = (name: string) => fixture('linux', name);
/** A pasted `netsh wlan show interfaces` of a Windows capture. */
const netsh = capturedNetsh;
/** What a command of a macOS capture printed. */
const d = capturedOutput;

// Windows and macOS answers come from the captures in test/fixtures/captures/.
const unsafeWin = await capturedBatchParts('windows10-unsafe-laptop');
const managedWin = await capturedBatchParts('windows11-ps51-wrapped-managed');
const unsafeMac = 'macos13-vpn-open-wifi-unsafe';
const realMac = 'macos-real-routes-and-monitor-audio';
const consoleLockHidden = (managedWin.powercfg as { consoleLock: string }).consoleLock;

const winListeners = await capturedBatchParts('windows11-listeners-unsafe');
const macListeners = (path: string) => captureFile('macos-listeners-unsafe', path);
/** Charge that lasts the default 60-minute session (audio-headset-battery.probe.ts). */
const enoughCharge = (list: readonly { percent: number | null }[]) =>
  list.every((h) => h.percent !== null && h.percent >= 35);
/** The real UPower dump with its headset at 20 %. */
const upowerLow = captureFile('linux-listeners-ubuntu', 'pasted/upower-dump.txt').replace(
  /(headset\n[\s\S]*?percentage:\s+)60%/,
  '$120%',
);

const strong = (dbm: number | null, percent: number | null) =>
  (dbm !== null && dbm >= -60) || (percent !== null && percent >= 80);
const safeLock = (r: { lockAfterMinutes: number | null; autoLogin: boolean; lockDisabled: boolean }) =>
  r.lockAfterMinutes !== null && r.lockAfterMinutes <= 10 && !r.autoLogin && !r.lockDisabled;

export const parserRegistry: Readonly<
  Record<'win32' | 'darwin' | 'linux' | 'win32-batch', Record<string, ParserEntry>>
> = {
  win32: {
    classifyWindowsAdapter: {
      exempt: 'takes the adapter fields parseWindowsRoute has already checked; covered through parseWindowsRoute',
    },
    parseWindowsRoute: parser({
      input: 'value',
      run: win32.parseWindowsRoute,
      safe: (r) => r?.physical?.kind === 'wired',
      unsafeBaselines: [unsafeWin.network],
    }),
    parseNetshSignal: parser({
      input: 'text',
      run: win32.parseNetshSignal,
      safe: (r) => strong(r.dbm, r.percent) && r.open !== true,
      unsafeBaselines: [
        netsh('windows10-unsafe-laptop', 'pasted/netsh-wlan-show-interfaces-fr.txt'),
        netsh('windows-netsh-es-open'),
        netsh('windows-netsh-de-enterprise'),
        netsh('windows11-ps51-wrapped-managed'),
      ],
    }),
    parseWindowsBattery: parser({
      input: 'value',
      run: win32.parseWindowsBattery,
      safe: (r) => r !== null && (r.battery === null || !r.battery.onBattery),
      unsafeBaselines: [unsafeWin.battery, managedWin.battery],
    }),
    windowsTraffic: parser({
      input: 'value',
      run: (v: unknown) => win32.windowsTraffic(v, v, 'Wi-Fi', 1000),
      safe: (r) => r !== null && Math.max(r.rxBytesPerSec, r.txBytesPerSec) < busyThresholdBytesPerSec,
    }),
    decodeProductState: parser({
      input: 'value',
      run: win32.decodeProductState,
      safe: (r) => r?.state === 'on',
    }),
    parseWindowsFirewall: parser({
      input: 'value',
      run: (v: unknown) => {
        const r = v as Record<string, unknown> | null;
        return win32.parseWindowsFirewall(
          r && typeof r === 'object' && 'profiles' in r
            ? (r as Parameters<typeof win32.parseWindowsFirewall>[0])
            : { profiles: v, categories: v, registry: v, products: v },
        );
      },
      safe: (r) => r?.state === 'on',
      unsafeBaselines: [unsafeWin, managedWin].map((parts) => ({
        profiles: parts.firewallProfiles,
        categories: parts.networkCategories,
        registry: parts.firewallRegistry,
        products: parts.firewallProducts,
      })),
    }),
    parseWindowsAntivirus: parser({
      input: 'value',
      run: (v: unknown) => {
        const r = v as Record<string, unknown> | null;
        return r && typeof r === 'object' && 'products' in r
          ? win32.parseWindowsAntivirus(r.products, r.defender)
          : win32.parseWindowsAntivirus(v, v);
      },
      safe: (r) => r?.products.some((p) => p.enabled && p.upToDate === true) === true,
      unsafeBaselines: [
        // Expired Norton, Defender off and its own status unreadable.
        { products: unsafeWin.antivirusProducts, defender: unsafeWin.defender },
        // Defender in passive mode, its switches still on.
        { products: managedWin.antivirusProducts, defender: managedWin.defender },
      ],
    }),
    parseBitLocker: parser({
      input: 'value',
      run: win32.parseBitLocker,
      safe: (r) => r?.state === 'on',
      unsafeBaselines: [unsafeWin.bitlocker],
    }),
    parsePowercfgValues: parser({
      input: 'text',
      run: win32.parsePowercfgValues,
      safe: (r) => r !== null,
      unsafeBaselines: [consoleLockHidden],
    }),
    parseWindowsScreenLock: parser({
      input: 'value',
      run: (v: unknown) => {
        const r = v as Record<string, unknown> | null;
        const parts =
          r && typeof r === 'object' && 'lockPolicy' in r ? r : { screenSaver: v, lockPolicy: v, powercfg: v };
        return win32.parseWindowsScreenLock({
          screenSaver: parts.screenSaver,
          lockPolicy: parts.lockPolicy,
          powercfg: parts.powercfg,
          onBattery: null,
          enoughMinutes: 10,
        });
      },
      safe: (r) => r?.state === 'known' && safeLock(r.facts),
      unsafeBaselines: [unsafeWin, managedWin].map((parts) => ({
        screenSaver: parts.screenSaver,
        lockPolicy: parts.lockPolicy,
        powercfg: parts.powercfg,
      })),
    }),
    parseWindowsVersion: parser({
      input: 'value',
      run: win32.parseWindowsVersion,
      safe: (r) => r !== null && (r.build ?? 0) >= 22000,
      unsafeBaselines: [unsafeWin.os],
    }),
    parseWindowsUsers: parser({
      input: 'value',
      run: (v: unknown) => {
        const r = v as Record<string, unknown> | null;
        return r && typeof r === 'object' && 'users' in r
          ? win32.parseWindowsUsers(r.users, r.entraProfiles)
          : win32.parseWindowsUsers(v, v);
      },
      safe: (r) => r !== null && r.humanAccounts <= 1 && r.guestEnabled === false,
      unsafeBaselines: [unsafeWin, managedWin].map((parts) => ({
        users: parts.users,
        entraProfiles: parts.entraProfiles,
      })),
    }),
    parseWindowsVoice: parser({
      input: 'value',
      run: win32.parseWindowsVoice,
      safe: (r) => r !== null && r.length === 0,
      unsafeBaselines: [unsafeWin.voice],
    }),
    parseWindowsMediaInUse: parser({
      input: 'value',
      run: (v: unknown) => win32.parseWindowsMediaInUse(v, []),
      safe: (r) => r !== null && r.microphone.length === 0 && r.camera.length === 0,
      unsafeBaselines: [unsafeWin.mediaInUse],
    }),
    parseWindowsNotifications: parser({
      input: 'value',
      run: win32.parseWindowsNotifications,
      safe: (r) => r?.doNotDisturb === true,
      // Notifications on, and a stale Quiet Hours value the batch no longer reads.
      unsafeBaselines: [unsafeWin.notifications, { toastEnabled: 1, globalToasts: 0 }],
    }),
    parseWindowsAudioOutput: parser({
      input: 'value',
      run: win32.parseWindowsAudioOutput,
      safe: (r) => r?.kind === 'headphones' || r?.kind === 'headset',
      unsafeBaselines: [unsafeWin.audio],
    }),
    systemTimeValue: parser({
      input: 'value',
      run: win32.systemTimeValue,
      safe: (t) => t !== 0,
    }),
    parseWindowsRemote: parser({
      input: 'value',
      run: win32.parseWindowsRemote,
      safe: (r) => r.remoteDesktopEnabled === false && r.remoteSession === false,
      unsafeBaselines: [unsafeWin.remote],
    }),

    parseWindowsRecall: parser({
      input: 'value',
      run: win32.parseWindowsRecall,
      safe: (r) => r !== null && r.state !== 'may-be-on',
      unsafeBaselines: [winListeners.recall],
    }),
    parseWindowsGameCapture: parser({
      input: 'value',
      run: win32.parseWindowsGameCapture,
      safe: (r) => r !== null && !r.backgroundRecording && !r.recorderRunning,
      // "Record what happened" not set is Windows' documented default (off), so a null there is a real answer;
      // this baseline also has the recorder running, which no damage can turn into a safe reading.
      unsafeBaselines: [{ ...(winListeners.gameCapture as object), recorderRunning: true }],
    }),
    parseWindowsUpdates: parser({
      input: 'value',
      run: win32.parseWindowsUpdates,
      safe: (r) => r !== null && !r.restartNeeded && r.restartAt === null,
      unsafeBaselines: [winListeners.updates],
    }),
    parseWindowsScheduledTasks: parser({
      input: 'value',
      run: win32.parseWindowsScheduledTasks,
      safe: (r) => r !== null && r.every((t) => t.nextRunMs === null && !t.running),
      unsafeBaselines: [winListeners.scheduledTasks],
    }),
    parseWindowsFileHistory: parser({
      input: 'value',
      run: win32.parseWindowsFileHistory,
      safe: (r) => r?.on === false,
      unsafeBaselines: [winListeners.fileHistory],
    }),
    parseWindowsSleep: parser({
      input: 'value',
      run: (v: unknown) => win32.parseWindowsSleep(v, null),
      safe: (r) => r !== null && (r.systemSleepMinutes === null || r.systemSleepMinutes >= 60),
      unsafeBaselines: [winListeners.powercfg],
    }),
    parseWindowsKeepAwake: {
      exempt: 'only adds a way to keep the computer awake to the advice; it never decides a check',
    },
    parseWindowsHeadsets: parser({
      input: 'value',
      run: win32.parseWindowsHeadsets,
      // An empty list makes the check "not needed", never a pass.
      safe: (r) => r !== null && r.length > 0 && enoughCharge(r),
      unsafeBaselines: [winListeners.headsets],
    }),
  },

  'win32-batch': {
    parseWindowsBatch: parser({
      input: 'text',
      run: batch.parseWindowsBatch,
      safe: (r) => r.parts.size > 0,
    }),
  },

  darwin: {
    parseDarwinDefaultRoutes: parser({
      input: 'text',
      run: darwin.parseDarwinDefaultRoutes,
      safe: (r) => r !== null && r.primary !== null,
    }),
    parseHardwarePorts: parser({
      input: 'text',
      run: darwin.parseHardwarePorts,
      safe: (r) => r.size > 0,
    }),
    classifyDarwinLink: parser({
      input: 'text',
      run: (t: string) => darwin.classifyDarwinLink(t, t),
      safe: (kind) => kind === 'wired',
    }),
    parseAirportSignal: parser({
      input: 'text',
      run: (t: string) => darwin.parseAirportSignal(t, 'en0'),
      safe: (r) => r !== null && strong(r.dbm, null) && r.open === false,
      unsafeBaselines: [
        await d(unsafeMac, 'system_profiler', '-json', 'SPAirPortDataType'),
        await d(realMac, 'system_profiler', '-json', 'SPAirPortDataType'),
      ],
    }),
    parseNetstatInterfaceBytes: parser({
      input: 'text',
      run: (t: string) => darwin.parseNetstatInterfaceBytes(t, 'en0'),
      safe: (r) => r !== null,
    }),
    parseDarwinListeningPorts: parser({
      input: 'text',
      run: darwin.parseDarwinListeningPorts,
      safe: (r) => r !== null && r.length === 0,
      unsafeBaselines: [await d(realMac, 'netstat', '-an', '-p', 'tcp')],
    }),
    countDarwinScreenSharingSessions: parser({
      input: 'text',
      run: darwin.countDarwinScreenSharingSessions,
      safe: (r) => r === 0,
      unsafeBaselines: [await d(unsafeMac, 'netstat', '-an', '-p', 'tcp')],
    }),
    parseSocketFilterState: parser({
      input: 'text',
      run: darwin.parseSocketFilterState,
      safe: (r) => r === 'on',
      unsafeBaselines: [await d(unsafeMac, 'socketfilterfw', '--getglobalstate')],
    }),
    parseFdesetupStatus: parser({
      input: 'text',
      run: darwin.parseFdesetupStatus,
      safe: (r) => r === 'on',
      unsafeBaselines: await Promise.all(
        [realMac, unsafeMac, 'macos-usb-audio-interface', 'macos15-de-docked-vpn'].map((mac) =>
          d(mac, 'fdesetup', 'status'),
        ),
      ),
    }),
    parseSysadminctlScreenLock: parser({
      input: 'text',
      run: darwin.parseSysadminctlScreenLock,
      safe: (r) => r !== null && r.enabled && (r.delaySeconds ?? 0) <= 300,
      unsafeBaselines: [await d(unsafeMac, 'sysadminctl', '-screenLock', 'status')],
    }),
    parsePmsetDisplaySleep: parser({
      input: 'text',
      run: darwin.parsePmsetDisplaySleep,
      safe: (r) => r !== null && r > 0 && r <= 10,
      unsafeBaselines: [await d(unsafeMac, 'pmset', '-g')],
    }),
    parseSwVers: parser({
      input: 'text',
      run: darwin.parseSwVers,
      safe: (r) => r !== null && Number.parseInt(r.version, 10) >= 14,
      unsafeBaselines: [await d(unsafeMac, 'sw_vers')],
    }),
    countDarwinHumanAccounts: parser({
      input: 'text',
      run: darwin.countDarwinHumanAccounts,
      safe: (r) => r === 1,
      unsafeBaselines: [await d(unsafeMac, 'dscl', '.', '-list', '/Users', 'UniqueID')],
    }),
    parseDndAssertions: parser({
      input: 'text',
      run: darwin.parseDndAssertions,
      safe: (r) => r === true,
      unsafeBaselines: [captureFile('macos-hand-written', 'pasted/dnd-assertions.json')],
    }),
    parseDarwinDefaultOutput: parser({
      input: 'text',
      run: darwin.parseDarwinDefaultOutput,
      safe: (r) => r?.kind === 'headphones' || r?.kind === 'headset',
      unsafeBaselines: await Promise.all(
        [realMac, unsafeMac, 'macos-usb-audio-interface'].map((mac) =>
          d(mac, 'system_profiler', '-json', 'SPAudioDataType'),
        ),
      ),
    }),

    parseSoftwareUpdatePrefs: parser({
      input: 'text',
      run: darwin.parseSoftwareUpdatePrefs,
      safe: (r) => r?.recommended?.length === 0,
      unsafeBaselines: [macListeners('pasted/softwareupdate-prefs.txt')],
    }),
    parseTmutilStatus: parser({
      input: 'text',
      run: darwin.parseTmutilStatus,
      safe: (r) => r?.running === false,
      unsafeBaselines: [macListeners('pasted/tmutil-status-running.txt')],
    }),
    parsePmsetSleep: parser({
      input: 'text',
      run: darwin.parsePmsetSleep,
      safe: (r) => r !== null && (r.sleep === 0 || r.sleep >= 60),
      unsafeBaselines: [macListeners('pasted/pmset-g.txt')],
    }),
    parseDarwinBluetoothHeadsets: parser({
      input: 'text',
      run: darwin.parseDarwinBluetoothHeadsets,
      safe: (r) => r !== null && r.length > 0 && enoughCharge(r),
      unsafeBaselines: [macListeners('pasted/system-profiler-bluetooth.json')],
    }),
  },

  linux: {
    parseIpRoutes: parser({
      input: 'text',
      run: linux.parseIpRoutes,
      safe: (r) => r !== null && r.length > 0,
    }),
    classifyLinuxLink: {
      exempt:
        'takes the sysfs facts linux.ts gathers (booleans and a uevent); covered end to end by the Linux scenario',
    },
    parseProcNetWireless: parser({
      input: 'text',
      run: (t: string) => linux.parseProcNetWireless(t, 'wlp0s20f3'),
      safe: (r) => r !== null && strong(r.dbm, null),
      unsafeBaselines: [l('proc-net-wireless.txt'), l('proc-net-wireless-offset.txt')],
    }),
    parsePowerSupplyUevent: parser({
      input: 'text',
      run: (t: string) => linux.summarizeLinuxPower([linux.parsePowerSupplyUevent(t)]),
      safe: (r) => r !== null && (r.battery === null || !r.battery.onBattery),
      unsafeBaselines: [l('uevent-bat0-discharging.txt')],
    }),
    summarizeLinuxPower: {
      exempt: 'takes parsePowerSupplyUevent results; covered through parsePowerSupplyUevent and the Linux scenario',
    },
    parseSsSockets: { exempt: 'only names the programs in a busy-connection warning; never decides a check' },
    programTrafficDelta: { exempt: 'takes the parsed sockets of parseSsSockets, not tool output' },
    parseOsRelease: parser({
      input: 'text',
      run: linux.parseOsRelease,
      safe: (r) => r !== null,
    }),
    parseLoginDefs: {
      exempt: 'a missing or unreadable /etc/login.defs means the documented default UID range, which is correct',
    },
    countLinuxHumanAccounts: parser({
      input: 'text',
      run: (t: string) => linux.countLinuxHumanAccounts(t, { uidMin: 1000, uidMax: 60000 }),
      safe: (r) => r === 1,
      unsafeBaselines: [l('passwd.txt')],
    }),
    parseFindmntRoot: parser({
      input: 'text',
      run: linux.parseFindmntRoot,
      safe: (r) => r !== null,
    }),
    lsblkChainTypes: parser({
      input: 'text',
      run: linux.lsblkChainTypes,
      safe: (r) => r?.includes('crypt') === true,
      unsafeBaselines: [l('lsblk-plain.json')],
    }),
    parseProcSwaps: { exempt: 'a swap device can only add a warning to an encrypted drive; it never passes a check' },
    parseGsettingsValue: parser({
      input: 'text',
      run: linux.parseGsettingsValue,
      safe: (r) => r !== null,
    }),
    parseSystemctlIsActive: parser({
      input: 'text',
      run: linux.parseSystemctlIsActive,
      safe: (r) => r === 'active',
      unsafeBaselines: ['inactive\n', 'failed\n', 'activating\n'],
    }),
    mergeIni: { exempt: 'merges configuration files for linuxAutoLogin, linuxGuestLogin and parseKscreenlockerrc' },
    linuxAutoLogin: {
      exempt:
        'auto-login is off unless a display manager file switches it on: absent or unreadable settings mean off, as the display manager itself reads them',
    },
    linuxGuestLogin: {
      exempt:
        'a guest session exists only where LightDM allows it; absent settings follow LightDM and its guest script',
    },
    parseKscreenlockerrc: parser({
      input: 'text',
      run: (t: string) => linux.parseKscreenlockerrc([t], null),
      // Configuration files are read whole, and KDE reads a short file the same way: no cut-off copies here.
      safe: (r) => r.autolock === true && r.timeoutMin !== null && r.timeoutMin <= 10 && r.requirePassword,
    }),
    plasmaScreenLockerDefaults: { exempt: 'a constant: KDE’s documented defaults, not a parser' },
    kdeLockScreenForbidden: {
      exempt: 'the Kiosk restriction is absent unless written down; it can only turn a pass into a failure',
    },
    parsePactlBlocks: {
      exempt: 'a tokenizer; its two readers, pactlRecordingPrograms and classifyPactlSink, are covered',
    },
    pactlRecordingPrograms: parser({
      input: 'text',
      // A blank answer is "nobody records" only once `pactl info` answered (linux.ts checks that first).
      run: (t: string) => (t.trim() === '' ? null : linux.pactlRecordingPrograms(t)),
      safe: (r) => r !== null && r.length === 0,
      unsafeBaselines: [l('pactl-source-outputs.txt')],
    }),
    classifyPactlSink: parser({
      input: 'text',
      run: (t: string) => linux.classifyPactlSink(t, 'alsa_output.pci-0000_00_1b.0.analog-stereo'),
      safe: (r) => r?.kind === 'headphones' || r?.kind === 'headset',
      unsafeBaselines: [l('pactl-sinks-speakers-bt.txt')],
    }),
    parseFuserPids: { exempt: 'every pid found only adds a program to a warning' },
    listeningRemotePorts: parser({
      input: 'text',
      run: linux.listeningRemotePorts,
      safe: (r) => r !== null && !r.some((p) => p === 3389 || (p >= 5900 && p <= 5909)),
      unsafeBaselines: [l('ss-ltn.txt')],
    }),
    parseSystemctlTimers: parser({
      input: 'text',
      run: linux.parseSystemctlTimers,
      safe: (r) => r !== null && r.every((t) => t.leftMinutes === null || t.leftMinutes > 75),
      unsafeBaselines: [captureFile('linux-listeners-fedora', 'pasted/systemctl-list-timers.txt')],
    }),
    classifyLinuxTimer: {
      exempt: 'takes a unit name parseSystemctlTimers read; a timer it does not know is housekeeping left unnamed',
    },
    parseAptConfig: {
      exempt:
        "a setting that is not written keeps apt's documented default (unattended upgrades off, no automatic restart)",
    },
    parseRebootRequiredPkgs: {
      exempt: 'only names the packages; whether a restart is needed comes from /run/reboot-required itself',
    },
    parseUpowerHeadsets: parser({
      input: 'text',
      run: linux.parseUpowerHeadsets,
      safe: (r) => r !== null && r.length > 0 && enoughCharge(r),
      unsafeBaselines: [upowerLow],
    }),
    pactlBluetoothSinks: {
      exempt: 'only tells whether a headset is connected: no headset makes the check "not needed", never a pass',
    },
  },
};
