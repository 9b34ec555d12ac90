import { describe, expect, it } from 'vitest';

import { lowerFirst, unresolved } from '../../../main/probes/probe-kit';

describe('probe kit', () => {
  it('lower-cases an ordinary first word so a reason can follow a colon', () => {
    expect(lowerFirst('The "ip" tool is not available')).toBe('the "ip" tool is not available');
    expect(lowerFirst('Neither ufw nor firewalld is installed')).toBe('neither ufw nor firewalld is installed');
  });

  it('keeps names and abbreviations as they are written', () => {
    for (const text of [
      'ReadyRoom can only recognise ClamAV',
      'Windows did not answer',
      'GNOME did not report',
      'Wi-Fi is off',
      'macOS keeps it private',
      'System Information is not available on this computer',
      'Time Machine did not answer',
    ]) {
      expect(lowerFirst(text)).toBe(text);
    }
  });

  it('turns an unknown fact into unknown with the reason, and only a not-applicable one into skipped', () => {
    expect(
      unresolved({ state: 'unknown', reason: 'ReadyRoom cannot tell', evidence: {} }, 'Could not check'),
    ).toMatchObject({
      status: 'unknown',
      summary: 'Could not check: ReadyRoom cannot tell.',
    });
    expect(
      unresolved(
        { state: 'not-applicable', reason: 'Linux has no built-in voice assistant', evidence: {} },
        'Could not check',
      ).status,
    ).toBe('skipped');
  });
});
