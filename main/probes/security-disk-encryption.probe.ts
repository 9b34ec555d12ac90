import { outcome, unresolved } from './probe-kit';
import type { Probe } from './probe-types';

/** Encrypting the computer's own drive protects notes if the computer is lost or stolen (ACTO guidance, 2020; ICO). */
export const securityDiskEncryptionProbe: Probe = {
  id: 'security.disk-encryption',
  async run({ facts }) {
    const fact = await facts.diskEncryption();
    if (fact.state !== 'known') return unresolved(fact, 'Could not tell whether the system drive is encrypted');
    const { state, method, volume, warnings } = fact.value;
    const evidence = { ...fact.evidence, state, method, volume, warnings: [...warnings] };
    const extra = warnings.length > 0 ? ` ${warnings.join(' ')}` : '';
    switch (state) {
      case 'on':
        return outcome(
          warnings.length > 0 ? 'warn' : 'pass',
          `The system drive is encrypted (${method}).${extra}`,
          evidence,
        );
      case 'encrypting':
        return outcome(
          'warn',
          `The system drive is being encrypted (${method}); leave the computer on until it finishes.`,
          evidence,
        );
      case 'suspended':
        return outcome('warn', `${method} protection is paused on the system drive. Resume it.`, evidence);
      case 'waiting':
        return outcome(
          'warn',
          `${method} is waiting to be switched on: the drive's key is not yet protected.`,
          evidence,
        );
      case 'pending':
        return outcome(
          'warn',
          `${method} is set to switch on at the next restart or sign-in; until then the drive is not encrypted. Restart the computer before the session.`,
          evidence,
        );
      case 'partial':
        return outcome('warn', `Only the home folder is encrypted (${method}), not the whole system drive.`, evidence);
      case 'locked':
        return outcome('warn', `The system drive reports ${method} as locked.`, evidence);
      case 'decrypting':
        return outcome('fail', `${method} is being switched off: the system drive is being decrypted.`, evidence);
      case 'off':
        return outcome('fail', `The system drive is not encrypted.${extra}`, evidence);
    }
  },
};
