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
import { fixture } from '../../helpers/probe-test-kit';

const f = (name: string) => fixture('darwin', name);

describe('parseDarwinDefaultRoutes', () => {
  it('takes the unscoped default route', () => {
    expect(parseDarwinDefaultRoutes(f('netstat-rn-wifi.txt'))).toEqual({
      primary: 'en0',
      defaults: ['en0', 'bridge100'],
    });
  });

  it('takes a VPN that captures all traffic with the 0/1 and 128.0/1 halves', () => {
    expect(parseDarwinDefaultRoutes(f('netstat-rn-vpn.txt'))).toEqual({ primary: 'utun4', defaults: ['en7', 'en0'] });
  });

  it('returns null, not "offline", for empty or garbage output', () => {
    expect(parseDarwinDefaultRoutes('')).toBeNull();
    expect(parseDarwinDefaultRoutes('%%% not a table')).toBeNull();
  });

  // Issue 9, defect 10: older macOS prints Refs and Use columns before Netif.
  it('finds the interface column from the header on older macOS', () => {
    expect(parseDarwinDefaultRoutes(f('netstat-rn-old-columns.txt'))).toEqual({ primary: 'en0', defaults: ['en0'] });
  });

  it('finds a full-tunnel VPN on older macOS too', () => {
    expect(parseDarwinDefaultRoutes(f('netstat-rn-old-columns-vpn.txt'))).toEqual({
      primary: 'utun3',
      defaults: ['en0'],
    });
  });

  it('knows the table but no default route when it is cut before one (offline, not misread)', () => {
    const text = f('netstat-rn-old-columns.txt');
    expect(parseDarwinDefaultRoutes(text.slice(0, text.indexOf('default')))).toEqual({ primary: null, defaults: [] });
  });
});

describe('parseHardwarePorts and classifyDarwinLink', () => {
  it('maps devices to port names and kinds (English)', () => {
    const ports = parseHardwarePorts(f('networksetup-ports-en.txt'));
    expect(ports.get('en0')).toBe('Wi-Fi');
    expect(classifyDarwinLink('en0', ports.get('en0'))).toBe('wifi');
    expect(classifyDarwinLink('en7', ports.get('en7'))).toBe('wired');
    expect(classifyDarwinLink('en3', ports.get('en3'))).toBe('wired');
    expect(classifyDarwinLink('en9', ports.get('en9'))).toBe('cellular');
    expect(classifyDarwinLink('bridge0', ports.get('bridge0'))).toBe('other');
  });

  it('recognises the German port name "WLAN"', () => {
    const ports = parseHardwarePorts(f('networksetup-ports-de.txt'));
    expect(classifyDarwinLink('en0', ports.get('en0'))).toBe('wifi');
    expect(classifyDarwinLink('en5', ports.get('en5'))).toBe('wired');
  });

  it('treats utun devices as VPNs and unknown devices as other', () => {
    expect(classifyDarwinLink('utun4', undefined)).toBe('vpn');
    expect(classifyDarwinLink('en12', undefined)).toBe('other');
  });
});

describe('parseAirportSignal', () => {
  it('reads the signal and security of the connected network, even with the name redacted', () => {
    expect(parseAirportSignal(f('system-profiler-airport.json'), 'en0')).toEqual({ dbm: -67, open: false });
  });

  it('flags an open network', () => {
    expect(parseAirportSignal(f('system-profiler-airport-open-weak.json'), 'en0')).toEqual({ dbm: -78, open: true });
  });

  it('returns no signal when macOS leaves it out', () => {
    expect(parseAirportSignal(f('system-profiler-airport-no-signal.json'), 'en0')).toEqual({ dbm: null, open: null });
  });

  it('returns null for another interface, empty output or garbage', () => {
    expect(parseAirportSignal(f('system-profiler-airport.json'), 'en1')).toBeNull();
    expect(parseAirportSignal('', 'en0')).toBeNull();
    expect(parseAirportSignal('{"broken', 'en0')).toBeNull();
  });
});

