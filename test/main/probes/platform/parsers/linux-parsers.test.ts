import { describe, expect, it } from 'vitest';

import {
  classifyLinuxLink,
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
} from '../../../../../main/probes/platform/parsers/linux-parsers';
import { fixture } from '../../helpers/probe-test-kit';

const f = (name: string) => fixture('linux', name);

describe('parseIpRoutes', () => {
  it('sorts default routes by metric', () => {
    const json =
      '[{"dst":"default","gateway":"10.0.0.1","dev":"wlp2s0","metric":600},{"dst":"default","gateway":"192.168.1.1","dev":"enp3s0","metric":100}]';
    expect(parseIpRoutes(json)?.map((r) => r.dev)).toEqual(['enp3s0', 'wlp2s0']);
  });

  it('returns null, not "no route", for empty output, garbage or the wrong shape', () => {
    expect(parseIpRoutes('')).toBeNull();
    expect(parseIpRoutes('Error: ipv4: FIB table does not exist.')).toBeNull();
    expect(parseIpRoutes('{"dev":"eth0"}')).toBeNull();
    expect(parseIpRoutes('[{"dev":"eth0","metric":"100"}]')).toBeNull();
    expect(parseIpRoutes('[]')).toEqual([]);
  });
});

describe('classifyLinuxLink', () => {
  const base = { name: 'x', wireless: false, tun: false, hasDevice: false, uevent: null };
  it('tells Wi-Fi, mobile, VPN, wired and virtual apart', () => {
    expect(classifyLinuxLink({ ...base, name: 'wlp0s20f3', wireless: true, hasDevice: true })).toBe('wifi');
    expect(classifyLinuxLink({ ...base, name: 'wwan0', uevent: 'DEVTYPE=wwan' })).toBe('cellular');
    expect(classifyLinuxLink({ ...base, name: 'tun0', tun: true })).toBe('vpn');
    expect(classifyLinuxLink({ ...base, name: 'wg0', uevent: 'DEVTYPE=wireguard\nINTERFACE=wg0' })).toBe('vpn');
    expect(classifyLinuxLink({ ...base, name: 'enp3s0', hasDevice: true })).toBe('wired');
    expect(classifyLinuxLink({ ...base, name: 'br0', uevent: 'DEVTYPE=bridge' })).toBe('other');
    expect(classifyLinuxLink({ ...base, name: 'veth1' })).toBe('other');
  });
});

describe('parseProcNetWireless', () => {
  it('reads the level in dBm', () => {
    expect(parseProcNetWireless(f('proc-net-wireless.txt'), 'wlp0s20f3')).toEqual({ dbm: -63, quality: 47 });
  });

  it('converts drivers that add 256 to the level', () => {
    expect(parseProcNetWireless(f('proc-net-wireless-offset.txt'), 'wlan0')).toEqual({ dbm: -55, quality: 60 });
  });

  it('returns null for another interface or empty text', () => {
    expect(parseProcNetWireless(f('proc-net-wireless.txt'), 'wlan1')).toBeNull();
    expect(parseProcNetWireless('', 'wlan0')).toBeNull();
  });
});

