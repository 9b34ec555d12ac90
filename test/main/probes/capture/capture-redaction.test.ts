import { isIPv4, isIPv6 } from 'node:net';

import { describe, expect, it } from 'vitest';

import { redactCapture, type KnownIdentifiers } from '../../../../main/probes/capture/capture-redaction';
import type { CaptureData } from '../../../../main/probes/capture/capture-types';
import { captureOf, command } from './capture-test-kit';

const nobody: KnownIdentifiers = { userNames: [], fullNames: [], computerNames: [] };
const marlowe: KnownIdentifiers = {
  userNames: ['pmarlowe'],
  fullNames: ['Philippa Marlowe'],
  computerNames: ['MARLOWE-THINKPAD', 'marlowe-thinkpad.home.lan'],
};

/** Redacts one command's output and returns it with the report. */
function redactOutput(stdout: string, known = nobody, argv = ['/usr/bin/tool']) {
  const { capture, report } = redactCapture(captureOf({ commands: [command(argv, stdout)] }), known);
  return { out: capture.commands[0]?.stdout ?? '', argv: capture.commands[0]?.argv, report, capture };
}

describe('redaction, kind by kind', () => {
  it('replaces MAC addresses with locally administered stand-ins, keeping separator and case', () => {
    const { out, report } = redactOutput(
      'ether 3c:22:fb:11:22:33\nPhysical address : 3C-58-C2-11-22-33\nbluez_output.A0_B1_C2_D3_E4_F5.1\nen0 <Link#6> f0:18:98:7c:1:e2\n',
    );
    expect(out).toBe(
      'ether 02:00:00:00:00:01\nPhysical address : 02-00-00-00-00-02\nbluez_output.02_00_00_00_00_03.1\nen0 <Link#6> 02:00:00:00:00:04\n',
    );
    expect(report.byKind['mac-address']).toBe(4);
  });

  it('keeps the all-zero and broadcast hardware addresses, which say nothing about the computer', () => {
    expect(redactOutput('lo 00:00:00:00:00:00 brd ff:ff:ff:ff:ff:ff\n').out).toBe(
      'lo 00:00:00:00:00:00 brd ff:ff:ff:ff:ff:ff\n',
    );
  });

  it('replaces IPv4 addresses with documentation addresses, also with a macOS ".port" suffix', () => {
    const { out, report } = redactOutput(
      'default via 10.23.45.1 dev wlan0 src 10.23.45.67\ntcp4 0 0 172.16.5.9.51544 17.57.146.20.5223 ESTABLISHED\n',
    );
    expect(out).toBe(
      'default via 192.0.2.1 dev wlan0 src 192.0.2.2\ntcp4 0 0 192.0.2.3.51544 192.0.2.4.5223 ESTABLISHED\n',
    );
    for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4']) expect(isIPv4(ip)).toBe(true);
    expect(report.byKind['ip-address']).toBe(4);
  });

  it('keeps loopback, any, masks, multicast, public resolvers and version numbers', () => {
    const text = 'dst 1.1.1.1 via 127.0.0.1 0.0.0.0/0 mask 255.255.255.0 mcast 224.0.0.251 Windows 10.0.26100.4351\n';
    expect(redactOutput(text).out).toBe(text);
  });

  it('replaces IPv6 addresses (global and link-local) but not loopback or "any"', () => {
    const { out } = redactOutput(
      'inet6 2a02:c7f:1234:5600::1/64\ninet6 fe80::1c2b:3dff:fe4e:5f60%en0\nLISTEN [::]:22 [::1]:631\n',
    );
    expect(out).toBe('inet6 2001:db8::1/64\ninet6 2001:db8::2%en0\nLISTEN [::]:22 [::1]:631\n');
    expect(isIPv6('2001:db8::2')).toBe(true);
  });

  // A column cut short leaves half an address, which the full-address rule missed: the prefix names the network.
  it('replaces IPv6 addresses that macOS netstat cut short in its columns', () => {
    const ibn = [
      'Name       Mtu   Network       Address            Ipkts Ierrs     Ibytes    Opkts Oerrs     Obytes  Coll',
      'en0        1500  fe80::18e3: fe80:b::18e3:6f1f: 18273645     - 21987654321  9182736     - 1234567890     -',
      'en0        1500  2a02:8109:b6c 2a02:8109:b6c0:1 18273645     - 21987654321  9182736     - 1234567890     -',
      '',
    ].join('\n');
    const { out, report } = redactOutput(ibn, nobody, ['/usr/sbin/netstat', '-ibn', '-I', 'en0']);
    for (const fragment of ['fe80::18e3:', 'fe80:b::18e3:6f1f:', '2a02:8109:b6c', '8109']) {
      expect(out).not.toContain(fragment);
    }
    expect(report.byKind['ip-address']).toBe(4);
    // Port ranges, times and version numbers are not addresses.
    const kept = 'allow 3000:3100/tcp at 09:14:02, build 10.0.26100\n';
    expect(redactOutput(kept).out).toBe(kept);
  });

  it('replaces the Wi-Fi network name and access point in netsh output, in any language', () => {
    const english =
      '    SSID                   : CornerCafeGuest\r\n    AP BSSID               : a0:b1:c2:d3:e4:f5\r\n    Profile                : CornerCafeGuest\r\n';
    const { out, report } = redactOutput(english);
    expect(out).toBe(
      '    SSID                   : network-1\r\n    AP BSSID               : 02:00:00:00:00:01\r\n    Profile                : network-1\r\n',
    );
    expect(report.byKind['wifi-network']).toBe(3);
    expect(report.byKind['mac-address']).toBeUndefined();
    const french = '    SSID                   : Maison\r\n    Profil                 : Maison\r\n';
    expect(redactOutput(french).out).toBe(
      '    SSID                   : network-1\r\n    Profil                 : network-1\r\n',
    );
  });

  it('replaces Wi-Fi names in system_profiler JSON, including the neighbours it lists', () => {
    const json = JSON.stringify({
      SPAirPortDataType: [
        {
          spairport_airport_interfaces: [
            {
              _name: 'en0',
              spairport_current_network_information: { _name: 'CornerCafeGuest', spairport_signal_noise: '-60 dBm' },
              spairport_airport_other_local_wireless_networks: [{ _name: 'NeighbourNet' }],
              spairport_wireless_mac_address: '3c:22:fb:11:22:33',
            },
          ],
        },
      ],
    });
    const parsed = JSON.parse(redactOutput(json).out) as {
      SPAirPortDataType: [{ spairport_airport_interfaces: [Record<string, unknown>] }];
    };
    const iface = parsed.SPAirPortDataType[0].spairport_airport_interfaces[0];
    expect(iface).toEqual({
      _name: 'en0',
      spairport_current_network_information: { _name: 'network-1', spairport_signal_noise: '-60 dBm' },
      spairport_airport_other_local_wireless_networks: [{ _name: 'network-2' }],
      spairport_wireless_mac_address: '02:00:00:00:00:01',
    });
  });

  it('replaces the known user, full and computer names wherever they occur, in any case', () => {
    const { out, report } = redactOutput(
      'Host Name: MARLOWE-THINKPAD\napplication.process.user = "pmarlowe"\nowner Philippa Marlowe (PMarlowe)\nmarlowe-thinkpad.home.lan\n',
      marlowe,
    );
    expect(out).toBe('Host Name: computer\napplication.process.user = "user"\nowner User (user)\ncomputer\n');
    expect(report.byKind['user-name']).toBe(3);
    expect(report.byKind['computer-name']).toBe(2);
  });

  it('replaces the user part of home paths (POSIX, Windows, JSON-escaped and ConsentStore style)', () => {
    const { out, report } = redactOutput(
      '/home/quentin/.config C:\\Users\\Quentin\\AppData "C:\\\\Users\\\\quentin\\\\x" C:#Users#quentin#Zoom.exe /Users/Shared /home/.ecryptfs\n',
    );
    expect(out).toBe(
      '/home/user/.config C:\\Users\\user\\AppData "C:\\\\Users\\\\user\\\\x" C:#Users#user#Zoom.exe /Users/Shared /home/.ecryptfs\n',
    );
    expect(report.byKind['home-path']).toBe(4);
  });

  it('replaces serial numbers by their label, in text and in JSON', () => {
    const { out } = redactOutput('Serial Number (system): C02XK1ABJGH5\n\t\tdevice.serial = "Jabra_0123456789"\n');
    expect(out).toBe('Serial Number (system): SERIAL000001\n\t\tdevice.serial = "SERIAL000002"\n');
    const json = redactOutput(
      '{"SPHardwareDataType":[{"serial_number":"C02XK1ABJGH5","machine_model":"MacBookAir10,1"}]}',
    );
    expect(JSON.parse(json.out)).toEqual({
      SPHardwareDataType: [{ serial_number: 'SERIAL000001', machine_model: 'MacBookAir10,1' }],
    });
  });

  it('replaces Windows account ids but keeps the account number after them', () => {
    const { out } = redactOutput('S-1-5-21-3623811015-3361044348-30300820-1013 S-1-12-1-123-456-789-1011 S-1-5-18\n');
    expect(out).toBe(
      'S-1-5-21-1000000000-1000000000-1000000001-1013 S-1-12-1-1000000000-1000000000-1000000000-1000000002 S-1-5-18\n',
    );
  });

  it('replaces e-mail addresses', () => {
    expect(redactOutput('signed in as p.marlowe@example-clinic.co.uk\n').out).toBe('signed in as user@example.com\n');
  });

  it('replaces disk and device UUIDs but keeps the Windows power-setting GUIDs powercfg prints', () => {
    const { out } = redactOutput(
      'luks-3f2a9c4e-1b7d-4e0a-9c3b-5d6e7f8a9b0c  Power Setting GUID: 3c0bc021-c8a8-4e07-a973-6b14cbcb2b7e\n',
    );
    expect(out).toBe(
      'luks-00000000-0000-4000-8000-000000000001  Power Setting GUID: 3c0bc021-c8a8-4e07-a973-6b14cbcb2b7e\n',
    );
  });

  it('replaces names of other computers on the local network', () => {
    expect(redactOutput('backup to nas-quentin.lan and printer.local\n').out).toBe(
      'backup to host-1.lan and host-2.local\n',
    );
  });

  it('replaces an owner name in a device name', () => {
    expect(redactOutput('{"_name":"Quentin’s AirPods Pro"}').out).toBe('{"_name":"User’s AirPods Pro"}');
  });

  it('replaces the owner in the names macOS gives Apple devices in other languages', () => {
    const names = [
      'AirPods Pro von Jo',
      'AirPods de Inès',
      'iPhone di Marco',
      'MacBook Air van Sanne',
      'Speakers von Bose',
    ];
    expect(JSON.parse(redactOutput(JSON.stringify(names)).out)).toEqual([
      'AirPods Pro von User',
      'AirPods de User',
      'iPhone di User',
      'MacBook Air van User',
      'Speakers von Bose',
    ]);
  });

  // A two-letter login name ("jo") was kept in home folders, account lists and the home folder itself.
  it('replaces a short user name where names are, without searching every text for it', () => {
    const jo: KnownIdentifiers = { userNames: ['jo'], fullNames: [], computerNames: [] };
    const data = captureOf({
      system: { platform: 'darwin', release: '24.6.0', arch: 'arm64' },
      homeDir: '/Users/jo',
      commands: [
        command(['/usr/bin/dscl', '.', '-list', '/Users', 'UniqueID'], 'root 0\njo 501\n'),
        command(['/usr/bin/defaults', 'read', '/Library/Preferences/com.apple.loginwindow', 'autoLoginUser'], 'jo\n'),
        command(['/usr/bin/tool'], 'logs in /Users/jo/Library, joins jobs\n'),
      ],
      files: [{ path: '/Users/jo/Library/DoNotDisturb/DB', list: ['Assertions.json'] }],
    });
    const { capture } = redactCapture(data, jo);
    expect(capture.homeDir).toBe('/Users/user');
    expect(capture.files[0]?.path).toBe('/Users/user/Library/DoNotDisturb/DB');
    expect(capture.commands.map((c) => c.stdout)).toEqual([
      'root 0\nuser 501\n',
      'user\n',
      'logs in /Users/user/Library, joins jobs\n',
    ]);
    const passwd = 'jo:x:1000:1000::/home/jo:/bin/bash\n';
    expect(
      redactCapture(captureOf({ files: [{ path: '/etc/passwd', text: passwd }] }), nobody).capture.files[0]?.text,
    ).toBe('user:x:1000:1000::/home/user:/bin/bash\n');
  });

  // With a warning line in front, the batch was redacted as plain text and a Wi-Fi name inside a part was kept.
  it('redacts the JSON lines of a Windows batch that has other lines among them', () => {
    const wifi =
      '    SSID                   : Cafe\r\n    AP BSSID               : a0:b1:c2:d3:e4:f5\r\n    Profile                : Cafe\r\n';
    const stdout = [
      '\ufeffWARNING: Some imported command names include unapproved verbs.',
      JSON.stringify({ readyroom: 'batch/2', part: 'os', ms: 1, value: { ProductName: 'Windows 11 Pro' } }),
      JSON.stringify({ readyroom: 'batch/2', part: 'wifi', ms: 3, value: wifi }),
      '',
    ].join('\r\n');
    const { out } = redactOutput(stdout, nobody, ['powershell.exe', '-Command', '-']);
    expect(out).not.toContain('Cafe');
    const lines = out.split('\r\n');
    expect(lines[0]).toBe('\ufeffWARNING: Some imported command names include unapproved verbs.');
    expect(JSON.parse(lines[2] ?? '')).toMatchObject({
      part: 'wifi',
      value:
        '    SSID                   : network-1\r\n    AP BSSID               : 02:00:00:00:00:01\r\n    Profile                : network-1\r\n',
    });
  });

  it('replaces the people in /etc/passwd and dscl, keeping system accounts and the line layout', () => {
    const passwd = 'root:x:0:0:root:/root:/bin/bash\nquentin:x:1000:1000:Quentin Blake,,,:/home/quentin:/bin/bash\n';
    const { capture } = redactCapture(captureOf({ files: [{ path: '/etc/passwd', text: passwd }] }), nobody);
    expect(capture.files[0]?.text).toBe(
      'root:x:0:0:root:/root:/bin/bash\nuser:x:1000:1000:User,,,:/home/user:/bin/bash\n',
    );
    const dscl = redactOutput('_www 70\nroot 0\nquentin 501\n', nobody, [
      '/usr/bin/dscl',
      '.',
      '-list',
      '/Users',
      'UniqueID',
    ]);
    expect(dscl.out).toBe('_www 70\nroot 0\nuser 501\n');
  });

  it('replaces the PulseAudio session secrets of `pactl info`', () => {
    const { out } = redactOutput(
      'User Name: quentin\nHost Name: quentin-desktop\nCookie: 8f3a:91bc\nServer Name: PulseAudio (on PipeWire 1.0.5)\n',
    );
    expect(out).toBe(
      'User Name: user\nHost Name: computer\nCookie: 000000001\nServer Name: PulseAudio (on PipeWire 1.0.5)\n',
    );
  });
});

