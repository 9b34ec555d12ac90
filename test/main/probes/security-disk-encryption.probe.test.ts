import { describe, expect, it } from 'vitest';

import { known, type DiskEncryptionFacts } from '../../../main/probes/platform/platform-types';
import { securityDiskEncryptionProbe } from '../../../main/probes/security-disk-encryption.probe';
import { fakeFacts, probeContext } from './helpers/probe-test-kit';

const run = (state: DiskEncryptionFacts['state'], warnings: string[] = []) =>
  securityDiskEncryptionProbe.run(
    probeContext({
      facts: fakeFacts({ diskEncryption: async () => known({ state, method: 'BitLocker', volume: 'C:', warnings }) }),
    }),
  );

describe('security.disk-encryption', () => {
  it.each([
    ['on', 'pass'],
    ['off', 'fail'],
    ['decrypting', 'fail'],
    ['encrypting', 'warn'],
    ['suspended', 'warn'],
    ['waiting', 'warn'],
    ['partial', 'warn'],
    ['pending', 'warn'],
  ] as const)('%s → %s', async (state, status) => {
    expect((await run(state)).status).toBe(status);
  });

  it('tells the therapist to restart when encryption is pending', async () => {
    expect((await run('pending')).summary).toMatch(/next restart.*not encrypted.*Restart/);
  });

  it('warns about an unencrypted swap partition even when the system drive is encrypted', async () => {
    expect((await run('on', ['The swap partition is not encrypted.'])).status).toBe('warn');
  });
});
