import { describe, expect, it } from 'vitest';

import {
  addressText,
  builtInTargetKeys,
  checkPlatformAddress,
  checkSpeedTestUrl,
  publicHostProblem,
} from '../../../shared/network/network-address';
import { sessionPlatforms } from '../../../shared/session/platforms';

describe('checkPlatformAddress', () => {
  it.each([
    ['video.example.org', 'video.example.org:443'],
    ['  Video.Example.ORG  ', 'video.example.org:443'],
    ['video.example.org:8443', 'video.example.org:8443'],
    ['video.example.org:80', 'video.example.org:80'],
    ['turn.example.org:3478', 'turn.example.org:3478'],
    ['https://meet.example.org/therapy-room-17?pwd=abc', 'meet.example.org:443'],
    ['https://meet.example.org:4443/room', 'meet.example.org:4443'],
    ['http://meet.example.org/room', 'meet.example.org:443'],
    ['8.8.8.8', '8.8.8.8:443'],
    ['[2a00:1450:4009:81f::200e]:443', '[2a00:1450:4009:81f::200e]:443'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example:443'],
  ])('accepts %j as %s (what a therapist might type or paste)', (input, key) => {
    expect(checkPlatformAddress(input)).toMatchObject({ ok: true, key });
  });

  it.each([
    ['this computer', 'localhost'],
    ['this computer, with a port', 'localhost:3000'],
    ['a name under localhost', 'app.localhost'],
    ['a loopback address', '127.0.0.1'],
    ['another loopback address', '127.8.9.10:8080'],
    ['a loopback address as a number', '2130706433'],
    ['a loopback address in hex', '0x7f.1'],
    ['a short loopback address', '127.1'],
    ['a loopback address in octal (the system resolves it to 127.0.0.1)', '0177.0.0.1'],
    ['a private address in octal (the system resolves it to 10.0.0.1)', '012.0.0.1'],
    ['an address with an octet over 255', '1.2.3.256'],
    ['the "this network" address', '0.0.0.0'],
    ['a home network address', '192.168.0.1'],
    ['an office network address', '10.1.2.3'],
    ['another private range', '172.20.0.5'],
    ['the cloud metadata address', '169.254.169.254'],
    ['a carrier-grade NAT address (Alibaba metadata)', '100.100.100.200'],
    ['a multicast address', '239.255.255.250:1900'],
    ['the broadcast address', '255.255.255.255'],
    ['the IPv6 loopback', '[::1]'],
    ['the IPv6 unspecified address', '[::]'],
    ['an IPv6 link-local address', '[fe80::1]'],
    ['an IPv6 unique local address (AWS metadata)', '[fd00:ec2::254]'],
    ['an IPv4-mapped loopback', '[::ffff:127.0.0.1]'],
    ['an IPv4-mapped private address in hex', '[::ffff:c0a8:101]'],
    ['a NAT64 private address', '[64:ff9b::10.0.0.1]'],
    ['a short intranet name', 'fileserver'],
    ['an mDNS name', 'nas.local'],
    ['a name on an internal zone', 'metadata.google.internal'],
    ['a home.arpa name', 'router.home.arpa'],
    ['a .lan name', 'box.lan'],
    ['a loopback in a pasted link', 'https://127.0.0.1:9222/json'],
    ['a disguised loopback in a pasted link', 'http://0x7f000001/'],
    ['SSH on an internet host', 'meet.example.org:22'],
    ['SMB on an internet host', 'meet.example.org:445'],
    ['a file link', 'file:///etc/passwd'],
    ['a URL that is not web', 'ftp://example.org/'],
    ['nonsense', 'not a host'],
    ['a path without a scheme', 'meet.example.org/room'],
  ])('refuses %s (%j) with a reason in plain words', (_label, input) => {
    const result = checkPlatformAddress(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^[A-Z].{20,}\.$/);
  });

  it('names the problem so the therapist can fix it', () => {
    expect(checkPlatformAddress('localhost')).toMatchObject({
      reason: expect.stringMatching(/on this computer or a private network/),
    });
    expect(checkPlatformAddress('meet.example.org:22')).toMatchObject({ reason: expect.stringMatching(/^Port 22 /) });
  });

  it('keeps only the host and port of a pasted meeting link, never its path', () => {
    const result = checkPlatformAddress('https://meet.example.org/room-17?pwd=secret');
    expect(result.ok && addressText(result.target)).toBe('meet.example.org');
    expect(JSON.stringify(result)).not.toContain('secret');
  });
});

describe('checkSpeedTestUrl', () => {
  it('accepts an https address of an internet host', () => {
    expect(checkSpeedTestUrl('https://speed.example.net/10MB.bin')).toMatchObject({
      ok: true,
      key: 'speed.example.net:443',
    });
    expect(checkSpeedTestUrl(' https://speed.example.net:8443/f ')).toMatchObject({
      ok: true,
      key: 'speed.example.net:8443',
    });
  });

  it.each([
    ['plain http', 'http://speed.example.net/file', /must start with https:\/\//],
    ['plain http to this computer', 'http://localhost:8080/file', /must start with https:\/\//],
    ['https to this computer', 'https://127.0.0.1/file', /on this computer or a private network/],
    [
      'https to the metadata address',
      'https://169.254.169.254/latest/meta-data/',
      /on this computer or a private network/,
    ],
    ['https to a home router', 'https://192.168.1.1/', /on this computer or a private network/],
    ['a password in the address', 'https://user:pw@speed.example.net/file', /user name or password/],
    ['a privileged port', 'https://speed.example.net:25/', /^Port 25 /],
    ['no address at all', 'speed.example.net/file', /not a web address/],
    ['another scheme', 'file:///etc/hosts', /must start with https:\/\//],
  ])('refuses %s with a clear message', (_label, input, reason) => {
    const result = checkSpeedTestUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('built-in platform hosts', () => {
  it('are every catalog platform host on 443, each an internet host', () => {
    const keys = sessionPlatforms.flatMap((p) =>
      p.timing.kind === 'host' ? [`${p.timing.host}:${p.timing.port}`] : [],
    );
    expect(keys.length).toBeGreaterThan(5);
    expect([...builtInTargetKeys].sort()).toEqual([...new Set(keys)].sort());
    for (const key of keys) expect(publicHostProblem(key.replace(/:\d+$/, ''))).toBeNull();
  });
});
