import type { JsonObject } from '../../../shared/json';
import { describeExecFailure, memo, run, readHeadroom } from './exec-helpers';
import {
  classifyDarwinLink,
  countDarwinHumanAccounts,
  countDarwinScreenSharingSessions,
  parseAirportSignal,
  parseDarwinBluetoothHeadsets,
  parsePmsetSleep,
  parseSoftwareUpdatePrefs,
  parseTmutilStatus,
  parseDarwinDefaultOutput,
  parseDarwinDefaultRoutes,
  parseDarwinListeningPorts,
  parseDndAssertions,
  parseFdesetupStatus,
  parseHardwarePorts,
  parseNetstatInterfaceBytes,
  parsePmsetDisplaySleep,
  parseSocketFilterState,
  parseSwVers,
  parseSysadminctlScreenLock,
} from './parsers/darwin-parsers';
import {
  known,
  unknownFact,
  type Fact,
  type LinkInfo,
  type PlatformDeps,
  type PlatformFacts,
  type RouteFacts,
  type ScheduledTask,
} from './platform-types';

/** Absolute paths: a changed PATH must not be able to substitute another program. */
export const darwinCommands = {
  netstat: '/usr/sbin/netstat',
  networksetup: '/usr/sbin/networksetup',
  systemProfiler: '/usr/sbin/system_profiler',
  defaults: '/usr/bin/defaults',
  socketfilterfw: '/usr/libexec/ApplicationFirewall/socketfilterfw',
  fdesetup: '/usr/bin/fdesetup',
  sysadminctl: '/usr/sbin/sysadminctl',
  pmset: '/usr/bin/pmset',
  swVers: '/usr/bin/sw_vers',
  dscl: '/usr/bin/dscl',
  spctl: '/usr/sbin/spctl',
  tmutil: '/usr/bin/tmutil',
} as const;

/**
 * XProtect's definitions. macOS 15 updates the copy in /var/protected/xprotect (osquery #8573) while the
 * older location stays behind, so the newest of them is the one in use.
 */
export const xprotectPlists = [
  '/Library/Apple/System/Library/CoreServices/XProtect.bundle/Contents/Info.plist',
  '/var/protected/xprotect/XProtect.bundle/Contents/Info.plist',
  '/System/Library/CoreServices/XProtect.bundle/Contents/Info.plist',
];

/** Said when the Focus records cannot be read: since macOS 13 that folder needs Full Disk Access. */
export const darwinFocusPermissionHint =
  'macOS only shows its Focus records to programs with Full Disk Access. To let ReadyRoom read them, turn ReadyRoom on in System Settings › Privacy & Security › Full Disk Access; or check the Focus icon in the menu bar yourself';