describe('summarizeLinuxPower', () => {
  const u = (name: string) => parsePowerSupplyUevent(f(name));

  it('reads a discharging laptop battery with the adapter unplugged (ADP1, missed by some libraries)', () => {
    expect(summarizeLinuxPower([u('uevent-bat0-discharging.txt'), u('uevent-adp1-offline.txt')])).toEqual({
      battery: { percent: 27, onBattery: true },
    });
  });

  it('is on mains when the adapter is online and the battery is not charging', () => {
    expect(summarizeLinuxPower([u('uevent-bat1-not-charging.txt'), u('uevent-acad-online.txt')])).toEqual({
      battery: { percent: 80, onBattery: false },
    });
  });

  it('ignores a wireless mouse battery on a desktop', () => {
    expect(summarizeLinuxPower([u('uevent-mouse-battery.txt')])).toEqual({ battery: null });
  });

  it('treats no power supplies as a desktop', () => {
    expect(summarizeLinuxPower([])).toEqual({ battery: null });
  });

  it('is unknown, not "plugged in", when nothing says where the power comes from', () => {
    const battery = f('uevent-bat0-discharging.txt').replace(/POWER_SUPPLY_STATUS=.*\n/, '');
    expect(summarizeLinuxPower([parsePowerSupplyUevent(battery)])).toBeNull();
  });

  it('never reads a value cut off at the end of a kernel file', () => {
    const wireless = f('proc-net-wireless.txt');
    expect(parseProcNetWireless(wireless.slice(0, wireless.indexOf('-63') + 2), 'wlp0s20f3')).toBeNull();
  });

  it('is unknown, not "a desktop", when a supply does not say what it is', () => {
    expect(summarizeLinuxPower([parsePowerSupplyUevent('garbage')])).toBeNull();
    expect(summarizeLinuxPower([u('uevent-acad-online.txt'), parsePowerSupplyUevent('')])).toBeNull();
  });
});

describe('parseSsSockets and programTrafficDelta', () => {
  it('attributes the bytes moved between two snapshots to programs', () => {
    const before = parseSsSockets(f('ss-tinp-before.txt'));
    const after = parseSsSockets(f('ss-tinp-after.txt'));
    expect(before).toHaveLength(3);
    expect(programTrafficDelta(before, after)).toEqual([
      { name: 'dropbox', bytes: 501000 },
      { name: 'firefox', bytes: 30900 },
    ]);
  });

  it('returns nothing for empty output', () => {
    expect(parseSsSockets('')).toEqual([]);
  });
});

describe('listeningRemotePorts', () => {
  it('lists SSH, RDP and VNC listening beyond loopback', () => {
    expect(listeningRemotePorts(f('ss-ltn.txt'))).toEqual([22, 3389]);
  });

  it('returns null, not "nothing listening", without the ss header', () => {
    expect(listeningRemotePorts('')).toBeNull();
    expect(listeningRemotePorts(f('ss-ltn.txt').split('\n').slice(1).join('\n'))).toBeNull();
  });
});

describe('parseOsRelease', () => {
  it('reads id and version', () => {
    expect(parseOsRelease(f('os-release-ubuntu.txt'))).toEqual({
      id: 'ubuntu',
      versionId: '24.04',
      prettyName: 'Ubuntu 24.04.3 LTS',
      idLike: 'debian',
    });
    expect(parseOsRelease(f('os-release-mint.txt'))?.id).toBe('linuxmint');
  });

  it('returns null without an ID', () => {
    expect(parseOsRelease('garbage')).toBeNull();
  });
});

describe('countLinuxHumanAccounts', () => {
  it('counts accounts in the human UID range with a login shell', () => {
    expect(countLinuxHumanAccounts(f('passwd.txt'), parseLoginDefs('UID_MIN\t\t\t 1000\nUID_MAX\t\t\t60000\n'))).toBe(
      2,
    );
  });

  it('returns null, never "one person", for a file that is not an account list', () => {
    const range = parseLoginDefs(null);
    expect(countLinuxHumanAccounts('', range)).toBeNull();
    expect(countLinuxHumanAccounts('garbage:x', range)).toBeNull();
    expect(countLinuxHumanAccounts('root:x:0:0:root:/root:/bin/bash\n', range)).toBeNull();
  });

  it('finds a LightDM guest session, and none where it is switched off or not installed', () => {
    const seat = (v: string) => `[Seat:*]\nallow-guest=${v}\n`;
    expect(linuxGuestLogin([seat('true')], false)).toBe(true);
    expect(linuxGuestLogin([seat('true'), seat('false')], true)).toBe(false);
    expect(linuxGuestLogin([null], true)).toBe(true);
    expect(linuxGuestLogin([], false)).toBe(false);
  });

  it('uses the default range when login.defs is missing', () => {
    expect(parseLoginDefs(null)).toEqual({ uidMin: 1000, uidMax: 60000 });
  });
});

