import { describe, expect, it } from 'vitest';

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
} from '../../../../../main/probes/platform/parsers/darwin-parsers';
import { captureFile, capturedOutput } from '../../helpers/probe-test-kit';

// Outputs of the macOS captures in test/fixtures/captures/ (each says where its outputs come from).
const airMac = 'macos-hand-written'; // macOS 15 MacBook Air with AirPods, well kept
const unsafeMac = 'macos13-vpn-open-wifi-unsafe'; // macOS 13, real routing table, Korean names
const dockedMac = 'macos15-de-docked-vpn'; // German, USB LAN under a VPN, real USB headset list
const realMac = 'macos-real-routes-and-monitor-audio'; // real routing table and real sound devices
const usbMac = 'macos-usb-audio-interface';
const out = capturedOutput;
const routes = (mac: string) => out(mac, 'netstat', '-rn', '-f', 'inet');
const portsOf = (mac: string) => out(mac, 'networksetup', '-listallhardwareports');
const airport = (mac: string) => out(mac, 'system_profiler', '-json', 'SPAirPortDataType');
const audio = (mac: string) => out(mac, 'system_profiler', '-json', 'SPAudioDataType');
const tcp = (mac: string) => out(mac, 'netstat', '-an', '-p', 'tcp');
const firewall = (mac: string) => out(mac, 'socketfilterfw', '--getglobalstate');
const fdesetup = (mac: string) => out(mac, 'fdesetup', 'status');
const lock = (mac: string) => out(mac, 'sysadminctl', '-screenLock', 'status');
const airIbnBefore = await out(airMac, 'netstat', '-ibn', '-I', 'en0');

describe('parseDarwinDefaultRoutes', () => {
  it('takes the unscoped default route', async () => {
    expect(parseDarwinDefaultRoutes(await routes(airMac))).toEqual({
      primary: 'en0',
      defaults: ['en0', 'bridge100'],
    });
  });

  it('takes a VPN that captures all traffic with the 0/1 and 128.0/1 halves', async () => {
    expect(parseDarwinDefaultRoutes(await routes(dockedMac))).toEqual({ primary: 'utun4', defaults: ['en5', 'en0'] });
  });

  it('returns null, not "offline", for empty or garbage output', () => {
    expect(parseDarwinDefaultRoutes('')).toBeNull();
    expect(parseDarwinDefaultRoutes('%%% not a table')).toBeNull();
  });

  // Issue 9, defect 10: older macOS prints Refs and Use columns before Netif.
  it('finds the interface column from the header on older macOS', async () => {
    expect(parseDarwinDefaultRoutes(await routes(realMac))).toEqual({ primary: 'en0', defaults: ['en0'] });
  });

  it('finds a full-tunnel VPN on older macOS too', async () => {
    expect(parseDarwinDefaultRoutes(await routes(unsafeMac))).toEqual({
      primary: 'utun3',
      defaults: ['en0'],
    });
  });

  it('knows the table but no default route when it is cut before one (offline, not misread)', async () => {
    const text = await routes(realMac);
    expect(parseDarwinDefaultRoutes(text.slice(0, text.indexOf('default')))).toEqual({ primary: null, defaults: [] });
  });
});

describe('parseHardwarePorts and classifyDarwinLink', () => {
  it('maps devices to port names and kinds (English)', async () => {
    const ports = parseHardwarePorts(await portsOf(airMac));
    expect(ports.get('en0')).toBe('Wi-Fi');
    expect(classifyDarwinLink('en0', ports.get('en0'))).toBe('wifi');
    expect(classifyDarwinLink('en7', ports.get('en7'))).toBe('wired');
    expect(classifyDarwinLink('en3', ports.get('en3'))).toBe('wired');
    expect(classifyDarwinLink('en9', ports.get('en9'))).toBe('cellular');
    expect(classifyDarwinLink('bridge0', ports.get('bridge0'))).toBe('other');
  });

  it('recognises the German port name "WLAN"', async () => {
    const ports = parseHardwarePorts(await portsOf(dockedMac));
    expect(classifyDarwinLink('en0', ports.get('en0'))).toBe('wifi');
    expect(classifyDarwinLink('en5', ports.get('en5'))).toBe('wired');
  });

  it('treats utun devices as VPNs and unknown devices as other', () => {
    expect(classifyDarwinLink('utun4', undefined)).toBe('vpn');
    expect(classifyDarwinLink('en12', undefined)).toBe('other');
  });
});

describe('parseAirportSignal', () => {
  it('reads the signal and security of the connected network, even with the name redacted', async () => {
    expect(parseAirportSignal(await airport(airMac), 'en0')).toEqual({ dbm: -67, open: false });
  });

  it('flags an open network', async () => {
    expect(parseAirportSignal(await airport(unsafeMac), 'en0')).toEqual({ dbm: -78, open: true });
  });

  it('returns no signal when macOS leaves it out', async () => {
    expect(parseAirportSignal(await airport(realMac), 'en0')).toEqual({ dbm: null, open: null });
  });

  it('returns null for another interface, empty output or garbage', async () => {
    expect(parseAirportSignal(await airport(airMac), 'en1')).toBeNull();
    expect(parseAirportSignal('', 'en0')).toBeNull();
    expect(parseAirportSignal('{"broken', 'en0')).toBeNull();
  });
});

