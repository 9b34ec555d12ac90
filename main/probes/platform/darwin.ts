import type { JsonObject } from '../../../shared/json';
import { describeExecFailure, memo, run, readHeadroom } from './exec-helpers';
import {
  classifyDarwinLink,
  countDarwinHumanAccounts,
  countDarwinScreenSharingSessions,
  parseAirportSignal,
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
} as const;

const xprotectPlists = [
  '/Library/Apple/System/Library/CoreServices/XProtect.bundle/Contents/Info.plist',
  '/var/protected/xprotect/XProtect.bundle/Contents/Info.plist',
  '/System/Library/CoreServices/XProtect.bundle/Contents/Info.plist',
];

/** macOS: command-line tools that need no admin rights; native-only facts report unknown with the reason. */
export function createDarwinFacts(deps: PlatformDeps): PlatformFacts {
  const c = darwinCommands;
  const exec = (file: string, args: readonly string[]) => run(deps, file, args);
  const defaultsRead = async (domain: string, key: string, currentHost = false) => {
    const r = await exec(c.defaults, [...(currentHost ? ['-currentHost'] : []), 'read', domain, key]);
    // `defaults read` exits 1 when the key is missing.
    return r.ok ? r.stdout.trim() : null;
  };

  const route = memo(async (): Promise<Fact<RouteFacts>> => {
    const [routes, ports] = await Promise.all([
      exec(c.netstat, ['-rn', '-f', 'inet']),
      exec(c.networksetup, ['-listallhardwareports']),
    ]);
    if (!routes.ok) return unknownFact(describeExecFailure(routes, 'The "netstat" tool'));
    const parsed = parseDarwinDefaultRoutes(routes.stdout);
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
      return known(
        {
          iface: link.name,
          rxBytesPerSec: (Math.max(0, after.rx - before.rx) * 1000) / elapsed,
          txBytesPerSec: (Math.max(0, after.tx - before.tx) * 1000) / elapsed,
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
      const [assistant, trigger] = await Promise.all([
        defaultsRead('com.apple.assistant.support', 'Assistant Enabled'),
        defaultsRead('com.apple.Siri', 'VoiceTriggerUserEnabled'),
      ]);
      const evidence: JsonObject = { assistantEnabled: assistant, voiceTrigger: trigger };
      if (assistant === null && trigger === null) {
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
      if (listing === null) return unknownFact('macOS keeps the Focus setting private from ReadyRoom');
      if (!listing.includes('Assertions.json')) {
        return known({ doNotDisturb: false, source: 'Focus records' }, { assertions: false });
      }
      const text = await deps.files.readText(`${dir}/Assertions.json`);
      const on = text === null ? null : parseDndAssertions(text);
      if (on === null) return unknownFact('The Focus setting could not be read');
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
        mtime = await deps.files.mtimeMs(candidate);
        if (mtime !== null) {
          plist = candidate;
          break;
        }
      }
      const [version, configData, gatekeeper] = await Promise.all([
        plist ? defaultsRead(plist.replace(/\.plist$/, ''), 'CFBundleShortVersionString') : Promise.resolve(null),
        defaultsRead('/Library/Preferences/com.apple.SoftwareUpdate', 'ConfigDataInstall'),
        exec(c.spctl, ['--status']),
      ]);
      const ageDays = mtime === null ? null : Math.floor((deps.now().getTime() - mtime) / 86_400_000);
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
        { fdesetup: r.stdout.trim().split('\n')[0] ?? '' },
      );
    },

    async screenLock() {
      const [lock, idle, pmset, autoLogin] = await Promise.all([
        exec(c.sysadminctl, ['-screenLock', 'status']),
        defaultsRead('com.apple.screensaver', 'idleTime', true),
        exec(c.pmset, ['-g']),
        defaultsRead('/Library/Preferences/com.apple.loginwindow', 'autoLoginUser'),
      ]);
      const lockState = parseSysadminctlScreenLock(`${lock.stderr}\n${lock.stdout}`);
      const screensaverMin = idle !== null && /^\d+$/.test(idle) ? Number(idle) / 60 : null;
      const displaySleepMin = pmset.ok ? parsePmsetDisplaySleep(pmset.stdout) : null;
      const evidence: JsonObject = {
        screenLock: lockState ? (lockState.enabled ? `after ${lockState.delaySeconds ?? '?'} s` : 'off') : null,
        screensaverIdleMin: screensaverMin,
        displaySleepMin,
        autoLogin: autoLogin !== null && autoLogin !== '',
      };
      if (!lockState) {
        return unknownFact(
          lock.ok ? 'macOS did not report the screen-lock setting' : describeExecFailure(lock, 'The screen-lock tool'),
          evidence,
        );
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
          autoLogin: autoLogin !== null && autoLogin !== '',
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
      const [list, guest] = await Promise.all([
        exec(c.dscl, ['.', '-list', '/Users', 'UniqueID']),
        defaultsRead('/Library/Preferences/com.apple.loginwindow', 'GuestEnabled'),
      ]);
      if (!list.ok) return unknownFact(describeExecFailure(list, 'The directory tool "dscl"'));
      const count = countDarwinHumanAccounts(list.stdout);
      return known(
        { humanAccounts: count, guestEnabled: guest === null ? null : guest === '1' },
        { humanAccounts: count, guestEnabled: guest },
      );
    },
  };
}
