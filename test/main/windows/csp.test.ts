import { describe, expect, it } from 'vitest';

import { contentSecurityPolicy, securityHeaders } from '../../../main/windows/csp';

/** The policy as a map of directive → sources. */
function directives(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

const policy = directives(contentSecurityPolicy);
const allSources = [...policy.values()].flat();

describe('contentSecurityPolicy', () => {
  it("starts from default-src 'none'", () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
  });

  it("sets frame-ancestors, object-src and base-uri to 'none'", () => {
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
  });

  it('lets scripts come only from the bundle itself', () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
  });

  it('allows no eval and no inline code', () => {
    for (const unsafe of [
      "'unsafe-eval'",
      "'unsafe-inline'",
      "'unsafe-hashes'",
      "'wasm-unsafe-eval'",
      "'strict-dynamic'",
    ]) {
      expect(allSources).not.toContain(unsafe);
    }
    expect(contentSecurityPolicy).not.toMatch(/unsafe/i);
  });

  it('names no remote origin, wildcard or network scheme', () => {
    const allowed = new Set(["'self'", "'none'", 'data:', 'blob:', 'mediastream:']);
    for (const source of allSources) expect(allowed, `source ${source}`).toContain(source);
    expect(contentSecurityPolicy).not.toMatch(/https?:|wss?:|\*|localhost|127\.0\.0\.1/);
  });

  it('allows media from camera and microphone streams', () => {
    expect(policy.get('media-src')).toEqual(expect.arrayContaining(['mediastream:']));
  });

  it('does not repeat a directive', () => {
    const names = contentSecurityPolicy.split(';').map((part) => part.trim().split(/\s+/)[0]);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('securityHeaders', () => {
  it('carries the CSP and forbids sniffing and referrers', () => {
    expect(securityHeaders['content-security-policy']).toBe(contentSecurityPolicy);
    expect(securityHeaders['x-content-type-options']).toBe('nosniff');
    expect(securityHeaders['referrer-policy']).toBe('no-referrer');
  });

  it('lets only the page itself use the camera and microphone, and nothing else', () => {
    const permissions = securityHeaders['permissions-policy'] ?? '';
    expect(permissions).toContain('camera=(self)');
    expect(permissions).toContain('microphone=(self)');
    expect(permissions).toContain('geolocation=()');
  });
});