describe('disk layout', () => {
  it('finds the crypt layer under LVM', () => {
    expect(lsblkChainTypes(f('lsblk-lvm-on-luks.json'))).toEqual(['lvm', 'crypt', 'part', 'disk']);
  });

  it('finds no crypt layer on a plain partition', () => {
    expect(lsblkChainTypes(f('lsblk-plain.json'))).not.toContain('crypt');
    expect(lsblkChainTypes('')).toBeNull();
    expect(lsblkChainTypes('{"blockdevices":[]}')).toBeNull();
  });

  it('strips the btrfs subvolume from the root source', () => {
    expect(parseFindmntRoot(f('findmnt-btrfs.json'))).toEqual({ source: '/dev/sda2', fstype: 'btrfs' });
    expect(parseFindmntRoot(f('findmnt-overlay.json'))).toEqual({ source: 'overlay', fstype: 'overlay' });
    expect(parseFindmntRoot('')).toBeNull();
  });

  it('lists swap devices', () => {
    expect(
      parseProcSwaps(
        'Filename\tType\tSize\tUsed\tPriority\n/dev/nvme0n1p2 partition 8388604 0 -2\n/swap.img file 2097148 0 -3\n',
      ),
    ).toEqual(['/dev/nvme0n1p2', '/swap.img']);
  });
});

describe('desktop settings', () => {
  it('parses gsettings values', () => {
    expect(parseGsettingsValue('true\n')).toBe(true);
    expect(parseGsettingsValue('uint32 300\n')).toBe(300);
    expect(parseGsettingsValue("'gnome'\n")).toBe('gnome');
    expect(parseGsettingsValue('No such schema “org.x”\n')).toBeNull();
  });

  it('detects automatic login in GDM', () => {
    expect(linuxAutoLogin({ gdm: [f('gdm-custom-autologin.conf')], lightdm: [], sddm: [] })).toBe(true);
    expect(linuxAutoLogin({ gdm: ['[daemon]\nAutomaticLoginEnable=false\n'], lightdm: [], sddm: [] })).toBe(false);
    expect(linuxAutoLogin({ gdm: [null, '[daemon]\nTimedLoginEnable=true\n'], lightdm: [], sddm: [] })).toBe(true);
  });

  it('detects automatic login in LightDM and SDDM', () => {
    expect(linuxAutoLogin({ gdm: [], lightdm: ['[Seat:*]\nautologin-user=jane\n'], sddm: [] })).toBe(true);
    expect(linuxAutoLogin({ gdm: [], lightdm: [], sddm: ['[Autologin]\nUser=jane\n'] })).toBe(true);
    expect(linuxAutoLogin({ gdm: [], lightdm: ['[Seat:*]\n#autologin-user=\n'], sddm: [] })).toBe(false);
    expect(linuxAutoLogin({ gdm: [], lightdm: ['[Seat:*]\nautologin-guest=true\n'], sddm: [] })).toBe(true);
  });

  it('lets a later configuration file switch automatic login off again', () => {
    expect(
      linuxAutoLogin({
        gdm: [],
        lightdm: ['[Seat:*]\nautologin-user=jane\n', '[Seat:*]\nautologin-user=\n'],
        sddm: [],
      }),
    ).toBe(false);
    expect(linuxAutoLogin({ gdm: [], lightdm: [], sddm: ['[Autologin]\nUser=\n', '[Autologin]\nUser=jane\n'] })).toBe(
      true,
    );
  });

  it('reads KDE screen locker settings, the user file before the system one', () => {
    expect(parseKscreenlockerrc([f('kscreenlockerrc')], null)).toEqual({
      autolock: true,
      timeoutMin: 15,
      requirePassword: true,
      defaulted: [],
    });
    expect(
      parseKscreenlockerrc(['[Daemon]\nTimeout=3\n', '[Daemon]\nAutolock=false\nTimeout=20\n'], null),
    ).toMatchObject({
      autolock: false,
      timeoutMin: 3,
    });
    expect(parseKscreenlockerrc(['[Daemon]\nAutolock=true\nTimeout=5\nRequirePassword=false\n'], null)).toMatchObject({
      requirePassword: false,
    });
    expect(parseKscreenlockerrc([null, '[Daemon]\nAutolock[$i]=false\n'], null)).toMatchObject({ autolock: false });
  });

  it('uses KDE defaults for missing settings only when they are known, and says so', () => {
    expect(parseKscreenlockerrc([null, null], plasmaScreenLockerDefaults)).toEqual({
      autolock: true,
      timeoutMin: 5,
      requirePassword: true,
      defaulted: ['Autolock', 'Timeout'],
    });
    expect(parseKscreenlockerrc([null, null], null)).toMatchObject({ autolock: null, timeoutMin: null });
  });

  it('finds a KDE restriction that forbids locking the screen', () => {
    expect(kdeLockScreenForbidden([null, '[KDE Action Restrictions][$i]\naction/lock_screen=false\n'])).toBe(true);
    expect(kdeLockScreenForbidden(['[KDE Action Restrictions]\naction/lock_screen=true\n', null])).toBe(false);
    expect(kdeLockScreenForbidden([null])).toBe(false);
  });

  it('reads the state systemctl prints, whatever its exit code', () => {
    expect(parseSystemctlIsActive('active\n')).toBe('active');
    expect(parseSystemctlIsActive('inactive\n')).toBe('inactive');
    expect(parseSystemctlIsActive('failed\n')).toBe('failed');
    expect(parseSystemctlIsActive('activating\n')).toBe('changing');
    expect(parseSystemctlIsActive('')).toBeNull();
    expect(
      parseSystemctlIsActive("System has not been booted with systemd as init system (PID 1). Can't operate.\n"),
    ).toBeNull();
  });
});

