import type { SafeStorage } from 'electron';

import type { KeychainPort } from '../vault/key-slots';

/**
 * The OS keychain through Electron's safeStorage. Linux's `basic_text` backend encrypts with a
 * fixed, public password, so it counts as no keychain at all.
 */
export function createSafeStorageKeychain(
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
    getSelectedStorageBackend?: () => string;
  },
  platform: NodeJS.Platform,
): KeychainPort {
  const backend = () => (platform === 'linux' ? (safeStorage.getSelectedStorageBackend?.() ?? 'unknown') : null);
  return {
    status() {
      if (!safeStorage.isEncryptionAvailable()) {
        return {
          available: false,
          backend: backend(),
          reason:
            'This computer does not offer a secure keychain to ReadyRoom, so you will need to type your passphrase.',
        };
      }
      const selected = backend();
      if (selected === 'basic_text' || selected === 'unknown') {
        return {
          available: false,
          backend: selected,
          reason:
            'No desktop keyring (such as GNOME Keyring or KWallet) is running, so the key could not be stored safely. Type your passphrase instead.',
        };
      }
      return { available: true, backend: selected, reason: null };
    },
    // safeStorage works on strings; base64 keeps the binary key intact through it.
    encrypt: (plain) => safeStorage.encryptString(plain.toString('base64')),
    decrypt: (cipher) => Buffer.from(safeStorage.decryptString(cipher), 'base64'),
  };
}
