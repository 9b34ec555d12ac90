import { describe, expect, it } from 'vitest';

import { formatHostTarget, parseHostTarget } from '../../../shared/session/host-target';

describe('parseHostTarget', () => {
  it.each([
    ['zoom.us', { host: 'zoom.us', port: 443 }],
    ['  zoom.us  ', { host: 'zoom.us', port: 443 }],
    ['Meet.Example.ORG:8443', { host: 'meet.example.org', port: 8443 }],
    ['localhost', { host: 'localhost', port: 443 }],
    ['my-clinic-server', { host: 'my-clinic-server', port: 443 }],
    ['192.168.1.20:3478', { host: '192.168.1.20', port: 3478 }],
    ['[::1]', { host: '::1', port: 443 }],
    ['[2001:DB8::1]:8080', { host: '2001:db8::1', port: 8080 }],
    ['host:1', { host: 'host', port: 1 }],
    ['host:65535', { host: 'host', port: 65535 }],
  ])('parses %j', (input, expected) => {
    expect(parseHostTarget(input)).toEqual(expected);
  });

  it('uses the given default port', () => {
    expect(parseHostTarget('zoom.us', 80)).toEqual({ host: 'zoom.us', port: 80 });
  });

  it.each([
    ['an empty string', ''],
    ['only spaces', '   '],
    ['a URL', 'https://zoom.us'],
    ['a URL with a path', 'zoom.us/j/123'],
    ['port 0', 'host:0'],
    ['a port over 65535', 'host:65536'],
    ['a named port', 'host:https'],
    ['an empty port', 'host:'],
    ['a missing host', ':443'],
    ['a bare IPv6 address', '2001:db8::1'],
    ['an unclosed bracket', '[::1'],
    ['a bad IPv6 port', '[::1]:99999'],
    ['an underscore', 'bad_host.example'],
    ['a leading hyphen', '-bad.example'],
    ['a trailing hyphen', 'bad-.example'],
    ['an empty label', 'a..b'],
    ['a label over 63 characters', `${'a'.repeat(64)}.example`],
    ['a name over 253 characters', `${'a.'.repeat(127)}aa`],
    ['over 260 characters', 'a'.repeat(261)],
    ['a shell command', 'zoom.us; rm -rf /'],
    ['a command substitution', '$(reboot)'],
    ['spaces inside', 'zoom .us'],
    ['a newline', 'zoom.us\nevil'],
    ['a user name', 'user@zoom.us'],
  ])('refuses %s', (_label, input) => {
    expect(parseHostTarget(input)).toBeNull();
  });

  it.each([
    ['a hexadecimal port', 'host:0x50'],
    ['an exponent port', 'host:1e3'],
    ['a signed port', 'host:+80'],
    ['a port with a space', 'host: 80'],
    ['a fractional port', 'host:80.0'],
  ])('refuses a port that is not plain digits: %s', (_label, input) => {
    expect(parseHostTarget(input)).toBeNull();
  });

  it.each(['[:]', '[...]', '[::::::::]'])('refuses bracketed text that is not an IPv6 address: %s', (input) => {
    expect(parseHostTarget(input)).toBeNull();
  });
});

describe('formatHostTarget', () => {
  it('writes host:port, with brackets around an IPv6 address', () => {
    expect(formatHostTarget({ host: 'zoom.us', port: 443 })).toBe('zoom.us:443');
    expect(formatHostTarget({ host: '2001:db8::1', port: 8080 })).toBe('[2001:db8::1]:8080');
  });

  it.each(['zoom.us:443', '10.0.0.1:3478', '[::1]:443', '[2001:db8::1]:8080'])('round-trips %s', (text) => {
    const parsed = parseHostTarget(text);
    expect(parsed).not.toBeNull();
    if (parsed) expect(formatHostTarget(parsed)).toBe(text);
  });
});