describe('pactl', () => {
  it('lists programs recording from a microphone, leaving out peak meters and paused streams', () => {
    expect(pactlRecordingPrograms(f('pactl-source-outputs.txt'))).toEqual([{ name: 'firefox', pid: 4321 }]);
    expect(pactlRecordingPrograms('')).toEqual([]);
  });

  it('recognises the headphone port of a PipeWire sink', () => {
    const name = 'alsa_output.pci-0000_00_1f.3-platform-skl_hda_dsp_generic.HiFi__hw_sofhdadsp__sink';
    expect(classifyPactlSink(f('pactl-sinks-headphones.txt'), name)).toMatchObject({ kind: 'headphones' });
  });

  it('recognises an HDMI output as speakers', () => {
    const name = 'alsa_output.pci-0000_00_1f.3-platform-skl_hda_dsp_generic.HiFi__hw_sofhdadsp_3__sink';
    expect(classifyPactlSink(f('pactl-sinks-headphones.txt'), name)?.kind).toBe('speakers');
  });

  it('recognises built-in speakers and Bluetooth headphones (PulseAudio)', () => {
    expect(
      classifyPactlSink(f('pactl-sinks-speakers-bt.txt'), 'alsa_output.pci-0000_00_1b.0.analog-stereo')?.kind,
    ).toBe('speakers');
    expect(classifyPactlSink(f('pactl-sinks-speakers-bt.txt'), 'bluez_output.AC_80_0A_11_22_33.1')).toMatchObject({
      name: 'WH-1000XM4',
      kind: 'headphones',
    });
  });

  it('returns null when the default sink is not listed', () => {
    expect(classifyPactlSink(f('pactl-sinks-speakers-bt.txt'), 'missing')).toBeNull();
  });
});

describe('parseFuserPids', () => {
  it('reads the pids', () => {
    expect(parseFuserPids(' 4321 5555')).toEqual([4321, 5555]);
    expect(parseFuserPids('')).toEqual([]);
  });
});