/** A VPN interface's rows: macOS leaves the link row's Address cell blank (hand-written). */
const utun4 = [
  'Name       Mtu   Network       Address            Ipkts Ierrs     Ibytes    Opkts Oerrs     Obytes  Coll',
  'utun4      1380  <Link#21>                         45678     0   51234567    34567     0    4567890     0',
  'utun4      1380  10.8.0/24     10.8.0.2            45678     -   51234567    34567     -    4567890     -',
  '',
].join('\n');

describe('parseNetstatInterfaceBytes', () => {
  it('reads bytes from the link row', () => {
    expect(parseNetstatInterfaceBytes(airIbnBefore, 'en0')).toEqual({
      rx: 21987654321,
      tx: 1234567890,
    });
  });

  it('reads a VPN row whose address column is blank', () => {
    expect(parseNetstatInterfaceBytes(utun4, 'utun4')).toEqual({ rx: 51234567, tx: 4567890 });
  });

  it('returns null when the interface is missing', () => {
    expect(parseNetstatInterfaceBytes(utun4, 'en0')).toBeNull();
  });

  it('returns null for a link row cut short, never shifted counters', () => {
    const text = airIbnBefore;
    const row = text.split('\n')[1] ?? '';
    for (let cut = row.indexOf('<Link'); cut < row.length - 1; cut += 3) {
      expect(
        parseNetstatInterfaceBytes(`${text.split('\n')[0]}\n${row.slice(0, cut)}`, 'en0'),
        row.slice(0, cut),
      ).toBeNull();
    }
  });
});

describe('parseDarwinListeningPorts', () => {
  it('lists remote-access ports listening beyond this computer', async () => {
    expect(parseDarwinListeningPorts(await tcp(realMac))).toEqual([22, 5900]);
  });

  it('returns null, not "nothing listening", without netstat\'s header', () => {
    expect(parseDarwinListeningPorts('')).toBeNull();
    expect(parseDarwinListeningPorts('garbage')).toBeNull();
  });
});

describe('countDarwinScreenSharingSessions', () => {
  it('counts connections from other computers into Screen Sharing, not listeners or local ones', async () => {
    expect(countDarwinScreenSharingSessions(await tcp(unsafeMac))).toBe(1);
    expect(countDarwinScreenSharingSessions(await tcp(realMac))).toBe(0);
    expect(countDarwinScreenSharingSessions('')).toBeNull();
  });
});

describe('parseSocketFilterState', () => {
  it.each([
    [airMac, 'on'],
    [dockedMac, 'on'], // blocking all incoming connections
    [unsafeMac, 'off'],
  ])('%s → %s', async (mac, state) => {
    expect(parseSocketFilterState(await firewall(mac))).toBe(state);
  });

  it('returns null for unexpected output', () => {
    expect(parseSocketFilterState('')).toBeNull();
  });
});

describe('parseFdesetupStatus', () => {
  it.each([
    [airMac, 'on'],
    [realMac, 'off'],
    [dockedMac, 'encrypting'],
    [usbMac, 'pending'], // deferred enablement
    [unsafeMac, 'pending'], // enabled after the next restart
  ])('%s → %s', async (mac, state) => {
    expect(parseFdesetupStatus(await fdesetup(mac))).toBe(state);
  });

  it('returns null for garbage', () => {
    expect(parseFdesetupStatus('Error: unknown')).toBeNull();
  });

  it('returns null for an answer cut off before its end, which may have lost "Encryption in progress"', async () => {
    expect(parseFdesetupStatus('FileVault is On.')).toBeNull();
    expect(parseFdesetupStatus(await fdesetup(dockedMac))).toBe('encrypting');
  });

  // Issue 9, defect 9: "Off, but will be enabled after the next restart" was read as plain off.
  it('reads FileVault waiting for a restart as pending, not off', async () => {
    expect(parseFdesetupStatus(await fdesetup(unsafeMac))).toBe('pending');
  });
});

describe('parseSysadminctlScreenLock', () => {
  it('reads the delay from the syslog-prefixed line', async () => {
    expect(parseSysadminctlScreenLock(await lock(airMac))).toEqual({ enabled: true, delaySeconds: 0 });
    expect(parseSysadminctlScreenLock(await lock(dockedMac))).toEqual({ enabled: true, delaySeconds: 300 });
    expect(parseSysadminctlScreenLock(await lock(unsafeMac))).toEqual({ enabled: false, delaySeconds: null });
    expect(parseSysadminctlScreenLock('')).toBeNull();
  });
});