describe('parseNetstatInterfaceBytes', () => {
  it('reads bytes from the link row', () => {
    expect(parseNetstatInterfaceBytes(f('netstat-ibn-en0-before.txt'), 'en0')).toEqual({
      rx: 21987654321,
      tx: 1234567890,
    });
  });

  it('reads a VPN row whose address column is blank', () => {
    expect(parseNetstatInterfaceBytes(f('netstat-ibn-utun4.txt'), 'utun4')).toEqual({ rx: 51234567, tx: 4567890 });
  });

  it('returns null when the interface is missing', () => {
    expect(parseNetstatInterfaceBytes(f('netstat-ibn-utun4.txt'), 'en0')).toBeNull();
  });

  it('returns null for a link row cut short, never shifted counters', () => {
    const text = f('netstat-ibn-en0-before.txt');
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
  it('lists remote-access ports listening beyond this computer', () => {
    expect(parseDarwinListeningPorts(f('netstat-an-tcp.txt'))).toEqual([22, 5900]);
  });

  it('returns null, not "nothing listening", without netstat\'s header', () => {
    expect(parseDarwinListeningPorts('')).toBeNull();
    expect(parseDarwinListeningPorts('garbage')).toBeNull();
  });
});

describe('countDarwinScreenSharingSessions', () => {
  it('counts connections from other computers into Screen Sharing, not listeners or local ones', () => {
    expect(countDarwinScreenSharingSessions(f('netstat-an-tcp-viewer.txt'))).toBe(1);
    expect(countDarwinScreenSharingSessions(f('netstat-an-tcp.txt'))).toBe(0);
    expect(countDarwinScreenSharingSessions('')).toBeNull();
  });
});

describe('parseSocketFilterState', () => {
  it.each([
    ['socketfilterfw-on.txt', 'on'],
    ['socketfilterfw-block-all.txt', 'on'],
    ['socketfilterfw-off.txt', 'off'],
  ])('%s → %s', (name, state) => {
    expect(parseSocketFilterState(f(name))).toBe(state);
  });

  it('returns null for unexpected output', () => {
    expect(parseSocketFilterState('')).toBeNull();
  });
});

describe('parseFdesetupStatus', () => {
  it.each([
    ['fdesetup-on.txt', 'on'],
    ['fdesetup-off.txt', 'off'],
    ['fdesetup-encrypting.txt', 'encrypting'],
    ['fdesetup-deferred.txt', 'pending'],
    ['fdesetup-pending-restart.txt', 'pending'],
  ])('%s → %s', (name, state) => {
    expect(parseFdesetupStatus(f(name))).toBe(state);
  });

  it('returns null for garbage', () => {
    expect(parseFdesetupStatus('Error: unknown')).toBeNull();
  });

  it('returns null for an answer cut off before its end, which may have lost "Encryption in progress"', () => {
    expect(parseFdesetupStatus('FileVault is On.')).toBeNull();
    expect(parseFdesetupStatus(f('fdesetup-encrypting.txt'))).toBe('encrypting');
  });

  // Issue 9, defect 9: "Off, but will be enabled after the next restart" was read as plain off.
  it('reads FileVault waiting for a restart as pending, not off', () => {
    expect(parseFdesetupStatus(f('fdesetup-pending-restart.txt'))).toBe('pending');
  });
});

describe('parseSysadminctlScreenLock', () => {
  it('reads the delay from the syslog-prefixed line', () => {
    expect(parseSysadminctlScreenLock(f('sysadminctl-immediate.txt'))).toEqual({ enabled: true, delaySeconds: 0 });
    expect(parseSysadminctlScreenLock(f('sysadminctl-300.txt'))).toEqual({ enabled: true, delaySeconds: 300 });
    expect(parseSysadminctlScreenLock(f('sysadminctl-off.txt'))).toEqual({ enabled: false, delaySeconds: null });
    expect(parseSysadminctlScreenLock('')).toBeNull();
  });
});

describe('parsePmsetDisplaySleep', () => {
  it('reads display sleep minutes, 0 meaning never', () => {
    expect(parsePmsetDisplaySleep(f('pmset-g.txt'))).toBe(10);
    expect(parsePmsetDisplaySleep(f('pmset-g-never.txt'))).toBe(0);
    expect(parsePmsetDisplaySleep('')).toBeNull();
  });
});

describe('parseSwVers', () => {
  it('reads version and build', () => {
    expect(parseSwVers(f('sw-vers-15.txt'))).toEqual({ version: '15.6.1', build: '24G90' });
    expect(parseSwVers('nonsense')).toBeNull();
  });
});

describe('countDarwinHumanAccounts', () => {
  it('counts UIDs from 501 and skips system accounts', () => {
    expect(countDarwinHumanAccounts(f('dscl-users.txt'))).toBe(2);
  });

  it('returns null, never "one person", when no account was listed', () => {
    expect(countDarwinHumanAccounts('')).toBeNull();
    expect(countDarwinHumanAccounts('garbage here')).toBeNull();
    expect(countDarwinHumanAccounts('root 0\ndaemon 1\n')).toBeNull();
  });
});

describe('parseDndAssertions', () => {
  it('reads a Focus switched on by hand', () => {
    expect(parseDndAssertions(f('dnd-assertions-on.json'))).toBe(true);
    expect(parseDndAssertions(f('dnd-assertions-off.json'))).toBe(false);
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
  it('recognises built-in speakers', () => {
    expect(parseDarwinDefaultOutput(f('system-profiler-audio-speakers.json'))).toMatchObject({
      name: 'MacBook Pro Speakers',
      kind: 'speakers',
    });
  });

  it('recognises AirPods in use as a headset: Bluetooth, and also the default microphone', () => {
    expect(parseDarwinDefaultOutput(f('system-profiler-audio-airpods.json'))?.kind).toBe('headset');
  });

  it('calls a USB output without its own microphone in use unclear (it may be a speaker)', () => {
    expect(parseDarwinDefaultOutput(f('system-profiler-audio-usb.json'))).toMatchObject({ kind: 'unclear' });
  });

  // Issue 9, defect 8: names in other languages and USB headsets were "unclear".
  it('recognises a USB headset by its transport and microphone, not its name', () => {
    expect(parseDarwinDefaultOutput(f('system-profiler-audio-usb-headset.json'))).toMatchObject({
      name: 'INZONE H3',
      kind: 'headset',
    });
  });

  it('recognises Korean built-in speakers by transport', () => {
    expect(parseDarwinDefaultOutput(f('system-profiler-audio-korean-builtin.json'))).toMatchObject({
      name: 'MacBook Pro 스피커',
      kind: 'speakers',
    });
  });

  it('reads the built-in speakers as the default output even when a monitor is the system device', () => {
    expect(parseDarwinDefaultOutput(f('system-profiler-audio-builtin-with-monitor.json'))).toMatchObject({
      name: 'MacBook Pro Speakers',
      kind: 'speakers',
    });
  });

  it('recognises the built-in headphone jack, and never calls an audio interface a headset', () => {
    const jack = JSON.parse(f('system-profiler-audio-speakers.json')) as {
      SPAudioDataType: { _items: Record<string, unknown>[] }[];
    };
    const out = jack.SPAudioDataType[0]!._items[1]!;
    out._name = 'External Headphones';
    out.coreaudio_output_source = 'spaudio_default';
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
