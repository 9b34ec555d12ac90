import { describe, expect, it } from 'vitest';

import { checkClientCode, clientCodeKey } from '../../../shared/logs/client-code';

describe('client-code', () => {
  it('accepts ordinary pseudonymous codes without warnings', () => {
    for (const code of ['AB-017', 'c12', 'Grp 3 #4', 'K/22', 'zz_9.1']) {
      expect(checkClientCode(code), code).toEqual({ valid: true, error: null, warnings: [] });
    }
  });

  it('warns about codes that look like an e-mail address, a phone number or a name', () => {
    expect(checkClientCode('jane@example.org').warnings).toContain('looks-like-email');
    expect(checkClientCode('+44 7700 900123').warnings).toContain('looks-like-phone');
    expect(checkClientCode('Jane Smith').warnings).toContain('looks-like-name');
    expect(checkClientCode('Margaret').warnings).toContain('looks-like-name');
  });

  it('refuses empty, over-long and odd codes with a plain reason', () => {
    expect(checkClientCode('   ')).toMatchObject({ valid: false, error: 'Enter a client code.' });
    expect(checkClientCode('A'.repeat(41)).valid).toBe(false);
    expect(checkClientCode('<script>').valid).toBe(false);
  });

  it('compares codes ignoring case, spaces around them and Unicode form', () => {
    expect(clientCodeKey(' ab-017 ')).toBe(clientCodeKey('AB-017'));
    expect(clientCodeKey('Zo\u00eb-1')).toBe(clientCodeKey('Zoe\u0308-1'));
    expect(clientCodeKey('AB-017')).not.toBe(clientCodeKey('AB-018'));
  });
});
