import type { JsonObject } from '../../../shared/json';
import type { ExecResult } from '../../platform/exec';
import { createCommandResolver, describeExecFailure, memo, run, readHeadroom } from './exec-helpers';
import {
  classifyLinuxLink,
  classifyLinuxTimer,
  pactlBluetoothSinks,
  parseAptConfig,
  parseRebootRequiredPkgs,
  parseSystemctlTimers,
  parseUpowerHeadsets,
  classifyPactlSink,
  countLinuxHumanAccounts,
  kdeLockScreenForbidden,
  linuxAutoLogin,
  linuxGuestLogin,
  listeningRemotePorts,
  lsblkChainTypes,
  pactlRecordingPrograms,
  parseFindmntRoot,
  parseFuserPids,
  parseGsettingsValue,
  parseIpRoutes,
  parseKscreenlockerrc,
  parseLoginDefs,
  parseOsRelease,
  parsePowerSupplyUevent,
  parseProcNetWireless,
  parseProcSwaps,
  parseSsSockets,
  parseSystemctlIsActive,
  plasmaScreenLockerDefaults,
  programTrafficDelta,
  summarizeLinuxPower,
} from './parsers/linux-parsers';
import { listNames } from '../probe-kit';
import { parseKeyValues } from './parsers/common-parsers';
import {
  known,
  notApplicable,
  unknownFact,
  type Fact,
  type LinkInfo,
  type PlatformDeps,
  type PlatformFacts,
  type PowerFacts,
  type RouteFacts,
  type ScheduledTask,
  type ScreenLockFacts,
} from './platform-types';

type Desktop = 'gnome' | 'cinnamon' | 'mate' | 'kde' | 'other' | 'none';

/** Programs that write /run/reboot-required when an update needs a restart; without one the file never appears. */
export const rebootAnnouncers = [
  '/usr/share/update-notifier/notify-reboot-required',
  '/etc/kernel/postinst.d/unattended-upgrades',
];