describe('parsePmsetDisplaySleep', () => {
  it('reads display sleep minutes, 0 meaning never', async () => {
    expect(parsePmsetDisplaySleep(await out(airMac, 'pmset', '-g'))).toBe(10);
    expect(parsePmsetDisplaySleep(await out(unsafeMac, 'pmset', '-g'))).toBe(0);
    expect(parsePmsetDisplaySleep('')).toBeNull();
  });
});

describe('parseSwVers', () => {
  it('reads version and build', async () => {
    expect(parseSwVers(await out(airMac, 'sw_vers'))).toEqual({ version: '15.6.1', build: '24G90' });
    expect(parseSwVers(await out(unsafeMac, 'sw_vers'))).toEqual({ version: '13.7.8', build: '22H730' });
    expect(parseSwVers('nonsense')).toBeNull();
  });
});

describe('countDarwinHumanAccounts', () => {
  it('counts UIDs from 501 and skips system accounts', async () => {
    expect(countDarwinHumanAccounts(await out(unsafeMac, 'dscl', '.', '-list', '/Users', 'UniqueID'))).toBe(2);
    expect(countDarwinHumanAccounts(await out(airMac, 'dscl', '.', '-list', '/Users', 'UniqueID'))).toBe(1);
  });

  it('returns null, never "one person", when no account was listed', () => {
    expect(countDarwinHumanAccounts('')).toBeNull();
    expect(countDarwinHumanAccounts('garbage here')).toBeNull();
    expect(countDarwinHumanAccounts('root 0\ndaemon 1\n')).toBeNull();
  });
});

describe('parseDndAssertions', () => {
  it('reads a Focus switched on by hand', () => {
    expect(parseDndAssertions(captureFile(dockedMac, 'pasted/dnd-assertions.json'))).toBe(true);
    expect(parseDndAssertions(captureFile(airMac, 'pasted/dnd-assertions.json'))).toBe(false);
    expect(parseDndAssertions('garbage')).toBeNull();
  });

  it('reads a store without an assertion list as no Focus, and odd shapes as unknown', () => {
    expect(parseDndAssertions('{"data":[{}],"header":{"version":1}}')).toBe(false);
    expect(parseDndAssertions('{"data":{}}')).toBeNull();
    expect(parseDndAssertions('{"data":[{"storeAssertionRecords":{}}]}')).toBeNull();
    expect(parseDndAssertions('null')).toBeNull();
  });
});

describe('parseDarwinDefaultOutput', () => {
  it('recognises built-in speakers', async () => {
    expect(parseDarwinDefaultOutput(await audio(realMac))).toMatchObject({
      name: 'MacBook Pro Speakers',
      kind: 'speakers',
      basis: 'built-in output',
    });
  });

  it('recognises AirPods in use as a headset: Bluetooth, and also the default microphone', async () => {
    expect(parseDarwinDefaultOutput(await audio(airMac))?.kind).toBe('headset');
  });

  it('calls a USB output without its own microphone in use unclear (it may be a speaker)', async () => {
    expect(parseDarwinDefaultOutput(await audio(usbMac))).toMatchObject({ kind: 'unclear' });
  });

  // Issue 9, defect 8: names in other languages and USB headsets were "unclear".
  it('recognises a USB headset by its transport and microphone, not its name', async () => {
    expect(parseDarwinDefaultOutput(await audio(dockedMac))).toMatchObject({
      name: 'INZONE H3',
      kind: 'headset',
    });
  });

  it('recognises Korean built-in speakers by transport', async () => {
    expect(parseDarwinDefaultOutput(await audio(unsafeMac))).toMatchObject({
      name: 'MacBook Pro 스피커',
      kind: 'speakers',
    });
  });

  it('reads the built-in speakers as the default output even when a monitor is the system device', async () => {
    expect(parseDarwinDefaultOutput(await audio(realMac))).toMatchObject({
      name: 'MacBook Pro Speakers',
      kind: 'speakers',
    });
  });

  it('recognises the built-in headphone jack, and never calls an audio interface a headset', async () => {
    const jack = JSON.parse(await audio(realMac)) as {
      SPAudioDataType: { _items: Record<string, unknown>[] }[];
    };
    const speakers = jack.SPAudioDataType[0]!._items.find((i) => i.coreaudio_default_audio_output_device)!;
    speakers._name = 'External Headphones';
    speakers.coreaudio_output_source = 'spaudio_default';
    expect(parseDarwinDefaultOutput(JSON.stringify(jack))?.kind).toBe('headphones');
    const iface = JSON.stringify({
      SPAudioDataType: [
        {
          _items: [
            {
              _name: 'Scarlett 2i2 USB',
              coreaudio_default_audio_input_device: 'spaudio_yes',
              coreaudio_default_audio_output_device: 'spaudio_yes',
              coreaudio_device_input: 2,
              coreaudio_device_output: 2,
              coreaudio_device_transport: 'coreaudio_device_type_usb',
            },
          ],
        },
      ],
    });
    expect(parseDarwinDefaultOutput(iface)?.kind).toBe('unclear');
  });

  it('returns null without a default output', () => {
    expect(parseDarwinDefaultOutput('{"SPAudioDataType":[]}')).toBeNull();
  });
});
