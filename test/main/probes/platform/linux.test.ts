import { describe, expect, it } from 'vitest';

import { runCommand, type ExecResult } from '../../../../main/platform/exec';
import { createHostFiles, createHostStats } from '../../../../main/probes/platform/host';
import { createLinuxFacts } from '../../../../main/probes/platform/linux';
import { createSystemInfo } from '../../../../main/probes/system-info';
import { fixture, platformDeps, tableExec, tableFiles } from '../helpers/probe-test-kit';

const f = (name: string) => fixture('linux', name);

describe('createLinuxFacts on fixtures', () => {
  it('grades a VPN default route by the wired link underneath', async () => {
    const exec = tableExec({
      '/usr/bin/ip -j route get 1.1.1.1':
        '[{"dst":"1.1.1.1","dev":"wg0","table":"51820","prefsrc":"10.2.0.2","flags":[],"uid":1000,"cache":[]}]',
      '/usr/bin/ip -j route show default':
        '[{"dst":"default","gateway":"192.168.1.1","dev":"enp3s0","protocol":"dhcp","metric":100,"flags":[]}]',
    });
    const files = tableFiles({
      '/usr/bin/ip': '',
      '/sys/class/net/wg0/uevent': 'DEVTYPE=wireguard\nINTERFACE=wg0\n',
      '/sys/class/net/enp3s0/uevent': 'INTERFACE=enp3s0\n',
      '/sys/class/net/enp3s0/device': '',
    });
    const facts = createLinuxFacts(platformDeps({ exec, files }));
    expect(await facts.route()).toMatchObject({
      state: 'known',
      value: { primary: { name: 'wg0', kind: 'vpn' }, physical: { name: 'enp3s0', kind: 'wired' } },
    });
  });

  it('tells an unreadable routing table apart from being offline', async () => {
    const old = tableExec({
      'ip -j route get 1.1.1.1': '1.1.1.1 via 192.168.1.1 dev eth0',
      'ip -j route show default': 'default via 192.168.1.1 dev eth0',
    });
    expect(await createLinuxFacts(platformDeps({ exec: old })).route()).toMatchObject({ state: 'unknown' });
    const offline = tableExec({
      'ip -j route get 1.1.1.1': { ok: false, code: 2, stderr: 'RTNETLINK answers: Network is unreachable' },
      // iproute2 prints an empty JSON list when there is no default route.
      'ip -j route show default': '[]\n',
    });
    expect(await createLinuxFacts(platformDeps({ exec: offline })).route()).toMatchObject({
      state: 'known',
      value: { primary: null },
    });
    for (const stdout of ['', '{}', '[', '[{"dev":""}]']) {
      const odd = tableExec({ 'ip -j route get 1.1.1.1': '[]', 'ip -j route show default': stdout });
      expect(await createLinuxFacts(platformDeps({ exec: odd })).route(), stdout).toMatchObject({ state: 'unknown' });
    }
  });

  it('reads the Wi-Fi level from /proc/net/wireless', async () => {
    const facts = createLinuxFacts(
      platformDeps({ files: tableFiles({ '/proc/net/wireless': f('proc-net-wireless.txt') }) }),
    );
    expect(await facts.wifi({ name: 'wlp0s20f3', kind: 'wifi' })).toMatchObject({
      state: 'known',
      value: { dbm: -63 },
    });
    expect(await facts.wifi({ name: 'wlan9', kind: 'wifi' })).toMatchObject({ state: 'unknown' });
  });

  it('reads a laptop on battery from /sys/class/power_supply', async () => {
    const files = tableFiles(
      {
        '/sys/class/power_supply/BAT0/uevent': f('uevent-bat0-discharging.txt'),
        '/sys/class/power_supply/ADP1/uevent': f('uevent-adp1-offline.txt'),
      },
      { '/sys/class/power_supply': ['ADP1', 'BAT0'] },
    );
    expect(await createLinuxFacts(platformDeps({ files })).power()).toMatchObject({
      state: 'known',
      value: { battery: { percent: 27, onBattery: true } },
    });
  });

  const gnomeLock = {
    '/usr/bin/gsettings get org.gnome.desktop.screensaver lock-enabled': 'true\n',
    '/usr/bin/gsettings get org.gnome.desktop.session idle-delay': 'uint32 300\n',
    '/usr/bin/gsettings get org.gnome.desktop.screensaver lock-delay': 'uint32 30\n',
    '/usr/bin/gsettings get org.gnome.desktop.lockdown disable-lock-screen': 'false\n',
  };
  const gnome = (
    table: Record<string, string>,
    texts: Record<string, string> = {},
    dirs: Record<string, string[]> = {},
  ) =>
    createLinuxFacts(
      platformDeps({
        exec: tableExec(table),
        files: tableFiles({ '/usr/bin/gsettings': '', ...texts }, dirs),
        env: { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' },
      }),
    );

  it('reads an empty list of power supplies as no battery, and a missing one as unknown', async () => {
    const desktop = tableFiles({}, { '/sys/class/power_supply': [] });
    expect(await createLinuxFacts(platformDeps({ files: desktop })).power()).toMatchObject({
      state: 'known',
      value: { battery: null },
    });
    expect(await createLinuxFacts(platformDeps()).power()).toMatchObject({ state: 'unknown' });
  });

  it('reads GNOME screen-lock settings', async () => {
    expect(await gnome(gnomeLock).screenLock()).toMatchObject({
      state: 'known',
      value: { lockAfterMinutes: 5.5, autoLogin: false, lockDisabled: false },
    });
  });

  it('asks GNOME for the idle delay once per scan, for both the screen lock and the sleep check', async () => {
    // A capture replays each recorded answer once: a second read would find nothing and make one check unknown.
    const power = 'org.gnome.settings-daemon.plugins.power';
    const exec = tableExec({
      ...gnomeLock,
      [`/usr/bin/gsettings get ${power} sleep-inactive-ac-type`]: "'nothing'\n",
      [`/usr/bin/gsettings get ${power} sleep-inactive-ac-timeout`]: '3600\n',
      [`/usr/bin/gsettings get ${power} sleep-inactive-battery-type`]: "'suspend'\n",
      [`/usr/bin/gsettings get ${power} sleep-inactive-battery-timeout`]: '1200\n',
    });
    const facts = createLinuxFacts(
      platformDeps({
        exec,
        files: tableFiles({ '/usr/bin/gsettings': '' }, { '/sys/class/power_supply': [] }),
        env: { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' },
      }),
    );
    const [lock, sleep] = await Promise.all([facts.screenLock(), facts.sleep()]);
    expect(lock).toMatchObject({ state: 'known', value: { lockAfterMinutes: 5.5 } });
    expect(sleep).toMatchObject({ state: 'known', value: { systemSleepMinutes: null, displaySleepMinutes: 5 } });
    expect(exec.calls.filter((c) => c.endsWith('org.gnome.desktop.session idle-delay'))).toHaveLength(1);
  });

  it('reads that GNOME has locking switched off by the lockdown setting', async () => {
    const facts = gnome({
      ...gnomeLock,
      '/usr/bin/gsettings get org.gnome.desktop.lockdown disable-lock-screen': 'true\n',
    });
    expect(await facts.screenLock()).toMatchObject({ state: 'known', value: { lockDisabled: true } });
  });

  it('is unknown when GNOME does not say whether locking is switched off', async () => {
    const { ['/usr/bin/gsettings get org.gnome.desktop.lockdown disable-lock-screen']: _lockdown, ...withoutLockdown } =
      gnomeLock;
    expect(await gnome(withoutLockdown).screenLock()).toMatchObject({
      state: 'unknown',
      reason: expect.stringMatching(/switched off/),
    });
  });

  it.each([
    ['GDM on Debian', { '/etc/gdm3/daemon.conf': '[daemon]\nAutomaticLoginEnable=true\nAutomaticLogin=jane\n' }, {}],
    [
      'an SDDM drop-in file',
      { '/etc/sddm.conf.d/kde_settings.conf': '[Autologin]\nUser=jane\nSession=plasma\n' },
      { '/etc/sddm.conf.d': ['kde_settings.conf'] },
    ],
    [
      'a LightDM drop-in file',
      { '/etc/lightdm/lightdm.conf.d/50-autologin.conf': '[Seat:*]\nautologin-user=jane\n' },
      { '/etc/lightdm/lightdm.conf.d': ['50-autologin.conf', 'README'] },
    ],
  ])('finds automatic login set in %s', async (_where, texts, dirs) => {
    const lock = await gnome(gnomeLock, texts, dirs).screenLock();
    expect(lock).toMatchObject({ state: 'known', value: { autoLogin: true } });
    // Which files were read is kept; the account name is not.
    expect(JSON.stringify(lock)).not.toContain('jane');
  });

  it('reads KDE screen-lock settings and automatic login from GDM', async () => {
    const files = tableFiles({
      '/home/jane/.config/kscreenlockerrc': f('kscreenlockerrc'),
      '/etc/gdm3/custom.conf': f('gdm-custom-autologin.conf'),
    });
    const facts = createLinuxFacts(platformDeps({ files, env: { XDG_CURRENT_DESKTOP: 'KDE' } }));
    expect(await facts.screenLock()).toMatchObject({
      state: 'known',
      value: { lockAfterMinutes: 15, autoLogin: true, lockDisabled: false },
    });
  });

  it('uses the system-wide KDE settings when the user has none', async () => {
    const files = tableFiles({ '/etc/xdg/kscreenlockerrc': '[Daemon]\nAutolock=true\nTimeout=8\n' });
    const facts = createLinuxFacts(platformDeps({ files, env: { XDG_CURRENT_DESKTOP: 'KDE' } }));
    expect(await facts.screenLock()).toMatchObject({ state: 'known', value: { lockAfterMinutes: 8 } });
  });

  it('applies Plasma defaults when KDE has written no settings, saying so in the evidence', async () => {
    const facts = createLinuxFacts(platformDeps({ env: { XDG_CURRENT_DESKTOP: 'KDE', KDE_SESSION_VERSION: '6' } }));
    expect(await facts.screenLock()).toMatchObject({
      state: 'known',
      value: { lockAfterMinutes: 5 },
      evidence: { defaultsUsed: ['Autolock', 'Timeout'], plasma: '6' },
    });
  });

  it('is unknown when KDE has written no settings and its version is not one with known defaults', async () => {
    const facts = createLinuxFacts(platformDeps({ env: { XDG_CURRENT_DESKTOP: 'KDE' } }));
    expect(await facts.screenLock()).toMatchObject({
      state: 'unknown',
      reason: expect.stringMatching(/defaults of this KDE version/),
    });
  });

  it('reads that KDE needs no password to unlock, or forbids locking, as locking switched off', async () => {
    const noPassword = tableFiles({
      '/home/jane/.config/kscreenlockerrc': '[Daemon]\nAutolock=true\nTimeout=5\nRequirePassword=false\n',
    });
    const kiosk = tableFiles({
      '/home/jane/.config/kscreenlockerrc': '[Daemon]\nAutolock=true\nTimeout=5\n',
      '/etc/xdg/kdeglobals': '[KDE Action Restrictions][$i]\naction/lock_screen=false\n',
    });
    for (const files of [noPassword, kiosk]) {
      const facts = createLinuxFacts(platformDeps({ files, env: { XDG_CURRENT_DESKTOP: 'KDE' } }));
      expect(await facts.screenLock()).toMatchObject({ state: 'known', value: { lockDisabled: true } });
    }
  });

  it('is unknown on a desktop it cannot read and without any desktop', async () => {
    expect(await createLinuxFacts(platformDeps({ env: { XDG_CURRENT_DESKTOP: 'XFCE' } })).screenLock()).toMatchObject({
      state: 'unknown',
    });
    expect(await createLinuxFacts(platformDeps({ env: {} })).notifications()).toMatchObject({ state: 'unknown' });
  });

  it('finds LUKS under LVM for the root file system', async () => {
    const exec = tableExec({
      'findmnt -J -o SOURCE,FSTYPE /': '{"filesystems":[{"source":"/dev/mapper/vgubuntu-root","fstype":"ext4"}]}',
      'lsblk -J -s -o NAME,TYPE,FSTYPE /dev/mapper/vgubuntu-root': f('lsblk-lvm-on-luks.json'),
    });
    expect(await createLinuxFacts(platformDeps({ exec })).diskEncryption()).toMatchObject({
      state: 'known',
      value: { state: 'on', method: 'LUKS' },
    });
  });

  it('is unknown when the root is not a disk (container)', async () => {
    const exec = tableExec({ 'findmnt -J -o SOURCE,FSTYPE /': f('findmnt-overlay.json') });
    expect(await createLinuxFacts(platformDeps({ exec })).diskEncryption()).toMatchObject({ state: 'unknown' });
  });

  const ufw = (conf: string, service?: Partial<ExecResult> | string) =>
    createLinuxFacts(
      platformDeps({
        files: tableFiles({ '/etc/ufw/ufw.conf': conf }),
        exec: tableExec(
          service === undefined
            ? {}
            : {
                'systemctl is-active ufw': service,
                'systemctl is-active firewalld': { code: 3, stdout: 'inactive\n' },
              },
        ),
      }),
    );

  it('reads ufw as on only when it is enabled and its service is active', async () => {
    expect(await ufw('ENABLED=yes\nLOGLEVEL=low\n', 'active\n').firewall()).toMatchObject({
      state: 'known',
      value: { state: 'on', provider: 'ufw' },
    });
  });

  it('reads ufw as off when it is enabled but its service is stopped or failed', async () => {
    for (const state of ['inactive', 'failed']) {
      expect(await ufw('ENABLED=yes\n', { code: 3, stdout: `${state}\n` }).firewall()).toMatchObject({
        state: 'known',
        value: { state: 'off', provider: 'ufw' },
      });
    }
  });

  it('is unknown when ufw is enabled but systemctl cannot say whether it runs', async () => {
    expect(await ufw('ENABLED=yes\n').firewall()).toMatchObject({
      state: 'unknown',
      reason: expect.stringMatching(/ufw is set to be on.*systemctl/),
    });
    const noSystemd = ufw('ENABLED=yes\n', {
      code: 1,
      stdout: '',
      stderr: 'System has not been booted with systemd as init system (PID 1).',
    });
    expect(await noSystemd.firewall()).toMatchObject({
      state: 'unknown',
      reason: expect.stringMatching(/is systemd running/),
    });
  });

  it('reads ufw as off when it is disabled in its configuration', async () => {
    expect(await ufw('ENABLED=no\n').firewall()).toMatchObject({ state: 'known', value: { state: 'off' } });
  });

  it('is unknown when firewalld is installed but systemctl cannot say whether it runs', async () => {
    const facts = createLinuxFacts(
      platformDeps({ files: tableFiles({ '/etc/ufw/ufw.conf': 'ENABLED=no\n' }, { '/etc/firewalld': [] }) }),
    );
    expect(await facts.firewall()).toMatchObject({ state: 'unknown', reason: expect.stringMatching(/firewalld/) });
  });

  it('is unknown, not skipped, when no ClamAV is installed', async () => {
    expect(await createLinuxFacts(platformDeps()).antivirus()).toMatchObject({
      state: 'unknown',
      reason: 'ReadyRoom can only recognise ClamAV on Linux; check your own security software',
    });
  });

  it('reads ClamAV as on or off from its service, and unknown when systemctl cannot say', async () => {
    const clam = (service?: Partial<ExecResult> | string) =>
      createLinuxFacts(
        platformDeps({
          files: tableFiles(
            {},
            { '/etc/clamav': [] },
            { '/var/lib/clamav/daily.cld': new Date('2026-11-27T12:00:00Z').getTime() },
          ),
          exec: tableExec(service === undefined ? {} : { 'systemctl is-active clamav-daemon': service }),
        }),
      ).antivirus();
    expect(await clam('active\n')).toMatchObject({
      state: 'known',
      value: { products: [{ name: 'ClamAV', enabled: true, upToDate: true }] },
    });
    expect(await clam({ code: 3, stdout: 'inactive\n' })).toMatchObject({
      state: 'known',
      value: { products: [{ enabled: false }] },
    });
    expect(await clam()).toMatchObject({ state: 'unknown', reason: expect.stringMatching(/ClamAV is installed/) });
  });

  it('lists programs using the microphone and camera, leaving out our own', async () => {
    const exec = tableExec({
      'pactl info': 'Server Name: PulseAudio (on PipeWire 0.3.65)\nDefault Sink: alsa_output.pci\n',
      'pactl list source-outputs': f('pactl-source-outputs.txt'),
      'fuser /dev/video0 /dev/video1': ' 7001 4321',
    });
    const files = tableFiles({ '/proc/7001/comm': 'cheese\n' }, { '/dev': ['null', 'video0', 'video1', 'tty0'] });
    const facts = createLinuxFacts(platformDeps({ exec, files, ownPids: [4321] }));
    expect(await facts.mediaInUse()).toMatchObject({ state: 'known', value: { microphone: [], camera: ['cheese'] } });
  });

  it('does not read an empty answer as "nobody records" until the sound server has answered', async () => {
    const exec = tableExec({ 'pactl info': '', 'pactl list source-outputs': '' });
    const files = tableFiles({}, { '/dev': ['null'] });
    const fact = await createLinuxFacts(platformDeps({ exec, files })).mediaInUse();
    expect(fact).toMatchObject({ state: 'known', value: { microphone: null, camera: [] } });
    const noDev = await createLinuxFacts(platformDeps({ exec, files: tableFiles({}) })).mediaInUse();
    expect(noDev).toMatchObject({ state: 'known', value: { camera: null } });
  });

  it('says Linux has no built-in voice assistant', async () => {
    expect(await createLinuxFacts(platformDeps()).voiceAssistants()).toMatchObject({ state: 'not-applicable' });
  });
});

describe.runIf(process.platform === 'linux')('createLinuxFacts on this computer', () => {
  const si = createSystemInfo();
  const facts = createLinuxFacts(
    platformDeps({
      exec: runCommand,
      files: createHostFiles(),
      stats: createHostStats(si, 'linux'),
      systemInfo: si,
      env: process.env,
      homeDir: process.env.HOME ?? '/root',
      ownPids: [process.pid],
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      now: () => new Date(),
    }),
  );

  it('finds the default route or reports being offline', async () => {
    const route = await facts.route();
    expect(route.state).toBe('known');
    if (route.state === 'known' && route.value.primary) {
      expect(route.value.primary.name).toMatch(/^[\w.@-]+$/);
      expect(['wired', 'wifi', 'cellular', 'vpn', 'other']).toContain(route.value.primary.kind);
    }
  });

  it('measures plausible traffic on the default interface', async () => {
    const route = await facts.route();
    if (route.state !== 'known' || !route.value.primary) return;
    const activity = await facts.networkActivity(route.value.primary, 200);
    expect(activity.state).toBe('known');
    if (activity.state === 'known') {
      expect(activity.value.rxBytesPerSec).toBeGreaterThanOrEqual(0);
      expect(activity.value.rxBytesPerSec).toBeLessThan(10e9);
      expect(activity.value.windowMs).toBeGreaterThanOrEqual(190);
    }
  });

  it('reads CPU and memory within physical bounds', async () => {
    const h = await facts.headroom(100);
    expect(h.state).toBe('known');
    if (h.state === 'known') {
      expect(h.value.cpuBusyPercent).toBeGreaterThanOrEqual(0);
      expect(h.value.cpuBusyPercent).toBeLessThanOrEqual(100);
      expect(h.value.memAvailableBytes).toBeGreaterThan(0);
      expect(h.value.memAvailableBytes).toBeLessThanOrEqual(h.value.memTotalBytes);
    }
  });

  it('reads the distribution and at least zero accounts', async () => {
    const os = await facts.osVersion();
    expect(os).toMatchObject({ state: 'known', value: { family: 'linux' } });
    const users = await facts.userAccounts();
    expect(users.state).toBe('known');
    if (users.state === 'known') expect(users.value.humanAccounts).toBeGreaterThanOrEqual(0);
  });

  it('answers every question without throwing', async () => {
    const link = { name: 'lo', kind: 'other' as const };
    const all = await Promise.all([
      facts.power(),
      facts.wifi(link),
      facts.remoteAccess(),
      facts.voiceAssistants(),
      facts.mediaInUse(),
      facts.notifications(),
      facts.audioOutput(),
      facts.firewall(),
      facts.antivirus(),
      facts.diskEncryption(),
      facts.screenLock(),
    ]);
    for (const fact of all) {
      expect(['known', 'unknown', 'not-applicable']).toContain(fact.state);
      if (fact.state !== 'known') expect(fact.reason.length).toBeGreaterThan(10);
    }
  });
});