/** Linux: files under /proc and /sys first, then a few standard tools, all as the signed-in user. */
export function createLinuxFacts(deps: PlatformDeps): PlatformFacts {
  const { files } = deps;
  const cmd = createCommandResolver(files);
  const exec = async (name: string, args: readonly string[]) => run(deps, await cmd(name), args);

  const linkInfo = async (name: string): Promise<LinkInfo> => {
    const base = `/sys/class/net/${name}`;
    const [wireless, phy, tun, hasDevice, uevent] = await Promise.all([
      files.exists(`${base}/wireless`),
      files.exists(`${base}/phy80211`),
      files.exists(`${base}/tun_flags`),
      files.exists(`${base}/device`),
      files.readText(`${base}/uevent`),
    ]);
    return { name, kind: classifyLinuxLink({ name, wireless: wireless || phy, tun, hasDevice, uevent }) };
  };

  const route = memo(async (): Promise<Fact<RouteFacts>> => {
    // `route get` follows policy routing (WireGuard, Tailscale) without sending anything.
    const [effective, defaults] = await Promise.all([
      exec('ip', ['-j', 'route', 'get', '1.1.1.1']),
      exec('ip', ['-j', 'route', 'show', 'default']),
    ]);
    if (!defaults.ok) return unknownFact(describeExecFailure(defaults, 'The "ip" tool'));
    // Older iproute2 without JSON output, or anything else: unreadable is not the same as offline.
    const defaultRoutes = parseIpRoutes(defaults.stdout);
    if (!defaultRoutes) return unknownFact('The routing table could not be read');
    const defaultDevs = defaultRoutes.map((r) => r.dev);
    // `route get` fails when there is no route at all; then the default routes tell.
    const effectiveRoutes = effective.ok ? parseIpRoutes(effective.stdout) : [];
    const primaryName = effectiveRoutes?.[0]?.dev ?? defaultDevs[0];
    const evidence: JsonObject = { defaultRoutes: defaultDevs, routeTo1111: primaryName ?? null };
    if (!primaryName) return known({ primary: null, physical: null }, evidence);
    const primary = await linkInfo(primaryName);
    let physical: LinkInfo | null = primary;
    if (primary.kind === 'vpn') {
      physical = null;
      for (const dev of defaultDevs) {
        const info = await linkInfo(dev);
        if (info.kind !== 'vpn') {
          physical = info;
          break;
        }
      }
    }
    return known({ primary, physical }, evidence);
  });

  const power = memo(async (): Promise<Fact<PowerFacts>> => {
    const names = await files.listDir('/sys/class/power_supply');
    // An empty folder means no battery; a missing one means Linux did not tell.
    if (names === null) return unknownFact('Linux did not list its power supplies (/sys/class/power_supply)');
    if (names.length === 0) return known({ battery: null }, { supplies: [] });
    const supplies = await Promise.all(
      names.map(async (n) =>
        parsePowerSupplyUevent((await files.readText(`/sys/class/power_supply/${n}/uevent`)) ?? ''),
      ),
    );
    const summary = summarizeLinuxPower(supplies);
    if (!summary) return unknownFact('Linux did not say what one of its power supplies is');
    return known(summary, {
      supplies: supplies.map((s) => ({
        type: s.type,
        online: s.online,
        capacity: s.capacity,
        status: s.status,
        scope: s.scope,
      })),
    });
  });

  const desktop = (): { desktop: Desktop; label: string } => {
    const raw = deps.env.XDG_CURRENT_DESKTOP ?? deps.env.DESKTOP_SESSION ?? '';
    const label = raw || 'none';
    const parts = raw.toLowerCase().split(':');
    if (parts.some((p) => p === 'kde')) return { desktop: 'kde', label };
    if (parts.some((p) => p.includes('cinnamon'))) return { desktop: 'cinnamon', label };
    if (parts.some((p) => p === 'mate')) return { desktop: 'mate', label };
    if (
      parts.some((p) => ['gnome', 'unity', 'budgie', 'pantheon', 'ubuntu', 'pop', 'cosmic'].some((d) => p.includes(d)))
    ) {
      return { desktop: 'gnome', label };
    }
    return { desktop: raw ? 'other' : 'none', label };
  };

  /** One read per key and scan: the screen-lock and sleep checks both ask GNOME for idle-delay. */
  const gsettingsReads = new Map<string, Promise<ReturnType<typeof parseGsettingsValue>>>();
  const gsettings = (schema: string, key: string) => {
    const id = `${schema} ${key}`;
    let read = gsettingsReads.get(id);
    if (!read) {
      read = exec('gsettings', ['get', schema, key]).then((r) => (r.ok ? parseGsettingsValue(r.stdout) : null));
      gsettingsReads.set(id, read);
    }
    return read;
  };

  /** "*.conf" files of a drop-in folder, in the order programs read them. */
  const confFiles = async (dir: string) =>
    ((await files.listDir(dir)) ?? [])
      .filter((n) => n.endsWith('.conf'))
      .sort()
      .map((n) => `${dir}/${n}`);

  /** Auto-login from every place GDM, LightDM and SDDM read it, each in its own order (later files win). */
  const readAutoLogin = async (): Promise<{
    autoLogin: boolean;
    sources: string[];
    lightdm: readonly (string | null)[];
  }> => {
    const [lightdmDropIns, sddmDropIns] = await Promise.all([
      Promise.all([confFiles('/usr/share/lightdm/lightdm.conf.d'), confFiles('/etc/lightdm/lightdm.conf.d')]),
      Promise.all([confFiles('/usr/lib/sddm/sddm.conf.d'), confFiles('/etc/sddm.conf.d')]),
    ]);
    const paths = {
      gdm: ['/etc/gdm3/daemon.conf', '/etc/gdm3/custom.conf', '/etc/gdm/custom.conf'],
      lightdm: [...lightdmDropIns.flat(), '/etc/lightdm/lightdm.conf'],
      sddm: [...sddmDropIns.flat(), '/etc/sddm.conf'],
    };
    const read = (list: readonly string[]) => Promise.all(list.map((p) => files.readText(p)));
    const [gdm, lightdm, sddm] = await Promise.all([read(paths.gdm), read(paths.lightdm), read(paths.sddm)]);
    const all = [...paths.gdm, ...paths.lightdm, ...paths.sddm];
    const texts = [...gdm, ...lightdm, ...sddm];
    return {
      autoLogin: linuxAutoLogin({ gdm, lightdm, sddm }),
      sources: all.filter((_, i) => texts[i] !== null),
      lightdm,
    };
  };

  /** `pactl info`: proves the sound server answers, and names the default output. */
  const soundServer = memo(async (): Promise<{ ok: true; defaultSink: string } | { ok: false; reason: string }> => {
    const info = await exec('pactl', ['info']);
    if (!info.ok) return { ok: false, reason: describeExecFailure(info, 'the sound tool "pactl"') };
    const kv = parseKeyValues(info.stdout, /:\s*/);
    if (!kv['Server Name']) return { ok: false, reason: 'the sound server did not describe itself' };
    return { ok: true, defaultSink: kv['Default Sink'] ?? '' };
  });

  /** Why `systemctl list-timers` gave no list. */
  const describeTimers = (r: ExecResult) =>
    r.spawnError || r.timedOut
      ? describeExecFailure(r, 'the "systemctl" tool')
      : 'systemd did not list its timers; it may not be running';

  const listSinks = memo(() => exec('pactl', ['list', 'sinks']));

  /** The system's timers, with when each fires next; null when systemd did not answer. */
  const timers = memo(async () => {
    const r = await exec('systemctl', ['list-timers', '--all', '--no-pager']);
    return { rows: r.ok ? parseSystemctlTimers(r.stdout) : null, result: r };
  });

  /** Timers of one area (updates or background work) as scheduled tasks, due relative to now. */
  const timerTasks = (
    rows: NonNullable<Awaited<ReturnType<typeof timers>>['rows']>,
    area: 'updates' | 'background',
  ) => {
    const now = deps.now().getTime();
    const tasks: ScheduledTask[] = [];
    for (const row of rows) {
      const what = classifyLinuxTimer(row.unit);
      if (!what || what.area !== area) continue;
      tasks.push({
        name: what.name,
        kind: what.kind,
        dueAt: row.leftMinutes === null ? null : now + Math.round(row.leftMinutes * 60_000),
        running: false,
        everyMinutes: null,
      });
    }
    return tasks;
  };

  /**
   * apt's automatic-update settings, in the order apt reads its files. Only the files that set them are read
   * (20auto-upgrades, 10periodic, 50unattended-upgrades and their local overrides): other apt files can hold
   * proxy passwords, which must not end up in a capture.
   */
  const aptConfig = async () => {
    const dir = '/etc/apt/apt.conf.d';
    const names = ((await files.listDir(dir)) ?? [])
      .filter((n) => /^[A-Za-z0-9_.-]+$/.test(n) && /periodic|auto-upgrades|unattended-upgrades/i.test(n))
      .sort();
    return parseAptConfig(await Promise.all(names.map((n) => files.readText(`${dir}/${n}`))));
  };

  /** Why `systemctl is-active` gave no state. */
  const describeSystemctl = (r: ExecResult) =>
    r.spawnError || r.timedOut
      ? describeExecFailure(r, 'the "systemctl" tool')
      : 'systemctl did not report a state (is systemd running?)';

  return {
    route,

    async wifi(link) {
      const text = await files.readText('/proc/net/wireless');
      const fromProc = text ? parseProcNetWireless(text, link.name) : null;
      if (fromProc?.dbm !== undefined && fromProc.dbm !== null) {
        return known(
          { dbm: fromProc.dbm, percent: null, open: null },
          { source: '/proc/net/wireless', dbm: fromProc.dbm },
        );
      }
      const fromSi = (await deps.systemInfo.wifiConnections())?.find((w) => w.iface === link.name);
      if (fromSi && (fromSi.signalLevel !== null || fromSi.quality !== null)) {
        return known(
          { dbm: fromSi.signalLevel, percent: fromSi.quality, open: null },
          { source: 'systeminformation', dbm: fromSi.signalLevel, percent: fromSi.quality },
        );
      }
      return unknownFact('The Wi-Fi driver does not report the signal strength', { iface: link.name });
    },

    power,

    async networkActivity(link, windowMs) {
      const base = `/sys/class/net/${link.name}/statistics`;
      // sysfs writes the number and a newline; anything else (empty, cut off, text) is not a counter.
      const counter = (text: string | null) =>
        text !== null && /^\d+\n$/.test(text) && Number.isSafeInteger(Number(text.trim())) ? Number(text.trim()) : null;
      const read = async () => {
        const [rx, tx] = await Promise.all([files.readText(`${base}/rx_bytes`), files.readText(`${base}/tx_bytes`)]);
        const r = counter(rx);
        const t = counter(tx);
        return r !== null && t !== null ? { rx: r, tx: t } : null;
      };
      const sockets = async () => {
        const r = await exec('ss', ['-tinpH']);
        return r.ok ? parseSsSockets(r.stdout) : null;
      };
      const [before, socketsBefore] = await Promise.all([read(), sockets()]);
      if (!before) return unknownFact(`Linux did not report traffic counters for ${link.name}`);
      const started = deps.now().getTime();
      await deps.sleep(windowMs);
      const [after, socketsAfter] = await Promise.all([read(), sockets()]);
      const elapsed = Math.max(1, deps.now().getTime() - started);
      if (!after) return unknownFact(`Linux did not report traffic counters for ${link.name}`);
      if (after.rx < before.rx || after.tx < before.tx) {
        return unknownFact(`The traffic counters for ${link.name} were reset during the measurement`);
      }
      const top =
        socketsBefore && socketsAfter
          ? programTrafficDelta(socketsBefore, socketsAfter)
              .slice(0, 5)
              .map((p) => ({ name: p.name, bytesPerSec: (p.bytes * 1000) / elapsed }))
          : null;
      return known(
        {
          iface: link.name,
          rxBytesPerSec: ((after.rx - before.rx) * 1000) / elapsed,
          txBytesPerSec: ((after.tx - before.tx) * 1000) / elapsed,
          windowMs: elapsed,
          topPrograms: top,
        },
        { source: '/sys/class/net statistics and ss' },
      );
    },

    headroom: (windowMs) => readHeadroom(deps.stats, windowMs),

    async remoteAccess() {
      const r = await exec('ss', ['-ltn']);
      const ports = r.ok ? listeningRemotePorts(r.stdout) : null;
      const remoteSession = Boolean(deps.env.SSH_CONNECTION || deps.env.SSH_CLIENT || deps.env.XRDP_SESSION);
      return known(
        {
          remoteDesktopEnabled: ports ? ports.some((p) => p === 3389 || (p >= 5900 && p <= 5909)) : null,
          remoteSession,
          listeningPorts: ports ?? [],
        },
        { listeningPorts: ports ?? [], ssRead: ports !== null },
      );
    },

    async voiceAssistants() {
      return notApplicable('Linux has no built-in voice assistant');
    },

    async mediaInUse() {
      const notes: string[] = [];
      const own = new Set(deps.ownPids);
      // An empty list means "nobody records" only once the sound server has shown it answers.
      const [server, pactl] = await Promise.all([soundServer(), exec('pactl', ['list', 'source-outputs'])]);
      let microphone: string[] | null = null;
      if (!server.ok) notes.push(`Microphone: ${server.reason}`);
      else if (pactl.ok) {
        const recording = pactlRecordingPrograms(pactl.stdout);
        if (recording) microphone = recording.filter((p) => p.pid === null || !own.has(p.pid)).map((p) => p.name);
        else notes.push('Microphone: the list of recording programs was cut off.');
      } else notes.push(`Microphone: ${describeExecFailure(pactl, 'the PulseAudio/PipeWire tool "pactl"')}`);

      const dev = await files.listDir('/dev');
      const devices = (dev ?? []).filter((n) => /^video\d+$/.test(n)).map((n) => `/dev/${n}`);
      let camera: string[] | null = [];
      if (dev === null) {
        camera = null;
        notes.push('Camera: the list of devices (/dev) could not be read.');
      } else if (devices.length > 0) {
        const fuser = await exec('fuser', devices);
        // fuser exits 1 when nobody holds the devices; stdout then is empty.
        if (fuser.spawnError || fuser.timedOut) {
          camera = null;
          notes.push(`Camera: ${describeExecFailure(fuser, 'the "fuser" tool')}`);
        } else {
          const pids = parseFuserPids(fuser.stdout).filter((pid) => !own.has(pid));
          camera = await Promise.all(
            pids.map(async (pid) => ((await files.readText(`/proc/${pid}/comm`)) ?? `process ${pid}`).trim()),
          );
          notes.push('Camera: only programs of the signed-in user are visible without admin rights.');
        }
      }
      return known({ microphone, camera, notes }, { cameraDevices: devices.length });
    },

    async notifications() {
      const d = desktop();
      if (d.desktop === 'gnome') {
        const banners = await gsettings('org.gnome.desktop.notifications', 'show-banners');
        if (typeof banners === 'boolean') {
          return known(
            { doNotDisturb: !banners, source: 'GNOME show-banners' },
            { desktop: d.label, showBanners: banners },
          );
        }
        return unknownFact('GNOME did not report its Do Not Disturb setting', { desktop: d.label });
      }
      if (d.desktop === 'none') return unknownFact('No desktop session was found', { desktop: d.label });
      return unknownFact(`ReadyRoom cannot read Do Not Disturb on this desktop (${d.label})`, { desktop: d.label });
    },

    async audioOutput() {
      const def = await exec('pactl', ['get-default-sink']);
      let sinkName = def.ok ? def.stdout.trim() : '';
      if (!sinkName) {
        const info = await soundServer();
        if (!info.ok) return unknownFact(info.reason);
        sinkName = info.defaultSink;
      }
      if (!sinkName) return unknownFact('No default sound output is set');
      const sinks = await listSinks();
      if (!sinks.ok) return unknownFact(describeExecFailure(sinks, 'The sound tool "pactl"'));
      const sink = classifyPactlSink(sinks.stdout, sinkName);
      if (!sink) return unknownFact('The default sound output was not found in the list of outputs');
      return known(sink, { output: sink.name, kind: sink.kind, basis: sink.basis });
    },

    async firewall() {
      const [ufwConf, ufwActive, firewalldActive, firewalldInstalled] = await Promise.all([
        files.readText('/etc/ufw/ufw.conf'),
        exec('systemctl', ['is-active', 'ufw']),
        exec('systemctl', ['is-active', 'firewalld']),
        files.exists('/usr/lib/firewalld').then(async (a) => a || (await files.exists('/etc/firewalld'))),
      ]);
      const ufwEnabled = ufwConf === null ? null : /^yes$/i.test(parseKeyValues(ufwConf).ENABLED ?? '');
      const ufwService = parseSystemctlIsActive(ufwActive.stdout);
      const firewalldService = parseSystemctlIsActive(firewalldActive.stdout);
      const evidence: JsonObject = {
        ufwInstalled: ufwConf !== null,
        ufwEnabled,
        ufwService: ufwActive.stdout.trim() || null,
        firewalldInstalled,
        firewalldService: firewalldActive.stdout.trim() || null,
      };
      // ufw.conf ENABLED is what `ufw enable` writes; the rules are only in force while the ufw service is
      // active (stopping it flushes them). Reading the live rules would need root.
      if (ufwEnabled && ufwService === 'active') {
        return known({ state: 'on', provider: 'ufw', offProfiles: [] }, evidence);
      }
      if (firewalldService === 'active') {
        return known({ state: 'on', provider: 'firewalld', offProfiles: [] }, evidence);
      }
      // Off only when every firewall manager that is present is known to be off.
      const isOff = (state: typeof ufwService) => state === 'inactive' || state === 'failed';
      let ufw: 'absent' | 'off' | 'unclear' = 'absent';
      if (ufwConf !== null) ufw = !ufwEnabled || isOff(ufwService) ? 'off' : 'unclear';
      let firewalld: 'absent' | 'off' | 'unclear' = 'absent';
      if (firewalldInstalled) firewalld = isOff(firewalldService) ? 'off' : 'unclear';
      if (ufw === 'unclear') {
        const why = ufwService === null ? describeSystemctl(ufwActive) : `its service is ${ufwActive.stdout.trim()}`;
        return unknownFact(`ufw is set to be on, but ReadyRoom could not tell whether it is running: ${why}`, evidence);
      }
      if (firewalld === 'unclear') {
        const why =
          firewalldService === null
            ? describeSystemctl(firewalldActive)
            : `its service is ${firewalldActive.stdout.trim()}`;
        return unknownFact(
          `firewalld is installed, but ReadyRoom could not tell whether it is running: ${why}`,
          evidence,
        );
      }
      if (ufw === 'off') return known({ state: 'off', provider: 'ufw', offProfiles: [] }, evidence);
      if (firewalld === 'off') return known({ state: 'off', provider: 'firewalld', offProfiles: [] }, evidence);
      return unknownFact(
        'Neither ufw nor firewalld is installed; rules set up another way can only be read with admin rights',
        evidence,
      );
    },

    async antivirus() {
      const [installed, daemon, daily, dailyCvd] = await Promise.all([
        files.exists('/etc/clamav'),
        exec('systemctl', ['is-active', 'clamav-daemon']),
        files.mtimeMs('/var/lib/clamav/daily.cld'),
        files.mtimeMs('/var/lib/clamav/daily.cvd'),
      ]);
      // Finding no ClamAV does not mean the computer is unprotected, nor that it is fine.
      if (!installed) {
        return unknownFact('ReadyRoom can only recognise ClamAV on Linux; check your own security software', {
          clamav: false,
        });
      }
      const service = parseSystemctlIsActive(daemon.stdout);
      if (service === null || service === 'changing') {
        const why = service === null ? describeSystemctl(daemon) : `its service is ${daemon.stdout.trim()}`;
        return unknownFact(`ClamAV is installed, but ReadyRoom could not tell whether it is running: ${why}`, {
          clamav: true,
        });
      }
      const mtime = daily ?? dailyCvd;
      const ageDays = mtime === null ? null : Math.floor((deps.now().getTime() - mtime) / 86_400_000);
      const enabled = service === 'active';
      return known(
        {
          products: [
            { name: 'ClamAV', enabled, upToDate: ageDays === null ? null : ageDays <= 7, definitionsAgeDays: ageDays },
          ],
          builtInAlwaysOn: false,
          warnings: [],
        },
        { clamavDaemon: daemon.stdout.trim() || null, definitionsAgeDays: ageDays },
      );
    },

    async diskEncryption() {
      const root = await exec('findmnt', ['-J', '-o', 'SOURCE,FSTYPE', '/']);
      if (!root.ok) return unknownFact(describeExecFailure(root, 'The "findmnt" tool'));
      const mount = parseFindmntRoot(root.stdout);
      if (!mount || !mount.source.startsWith('/dev/')) {
        return unknownFact(
          'The system drive is not an ordinary disk (for example a container or ZFS), so ReadyRoom cannot tell',
          {
            fstype: mount?.fstype ?? null,
          },
        );
      }
      const chain = await exec('lsblk', ['-J', '-s', '-o', 'NAME,TYPE,FSTYPE', mount.source]);
      if (!chain.ok) return unknownFact(describeExecFailure(chain, 'The "lsblk" tool'));
      const types = lsblkChainTypes(chain.stdout);
      if (!types) return unknownFact('The "lsblk" tool did not describe the system drive');
      const warnings: string[] = [];
      const evidence: JsonObject = { fstype: mount.fstype, layers: types };
      if (types.includes('crypt')) {
        const swaps = parseProcSwaps((await files.readText('/proc/swaps')) ?? '').filter(
          (s) => s.startsWith('/dev/') && !s.startsWith('/dev/zram'),
        );
        for (const swap of swaps) {
          const s = await exec('lsblk', ['-J', '-s', '-o', 'NAME,TYPE,FSTYPE', swap]);
          const swapTypes = s.ok ? lsblkChainTypes(s.stdout) : null;
          if (!swapTypes) warnings.push('ReadyRoom could not tell whether the swap partition is encrypted.');
          else if (!swapTypes.includes('crypt')) {
            warnings.push('The swap partition is not encrypted.');
          }
        }
        return known({ state: 'on', method: 'LUKS', volume: '/', warnings }, evidence);
      }
      const ecryptfs = (await files.exists('/home/.ecryptfs')) || (await files.exists(`${deps.homeDir}/.ecryptfs`));
      if (ecryptfs) return known({ state: 'partial', method: 'eCryptfs home folder', volume: '/', warnings }, evidence);
      return known({ state: 'off', method: 'LUKS', volume: '/', warnings }, evidence);
    },

    async screenLock() {
      const d = desktop();
      const { autoLogin, sources } = await readAutoLogin();
      const evidence: JsonObject = { desktop: d.label, autoLogin, autoLoginFilesRead: sources };
      if (d.desktop === 'kde') {
        // KDE's cascade: the user's file, then each system folder in XDG_CONFIG_DIRS.
        const configHome = deps.env.XDG_CONFIG_HOME || `${deps.homeDir}/.config`;
        const configDirs = (deps.env.XDG_CONFIG_DIRS || '/etc/xdg').split(':').filter((dir) => dir.startsWith('/'));
        const readEach = (name: string) =>
          Promise.all([configHome, ...configDirs].map((dir) => files.readText(`${dir}/${name}`)));
        const [lockerFiles, globals] = await Promise.all([readEach('kscreenlockerrc'), readEach('kdeglobals')]);
        // The built-in defaults are only known for Plasma 5 and 6.
        const plasma = deps.env.KDE_SESSION_VERSION ?? '';
        const rc = parseKscreenlockerrc(
          lockerFiles,
          plasma === '5' || plasma === '6' ? plasmaScreenLockerDefaults : null,
        );
        const kdeEvidence: JsonObject = {
          ...evidence,
          plasma: plasma || null,
          autolock: rc.autolock,
          timeoutMin: rc.timeoutMin,
          requirePassword: rc.requirePassword,
          defaultsUsed: [...rc.defaulted],
        };
        if (rc.autolock === null || (rc.autolock && rc.timeoutMin === null)) {
          return unknownFact(
            'KDE has not written down its screen-lock settings, and ReadyRoom does not know the defaults of this KDE version',
            kdeEvidence,
          );
        }
        const facts: ScreenLockFacts = {
          lockAfterMinutes: rc.autolock && rc.timeoutMin !== null && rc.timeoutMin > 0 ? rc.timeoutMin : null,
          displayOffMinutes: null,
          autoLogin,
          lockDisabled: !rc.requirePassword || kdeLockScreenForbidden(globals),
          mechanism: 'KDE screen locker',
        };
        return known(facts, kdeEvidence);
      }
      const schemas: Record<
        'gnome' | 'cinnamon' | 'mate',
        { lock: string; session: string; lockdown: string; minutes: boolean }
      > = {
        gnome: {
          lock: 'org.gnome.desktop.screensaver',
          session: 'org.gnome.desktop.session',
          lockdown: 'org.gnome.desktop.lockdown',
          minutes: false,
        },
        cinnamon: {
          lock: 'org.cinnamon.desktop.screensaver',
          session: 'org.cinnamon.desktop.session',
          lockdown: 'org.cinnamon.desktop.lockdown',
          minutes: false,
        },
        mate: {
          lock: 'org.mate.screensaver',
          session: 'org.mate.session',
          lockdown: 'org.mate.lockdown',
          minutes: true,
        },
      };
      if (d.desktop === 'gnome' || d.desktop === 'cinnamon' || d.desktop === 'mate') {
        const s = schemas[d.desktop];
        const [lockEnabled, idle, lockDelay, lockScreenDisabled] = await Promise.all([
          gsettings(s.lock, 'lock-enabled'),
          gsettings(s.session, 'idle-delay'),
          d.desktop === 'mate' ? Promise.resolve(0) : gsettings(s.lock, 'lock-delay'),
          gsettings(s.lockdown, 'disable-lock-screen'),
        ]);
        if (typeof lockEnabled !== 'boolean' || typeof idle !== 'number') {
          return unknownFact('The desktop did not report its screen-lock settings', evidence);
        }
        if (typeof lockScreenDisabled !== 'boolean') {
          return unknownFact('The desktop did not say whether locking the screen has been switched off', evidence);
        }
        const idleMin = s.minutes ? idle : idle / 60;
        const delayMin = typeof lockDelay === 'number' ? lockDelay / 60 : 0;
        const facts: ScreenLockFacts = {
          lockAfterMinutes: lockEnabled && idleMin > 0 ? round1(idleMin + delayMin) : null,
          displayOffMinutes: idleMin > 0 ? round1(idleMin) : null,
          autoLogin,
          lockDisabled: lockScreenDisabled,
          mechanism: `${d.label} screen lock`,
        };
        return known(facts, {
          ...evidence,
          lockEnabled,
          idleDelay: idle,
          lockDelaySeconds: typeof lockDelay === 'number' ? lockDelay : null,
          lockScreenDisabled,
        });
      }
      if (d.desktop === 'none') {
        return unknownFact('No desktop session was found, so there is no screen lock to read', evidence);
      }
      return unknownFact(`ReadyRoom cannot read the screen-lock settings of this desktop (${d.label})`, evidence);
    },

    async osVersion() {
      const text = (await files.readText('/etc/os-release')) ?? (await files.readText('/usr/lib/os-release'));
      const release = text ? parseOsRelease(text) : null;
      if (!release) return unknownFact('This Linux does not describe itself in /etc/os-release');
      return known(
        {
          family: 'linux',
          name: release.prettyName,
          version: release.versionId,
          build: null,
          edition: null,
          distroId: release.id,
        },
        { id: release.id, versionId: release.versionId, idLike: release.idLike },
      );
    },

    async userAccounts() {
      const [passwd, loginDefs] = await Promise.all([files.readText('/etc/passwd'), files.readText('/etc/login.defs')]);
      if (passwd === null) return unknownFact('The list of accounts could not be read');
      const range = parseLoginDefs(loginDefs);
      const count = countLinuxHumanAccounts(passwd, range);
      if (count === null) return unknownFact('The list of accounts (/etc/passwd) could not be read');
      const [{ lightdm }, guestScript] = await Promise.all([
        readAutoLogin(),
        files
          .exists('/usr/sbin/guest-account')
          .then(async (a) => a || (await files.exists('/usr/share/lightdm/guest-session'))),
      ]);
      const guestEnabled = linuxGuestLogin(lightdm, guestScript);
      return known(
        { humanAccounts: count, guestEnabled },
        { humanAccounts: count, uidMin: range.uidMin, uidMax: range.uidMax, guestSession: guestEnabled },
      );
    },

    async recording() {
      // Linux has no built-in recorder ReadyRoom can ask; recorders are found by the program list.
      return known({ signals: [], unread: [] }, { osRecorders: 'none on Linux' });
    },

    async updates() {
      const [flag, pkgsText, dpkg, announcer, apt, timerList] = await Promise.all([
        files.exists('/run/reboot-required'),
        files.readText('/run/reboot-required.pkgs'),
        files.exists('/var/lib/dpkg/status'),
        // What writes /run/reboot-required: Ubuntu's update-notifier, or unattended-upgrades' kernel hook (Debian).
        Promise.all(rebootAnnouncers.map((p) => files.exists(p))).then((found) => found.some(Boolean)),
        aptConfig(),
        timers(),
      ]);
      const debianLike = dpkg && announcer;
      const unread: string[] = [];
      const pending: string[] = [];
      const pkgs = pkgsText === null ? [] : parseRebootRequiredPkgs(pkgsText);
      if (flag)
        pending.push(
          pkgs.length > 0
            ? `a restart to finish updating ${listNames(pkgs, 3)}`
            : 'a restart to finish installing updates',
        );
      // Only Debian and Ubuntu announce a needed restart in /run/reboot-required, and only with a program that writes it.
      else if (!debianLike) {
        unread.push(
          dpkg
            ? 'whether a restart is needed (nothing on this computer announces it: Ubuntu’s update-notifier and Debian’s unattended-upgrades do)'
            : 'whether a restart is needed (ReadyRoom knows how Debian and Ubuntu announce it)',
        );
      }
      // APT::Periodic::Unattended-Upgrade defaults to "0": the timer then installs nothing.
      const autoInstall = dpkg && /^[1-9]/.test(apt['apt::periodic::unattended-upgrade'] ?? '0');
      const autoReboot = /^(true|1|yes)$/i.test(apt['unattended-upgrade::automatic-reboot'] ?? 'false');
      const rebootTime = apt['unattended-upgrade::automatic-reboot-time'] ?? 'now';
      const scheduled: ScheduledTask[] = [];
      const notes: string[] = [];
      if (timerList.rows) {
        for (const task of timerTasks(timerList.rows, 'updates')) {
          // apt's install timer matters only when unattended-upgrades is switched on; dnf's always installs.
          if (/apt-daily-upgrade/.test(task.name) && !autoInstall) continue;
          scheduled.push(task);
          if (flag && autoReboot && /^now$/i.test(rebootTime) && /apt-daily-upgrade/.test(task.name)) {
            scheduled.push({ ...task, name: 'automatic restart after the update installation', kind: 'restart' });
          }
        }
      } else if (autoInstall || !debianLike) {
        unread.push(`when automatic updates run (${describeTimers(timerList.result)})`);
      }
      if (flag && autoReboot && !/^now$/i.test(rebootTime)) {
        notes.push(`This computer restarts by itself at ${rebootTime} to finish updates.`);
      }
      return known(
        { pending, restartNeeded: flag, scheduled, notes, unread },
        {
          rebootRequired: flag,
          packages: pkgs.slice(0, 10),
          unattendedUpgrades: autoInstall,
          restartAnnounced: debianLike,
          automaticReboot: autoReboot ? rebootTime : false,
          timersRead: timerList.rows !== null,
        },
      );
    },

    async backgroundTasks() {
      const list = await timers();
      if (!list.rows) {
        return known(
          { tasks: [], unread: [`the system's scheduled jobs (${describeTimers(list.result)})`] },
          { timersRead: false },
        );
      }
      const tasks = timerTasks(list.rows, 'background');
      return known({ tasks, unread: [] }, { timersRead: true, timers: list.rows.length });
    },

    async sleep() {
      const d = desktop();
      const keepAwake = (await files.exists('/usr/bin/systemd-inhibit'))
        ? 'the terminal command “systemd-inhibit --what=idle:sleep sleep 4500” keeps it awake for 75 minutes'
        : null;
      if (d.desktop !== 'gnome') {
        return unknownFact(
          d.desktop === 'none'
            ? 'No desktop session was found, so there are no sleep settings to read'
            : `ReadyRoom cannot read the sleep settings of this desktop (${d.label})`,
          { desktop: d.label },
        );
      }
      const schema = 'org.gnome.settings-daemon.plugins.power';
      const [powerFact, acType, acTimeout, batType, batTimeout, idle] = await Promise.all([
        power(),
        gsettings(schema, 'sleep-inactive-ac-type'),
        gsettings(schema, 'sleep-inactive-ac-timeout'),
        gsettings(schema, 'sleep-inactive-battery-type'),
        gsettings(schema, 'sleep-inactive-battery-timeout'),
        gsettings('org.gnome.desktop.session', 'idle-delay'),
      ]);
      const onBattery = powerFact.state === 'known' ? (powerFact.value.battery?.onBattery ?? false) : null;
      const side = (type: unknown, timeout: unknown): number | null | undefined => {
        if (typeof type !== 'string' || typeof timeout !== 'number') return undefined;
        // 'nothing' and 'blank' never put the computer to sleep; a timeout of 0 means never.
        if (type === 'nothing' || type === 'blank' || timeout <= 0) return null;
        return Math.round((timeout / 60) * 10) / 10;
      };
      const ac = side(acType, acTimeout);
      const battery = side(batType, batTimeout);
      const evidence: JsonObject = {
        desktop: d.label,
        acType: typeof acType === 'string' ? acType : null,
        acTimeoutSeconds: typeof acTimeout === 'number' ? acTimeout : null,
        batteryType: typeof batType === 'string' ? batType : null,
        batteryTimeoutSeconds: typeof batTimeout === 'number' ? batTimeout : null,
        idleDelaySeconds: typeof idle === 'number' ? idle : null,
      };
      const chosen = onBattery === true ? battery : onBattery === false ? ac : undefined;
      if (chosen === undefined && (ac === undefined || battery === undefined)) {
        return unknownFact('GNOME did not report when the computer goes to sleep', evidence);
      }
      // Power source unknown: the sooner of the two, so a short battery timer is not missed.
      const systemSleepMinutes =
        chosen !== undefined
          ? chosen
          : ac === null
            ? (battery ?? null)
            : battery === null
              ? (ac ?? null)
              : Math.min(ac ?? 0, battery ?? 0);
      return known(
        {
          systemSleepMinutes,
          displaySleepMinutes: typeof idle === 'number' && idle > 0 ? Math.round((idle / 60) * 10) / 10 : null,
          powerSource: onBattery === true ? 'on battery' : onBattery === false ? 'on the charger' : 'current',
          keepAwake,
        },
        evidence,
      );
    },

    async headsets() {
      const [upower, sinks] = await Promise.all([exec('upower', ['--dump']), listSinks()]);
      const withBattery = upower.ok ? parseUpowerHeadsets(upower.stdout) : null;
      const bluetooth = sinks.ok ? pactlBluetoothSinks(sinks.stdout) : null;
      const evidence: JsonObject = {
        upower: withBattery === null ? describeExecFailure(upower, 'UPower') : withBattery.length,
        bluetoothOutputs: bluetooth ?? null,
      };
      if (withBattery && withBattery.length > 0) return known({ headsets: withBattery }, evidence);
      // Connected without a reported charge, or no headset at all: the sound outputs tell which.
      if (bluetooth === null) {
        if (withBattery !== null) return known({ headsets: [] }, evidence);
        return unknownFact('Linux did not say whether a wireless headset is connected', evidence);
      }
      return known({ headsets: bluetooth.map((name) => ({ name, percent: null })) }, evidence);
    },
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