/** macOS: command-line tools that need no admin rights; native-only facts report unknown with the reason. */
export function createDarwinFacts(deps: PlatformDeps): PlatformFacts {
  const c = darwinCommands;
  const exec = (file: string, args: readonly string[]) => run(deps, file, args);
  /**
   * One `defaults` value: `missing` when the key is not set (exit 1, "does not exist"), `failed` when the
   * tool gave no usable answer. Only a missing key may stand for macOS' default.
   */
  const readDefault = async (
    domain: string,
    key: string,
    currentHost = false,
  ): Promise<{ state: 'value'; value: string } | { state: 'missing' } | { state: 'failed' }> => {
    const r = await exec(c.defaults, [...(currentHost ? ['-currentHost'] : []), 'read', domain, key]);
    const value = r.stdout.trim();
    // `defaults` ends its answer with a newline; without it the answer was cut off.
    if (r.ok && value !== '' && r.stdout.endsWith('\n')) return { state: 'value', value };
    if (r.code === 1 && !r.timedOut && /does not exist/i.test(r.stderr)) return { state: 'missing' };
    return { state: 'failed' };
  };
  const defaultsRead = async (domain: string, key: string, currentHost = false) => {
    const r = await readDefault(domain, key, currentHost);
    return r.state === 'value' ? r.value : null;
  };

  /** `pmset -g`, read by the screen lock and the sleep checks. */
  const pmsetSettings = memo(() => exec(c.pmset, ['-g']));

  const route = memo(async (): Promise<Fact<RouteFacts>> => {
    const [routes, ports] = await Promise.all([
      exec(c.netstat, ['-rn', '-f', 'inet']),
      exec(c.networksetup, ['-listallhardwareports']),
    ]);
    if (!routes.ok) return unknownFact(describeExecFailure(routes, 'The "netstat" tool'));
    const parsed = parseDarwinDefaultRoutes(routes.stdout);
    if (!parsed) return unknownFact('The routing table could not be read');
    const portMap = ports.ok ? parseHardwarePorts(ports.stdout) : new Map<string, string>();
    const info = (name: string): LinkInfo => ({ name, kind: classifyDarwinLink(name, portMap.get(name)) });
    const evidence: JsonObject = {
      defaultRoutes: parsed.defaults,
      hardwarePorts: Object.fromEntries([...portMap.entries()].filter(([d]) => parsed.defaults.includes(d))),
    };
    if (!parsed.primary) return known({ primary: null, physical: null }, evidence);
    const primary = info(parsed.primary);
    const physical =
      primary.kind === 'vpn' ? (parsed.defaults.map(info).find((l) => l.kind !== 'vpn') ?? null) : primary;
    return known({ primary, physical }, evidence);
  });

  return {
    route,

    async wifi(link) {
      const r = await exec(c.systemProfiler, ['-json', 'SPAirPortDataType']);
      if (!r.ok) return unknownFact(describeExecFailure(r, 'System Information'));
      const signal = parseAirportSignal(r.stdout, link.name);
      if (!signal || signal.dbm === null) {
        return unknownFact('macOS did not report the Wi-Fi signal strength', { iface: link.name });
      }
      return known(
        { dbm: signal.dbm, percent: null, open: signal.open },
        { source: 'system_profiler', dbm: signal.dbm, open: signal.open },
      );
    },

    async power() {
      const b = await deps.systemInfo.battery();
      if (!b) return unknownFact('macOS did not report the battery state in time');
      if (!b.hasBattery) return known({ battery: null }, { hasBattery: false });
      return known(
        { battery: { percent: b.percent, onBattery: !b.acConnected } },
        { hasBattery: true, percent: b.percent, acConnected: b.acConnected },
      );
    },

    async networkActivity(link, windowMs) {
      const sample = async () => {
        const r = await exec(c.netstat, ['-ibn', '-I', link.name]);
        return r.ok ? parseNetstatInterfaceBytes(r.stdout, link.name) : null;
      };
      const before = await sample();
      if (!before) return unknownFact(`macOS did not report traffic counters for ${link.name}`);
      const started = deps.now().getTime();
      await deps.sleep(windowMs);
      const after = await sample();
      const elapsed = Math.max(1, deps.now().getTime() - started);
      if (!after) return unknownFact(`macOS did not report traffic counters for ${link.name}`);
      // Counters that went backwards were reset (the link reconnected): the traffic cannot be told.
      if (after.rx < before.rx || after.tx < before.tx) {
        return unknownFact(`The traffic counters for ${link.name} were reset during the measurement`);
      }
      return known(
        {
          iface: link.name,
          rxBytesPerSec: ((after.rx - before.rx) * 1000) / elapsed,
          txBytesPerSec: ((after.tx - before.tx) * 1000) / elapsed,
          windowMs: elapsed,
          topPrograms: null,
        },
        { source: 'netstat -ibn' },
      );
    },

    headroom: (windowMs) => readHeadroom(deps.stats, windowMs),

    async remoteAccess() {
      const r = await exec(c.netstat, ['-an', '-p', 'tcp']);
      if (!r.ok) return unknownFact(describeExecFailure(r, 'The "netstat" tool'));
      const ports = parseDarwinListeningPorts(r.stdout);
      // Third-party remote tools are found by the program list; this covers Apple's own Screen Sharing.
      const sessions = countDarwinScreenSharingSessions(r.stdout);
      if (ports === null || sessions === null) return unknownFact('The list of network connections could not be read');
      return known(
        {
          remoteDesktopEnabled: ports.includes(5900) || ports.includes(3283),
          remoteSession: sessions > 0,
          listeningPorts: ports,
        },
        { listeningPorts: ports, screenSharingConnections: sessions },
      );
    },

    async voiceAssistants() {
      const [assistantRead, triggerRead] = await Promise.all([
        readDefault('com.apple.assistant.support', 'Assistant Enabled'),
        readDefault('com.apple.Siri', 'VoiceTriggerUserEnabled'),
      ]);
      const assistant = assistantRead.state === 'value' ? assistantRead.value : null;
      const trigger = triggerRead.state === 'value' ? triggerRead.value : null;
      const evidence: JsonObject = { assistantEnabled: assistant, voiceTrigger: trigger };
      // Both are booleans written as 0 or 1; anything else is not an answer.
      const odd = [assistant, trigger].some((v) => v !== null && v !== '0' && v !== '1');
      if (
        assistantRead.state === 'failed' ||
        triggerRead.state === 'failed' ||
        odd ||
        (assistant === null && trigger === null)
      ) {
        return unknownFact('macOS did not say whether Siri is switched on', evidence);
      }
      const enabled: string[] = [];
      if (trigger === '1') enabled.push('Siri (listening for "Hey Siri")');
      else if (assistant === '1') enabled.push('Siri');
      return known({ enabled }, evidence);
    },

    async mediaInUse() {
      // Per-program microphone and camera use is only available to native code (CoreAudio, CoreMediaIO).
      return unknownFact(
        'macOS does not tell ReadyRoom which programs use the microphone or camera; an orange or green dot at the top of the screen shows that one is in use',
      );
    },

    async notifications() {
      const dir = `${deps.homeDir}/Library/DoNotDisturb/DB`;
      const listing = await deps.files.listDir(dir);
      if (listing === null)
        return unknownFact(`ReadyRoom could not open the Focus records. ${darwinFocusPermissionHint}`);
      if (!listing.includes('Assertions.json')) {
        return unknownFact(`ReadyRoom could not find the Focus record. ${darwinFocusPermissionHint}`, {
          assertionsFile: false,
        });
      }
      const text = await deps.files.readText(`${dir}/Assertions.json`);
      if (text === null) return unknownFact(`ReadyRoom could not read the Focus record. ${darwinFocusPermissionHint}`);
      const on = parseDndAssertions(text);
      if (on === null) return unknownFact('The Focus record is in a form ReadyRoom does not know');
      // Scheduled Focus leaves no record here, so "off" is only as good as the hand-switched state.
      return known({ doNotDisturb: on, source: 'Focus records' }, { assertions: on, scheduledFocusChecked: false });
    },

    async audioOutput() {
      const r = await exec(c.systemProfiler, ['-json', 'SPAudioDataType']);
      if (!r.ok) return unknownFact(describeExecFailure(r, 'System Information'));
      const output = parseDarwinDefaultOutput(r.stdout);
      if (!output) return unknownFact('macOS did not report a default sound output');
      return known(output, { output: output.name, kind: output.kind, basis: output.basis });
    },

    async firewall() {
      const r = await exec(c.socketfilterfw, ['--getglobalstate']);
      const state = r.ok || r.stdout ? parseSocketFilterState(r.stdout) : null;
      if (state === null) {
        return unknownFact(r.ok ? 'The firewall state could not be read' : describeExecFailure(r, 'The firewall tool'));
      }
      return known(
        { state, provider: 'macOS firewall', offProfiles: [] },
        { globalState: r.stdout.trim().slice(0, 80) },
      );
    },

    async antivirus() {
      let plist: string | null = null;
      let mtime: number | null = null;
      for (const candidate of xprotectPlists) {
        const m = await deps.files.mtimeMs(candidate);
        if (m !== null && Number.isFinite(m) && (mtime === null || m > mtime)) {
          mtime = m;
          plist = candidate;
        }
      }
      const [version, configData, gatekeeper] = await Promise.all([
        plist ? defaultsRead(plist.replace(/\.plist$/, ''), 'CFBundleShortVersionString') : Promise.resolve(null),
        defaultsRead('/Library/Preferences/com.apple.SoftwareUpdate', 'ConfigDataInstall'),
        exec(c.spctl, ['--status']),
      ]);
      const age = mtime === null ? null : Math.floor((deps.now().getTime() - mtime) / 86_400_000);
      // A date in the future is a wrong clock, not fresh definitions.
      const ageDays = age !== null && age >= 0 ? age : null;
      const warnings: string[] = [];
      if (configData === '0') warnings.push('Automatic security data updates are switched off.');
      if (/assessments disabled/i.test(`${gatekeeper.stdout}${gatekeeper.stderr}`)) {
        warnings.push('Gatekeeper is switched off.');
      }
      return known(
        {
          products: [
            {
              name: 'XProtect',
              enabled: true,
              upToDate: ageDays === null ? null : ageDays <= 30,
              definitionsAgeDays: ageDays,
            },
          ],
          builtInAlwaysOn: true,
          warnings,
        },
        {
          xprotectVersion: version,
          xprotectLocation: plist,
          definitionsAgeDays: ageDays,
          configDataInstall: configData,
          gatekeeper: gatekeeper.stdout.trim() || null,
        },
      );
    },

    async diskEncryption() {
      const r = await exec(c.fdesetup, ['status']);
      const state = parseFdesetupStatus(r.stdout);
      if (!state) {
        return unknownFact(r.ok ? 'FileVault did not report its state' : describeExecFailure(r, 'The FileVault tool'));
      }
      return known(
        { state, method: 'FileVault', volume: '/', warnings: [] },
        { fdesetup: r.stdout.trim().split('\n').slice(0, 2).join(' ') },
      );
    },

    async screenLock() {
      const [lock, idleRead, pmset, autoLoginRead] = await Promise.all([
        exec(c.sysadminctl, ['-screenLock', 'status']),
        readDefault('com.apple.screensaver', 'idleTime', true),
        pmsetSettings(),
        readDefault('/Library/Preferences/com.apple.loginwindow', 'autoLoginUser'),
      ]);
      // sysadminctl writes its answer to stderr; either stream is read as it came.
      const lockState = parseSysadminctlScreenLock(lock.stderr.trim() !== '' ? lock.stderr : lock.stdout);
      const idle = idleRead.state === 'value' ? idleRead.value : null;
      const screensaverMin = idle !== null && /^\d+$/.test(idle) ? Number(idle) / 60 : null;
      const autoLoginSet = autoLoginRead.state === 'value';
      const displaySleepMin = pmset.ok ? parsePmsetDisplaySleep(pmset.stdout) : null;
      const evidence: JsonObject = {
        screenLock: lockState ? (lockState.enabled ? `after ${lockState.delaySeconds ?? '?'} s` : 'off') : null,
        screensaverIdleMin: screensaverMin,
        displaySleepMin,
        autoLogin: autoLoginSet,
      };
      if (autoLoginRead.state === 'failed') {
        return unknownFact('macOS did not say whether it signs in by itself', evidence);
      }
      if (!lockState) {
        return unknownFact(
          lock.ok ? 'macOS did not report the screen-lock setting' : describeExecFailure(lock, 'The screen-lock tool'),
          evidence,
        );
      }
      const idleUnread = idleRead.state === 'failed' || (idle !== null && screensaverMin === null);
      if (lockState.enabled && !autoLoginSet && (idleUnread || displaySleepMin === null)) {
        return unknownFact('macOS did not report when the screen saver starts and the display sleeps', evidence);
      }
      const idleCandidates = [screensaverMin, displaySleepMin].filter((v): v is number => v !== null && v > 0);
      const idleMin = idleCandidates.length > 0 ? Math.min(...idleCandidates) : null;
      const lockAfter =
        lockState.enabled && idleMin !== null
          ? Math.round((idleMin + (lockState.delaySeconds ?? 0) / 60) * 10) / 10
          : null;
      return known(
        {
          lockAfterMinutes: lockAfter,
          displayOffMinutes: displaySleepMin && displaySleepMin > 0 ? displaySleepMin : null,
          autoLogin: autoLoginSet,
          lockDisabled: !lockState.enabled,
          mechanism: 'macOS lock screen',
        },
        evidence,
      );
    },

    async osVersion() {
      const r = await exec(c.swVers, []);
      const parsed = r.ok ? parseSwVers(r.stdout) : null;
      if (!parsed) return unknownFact(describeExecFailure(r, 'The "sw_vers" tool'));
      return known(
        {
          family: 'macos',
          name: `macOS ${parsed.version}`,
          version: parsed.version,
          build: null,
          edition: null,
          distroId: null,
        },
        { productVersion: parsed.version, buildVersion: parsed.build },
      );
    },

    async userAccounts() {
      const [list, guestRead] = await Promise.all([
        exec(c.dscl, ['.', '-list', '/Users', 'UniqueID']),
        readDefault('/Library/Preferences/com.apple.loginwindow', 'GuestEnabled'),
      ]);
      if (!list.ok) return unknownFact(describeExecFailure(list, 'The directory tool "dscl"'));
      const count = countDarwinHumanAccounts(list.stdout);
      if (count === null) return unknownFact('macOS did not list the accounts on this computer');
      // A missing GuestEnabled key is macOS' default: no guest account. A failed read is not.
      const guest = guestRead.state === 'value' ? guestRead.value : null;
      const guestEnabled = guestRead.state === 'missing' ? false : guest === '1' ? true : guest === '0' ? false : null;
      return known(
        { humanAccounts: count, guestEnabled },
        { humanAccounts: count, guestEnabled: guestRead.state === 'missing' ? 'not set' : guest },
      );
    },
    async recording() {
      // A recording made with Shift-Command-5 or QuickTime is written to this folder until it stops.
      const library = `${deps.homeDir}/Library`;
      const dir = `${library}/ScreenRecordings`;
      const [libraryThere, there, listing] = await Promise.all([
        deps.files.exists(library),
        deps.files.exists(dir),
        deps.files.listDir(dir),
      ]);
      // No recordings folder means no recording only where the user's Library was found: without it (a wrong
      // home folder, a capture that did not record it) the folder's absence says nothing.
      if (listing === null && (there || !libraryThere)) {
        return known(
          { signals: [], unread: ['whether macOS is recording the screen'] },
          { screenRecordingsFolder: there ? 'unreadable' : 'the Library folder was not found' },
        );
      }
      const files = (listing ?? []).filter((n) => /\.(mov|mp4)$/i.test(n));
      const signals =
        files.length > 0
          ? [{ name: 'A macOS screen recording', certainty: 'recording' as const, detail: 'is in progress' }]
          : [];
      return known({ signals, unread: [] }, { screenRecordingsInProgress: files.length });
    },

    async updates() {
      const r = await exec(c.defaults, ['read', '/Library/Preferences/com.apple.SoftwareUpdate']);
      const prefs = r.ok ? parseSoftwareUpdatePrefs(r.stdout) : null;
      if (!prefs || prefs.recommended === null) {
        return unknownFact(
          r.ok ? 'macOS has not recorded which updates are waiting' : describeExecFailure(r, 'The "defaults" tool'),
        );
      }
      const pending = prefs.recommended;
      // macOS system updates always restart the Mac; app updates such as Safari usually do not.
      const restartNeeded = pending.some(
        (name) => /macos|security|supplemental|update/i.test(name) && !/^safari/i.test(name),
      );
      const notes =
        prefs.autoInstallMacOS === true && pending.length > 0
          ? ['macOS installs these by itself when it chooses, usually overnight while the Mac is plugged in.']
          : [];
      return known(
        { pending, restartNeeded, scheduled: [], notes, unread: [] },
        { recommendedUpdates: pending.slice(0, 10), automaticallyInstallMacOSUpdates: prefs.autoInstallMacOS },
      );
    },

    async backgroundTasks() {
      const [status, auto, interval] = await Promise.all([
        exec(c.tmutil, ['status']),
        readDefault('/Library/Preferences/com.apple.TimeMachine', 'AutoBackup'),
        readDefault('/Library/Preferences/com.apple.TimeMachine', 'AutoBackupInterval'),
      ]);
      const running = status.ok ? parseTmutilStatus(status.stdout) : null;
      const unread: string[] = [];
      const tasks: ScheduledTask[] = [];
      if (running === null) unread.push('whether Time Machine is backing up now');
      else if (running.running) {
        tasks.push({ name: 'Time Machine backup', kind: 'backup', dueAt: null, running: true, everyMinutes: null });
      }
      // AutoBackup not set: Time Machine was never switched on. AutoBackupInterval not set: hourly (macOS' default).
      const autoValue = auto.state === 'value' ? auto.value : auto.state === 'missing' ? '0' : null;
      const seconds = interval.state === 'value' ? Number(interval.value) : interval.state === 'missing' ? 3600 : NaN;
      if (autoValue === null || !/^[01]$/.test(autoValue)) unread.push('whether Time Machine backs up by itself');
      else if (autoValue === '1') {
        if (!Number.isFinite(seconds) || seconds <= 0) unread.push('how often Time Machine backs up');
        else if (!running?.running) {
          tasks.push({
            name: 'Time Machine backup',
            kind: 'backup',
            dueAt: null,
            running: false,
            everyMinutes: seconds / 60,
          });
        }
      }
      return known(
        { tasks, unread },
        {
          timeMachineRunning: running?.running ?? null,
          autoBackup: autoValue,
          autoBackupIntervalSeconds: Number.isFinite(seconds) ? seconds : null,
        },
      );
    },

    async sleep() {
      const [r, caffeinate] = await Promise.all([pmsetSettings(), deps.files.exists('/usr/bin/caffeinate')]);
      const timers = r.ok ? parsePmsetSleep(r.stdout) : null;
      if (!timers)
        return unknownFact(
          r.ok ? 'macOS did not report when the Mac goes to sleep' : describeExecFailure(r, 'The "pmset" tool'),
        );
      return known(
        {
          systemSleepMinutes: timers.sleep > 0 ? timers.sleep : null,
          displaySleepMinutes: timers.displaySleep !== null && timers.displaySleep > 0 ? timers.displaySleep : null,
          powerSource: 'current',
          keepAwake: caffeinate
            ? 'typing “caffeinate -d” in Terminal keeps the Mac awake until you close that Terminal window'
            : null,
        },
        { sleepMin: timers.sleep, displaySleepMin: timers.displaySleep },
      );
    },

    async headsets() {
      const r = await exec(c.systemProfiler, ['-json', 'SPBluetoothDataType']);
      if (!r.ok) return unknownFact(describeExecFailure(r, 'System Information'));
      const headsets = parseDarwinBluetoothHeadsets(r.stdout);
      if (!headsets) return unknownFact('macOS did not list its Bluetooth devices in a readable form');
      return known({ headsets }, { headsets: headsets.map((h) => ({ name: h.name, percent: h.percent })) });
    },
  };
}
