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

  it('finds nothing in empty or garbage output', () => {
    expect(parseDarwinDefaultRoutes('')).toEqual({ primary: null, defaults: [] });
    expect(parseDarwinDefaultRoutes('%%% not a table')).toEqual({ primary: null, defaults: [] });
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
});

describe('parseDarwinListeningPorts', () => {
  it('lists remote-access ports listening beyond this computer', () => {
    expect(parseDarwinListeningPorts(f('netstat-an-tcp.txt'))).toEqual([22, 5900]);
  });
});

describe('countDarwinScreenSharingSessions', () => {
  it('counts connections from other computers into Screen Sharing, not listeners or local ones', () => {
    expect(countDarwinScreenSharingSessions(f('netstat-an-tcp-viewer.txt'))).toBe(1);
    expect(countDarwinScreenSharingSessions(f('netstat-an-tcp.txt'))).toBe(0);
    expect(countDarwinScreenSharingSessions('')).toBe(0);
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
    ['fdesetup-deferred.txt', 'waiting'],
  ])('%s → %s', (name, state) => {
    expect(parseFdesetupStatus(f(name))).toBe(state);
  });

  it('returns null for garbage', () => {
    expect(parseFdesetupStatus('Error: unknown')).toBeNull();
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
    expect(countDarwinHumanAccounts('')).toBe(0);
  });
});

describe('parseDndAssertions', () => {
  it('reads a Focus switched on by hand', () => {
    expect(parseDndAssertions(f('dnd-assertions-on.json'))).toBe(true);
    expect(parseDndAssertions(f('dnd-assertions-off.json'))).toBe(false);
    expect(parseDndAssertions('garbage')).toBeNull();
  });
});

describe('parseDarwinDefaultOutput', () => {
  it('recognises built-in speakers', () => {
    expect(parseDarwinDefaultOutput(f('system-profiler-audio-speakers.json'))).toMatchObject({
      name: 'MacBook Pro Speakers',
      kind: 'speakers',
    });
  });

  it('recognises AirPods as headphones', () => {
    expect(parseDarwinDefaultOutput(f('system-profiler-audio-airpods.json'))?.kind).toBe('headphones');
  });

  it('calls a generic USB output unclear', () => {
    expect(parseDarwinDefaultOutput(f('system-profiler-audio-usb.json'))).toMatchObject({
      kind: 'unclear',
      basis: 'connection usb',
    });
  });

  it('returns null without a default output', () => {
    expect(parseDarwinDefaultOutput('{"SPAudioDataType":[]}')).toBeNull();
  });
});