describe('redaction keeps a capture consistent and usable', () => {
  it('gives the same value the same stand-in in arguments, paths and outputs, so a replay still matches', () => {
    const data = captureOf({
      commands: [
        command(
          ['/usr/bin/ip', '-j', 'route', 'show', 'default'],
          '[{"dst":"default","gateway":"10.0.0.1","dev":"enx001122334455"}]',
        ),
        command(
          ['/usr/bin/lsblk', '/dev/mapper/luks-3f2a9c4e-1b7d-4e0a-9c3b-5d6e7f8a9b0c'],
          'luks-3f2a9c4e-1b7d-4e0a-9c3b-5d6e7f8a9b0c crypt',
        ),
      ],
      files: [{ path: '/sys/class/net/enx001122334455/uevent', text: 'INTERFACE=enx001122334455\n' }],
    });
    const { capture } = redactCapture(data, nobody);
    expect(capture.commands[0]?.stdout).toBe('[{"dst":"default","gateway":"192.0.2.1","dev":"enx020000000001"}]');
    expect(capture.files[0]).toEqual({
      path: '/sys/class/net/enx020000000001/uevent',
      text: 'INTERFACE=enx020000000001\n',
    });
    expect(capture.commands[1]?.argv).toEqual([
      '/usr/bin/lsblk',
      '/dev/mapper/luks-00000000-0000-4000-8000-000000000001',
    ]);
    expect(capture.commands[1]?.stdout).toBe('luks-00000000-0000-4000-8000-000000000001 crypt');
  });

  it('learns a name in one place and removes it from places read before it', () => {
    const data = captureOf({
      commands: [command(['/usr/bin/tool'], 'last login by quentin\n')],
      files: [{ path: '/etc/passwd', text: 'quentin:x:1000:1000::/home/quentin:/bin/bash\n' }],
    });
    expect(redactCapture(data, nobody).capture.commands[0]?.stdout).toBe('last login by user\n');
  });

  it('keeps JSON outputs valid JSON and JSON lines one object per line', () => {
    const lines = [
      '{"readyroom":"batch/2","part":"wifi","ms":40,"value":"    SSID : CornerCafeGuest\\r\\n"}',
      '{"readyroom":"batch/2","part":"os","ms":3,"value":{"ProductName":"Windows 11 Pro"}}',
    ].join('\n');
    const { out, report } = redactOutput(`${lines}\n`);
    const parsed = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { value: unknown });
    expect(parsed[0]?.value).toBe('    SSID : network-1\r\n');
    expect(parsed[1]?.value).toEqual({ ProductName: 'Windows 11 Pro' });
    expect(report.where).toEqual([{ place: 'tool (output) › part wifi', kind: 'wifi-network', count: 1 }]);
  });

  it('reports kinds, counts and places, never the removed values', () => {
    const { report } = redactOutput('SSID : CornerCafeGuest\nsrc 10.23.45.67\n', marlowe);
    const text = JSON.stringify(report);
    for (const value of ['CornerCafeGuest', '10.23.45.67']) expect(text).not.toContain(value);
    expect(report.total).toBe(2);
    expect(report.where.map((w) => w.place)).toEqual(['tool (output)', 'tool (output)']);
  });

  it('records what it removed by kind in the capture itself', () => {
    const { capture } = redactOutput('src 10.23.45.67\n');
    expect(capture.redacted).toEqual({ 'ip-address': 1 });
  });

  it('does not treat common or system names as personal, so paths and outputs stay intact', () => {
    const known: KnownIdentifiers = {
      userNames: ['root', 'dev', 'user'],
      fullNames: [],
      computerNames: ['vm', 'localhost'],
    };
    const text = 'root on /dev/vda1 at localhost (vm)\n';
    expect(redactOutput(text, known).out).toBe(text);
  });

  it('redacts the environment, the home folder and program names too', () => {
    const data: CaptureData = captureOf({
      homeDir: '/home/pmarlowe',
      env: {
        SSH_CONNECTION: '10.1.2.3 51234 10.1.2.4 22',
        XDG_CONFIG_HOME: '/home/pmarlowe/.config',
        KDE_SESSION_VERSION: null,
      },
      programs: { rows: [{ name: 'pmarlowe backup', category: 'other' }] },
    });
    const { capture } = redactCapture(data, marlowe);
    expect(capture.homeDir).toBe('/home/user');
    expect(capture.env).toEqual({
      SSH_CONNECTION: '192.0.2.1 51234 192.0.2.2 22',
      XDG_CONFIG_HOME: '/home/user/.config',
      KDE_SESSION_VERSION: null,
    });
    expect(capture.programs).toEqual({ rows: [{ name: 'user backup', category: 'other' }] });
  });
});
